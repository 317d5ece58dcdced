import { describe, expect, it } from 'vitest';
import { audioStats, backdropCleanliness, globalShift, laplacianVariance, levelsDb, mouthOpening, parseRgb, poseOf, type Gray } from './signal.ts';
import type { Point } from './types.ts';

function gray(w: number, h: number, f: (x: number, y: number) => number): Gray {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = Math.max(0, Math.min(255, f(x, y)));
  return { data, width: w, height: h };
}

describe('sharpness', () => {
  it('is high for hard edges, low once blurred, zero for flat', () => {
    const sharp = gray(64, 64, (x, y) => ((x >> 2) + (y >> 2)) % 2 ? 220 : 30);
    const soft = gray(64, 64, (x) => 125 + 90 * Math.sin(x / 6));
    expect(laplacianVariance(sharp)).toBeGreaterThan(20 * laplacianVariance(soft));
    expect(laplacianVariance(gray(32, 32, () => 99))).toBe(0);
  });
});

describe('camera shake', () => {
  const scene = (dx: number, dy: number) => gray(90, 70, (x, y) => 128 + 60 * Math.sin((x - dx) / 3) * Math.cos((y - dy) / 4) + ((x - dx) * 7) % 13);
  it('finds the shift between two frames', () => {
    expect(globalShift(scene(0, 0), scene(3, -2))).toEqual([3, -2]);
    expect(globalShift(scene(0, 0), scene(0, 0))).toEqual([0, 0]);
  });
  it('ignores the excluded (face) rectangle', () => {
    const a = scene(0, 0);
    const b = scene(0, 0);
    for (let y = 20; y < 50; y++) for (let x = 30; x < 60; x++) b.data[y * 90 + x] = (x * 37 + y * 11) % 255;
    expect(globalShift(a, b, 6, { x: 24, y: 14, w: 42, h: 42 })).toEqual([0, 0]);
  });
});

describe('audio', () => {
  it('measures the noise floor, the speech level and the leading silence', () => {
    const sr = 8000;
    const pcm = new Float32Array(sr * 6);
    for (let i = 0; i < pcm.length; i++) {
      const t = i / sr;
      pcm[i] = 0.001 * Math.sin(i * 1.7) + (t >= 2 ? 0.3 * Math.sin(2 * Math.PI * 180 * t) * (Math.sin(t * 9) > -0.5 ? 1 : 0.02) : 0);
    }
    const s = audioStats(levelsDb(pcm, sr / 20));
    expect(s.leadingSilence).toBeCloseTo(2, 1);
    expect(s.noiseFloorDb).toBeLessThan(-55);
    expect(s.speechDb).toBeGreaterThan(-15);
  });
  it('reports digital silence as -120 dBFS', () => {
    expect(levelsDb(new Float32Array(800), 400)).toEqual([-120, -120]);
  });
});

describe('pose', () => {
  const face = (nx: number, roll = 0): Point[] => {
    const r = (roll * Math.PI) / 180;
    const rot = ([x, y]: Point): Point => [100 + x * Math.cos(r) - y * Math.sin(r), 100 + x * Math.sin(r) + y * Math.cos(r)];
    return [rot([-20, 0]), rot([20, 0]), rot([nx, 20]), rot([0, 40]), rot([-40, 10]), rot([40, 10])];
  };
  it('frontal, level and upright', () => {
    const p = poseOf(face(0));
    expect(p.yaw).toBeCloseTo(0, 6);
    expect(p.roll).toBeCloseTo(0, 6);
    expect(p.upright).toBe(true);
  });
  it('turned: nose off the eye midpoint, in eye distances', () => {
    expect(poseOf(face(12)).yaw).toBeCloseTo(0.3, 6);
  });
  it('tilted and upside down', () => {
    expect(poseOf(face(0, 15)).roll).toBeCloseTo(15, 6);
    expect(poseOf(face(0, 180)).upright).toBe(false);
  });
});

describe('mouth opening', () => {
  it('measures a dark inner mouth', () => {
    const closed = gray(64, 40, (x, y) => (y === 18 && x > 16 && x < 48 ? 90 : 170));
    const open = gray(64, 40, (x, y) => (y > 12 && y < 28 && x > 18 && x < 46 ? 25 : 170));
    expect(mouthOpening(closed).open).toBeLessThan(0.05);
    expect(mouthOpening(open).open).toBeCloseTo(15 / 40, 2);
    expect(mouthOpening(open).wide).toBeCloseTo(27 / 64, 2);
  });
});

describe('backdrop', () => {
  it('covers the edges with the key colour, or not', () => {
    const w = 50;
    const h = 40;
    const rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([0, 177, 64, 255], i * 4);
    expect(backdropCleanliness(rgba, w, h, [0, 177, 64]).coverage).toBe(1);
    expect(backdropCleanliness(rgba, w, h, [255, 255, 255]).coverage).toBe(0);
  });
  it('parses rgb(r,g,b)', () => {
    expect(parseRgb('rgb(0, 177,64)')).toEqual([0, 177, 64]);
    expect(parseRgb('12,3,4')).toEqual([12, 3, 4]);
    expect(parseRgb('rgb(300,0,0)')).toBeNull();
    expect(parseRgb('green')).toBeNull();
  });
});
