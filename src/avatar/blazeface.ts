/*
 * BlazeFace (MediaPipe short-range "front" model, 128x128) without the model: the SSD anchors,
 * decoding of the raw regressors into boxes + 6 keypoints, and MediaPipe's weighted non-maximum
 * suppression. Pure, so it is unit-tested in Node; workers/lipsync/blazeface.ts runs the model.
 */
import type { Box, Face, Point } from './types.ts';

export const BLAZEFACE_SIZE = 128;

/** Anchor centres in 0..1 (MediaPipe's fixed_anchor_size: every anchor is 1x1). */
export interface Anchor {
  x: number;
  y: number;
}

/**
 * The front model's anchors: strides 8, 16, 16, 16 → a 16x16 grid with 2 anchors per cell and an
 * 8x8 grid with 6 (layers of equal stride share a grid), 896 in all, in the model's output order.
 */
export function frontAnchors(size = BLAZEFACE_SIZE): Anchor[] {
  const strides = [8, 16, 16, 16];
  const anchors: Anchor[] = [];
  let layer = 0;
  while (layer < strides.length) {
    let last = layer;
    let perCell = 0;
    while (last < strides.length && strides[last] === strides[layer]) {
      perCell += 2; // aspect ratio 1.0 plus the interpolated-scale anchor
      last++;
    }
    const grid = Math.ceil(size / strides[layer]!);
    for (let y = 0; y < grid; y++) {
      for (let x = 0; x < grid; x++) {
        for (let k = 0; k < perCell; k++) anchors.push({ x: (x + 0.5) / grid, y: (y + 0.5) / grid });
      }
    }
    layer = last;
  }
  return anchors;
}

export interface RawDetection {
  /** 0..1 in the model's input square. */
  box: Box;
  keypoints: Point[];
  score: number;
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, v))));

/**
 * Decodes raw outputs: `scores` [n] logits and `boxes` [n*16] regressors (x, y, w, h, then six
 * keypoint x, y pairs, in input pixels relative to the anchor centre). Keeps scores ≥ minScore.
 */
export function decode(scores: ArrayLike<number>, boxes: ArrayLike<number>, anchors: Anchor[], minScore = 0.6, size = BLAZEFACE_SIZE): RawDetection[] {
  const out: RawDetection[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const score = sigmoid(scores[i] ?? -100);
    if (score < minScore) continue;
    const a = anchors[i]!;
    const o = i * 16;
    const cx = (boxes[o]! / size) + a.x;
    const cy = (boxes[o + 1]! / size) + a.y;
    const w = boxes[o + 2]! / size;
    const h = boxes[o + 3]! / size;
    const keypoints: Point[] = [];
    for (let k = 0; k < 6; k++) keypoints.push([boxes[o + 4 + k * 2]! / size + a.x, boxes[o + 5 + k * 2]! / size + a.y]);
    out.push({ box: [cx - w / 2, cy - h / 2, w, h], keypoints, score });
  }
  return out;
}

export function iou(a: Box, b: Box): number {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y1 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a[2] * a[3] + b[2] * b[3] - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * MediaPipe's weighted NMS: take the best remaining detection, gather everything overlapping it
 * by more than `threshold`, and output the score-weighted average of that cluster (steadier
 * boxes than plain NMS, which matters for tracking).
 */
export function weightedNms(dets: RawDetection[], threshold = 0.3): RawDetection[] {
  const remaining = [...dets].sort((a, b) => b.score - a.score);
  const out: RawDetection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!;
    const cluster: RawDetection[] = [];
    const rest: RawDetection[] = [];
    for (const d of remaining) (iou(best.box, d.box) > threshold ? cluster : rest).push(d);
    let total = 0;
    const box: Box = [0, 0, 0, 0];
    const keypoints: Point[] = best.keypoints.map(() => [0, 0]);
    for (const d of cluster) {
      total += d.score;
      for (let j = 0; j < 4; j++) box[j] = box[j]! + d.box[j]! * d.score;
      d.keypoints.forEach((p, k) => {
        keypoints[k]![0] += p[0] * d.score;
        keypoints[k]![1] += p[1] * d.score;
      });
    }
    out.push({
      box: box.map((v) => v / total) as Box,
      keypoints: keypoints.map(([x, y]) => [x / total, y / total] as Point),
      score: best.score,
    });
    remaining.splice(0, remaining.length, ...rest);
  }
  return out;
}

/** A rectangle of the source frame fed to the model (the whole frame, a tile, a tracking window). */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where a source region lands in the model's square input: scaled to fit and centred, with the
 * rest padded (letterbox), so faces keep their shape.
 */
export interface Letterbox {
  scale: number;
  padX: number;
  padY: number;
  /** The region's top-left corner in the source. */
  x: number;
  y: number;
}

export function letterbox(region: Region, size = BLAZEFACE_SIZE): Letterbox {
  const scale = size / Math.max(region.w, region.h);
  return { scale, padX: (size - region.w * scale) / 2, padY: (size - region.h * scale) / 2, x: region.x, y: region.y };
}

/** Maps detections from the unit input square back to source pixels. */
export function toSource(dets: RawDetection[], lb: Letterbox, size = BLAZEFACE_SIZE): Face[] {
  const px = (v: number, pad: number, at: number): number => (v * size - pad) / lb.scale + at;
  return dets.map((d) => ({
    box: [px(d.box[0], lb.padX, lb.x), px(d.box[1], lb.padY, lb.y), (d.box[2] * size) / lb.scale, (d.box[3] * size) / lb.scale],
    keypoints: d.keypoints.map(([x, y]) => [px(x, lb.padX, lb.x), px(y, lb.padY, lb.y)] as Point),
    score: d.score,
  }));
}

/**
 * The regions to search a whole frame with. The short-range model sees faces of roughly 15–80 %
 * of its input, so a face a tenth of a wide frame's width is too small once the frame is shrunk
 * to 128 px: besides the whole frame, overlapping squares of the short side cover the long axis.
 */
export function searchRegions(width: number, height: number): Region[] {
  const regions: Region[] = [{ x: 0, y: 0, w: width, h: height }];
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  if (long / short > 1.15) {
    const n = Math.ceil((long - short) / (short * 0.6)) + 1;
    for (let i = 0; i < n; i++) {
      const at = n === 1 ? 0 : ((long - short) * i) / (n - 1);
      regions.push(width >= height ? { x: at, y: 0, w: short, h: short } : { x: 0, y: at, w: short, h: short });
    }
  }
  return regions;
}

/** A square window around a face found before, for tracking it in the next frame. */
export function trackingRegion(face: { box: Box }, width: number, height: number, grow = 2.4): Region {
  const [x, y, w, h] = face.box;
  const side = Math.min(Math.max(width, height), Math.max(w, h) * grow);
  const cx = x + w / 2;
  const cy = y + h / 2;
  return { x: cx - side / 2, y: cy - side / 2, w: side, h: side };
}

/** Raw model outputs of one region → candidate faces in source pixels (not yet merged). */
export function candidatesFromOutputs(scores: ArrayLike<number>, boxes: ArrayLike<number>, anchors: Anchor[], lb: Letterbox, minScore = 0.6): Face[] {
  return toSource(decode(scores, boxes, anchors, minScore), lb);
}

/** Merges the candidates of every region searched (weighted NMS in source pixels), best first. */
export function mergeFaces(candidates: Face[], threshold = 0.3): Face[] {
  return weightedNms(candidates, threshold);
}
