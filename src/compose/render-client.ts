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
  try {
    return await Promise.race([
      w.api.exportMp4(job, Comlink.proxy((p: ExportProgress) => {
        if (!settled) opts.onProgress?.(p);
      })),
      w.crashed,
      aborted,
    ]);
  } catch (err) {
    if (err instanceof RenderError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    if (/quota/i.test(msg)) throw new RenderError('storage', 'There is not enough free storage to write the video. Delete old exports and try again.', { cause: err });
    throw new RenderError('encoder', `The video could not be encoded: ${msg}`, { cause: err });
  } finally {
    settled = true;
    w.api[Comlink.releaseProxy]();
    w.worker.terminate();
  }
}
