/*
 * Measurements for the avatar self-check, on plain arrays (grey images, PCM levels), so they are
 * unit-tested in Node. The worker (workers/lipsync/analyze.ts) feeds them decoded frames.
 */
import { KEYPOINT, type Point, type Rgb, type TrackedFace } from './types.ts';

/** A grey image, one byte per pixel, row-major. */
export interface Gray {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Luma of RGBA pixels (Rec. 601 weights). */
export function toGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) data[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  return { data, width, height };
}

/**
 * Variance of the 4-neighbour Laplacian: the usual focus measure. Sharp edges give large
 * responses; blur and heavy compression flatten them. Callers scale the face to a fixed size
 * first so the number does not depend on the resolution.
 */
export function laplacianVariance(g: Gray): number {
  const { data, width: w, height: h } = g;
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      sum += v;
      sum2 += v * v;
      n++;
    }
  }
  if (!n) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

/** Half-size copy (2x2 box filter). */
function half(g: Gray): Gray {
  const w = g.width >> 1;
  const h = g.height >> 1;
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 2 * y * g.width + 2 * x;
      data[y * w + x] = (g.data[i]! + g.data[i + 1]! + g.data[i + g.width]! + g.data[i + g.width + 1]!) >> 2;
    }
  }
  return { data, width: w, height: h };
}

type Rect = { x: number; y: number; w: number; h: number };

/** Mean absolute difference of a and b shifted by (dx, dy), the excluded rectangle left out. */
function shiftCost(a: Gray, b: Gray, dx: number, dy: number, margin: number, exclude?: Rect): number {
  const { width: w, height: h } = a;
  let cost = 0;
  let n = 0;
  for (let y = margin; y < h - margin; y++) {
    const skipRow = exclude && y >= exclude.y && y < exclude.y + exclude.h;
    const row = y * w;
    const rowB = (y + dy) * w + dx;
    for (let x = margin; x < w - margin; x++) {
      if (skipRow && x >= exclude!.x && x < exclude!.x + exclude!.w) continue;
      const d = a.data[row + x]! - b.data[rowB + x]!;
      cost += d < 0 ? -d : d;
      n++;
    }
  }
  // A tiny preference for no motion breaks ties on flat backgrounds.
  return n ? cost / n + 0.01 * (Math.abs(dx) + Math.abs(dy)) : Infinity;
}

/**
 * The translation between two grey frames of the same size, ignoring the rectangle `exclude`
 * (the face, which moves on its own): block matching by mean absolute difference over shifts
 * up to ±range px, coarse to fine (a half-size search, then ±1 px around it), so a frame costs
 * about a tenth of the exhaustive search. Returns [dx, dy] of b relative to a.
 */
export function globalShift(a: Gray, b: Gray, range = 6, exclude?: Rect): Point {
  let centre: Point = [0, 0];
  let r = range;
  if (a.width >= 64 && a.height >= 48 && range > 2) {
    const ex = exclude && { x: exclude.x / 2, y: exclude.y / 2, w: exclude.w / 2, h: exclude.h / 2 };
    const [cx, cy] = globalShift(half(a), half(b), Math.ceil(range / 2), ex);
    centre = [cx * 2, cy * 2];
    r = 1;
  }
  let best: Point = centre;
  let bestCost = Infinity;
  for (let dy = centre[1] - r; dy <= centre[1] + r; dy++) {
    for (let dx = centre[0] - r; dx <= centre[0] + r; dx++) {
      if (Math.abs(dx) > range || Math.abs(dy) > range) continue;
      const c = shiftCost(a, b, dx, dy, range, exclude);
      if (c < bestCost) {
        bestCost = c;
        best = [dx, dy];
      }
    }
  }
  return best;
}

/** RMS level in dBFS of each `window`-sample block of mono PCM (-120 for digital silence). */
export function levelsDb(pcm: Float32Array, window: number): number[] {
  const out: number[] = [];
  for (let o = 0; o + window <= pcm.length; o += window) out.push(rmsDb(pcm, o, o + window));
  return out;
}

export function rmsDb(pcm: Float32Array, from = 0, to = pcm.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += pcm[i]! * pcm[i]!;
  const rms = Math.sqrt(s / Math.max(1, to - from));
  return rms > 1e-6 ? 20 * Math.log10(rms) : -120;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.round((p / 100) * (s.length - 1))));
  return s[i]!;
}

export interface AudioStats {
  /** The quietest level the recording has (10th percentile of 50 ms blocks), dBFS. */
  noiseFloorDb: number;
  /** Typical speech level (90th percentile), dBFS. */
  speechDb: number;
  /** Seconds from the start until speech first begins (the level rises 15 dB over the floor). */
  leadingSilence: number;
  /** Share of the blocks that are neither speech nor the floor (other voices, noise). */
  midLevelShare: number;
}

/** Audio statistics from 50 ms block levels (levelsDb at sampleRate / 20). */
export function audioStats(levels: readonly number[], blockSeconds = 0.05): AudioStats {
  const floor = percentile(levels, 10);
  const speech = percentile(levels, 90);
  const threshold = Math.max(floor + 15, speech - 25, -50);
  // Speech begins where 3 blocks in a row are over the threshold (a click is not speech).
  let lead = levels.length * blockSeconds;
  for (let i = 0; i + 2 < levels.length; i++) {
    if (levels[i]! > threshold && levels[i + 1]! > threshold && levels[i + 2]! > threshold) {
      lead = i * blockSeconds;
      break;
    }
  }
  const mid = levels.filter((l) => l > floor + 8 && l < threshold - 3).length;
  return { noiseFloorDb: floor, speechDb: speech, leadingSilence: lead, midLevelShare: levels.length ? mid / levels.length : 0 };
}

