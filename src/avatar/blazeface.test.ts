import { describe, expect, it } from 'vitest';
import { candidatesFromOutputs, decode, frontAnchors, iou, letterbox, mergeFaces, searchRegions, toSource, trackingRegion, weightedNms } from './blazeface.ts';
import type { Face } from './types.ts';

/** Raw outputs with one confident detection at anchor `i`: box centred `dx, dy` input px off it. */
function rawWith(hits: Array<{ i: number; logit?: number; dx?: number; dy?: number; w: number; h: number }>): { scores: Float32Array; boxes: Float32Array } {
  const scores = new Float32Array(896).fill(-20);
  const boxes = new Float32Array(896 * 16);
  for (const hit of hits) {
    scores[hit.i] = hit.logit ?? 5;
    boxes.set([hit.dx ?? 0, hit.dy ?? 0, hit.w, hit.h], hit.i * 16);
    for (let k = 0; k < 6; k++) boxes.set([(k - 2.5) * 4, k * 2], hit.i * 16 + 4 + k * 2);
  }
  return { scores, boxes };
}

describe('BlazeFace front anchors', () => {
  const anchors = frontAnchors();
  it('are 512 on a 16x16 grid (2 per cell) then 384 on an 8x8 grid (6 per cell)', () => {
    expect(anchors).toHaveLength(896);
    expect(anchors[0]).toEqual({ x: 0.5 / 16, y: 0.5 / 16 });
    expect(anchors[1]).toEqual(anchors[0]);
    expect(anchors[2]).toEqual({ x: 1.5 / 16, y: 0.5 / 16 });
    expect(anchors[511]).toEqual({ x: 15.5 / 16, y: 15.5 / 16 });
    expect(anchors[512]).toEqual({ x: 0.5 / 8, y: 0.5 / 8 });
    expect(anchors[517]).toEqual({ x: 0.5 / 8, y: 0.5 / 8 });
    expect(anchors[518]).toEqual({ x: 1.5 / 8, y: 0.5 / 8 });
    expect(anchors[895]).toEqual({ x: 7.5 / 8, y: 7.5 / 8 });
  });
});

describe('decode', () => {
  const anchors = frontAnchors();
  it('turns regressors into a box and keypoints around the anchor, with a sigmoid score', () => {
    // Anchor 16*2*8 + 2*8 = cell (8, 8) of the 16x16 grid: centre (8.5/16, 8.5/16).
    const i = 2 * (8 * 16 + 8);
    const { scores, boxes } = rawWith([{ i, dx: 6.4, dy: -12.8, w: 32, h: 38.4 }]);
    const dets = decode(scores, boxes, anchors);
    expect(dets).toHaveLength(1);
    const d = dets[0]!;
    const cx = 8.5 / 16 + 0.05;
    const cy = 8.5 / 16 - 0.1;
    expect(d.box[0]).toBeCloseTo(cx - 0.125, 6);
    expect(d.box[1]).toBeCloseTo(cy - 0.15, 6);
    expect(d.box[2]).toBeCloseTo(0.25, 6);
    expect(d.box[3]).toBeCloseTo(0.3, 6);
    expect(d.score).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
    expect(d.keypoints).toHaveLength(6);
    expect(d.keypoints[0]![0]).toBeCloseTo(8.5 / 16 - 10 / 128, 6);
  });
  it('drops low scores', () => {
    const { scores, boxes } = rawWith([{ i: 3, logit: -1, w: 20, h: 20 }]);
    expect(decode(scores, boxes, anchors, 0.5)).toHaveLength(0);
    expect(decode(scores, boxes, anchors, 0.2)).toHaveLength(1);
  });
});

describe('weighted NMS', () => {
  const face = (x: number, score: number): Face => ({ box: [x, 10, 50, 50], keypoints: [[x + 10, 20]], score });
  it('averages a cluster by score and keeps separate faces apart', () => {
    const out = weightedNms([face(100, 0.9), face(104, 0.6), face(300, 0.8)]);
    expect(out).toHaveLength(2);
    expect(out[0]!.score).toBe(0.9);
    expect(out[0]!.box[0]).toBeCloseTo((100 * 0.9 + 104 * 0.6) / 1.5, 6);
    expect(out[0]!.keypoints[0]![0]).toBeCloseTo((110 * 0.9 + 114 * 0.6) / 1.5, 6);
    expect(out[1]!.box[0]).toBe(300);
  });
  it('iou of identical boxes is 1, of disjoint 0', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [20, 0, 10, 10])).toBe(0);
    expect(iou([0, 0, 10, 10], [5, 0, 10, 10])).toBeCloseTo(50 / 150, 6);
  });
});

describe('letterbox and regions', () => {
  it('maps a unit-square box back to source pixels of a landscape frame', () => {
    const lb = letterbox({ x: 0, y: 0, w: 1280, h: 720 });
    expect(lb.scale).toBe(0.1);
    expect(lb.padY).toBe(28);
    // A box covering the whole non-padded input is the whole frame.
    const [f] = toSource([{ box: [0, 28 / 128, 1, 72 / 128], keypoints: [[0.5, 0.5]], score: 1 }], lb);
    expect(f!.box.map((v) => Math.round(v))).toEqual([0, 0, 1280, 720]);
    expect(f!.keypoints[0]).toEqual([640, 360]);
  });
  it('offsets a tile by its corner', () => {
    const lb = letterbox({ x: 500, y: 100, w: 400, h: 400 });
    const [f] = toSource([{ box: [0.5, 0.5, 0.25, 0.25], keypoints: [], score: 1 }], lb);
    expect(f!.box).toEqual([700, 300, 100, 100]);
  });
  it('searches wide frames with square tiles that overlap and cover the width', () => {
    const r = searchRegions(1920, 1080);
    expect(r[0]).toEqual({ x: 0, y: 0, w: 1920, h: 1080 });
    const tiles = r.slice(1);
    expect(tiles.length).toBeGreaterThanOrEqual(2);
    expect(tiles[0]!.x).toBe(0);
    expect(tiles.at(-1)!.x + tiles.at(-1)!.w).toBe(1920);
    for (const t of tiles) expect(t.w).toBe(1080);
    expect(searchRegions(1000, 1000)).toHaveLength(1);
    const tall = searchRegions(1080, 1920);
    expect(tall.at(-1)!.y + tall.at(-1)!.h).toBe(1920);
  });
  it('tracks inside a window around the last face', () => {
    const r = trackingRegion({ box: [100, 100, 50, 60] }, 1920, 1080);
    expect(r.w).toBe(144);
    expect(r.x + r.w / 2).toBe(125);
    expect(r.y + r.h / 2).toBe(130);
  });
  it('merges the same face seen in two tiles into one', () => {
    const anchors = frontAnchors();
    const i = 2 * (8 * 16 + 8);
    const { scores, boxes } = rawWith([{ i, w: 32, h: 32 }]);
    const a = candidatesFromOutputs(scores, boxes, anchors, letterbox({ x: 0, y: 0, w: 400, h: 400 }));
    const b = candidatesFromOutputs(scores, boxes, anchors, letterbox({ x: 4, y: 0, w: 400, h: 400 }));
    expect(mergeFaces([...a, ...b])).toHaveLength(1);
  });
});
