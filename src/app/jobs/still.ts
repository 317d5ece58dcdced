/**
 * A job's preview image: one real frame of the creative, drawn by the same renderFrame as the
 * preview and the export (product card, presenter, end-card styling), without captions, at a
 * moment where the product is on screen. One frame is cheap enough for the page's own thread.
 */
import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2?url';
import { loadCustomAvatar } from '../../lipsync/warp/assets.ts';
import { cpuKeyer } from '../../lipsync/warp/key.ts';
import { prepareAssets } from '../../compose/assets.ts';
import { renderFrame } from '../../compose/render.ts';
import { outputSize, type Timeline } from '../../compose/types.ts';
import { decodeImage } from '../../compose/image-decode.ts';

let fonts: Promise<void> | null = null;
function loadFonts(): Promise<void> {
  fonts ??= Promise.all(
    [
      ['600', inter600],
      ['700', inter700],
      ['800', inter800],
    ].map(async ([weight, url]) => {
      const face = new FontFace('Inter', `url(${url})`, { weight: weight! });
      await face.load();
      document.fonts.add(face);
    }),
  )
    .then(() => undefined)
    .catch(() => {
      // Fallback fonts still draw; a missing font must not fail a job.
      fonts = null;
    });
  return fonts;
}

/** The moment shown: well into the first product scene (after its transition), else 1 s in. */
export function stillTime(tl: Timeline): number {
  const scene = tl.scenes.find((s) => s.kind === 'product') ?? tl.scenes[0];
  if (!scene) return 0;
  const span = scene.end - scene.start;
  return Math.min(tl.duration, scene.start + Math.min(Math.max(0.6, span * 0.4), 1.4));
}

/** A JPEG of the creative at `t` (default stillTime), at the output size of `resolution`. */
export async function composeStill(tl: Timeline, images: Blob[], resolution: 720 | 1080, t = stillTime(tl)): Promise<Blob> {
  const [, bitmaps] = await Promise.all([loadFonts(), Promise.all(images.map(decodeImage))]);
  try {
    const { w, h } = outputSize(tl.ratio, resolution);
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d', { alpha: false })!;
    const assets = prepareAssets(bitmaps);
    assets.avatar = await loadCustomAvatar(tl.presenterId, cpuKeyer);
    renderFrame(ctx, { ...tl, captions: [] }, assets, t);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  } finally {
    for (const b of bitmaps) b.close();
  }
}