export interface Pose {
  /** Head turn: nose offset from the eyes' midpoint, in eye distances (0 = frontal). */
  yaw: number;
  /** Head tilt: angle of the eye line, degrees (0 = level). */
  roll: number;
  /** Mouth below the eyes in the picture (false = the video is sideways or upside down). */
  upright: boolean;
}

export function poseOf(keypoints: readonly Point[]): Pose {
  const re = keypoints[KEYPOINT.rightEye]!;
  const le = keypoints[KEYPOINT.leftEye]!;
  const nose = keypoints[KEYPOINT.nose]!;
  const mouth = keypoints[KEYPOINT.mouth]!;
  const ex = le[0] - re[0];
  const ey = le[1] - re[1];
  const d = Math.hypot(ex, ey) || 1;
  const mid: Point = [(re[0] + le[0]) / 2, (re[1] + le[1]) / 2];
  // Project the nose offset on the eye line: sideways displacement = turn.
  const yaw = ((nose[0] - mid[0]) * ex + (nose[1] - mid[1]) * ey) / (d * d);
  const roll = (Math.atan2(ey, ex) * 180) / Math.PI;
  // Mouth on the side of the eye line the face's "down" is (perpendicular, image y grows down).
  const down = ((mouth[0] - mid[0]) * -ey + (mouth[1] - mid[1]) * ex) / d;
  return { yaw, roll, upright: down > 0 && Math.abs(roll) < 45 };
}

/** Eye distance of a face in px (the scale unit for mouth and face regions). */
export function eyeDistance(face: NonNullable<TrackedFace>): number {
  const re = face.keypoints[KEYPOINT.rightEye]!;
  const le = face.keypoints[KEYPOINT.leftEye]!;
  return Math.hypot(le[0] - re[0], le[1] - re[1]);
}

/**
 * The mouth's box in the frame: centred on the mouth keypoint, 1.3 eye distances wide and 0.8
 * high (lips, corners, a little chin), which holds the mouth in every shape it makes.
 */
export function mouthBox(face: NonNullable<TrackedFace>): { x: number; y: number; w: number; h: number } {
  const d = eyeDistance(face);
  const m = face.keypoints[KEYPOINT.mouth]!;
  const w = d * 1.3;
  const h = d * 0.8;
  return { x: m[0] - w / 2, y: m[1] - h * 0.45, w, h };
}

/**
 * How open and how wide a mouth is, from a grey crop of its mouthBox: the inner mouth is much
 * darker than the lips and skin around it. `open` is the height of the dark region over the crop
 * height, `wide` its width over the crop width (both 0..1).
 */
export function mouthOpening(g: Gray): { open: number; wide: number } {
  const { data, width: w, height: h } = g;
  const sorted = Float64Array.from(data).sort();
  const median = sorted[Math.floor(sorted.length / 2)] ?? 128;
  const dark = Math.min(median * 0.55, median - 30);
  let rows = 0;
  let minX = w;
  let maxX = -1;
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = Math.floor(w * 0.15); x < Math.ceil(w * 0.85); x++) {
      if (data[y * w + x]! < dark) {
        n++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
      }
    }
    if (n >= Math.max(2, w * 0.04)) rows++;
  }
  return { open: rows / h, wide: maxX >= minX ? (maxX - minX + 1) / w : 0 };
}

/** Mean absolute difference of two grey images of equal size (0..255): mouth activity. */
export function meanAbsDiff(a: Gray, b: Gray): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += Math.abs(a.data[i]! - b.data[i]!);
  return a.data.length ? s / a.data.length : 0;
}

/** Euclidean distance of two colours (0..441). */
export function colorDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/**
 * How clean a backdrop is for keying: of the pixels in the frame's outer band (where the person
 * rarely is), the share close to the key colour, and how much those vary (std of the distance).
 */
export function backdropCleanliness(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, key: Rgb, band = 0.08): { coverage: number; spread: number } {
  const bx = Math.max(1, Math.round(width * band));
  const by = Math.max(1, Math.round(height * band));
  let near = 0;
  let total = 0;
  let s = 0;
  let s2 = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Top band and the side bands; the bottom is usually the person's body.
      if (!(y < by || x < bx || x >= width - bx)) continue;
      const i = (y * width + x) * 4;
      const dist = colorDistance([rgba[i]!, rgba[i + 1]!, rgba[i + 2]!], key);
      total++;
      if (dist < 90) {
        near++;
        s += dist;
        s2 += dist * dist;
      }
    }
  }
  const mean = near ? s / near : 0;
  return { coverage: total ? near / total : 0, spread: near ? Math.sqrt(Math.max(0, s2 / near - mean * mean)) : 0 };
}

/** Parses `rgb(r,g,b)` (or `r,g,b`); null when it is not a colour. */
export function parseRgb(text: string): Rgb | null {
  const m = /^\s*(?:rgb\s*\()?\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)?\s*$/i.exec(text);
  if (!m) return null;
  const c = [Number(m[1]), Number(m[2]), Number(m[3])];
  return c.every((v) => v <= 255) ? (c as Rgb) : null;
}
