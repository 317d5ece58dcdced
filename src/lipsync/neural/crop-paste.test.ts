import { describe, expect, it } from 'vitest';
import type { FaceTrack } from '../../avatar/types.ts';
import { boxesForFrames, paddedBox, scaleBox, smoothBoxes, writeFaceInput } from './crop.ts';
import type { Rgba } from './image.ts';
import { lowerFaceMask, pasteFace } from './paste.ts';

function gradient(w: number, h: number): Rgba {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      data[p] = x % 256;
      data[p + 1] = y % 256;
      data[p + 2] = (x + y) % 256;
      data[p + 3] = 255;
    }
  }
  return { data, width: w, height: h };
}

describe('face boxes', () => {
  it('pads 10 px below and clamps to the frame', () => {
    expect(paddedBox([10.4, 20, 50, 60], 100, 85)).toEqual({ x1: 10, y1: 20, x2: 60, y2: 85 });
    expect(paddedBox([10, 5, 50, 60], 200, 200)).toEqual({ x1: 10, y1: 5, x2: 60, y2: 75 });
  });
  it('smooths over a forward window of 5, like get_smoothened_boxes (integer truncation)', () => {
    const boxes = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ x1: i * 10, y1: i, x2: 100 + i * 3, y2: 50 }));
    const s = smoothBoxes(boxes);
    // i=0: mean of 0..4 → x1 = 20, y1 = 2, x2 = 106.
    expect(s[0]).toEqual({ x1: 20, y1: 2, x2: 106, y2: 50 });
    // i=1: 1..5 → x1 30, x2 = 100 + 3*3 = 109.
    expect(s[1]).toEqual({ x1: 30, y1: 3, x2: 109, y2: 50 });
    // i=3 and later use the last window 2..6.
    expect(s[3]).toEqual(s[6]);
    expect(s[6]).toEqual({ x1: 40, y1: 4, x2: 112, y2: 50 });
    // Truncation, not rounding: mean of [0,0,0,0,3] is 0.6 → 0.
    expect(smoothBoxes([0, 0, 0, 0, 3].map((v) => ({ x1: v, y1: 0, x2: 10, y2: 10 })))[0]!.x1).toBe(0);
  });
  it('fills frames without a face from the nearest one, and says so when there is none', () => {
    const track: FaceTrack = {
      fps: 25,
      width: 200,
      height: 200,
      frames: [null, { box: [50, 50, 80, 80], keypoints: [] }, null, { box: [60, 50, 80, 80], keypoints: [] }],
    };
    const boxes = boxesForFrames(track, [0, 0, 0, 0, 0, 0]);
    expect(boxes.every((b) => b.x1 === 50 && b.y2 === 140)).toBe(true);
    expect(() => boxesForFrames({ ...track, frames: [null, null] }, [0])).toThrow(/No face was found/);
  });
  it('scales a source box to the drawn frame', () => {
    expect(scaleBox({ x1: 100, y1: 50, x2: 300, y2: 250 }, { width: 1000, height: 500 }, { width: 500, height: 250 })).toEqual({ x1: 50, y1: 25, x2: 150, y2: 125 });
  });
});

