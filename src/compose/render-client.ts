import * as Comlink from 'comlink';
import type { ExportJob, ExportProgress, ExportResult, RenderApi } from '../../workers/render/types.ts';
import type { Timeline } from './types.ts';

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
  job: ExportJob,
  opts: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {},
): Promise<ExportResult> {
  if (opts.signal?.aborted) throw new RenderError('cancelled', 'Export cancelled.');
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
