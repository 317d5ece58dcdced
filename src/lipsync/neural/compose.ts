/*
 * Paste-back where the avatar is drawn: after the avatar's source frame is drawn into a canvas,
 * its face box (mapped into canvas pixels) is read, the model's mouth is pasted with the
 * feathered mask and colour match (paste.ts), and written back. Pixels the mask leaves alone
 * come back byte-identical.
 */
import type { PixelBox } from './image.ts';
import { pasteFace, type PasteStats } from './paste.ts';
import type { NeuralFaces } from './types.ts';

type Ctx2D = OffscreenCanvasRenderingContext2D;

/** Where (canvas pixels) a source frame of `source` size was drawn. */
export interface Placement {
  x: number;
  y: number;
  w: number;
  h: number;
  source: { width: number; height: number };
}

/** The face box of output frame i, in canvas pixels, clipped to the canvas. */
export function placedBox(box: PixelBox, at: Placement, canvas: { width: number; height: number }): PixelBox {
  const kx = at.w / at.source.width;
  const ky = at.h / at.source.height;
  return {
    x1: Math.max(0, Math.round(at.x + box.x1 * kx)),
    y1: Math.max(0, Math.round(at.y + box.y1 * ky)),
    x2: Math.min(canvas.width, Math.round(at.x + box.x2 * kx)),
    y2: Math.min(canvas.height, Math.round(at.y + box.y2 * ky)),
  };
}

/** Pastes output frame `i`'s mouth into `ctx` (device pixels, identity transform assumed for the read-back). */
export function pasteNeuralFrame(ctx: Ctx2D, faces: NeuralFaces, i: number, at: Placement): PasteStats {
  const f = Math.min(faces.frameCount - 1, Math.max(0, i));
  const b = placedBox(faces.boxes[f]!, at, ctx.canvas);
  const w = b.x2 - b.x1;
  const h = b.y2 - b.y1;
  if (w < 4 || h < 4) return { changed: 0, shift: [0, 0, 0] };
  const img = ctx.getImageData(b.x1, b.y1, w, h);
  const S = faces.size;
  const stats = pasteFace(img, { x1: 0, y1: 0, x2: w, y2: h }, faces.faces, S, f * 3 * S * S, undefined, 1 / 255);
  if (stats.changed > 0) ctx.putImageData(img, b.x1, b.y1);
  return stats;
}

/**
 * Pastes the mouth for time `t` into an avatar layer drawn at `width` x `height` from its
 * source frame. Returns false when `t` is past the frames made (the caller draws as usual).
 */
export function pasteNeuralAt(ctx: Ctx2D, faces: NeuralFaces, t: number, width: number, height: number): boolean {
  const i = Math.round(t * faces.fps);
  if (i < 0 || i >= faces.frameCount) return false;
  pasteNeuralFrame(ctx, faces, i, { x: 0, y: 0, w: width, h: height, source: faces.sourceSize });
  return true;
}

/**
 * The avatar with this export's neural mouths attached. A copy: loaded avatars are cached and
 * shared with the preview, which must keep drawing with the warp engine.
 */
export function withNeural<T extends { neural?: NeuralFaces }>(avatar: T | null, neural: NeuralFaces | undefined): T | null {
  if (!avatar || !neural) return avatar;
  return { ...avatar, neural };
}