describe('face input', () => {
  it('is BGR 0..1, the lower half of the first 3 channels zeroed, the reference complete', () => {
    const img = gradient(64, 64);
    const S = 32;
    const out = new Float32Array(6 * S * S).fill(-1);
    // Crop 32x32 at (16,8): no resampling, so values are exact.
    writeFaceInput(img, { x1: 16, y1: 8, x2: 48, y2: 40 }, S, out, 0);
    const plane = S * S;
    const at = (c: number, x: number, y: number): number => out[c * plane + y * S + x]!;
    // Pixel (3, 2) of the crop is frame (19, 10): R=19, G=10, B=29.
    expect(at(0, 3, 2)).toBeCloseTo(29 / 255, 6);
    expect(at(1, 3, 2)).toBeCloseTo(10 / 255, 6);
    expect(at(2, 3, 2)).toBeCloseTo(19 / 255, 6);
    // Lower half (rows 16..31) masked in the first three channels only.
    expect(at(0, 3, 16)).toBe(0);
    expect(at(2, 3, 31)).toBe(0);
    expect(at(3, 3, 16)).toBeCloseTo(((19 + 24) % 256) / 255, 6);
    expect(at(5, 3, 16)).toBeCloseTo(19 / 255, 6);
    expect(out.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
  it('resizes like cv2 INTER_LINEAR (a 2x downscale averages pixel pairs)', () => {
    const img = gradient(8, 8);
    const out = new Float32Array(6 * 4 * 4);
    writeFaceInput(img, { x1: 0, y1: 0, x2: 8, y2: 8 }, 4, out, 0);
    // Destination x=1 samples source x = 1.5*2 - 0.5 = 2.5 → mean of R 2 and 3 = 2.5.
    expect(out[2 * 16 + 0 * 4 + 1]! * 255).toBeCloseTo(2.5, 4);
  });
});

describe('paste-back', () => {
  it('mask is 0 on the whole box border and 1 at the mouth', () => {
    const w = 120;
    const h = 140;
    const m = lowerFaceMask(w, h);
    for (let x = 0; x < w; x++) expect(m[x]! + m[(h - 1) * w + x]!).toBe(0);
    for (let y = 0; y < h; y++) expect(m[y * w]! + m[y * w + w - 1]!).toBe(0);
    // Upper half (eyes, nose) is never touched.
    for (let y = 0; y < h * 0.42; y++) for (let x = 0; x < w; x++) expect(m[y * w + x]).toBe(0);
    expect(m[Math.round(h * 0.7) * w + w / 2]).toBe(1);
  });
  it('changes only pixels under the mask, leaves every other pixel byte-identical', () => {
    const frame = gradient(200, 200);
    const before = frame.data.slice();
    const box = { x1: 40, y1: 30, x2: 160, y2: 170 };
    const S = 96;
    const face = new Float32Array(3 * S * S);
    // A face output with a strong pattern so the paste is visible.
    for (let i = 0; i < S * S; i++) face[i] = (i % 7) / 7;
    for (let i = S * S; i < 3 * S * S; i++) face[i] = ((i * 13) % 11) / 11;
    const stats = pasteFace(frame, box, face, S);
    expect(stats.changed).toBeGreaterThan(2000);
    const mask = lowerFaceMask(box.x2 - box.x1, box.y2 - box.y1);
    let outsideChanged = 0;
    let insideChanged = 0;
    for (let y = 0; y < 200; y++) {
      for (let x = 0; x < 200; x++) {
        const inBox = x >= box.x1 && x < box.x2 && y >= box.y1 && y < box.y2;
        const m = inBox ? mask[(y - box.y1) * (box.x2 - box.x1) + x - box.x1]! : 0;
        const p = (y * 200 + x) * 4;
        const diff = frame.data[p] !== before[p] || frame.data[p + 1] !== before[p + 1] || frame.data[p + 2] !== before[p + 2] || frame.data[p + 3] !== before[p + 3];
        if (m === 0 && diff) outsideChanged++;
        if (m === 1 && diff) insideChanged++;
      }
    }
    expect(outsideChanged).toBe(0);
    expect(insideChanged).toBeGreaterThan(1000);
  });
  it('matches colours: a flat grey model face on a red-toned frame comes out red-toned', () => {
    const w = 100;
    const data = new Uint8ClampedArray(w * w * 4);
    for (let i = 0; i < w * w; i++) data.set([200, 120, 90, 255], i * 4);
    const frame = { data, width: w, height: w };
    const S = 96;
    const face = new Float32Array(3 * S * S).fill(0.5);
    const stats = pasteFace(frame, { x1: 0, y1: 0, x2: w, y2: w }, face, S);
    expect(stats.shift[0]).toBeCloseTo(200 - 127.5, 1);
    // Flat model + exact mean shift → the frame is unchanged: no visible patch at all.
    expect(Array.from(frame.data.slice(0, 4))).toEqual([200, 120, 90, 255]);
    const mid = ((70 * w) + 50) * 4;
    expect(Array.from(frame.data.slice(mid, mid + 3))).toEqual([200, 120, 90]);
  });
});
