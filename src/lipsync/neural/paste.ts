/**
 * Paste-back of the model's face into the frame, without the hard rectangle Wav2Lip is known
 * for: only a feathered lower-face ellipse is replaced (the model redraws the lower half
 * anyway), its colours are matched to the frame under the mask (a random or mismatched model
 * is otherwise visibly off-tone), and every pixel where the mask is 0 — the box border
 * included — is left exactly as it was.
 */
import { sampleBilinear, type PixelBox, type Rgba, type Samplable } from './image.ts';

export interface MaskShape {
  /** Ellipse centre and radii as fractions of the box. */
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  /** Fraction of the radius over which the mask fades to 0. */
  feather: number;
}

/** Mouth, chin and cheeks below the nose; ends inside the box on every side. */
export const LOWER_FACE: MaskShape = { cx: 0.5, cy: 0.7, rx: 0.4, ry: 0.27, feather: 0.4 };

const smooth = (t: number): number => (t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t));

const maskCache = new Map<string, Float32Array>();

/** Mask weights 0..1 for a w x h box (row-major), exactly 0 on and near the border. */
export function lowerFaceMask(w: number, h: number, shape: MaskShape = LOWER_FACE): Float32Array {
  const key = `${w}x${h}:${shape.cx},${shape.cy},${shape.rx},${shape.ry},${shape.feather}`;
  const hit = maskCache.get(key);
  if (hit) return hit;
  const m = new Float32Array(w * h);
  const cx = shape.cx * w;
  const cy = shape.cy * h;
  const rx = shape.rx * w;
  const ry = shape.ry * h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = (x + 0.5 - cx) / rx;
      const dy = (y + 0.5 - cy) / ry;
      const d = Math.sqrt(dx * dx + dy * dy);
      m[y * w + x] = smooth((1 - d) / shape.feather);
    }
  }
  if (maskCache.size > 64) maskCache.clear();
  maskCache.set(key, m);
  return m;
}

export interface PasteStats {
  /** Pixels whose value changed. */
  changed: number;
  /** Per-channel (R, G, B) shift applied to the model output to match the frame's colours. */
  shift: [number, number, number];
}

/**
 * Pastes a model output face (planar BGR 0..1, [3, S, S] at `offset`) into `frame` over `box`,
 * in place. Returns what changed.
 */
export function pasteFace(
  frame: Rgba,
  box: PixelBox,
  face: ArrayLike<number>,
  size: number,
  offset = 0,
  shape: MaskShape = LOWER_FACE,
  /** What one unit of `face` is worth: 1 for the model's 0..1 floats, 1/255 for stored bytes. */
  unit = 1,
): PasteStats {
  const w = box.x2 - box.x1;
  const h = box.y2 - box.y1;
  if (w < 2 || h < 2) return { changed: 0, shift: [0, 0, 0] };
  const mask = lowerFaceMask(w, h, shape);
  // The model's face at the box's size (bilinear, like Wav2Lip's cv2.resize back).
  const up = new Float32Array(w * h * 3);
  const faceImg = planarToRgba(face, size, offset, unit * 255);
  sampleBilinear(faceImg, { x1: 0, y1: 0, x2: size, y2: size }, w, h, (dx, dy, r, g, b) => {
    const p = (dy * w + dx) * 3;
    up[p] = r;
    up[p + 1] = g;
    up[p + 2] = b;
  });
  // Colour match: shift the model's mean under the mask onto the frame's.
  const d = frame.data;
  const W = frame.width;
  const sumF = [0, 0, 0];
  const sumM = [0, 0, 0];
  let wsum = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const m = mask[y * w + x]!;
      if (m === 0) continue;
      const q = ((box.y1 + y) * W + box.x1 + x) * 4;
      const p = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        sumF[c]! += m * d[q + c]!;
        sumM[c]! += m * up[p + c]!;
      }
      wsum += m;
    }
  }
  const shift: [number, number, number] = [0, 0, 0];
  if (wsum > 0) for (let c = 0; c < 3; c++) shift[c] = (sumF[c]! - sumM[c]!) / wsum;
  let changed = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const m = mask[y * w + x]!;
      if (m === 0) continue;
      const q = ((box.y1 + y) * W + box.x1 + x) * 4;
      const p = (y * w + x) * 3;
      let any = false;
      for (let c = 0; c < 3; c++) {
        const v = Math.round(d[q + c]! * (1 - m) + (up[p + c]! + shift[c]!) * m);
        const nv = v < 0 ? 0 : v > 255 ? 255 : v;
        if (nv !== d[q + c]) any = true;
        d[q + c] = nv;
      }
      if (any) changed++;
    }
  }
  return { changed, shift };
}

/** Planar BGR → RGBA floats on the 0..255 scale, for the sampler. */
function planarToRgba(face: ArrayLike<number>, size: number, offset: number, k: number): Samplable {
  const plane = size * size;
  const data = new Float32Array(plane * 4);
  for (let i = 0; i < plane; i++) {
    data[i * 4] = face[offset + 2 * plane + i]! * k;
    data[i * 4 + 1] = face[offset + plane + i]! * k;
    data[i * 4 + 2] = face[offset + i]! * k;
    data[i * 4 + 3] = 255;
  }
  return { data, width: size, height: size };
}
