import * as Comlink from 'comlink';
import { prepareAssets, type RenderAssets } from '../../src/compose/assets.ts';
import { renderFrame } from '../../src/compose/render.ts';
import type { Timeline } from '../../src/compose/types.ts';
import { exportMp4 } from './export.ts';
import type { ExportJob, ExportProgress, RenderApi } from './types.ts';
import { decodeImages } from './images.ts';
import { loadFonts, timelineText } from './fonts.ts';

/** The live preview: a canvas transferred from the page, redrawn on request. */
let preview: { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } | null = null;
let creative: { timeline: Timeline; assets: RenderAssets } | null = null;

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
    const [bitmaps] = await Promise.all([decodeImages(images), loadFonts(timelineText(timeline))]);
    const assets = prepareAssets(bitmaps);
    if (creative) for (const img of creative.assets.images) img.close();
    creative = { timeline, assets };
  },

  /** Updates the timeline only (e.g. a new ratio or presenter) without re-decoding images. */
  setTimeline(timeline: Timeline): void {
    if (creative) creative = { ...creative, timeline };
    void loadFonts(timelineText(timeline));
  },

  drawPreview(t: number): void {
    if (!preview || !creative) return;
    renderFrame(preview.ctx, creative.timeline, creative.assets, t);
  },

  exportMp4(job: ExportJob, onProgress: (p: ExportProgress) => void) {
    return exportMp4(job, onProgress);
  },
};

Comlink.expose(api);
