/**
 * Face boxes for Wav2Lip from the avatar's stored face track, and the model's face input.
 * As Wav2Lip's inference does: pad the detector box (bottom +10 px so the chin is in), clamp
 * to the frame, smooth over 5 frames (a forward window, integer boxes), crop, resize to S x S,
 * BGR 0..1, and build [masked face (lower half zeroed), reference face] = 6 channels.
 */
import type { Box, FaceTrack } from '../../avatar/types.ts';
import { NeuralError } from './errors.ts';
import { sampleBilinear, type PixelBox, type Rgba } from './image.ts';

/** Wav2Lip's default --pads: top, bottom, left, right (source pixels). */
export const WAV2LIP_PADS = { top: 0, bottom: 10, left: 0, right: 0 } as const;
export const SMOOTH_FRAMES = 5;

export interface Pads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A detector box [x, y, w, h] padded and clamped to the frame, as integers. */
export function paddedBox(box: Box, width: number, height: number, pads: Pads = WAV2LIP_PADS): PixelBox {
  const [x, y, w, h] = box;
  return {
    x1: Math.max(0, Math.round(x) - pads.left),
    y1: Math.max(0, Math.round(y) - pads.top),
    x2: Math.min(width, Math.round(x + w) + pads.right),
    y2: Math.min(height, Math.round(y + h) + pads.bottom),
  };
}

/**
 * Wav2Lip's get_smoothened_boxes: box i is the mean of boxes i..i+T-1 (the last T where that
 * runs past the end), truncated to integers because Wav2Lip writes into an integer array.
 */
export function smoothBoxes(boxes: readonly PixelBox[], T = SMOOTH_FRAMES): PixelBox[] {
  const n = boxes.length;
  return boxes.map((_, i) => {
    const start = i + T > n ? Math.max(0, n - T) : i;
    const end = Math.min(n, start + T);
    let x1 = 0;
    let y1 = 0;
    let x2 = 0;
    let y2 = 0;
    for (let j = start; j < end; j++) {
      const b = boxes[j]!;
      x1 += b.x1;
      y1 += b.y1;
      x2 += b.x2;
      y2 += b.y2;
    }
    const k = end - start;
    return { x1: Math.trunc(x1 / k), y1: Math.trunc(y1 / k), x2: Math.trunc(x2 / k), y2: Math.trunc(y2 / k) };
  });
}

/**
 * One smoothed box per output frame. `sourceFrames[i]` is the track frame output frame i shows
 * (always 0 for a photo; the loop's ping-pong index for a video). Track frames without a face
 * borrow the nearest frame that has one.
 */
export function boxesForFrames(track: FaceTrack, sourceFrames: readonly number[], pads: Pads = WAV2LIP_PADS): PixelBox[] {
  const withFace = track.frames.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  if (withFace.length === 0) throw new NeuralError('no-face', 'No face was found in this avatar, so neural lip-sync has nothing to animate.');
  const nearest = (i: number): number => {
    if (track.frames[i]) return i;
    let best = withFace[0]!;
    for (const j of withFace) if (Math.abs(j - i) < Math.abs(best - i)) best = j;
    return best;
  };
  const raw = sourceFrames.map((s) => {
    const idx = Math.min(track.frames.length - 1, Math.max(0, s));
    return paddedBox(track.frames[nearest(idx)]!.box, track.width, track.height, pads);
  });
  return smoothBoxes(raw);
}

/** Scales a box given in track (source) pixels to a frame drawn at another size. */
export function scaleBox(box: PixelBox, from: { width: number; height: number }, to: { width: number; height: number }): PixelBox {
  const kx = to.width / from.width;
  const ky = to.height / from.height;
  return {
    x1: Math.max(0, Math.round(box.x1 * kx)),
    y1: Math.max(0, Math.round(box.y1 * ky)),
    x2: Math.min(to.width, Math.round(box.x2 * kx)),
    y2: Math.min(to.height, Math.round(box.y2 * ky)),
  };
}

/**
 * Writes one face of the model's input batch: [6, S, S] planar at `offset`, channels B,G,R of
 * the face with rows >= S/2 zeroed (the model must draw the mouth), then B,G,R of the
 * reference (the same frame, as in Wav2Lip's inference, unless another is given).
 */
export function writeFaceInput(
  frame: Rgba,
  box: PixelBox,
  size: number,
  out: Float32Array,
  offset: number,
  reference?: { frame: Rgba; box: PixelBox },
): void {
  if (box.x2 - box.x1 < 2 || box.y2 - box.y1 < 2) throw new NeuralError('no-face', 'The face box is too small to crop.');
  const plane = size * size;
  const half = size >> 1;
  const k = 1 / 255;
  sampleBilinear(frame, box, size, size, (dx, dy, r, g, b) => {
    const p = offset + dy * size + dx;
    const masked = dy >= half;
    out[p] = masked ? 0 : b * k;
    out[p + plane] = masked ? 0 : g * k;
    out[p + 2 * plane] = masked ? 0 : r * k;
    if (!reference) {
      out[p + 3 * plane] = b * k;
      out[p + 4 * plane] = g * k;
      out[p + 5 * plane] = r * k;
    }
  });
  if (reference) {
    sampleBilinear(reference.frame, reference.box, size, size, (dx, dy, r, g, b) => {
      const p = offset + dy * size + dx;
      out[p + 3 * plane] = b * k;
      out[p + 4 * plane] = g * k;
      out[p + 5 * plane] = r * k;
    });
  }
}
