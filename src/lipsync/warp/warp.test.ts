import { describe, expect, it } from 'vitest';
import { affineFromTriangles, buildMesh, displacement, innerMouth } from './mesh.ts';
import { keyParams, keyPixel } from './key.ts';
import { gapWidths, openRanks, selectMouths } from './select.ts';
import type { Point } from '../../avatar/types.ts';

describe('mouth selection (Viterbi)', () => {
  // Issue 19: the measured openness (rows of dark gap) stays near 0 while the teeth hide a
  // half-open mouth and then climbs fast; on a linear scale every mid-open viseme got a frame
  // that only shows teeth. By rank, the n-th most open wanted mouth gets the n-th most open frame.
  it('pairs wanted and measured openness by rank, not by their different units', () => {
    const convex = { open: [0, 0.02, 0.05, 0.3, 0.9, 0], wide: [0, 0.5, 0.5, 0.5, 0.5, 0] };
    const wanted = [0, 0.25, 0.5, 0.75, 1, 0].map((open) => ({ open, wide: 0.5 }));
    const pick = selectMouths(wanted, convex, [0, 1, 2, 3, 4, 5], { jump: 0 });
    expect(pick.slice(1, 5)).toEqual([1, 2, 3, 4]);
    expect(convex.open[pick[0]!]).toBe(0);
    expect(convex.open[pick[5]!]).toBe(0);
    expect(openRanks([0, 0.3, 0.1, 0.3, 0])).toEqual([0, 5 / 6, 1 / 3, 5 / 6, 0]);
  });
  // Issue 19: a closed mouth has no dark gap, so its measured width is 0; against the rest
  // mouth's wanted spread (0.5) that lost every pause to a frame with the lips apart.
  it('a pause gets a closed mouth, though a closed mouth measures no width', () => {
    const open = [0, 0.01, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    const f = { open, wide: open.map((o) => (o ? 0.5 + o * 0.1 : 0)) };
    const pick = selectMouths([{ open: 0, wide: 0.5 }, { open: 0, wide: 0.5 }], f, open.map((_, i) => i));
    expect(pick).toEqual([0, 0]);
    expect(Number.isNaN(gapWidths(f.open, f.wide)[0]!)).toBe(true);
  });
  it('prefers playing on or holding over jumping between look-alikes', () => {
    const f = { open: [0.5, 0.52, 0.5, 0.51, 0, 1], wide: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] };
    const wanted = Array.from({ length: 4 }, (_, t) => ({ open: [0.52, 0.5, 0.51, 0.5][t]!, wide: 0.5 }));
    const jumpy = selectMouths(wanted, f, [0, 1, 2, 3, 4, 5], { jump: 0 });
    const smooth = selectMouths(wanted, f, [0, 1, 2, 3, 4, 5], { jump: 0.2 });
    const switches = (p: number[]) => p.slice(1).filter((j, i) => j !== p[i]! && j !== p[i]! + 1).length;
    expect(switches(smooth)).toBeLessThanOrEqual(switches(jumpy));
    expect(switches(smooth)).toBe(0);
  });
});

describe('photo mesh warp', () => {
  const geom = { mouth: [200, 300] as Point, d: 100, roll: 0 };
  it('a closed mouth moves nothing; an open one drops the jaw below the lips only', () => {
    const rest = buildMesh(geom, { open: 0, wide: 0, round: 0 });
    rest.rest.forEach((p, i) => expect(Math.hypot(p[0] - rest.moved[i]![0], p[1] - rest.moved[i]![1])).toBeLessThan(1e-9));
    expect(displacement(0, 0.3, { open: 1, wide: 0, round: 0 })[1]).toBeCloseTo(0.32, 2);
    expect(displacement(0, -0.5, { open: 1, wide: 0, round: 0 })[1]).toBeCloseTo(0, 3);
    expect(Math.abs(displacement(2, 0.3, { open: 1, wide: 0, round: 0 })[1])).toBeLessThan(1e-3);
  });
  it('wide pulls the corners out, round pulls them in', () => {
    expect(displacement(0.42, 0, { open: 0, wide: 1, round: 0 })[0]).toBeGreaterThan(0.05);
    expect(displacement(0.42, 0, { open: 0, wide: 0, round: 1 })[0]).toBeLessThan(-0.05);
  });
  it('the inner mouth spans the gap the jaw opens', () => {
    expect(innerMouth(geom, { open: 0, wide: 0, round: 0 })).toEqual([]);
    const pts = innerMouth(geom, { open: 1, wide: 0, round: 0 });
    const ys = pts.map((p) => p[1]);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(25);
  });
  it('affine maps a triangle onto another', () => {
    const s: [Point, Point, Point] = [[0, 0], [10, 0], [0, 10]];
    const t: [Point, Point, Point] = [[5, 5], [25, 5], [5, 15]];
    const [a, b, c, d, e, f] = affineFromTriangles(s, t)!;
    const map = ([x, y]: Point): Point => [a * x + c * y + e, b * x + d * y + f];
    s.forEach((p, i) => {
      expect(map(p)[0]).toBeCloseTo(t[i]![0], 9);
      expect(map(p)[1]).toBeCloseTo(t[i]![1], 9);
    });
  });
});

describe('chroma key', () => {
  const green = keyParams([0, 177, 64]);
  it('the key colour goes transparent, skin stays opaque, edges are soft', () => {
    expect(keyPixel(0, 177 / 255, 64 / 255, green)[3]).toBe(0);
    expect(keyPixel(0.05, 0.62, 0.3, green)[3]).toBe(0);
    expect(keyPixel(0.85, 0.65, 0.55, green)[3]).toBe(1);
    const mid = keyPixel(0.2, 0.6, 0.3, green)[3];
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
  });
  it('suppresses green spill on kept pixels', () => {
    const [r, g, b, a] = keyPixel(0.6, 0.75, 0.5, green);
    expect(a).toBeGreaterThan(0.9);
    expect(g).toBeLessThan(0.72);
    expect(r).toBeGreaterThan(0.5);
    expect(b).toBeGreaterThan(0.45);
  });
  it('a white backdrop is matched on RGB distance', () => {
    const white = keyParams([250, 250, 250]);
    expect(white.chroma).toBe(false);
    expect(keyPixel(0.97, 0.97, 0.97, white)[3]).toBe(0);
    expect(keyPixel(0.2, 0.2, 0.2, white)[3]).toBe(1);
  });
});
