import * as Comlink from 'comlink';
import { loadCustomAvatar } from '../../src/lipsync/warp/assets.ts';
import { createKeyer } from './keying.ts';
import { prepareAssets, type RenderAssets } from '../../src/compose/assets.ts';
import { renderFrame } from '../../src/compose/render.ts';
import type { Timeline } from '../../src/compose/types.ts';
import { exportMp4 } from './export.ts';
import type { ExportJob, ExportProgress, RenderApi } from './types.ts';
import { ImageCache } from './images.ts';
import { loadFonts, loadTimelineFonts } from './fonts.ts';

/** The live preview: a canvas transferred from the page, redrawn on request. */
let preview: { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } | null = null;
let creative: { timeline: Timeline; assets: RenderAssets } | null = null;
const imageCache = new ImageCache();

const api: RenderApi = {
  ping: () => performance.now(),

  async attachPreview(canvas: OffscreenCanvas): Promise<void> {
    await loadFonts();
    preview = { canvas, ctx: canvas.getContext('2d', { alpha: false })! };
  },

  resizePreview(width: number, height: number): void {
    if (!preview) return;
    preview.canvas.width = width;
    preview.canvas.height = height;
  },

  async setCreative(timeline: Timeline, images: Blob[]): Promise<void> {
    // Images already decoded for this preview are reused (regenerating a video keeps its photos).
    const [bitmaps] = await Promise.all([imageCache.decode(images), loadTimelineFonts(timeline)]);
    creative = { timeline, assets: prepareAssets(bitmaps) };
    creative.assets.avatar = await loadCustomAvatar(timeline.presenterId, createKeyer);
  },

  /** Updates the timeline only (e.g. a new ratio or presenter) without re-decoding images. */
  async setTimeline(timeline: Timeline): Promise<void> {
    if (creative) creative = { ...creative, timeline };
    // Awaited (a few small files, once): the caller draws right after, and a paused preview
    // would otherwise keep showing the old typeface until something else redraws it.
    await loadTimelineFonts(timeline);
    // A newly chosen custom avatar loads in the background; the next drawn frame shows it.
    void loadCustomAvatar(timeline.presenterId, createKeyer).then((avatar) => {
      if (creative?.timeline === timeline) creative.assets.avatar = avatar;
    }, () => undefined);
  },

  drawPreview(t: number): void {
    if (!preview || !creative) return;
    renderFrame(preview.ctx, creative.timeline, creative.assets, t);
  },

  async snapshot(timeline: Timeline, t: number, width: number, height: number): Promise<ImageBitmap> {
    if (!creative) throw new Error('snapshot before setCreative');
    await loadTimelineFonts(timeline);
    const c = new OffscreenCanvas(Math.max(2, Math.round(width)), Math.max(2, Math.round(height)));
    renderFrame(c.getContext('2d', { alpha: false })!, timeline, creative.assets, t);
    const bmp = c.transferToImageBitmap();
    return Comlink.transfer(bmp, [bmp]);
  },

  exportMp4(job: ExportJob, onProgress: (p: ExportProgress) => void) {
    return exportMp4(job, onProgress);
  },
};

Comlink.expose(api);
