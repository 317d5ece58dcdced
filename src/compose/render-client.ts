import * as Comlink from 'comlink';
import type { ExportJob, ExportProgress, ExportResult, RenderApi } from '../../workers/render/types.ts';
import type { Timeline } from './types.ts';
import { getMedia } from '../storage/projects.ts';
import { removeScratchExport } from '../storage/files.ts';
import { decodeMusicChannels, MUSIC_SAMPLE_RATE, voiceWithMusic } from './music-decode.ts';

export class RenderError extends Error {
  override name = 'RenderError';
  constructor(
    readonly code: 'cancelled' | 'crashed' | 'encoder' | 'storage',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const musicCache = new Map<string, Promise<Float32Array[] | null>>();

/** The project's music file as PCM at `sampleRate`, up to `channels` channels (decoded once); null when it was deleted. */
export function musicFor(mediaId: string, sampleRate: number, channels = 1): Promise<Float32Array[] | null> {
  const key = `${mediaId}@${sampleRate}x${channels}`;
  let p = musicCache.get(key);
  if (!p) {
    p = getMedia(mediaId).then(async (m) => (m ? decodeMusicChannels(await m.blob.arrayBuffer(), sampleRate, channels) : null));
    p.catch(() => musicCache.delete(key));
    musicCache.set(key, p);
  }
  return p;
}

/** The creative's background music under the voice (44.1 kHz, stereo for stereo music), so every export path has it. */
export async function withMusic(job: ExportJob): Promise<ExportJob> {
  const m = job.timeline.music;
  if (!m) return job;
  const music = await musicFor(m.mediaId, MUSIC_SAMPLE_RATE, 2);
  if (!music) return job;
  return { ...job, audio: await voiceWithMusic(job.audio, music, m.volume) };
}

/** How long a busy export may leave a ping unanswered before it counts as dead. */
const PING_TIMEOUT_MS = 10_000;
const PING_EVERY_MS = 2_000;

function spawn(): { worker: Worker; api: Comlink.Remote<RenderApi>; crashed: Promise<never> } {
  const worker = new Worker(new URL('../../workers/render/render.worker.ts', import.meta.url), { type: 'module', name: 'render' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new RenderError('crashed', `The video renderer stopped unexpectedly${e.message ? ` (${e.message})` : ''}. Try again.`));
    });
  });
  crashed.catch(() => undefined);
  return { worker, api: Comlink.wrap<RenderApi>(worker), crashed };
}

/** The live preview: a page canvas drawn by a worker, so the page never stutters. */
export class PreviewRenderer {
  private w = spawn();
  private busy = false;
  private ready: Promise<void>;

  constructor(canvas: HTMLCanvasElement) {
    const off = canvas.transferControlToOffscreen();
    this.ready = this.w.api.attachPreview(Comlink.transfer(off, [off]));
  }

  async setCreative(timeline: Timeline, images: Blob[]): Promise<void> {
    await this.ready;
    await this.w.api.setCreative(timeline, images);
  }

  async setTimeline(timeline: Timeline): Promise<void> {
    await this.w.api.setTimeline(timeline);
  }

  async resize(width: number, height: number): Promise<void> {
    await this.ready;
    await this.w.api.resizePreview(width, height);
  }

  /** Draws t; skipped (returns false) if the previous frame is still being drawn. */
  async draw(t: number): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await this.w.api.drawPreview(t);
      return true;
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.w.api[Comlink.releaseProxy]();
    this.w.worker.terminate();
  }
}

/**
 * Exports in a worker of its own: cancelling terminates it (a running encode cannot be
 * interrupted otherwise), and a crash fails this export only.
 */
export async function exportVideo(
  input: ExportJob,
  opts: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {},
): Promise<ExportResult> {
  if (opts.signal?.aborted) throw new RenderError('cancelled', 'Export cancelled.');
  // The creative's background music goes under the voice here, so every export path has it.
  const job = await withMusic(input);
  const w = spawn();
  const aborted = new Promise<never>((_, reject) => {
    opts.signal?.addEventListener('abort', () => reject(new RenderError('cancelled', 'Export cancelled.')), { once: true });
  });
  // Progress messages already in flight when the export ends must not resurrect it.
  let settled = false;
  // A worker that dies without an error event (killed for memory, closed) answers no pings.
  let pinger: ReturnType<typeof setInterval> | undefined;
  const silent = new Promise<never>((_, reject) => {
    let last = performance.now();
    pinger = setInterval(() => {
      void w.api.ping().then(() => (last = performance.now()));
      if (performance.now() - last > PING_TIMEOUT_MS) {
        reject(new RenderError('crashed', 'The video renderer stopped responding (it may have run out of memory). Your project is safe; try the export again.'));
      }
    }, PING_EVERY_MS);
  });
  try {
    return await Promise.race([
      silent,
      w.api.exportMp4(job, Comlink.proxy((p: ExportProgress) => {
        if (!settled) opts.onProgress?.(p);
      })),
      w.crashed,
      aborted,
    ]);
  } catch (err) {
    // Cancelled, crashed or failed: the half-written file goes now, not at the next clean-up.
    w.worker.terminate();
    await removeScratchExport(job.fileName);
    if (err instanceof RenderError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    const name = (err as { name?: string } | null)?.name ?? '';
    if (name === 'QuotaExceededError' || /quota/i.test(msg)) throw new RenderError('storage', 'There is not enough free storage to write the video. Delete old exports and try again.', { cause: err });
    throw new RenderError('encoder', `The video could not be encoded: ${msg}`, { cause: err });
  } finally {
    settled = true;
    clearInterval(pinger);
    w.api[Comlink.releaseProxy]();
    w.worker.terminate();
  }
}

/**
 * Stills of any creative of one set of images, drawn in a worker of its own: the creatives
 * gallery's thumbnails. Images are decoded once per set.
 */
export class SnapshotRenderer {
  private w = spawn();
  private images: Blob[] | null = null;

  async snapshot(timeline: Timeline, images: Blob[], t: number, width: number, height: number): Promise<ImageBitmap> {
    if (images !== this.images) {
      await this.w.api.setCreative(timeline, images);
      this.images = images;
    }
    return this.w.api.snapshot(timeline, t, width, height);
  }

  dispose(): void {
    this.w.api[Comlink.releaseProxy]();
    this.w.worker.terminate();
  }
}
