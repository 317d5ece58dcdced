import { describe, it, expect } from 'vitest';
import { VISEMES } from '../../lipsync/types.ts';
import { REST_MOUTH, VISEME_SHAPES } from '../../lipsync/visemes.ts';
import { buildCatalog, hasPresenter } from './catalog.ts';
import { mouthRegion } from './draw.ts';
import { CLASSIC_PRESENTERS } from './looks.ts';
import { BUILTIN_PRESENTERS, blinkAt, drawPresenter, presenterById, presenterStateAt, type PresenterState } from './index.ts';

describe('presenterStateAt', () => {
  it('is deterministic: same t and seed, same state', () => {
    for (const t of [0, 0.5, 3.21, 17.9, 59.97]) {
      const a = presenterStateAt(t, VISEME_SHAPES.aa, 42, true);
      const b = presenterStateAt(t, VISEME_SHAPES.aa, 42, true);
      expect(a).toEqual(b);
    }
  });

  it('differs between seeds', () => {
    let diff = 0;
    for (let t = 0; t < 20; t += 0.5) {
      const a = presenterStateAt(t, REST_MOUTH, 1, false);
      const b = presenterStateAt(t, REST_MOUTH, 2, false);
      diff += Math.abs(a.headTilt - b.headTilt) + Math.abs(a.blink - b.blink);
    }
    expect(diff).toBeGreaterThan(0.01);
  });

  it('blinks every 2–6 s, each about 150–200 ms', () => {
    for (const seed of [1, 7, 99, 12345]) {
      const starts: number[] = [];
      const lengths: number[] = [];
      let closedSince = -1;
      const dt = 1 / 240;
      for (let t = 0; t < 60; t += dt) {
        const closed = blinkAt(t, seed) > 0.5;
        if (closed && closedSince < 0) closedSince = t;
        if (!closed && closedSince >= 0) {
          starts.push(closedSince);
          lengths.push(t - closedSince);
          closedSince = -1;
        }
      }
      expect(starts.length).toBeGreaterThanOrEqual(10);
      expect(starts.length).toBeLessThanOrEqual(32);
      // Half-closed for roughly 60–130 ms of a ~170 ms blink.
      for (const l of lengths) {
        expect(l).toBeGreaterThan(0.04);
        expect(l).toBeLessThan(0.15);
      }
      // Gaps: mostly 2–6 s; double blinks add ~0.3 s gaps; never longer than 6.2 s.
      const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
      for (const g of gaps) expect(g).toBeLessThan(6.2);
      const regular = gaps.filter((g) => g > 1);
      expect(regular.every((g) => g >= 1.95)).toBe(true);
    }
  });

  it('breathes at about 0.25 Hz', () => {
    let crossings = 0;
    let prev = presenterStateAt(0, REST_MOUTH, 3, false).breath;
    for (let f = 1; f < 60 * 30; f++) {
      const b = presenterStateAt(f / 30, REST_MOUTH, 3, false).breath;
      if (Math.sign(b) !== Math.sign(prev)) crossings++;
      prev = b;
    }
    // Two zero crossings per cycle: 15 cycles in 60 s.
    expect(crossings).toBeGreaterThanOrEqual(28);
    expect(crossings).toBeLessThanOrEqual(32);
  });

  it('keeps head motion small and smooth, livelier while speaking', () => {
    const spread = (speaking: boolean): number => {
      let sum = 0;
      let sumSq = 0;
      let n = 0;
      let prev: PresenterState | null = null;
      for (let f = 0; f < 60 * 30; f++) {
        const s = presenterStateAt(f / 30, speaking ? VISEME_SHAPES.E : REST_MOUTH, 5, speaking);
        expect(Math.abs(s.headTilt)).toBeLessThan((4 * Math.PI) / 180);
        expect(Math.abs(s.headTurn)).toBeLessThanOrEqual(1);
        expect(Math.abs(s.headNod)).toBeLessThanOrEqual(1);
        expect(Math.abs(s.headX)).toBeLessThan(0.02);
        if (prev) {
          expect(Math.abs(s.headTilt - prev.headTilt)).toBeLessThan(0.01);
          expect(Math.abs(s.headX - prev.headX)).toBeLessThan(0.002);
        }
        prev = s;
        sum += s.headTilt;
        sumSq += s.headTilt * s.headTilt;
        n++;
      }
      return Math.sqrt(sumSq / n - (sum / n) ** 2);
    };
    expect(spread(true)).toBeGreaterThan(spread(false));
  });

  it('lifts the brows only while speaking, and accepts a smooth speaking level', () => {
    let quiet = 0;
    let talking = 0;
    for (let t = 0; t < 30; t += 0.05) {
      quiet = Math.max(quiet, presenterStateAt(t, REST_MOUTH, 8, false).browRaise);
      talking = Math.max(talking, presenterStateAt(t, REST_MOUTH, 8, true).browRaise);
    }
    expect(quiet).toBe(0);
    expect(talking).toBeGreaterThan(0.3);
    const half = presenterStateAt(4, REST_MOUTH, 8, 0.5);
    const full = presenterStateAt(4, REST_MOUTH, 8, 1);
    expect(half.smile).toBeGreaterThan(full.smile);
  });
});

describe('built-in presenters', () => {
  it('keeps the ten original presenters, unchanged, at the start of the library', () => {
    expect(BUILTIN_PRESENTERS.length).toBeGreaterThanOrEqual(200);
    expect(BUILTIN_PRESENTERS.slice(0, 10).map((p) => p.id)).toEqual(CLASSIC_PRESENTERS.map((p) => p.id));
    for (const c of CLASSIC_PRESENTERS) {
      const p = presenterById(c.id);
      expect(p.id).toBe(c.id);
      // Everything that shapes the drawing is the original's.
      const { tags: _t, age: _a, face, ...rest } = p;
      expect(rest).toEqual({ ...c, eyes: { ...c.eyes } });
      expect(face?.shape ?? 'oval').toBe('oval');
      expect(p.style ?? 'soft').toBe('soft');
      expect(p.pose ?? 'half').toBe('half');
      expect(p.background).toBeUndefined();
    }
    expect(presenterById('marcus').name).toBe('Marcus');
    expect(presenterById('nobody')).toBe(BUILTIN_PRESENTERS[0]);
    expect(presenterById(undefined)).toBe(BUILTIN_PRESENTERS[0]);
  });

  it('has well-formed, distinct looks', () => {
    const ids = new Set(BUILTIN_PRESENTERS.map((p) => p.id));
    expect(ids.size).toBe(BUILTIN_PRESENTERS.length);
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.name)).size).toBe(BUILTIN_PRESENTERS.length);
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.gender))).toEqual(new Set(['female', 'male']));
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.hair.style)).size).toBeGreaterThanOrEqual(14);
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.outfit.style)).size).toBeGreaterThanOrEqual(16);
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.skin.base)).size).toBeGreaterThanOrEqual(14);
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.style ?? 'soft'))).toEqual(new Set(['soft', 'flat', 'cartoon']));
    expect(new Set(BUILTIN_PRESENTERS.map((p) => p.pose ?? 'half'))).toEqual(new Set(['half', 'seated', 'side', 'full']));
    const hex = /^#[0-9a-f]{6}$/i;
    for (const p of BUILTIN_PRESENTERS) {
      expect(p.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(p.description.length).toBeGreaterThan(20);
      expect(p.tags?.length).toBeGreaterThan(8);
      const colours = [...Object.values(p.skin), p.hair.color, p.hair.highlight, p.eyes.iris, p.brows.color, p.outfit.primary, p.outfit.secondary];
      if (p.outfit.accent) colours.push(p.outfit.accent);
      if (p.background) colours.push(p.background.base, p.background.accent);
      for (const c of colours) expect(c).toMatch(hex);
    }
  });

  it('builds the same library every time (ids are written, not counted)', () => {
    expect(buildCatalog()).toEqual(BUILTIN_PRESENTERS);
    // A few ids from the library that saved projects may hold.
    for (const id of ['ava', 'ava-keynote', 'ava-desk', 'sofia-run', 'zara', 'zara-street', 'omar-keynote', 'sami-market']) expect(hasPresenter(id)).toBe(true);
  });
});

/** A 2D context that accepts every call and draws nothing (Node has no canvas). */
function fakeContext(): OffscreenCanvasRenderingContext2D {
  const gradient = { addColorStop: () => undefined };
  const matrix = { a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 };
  let calls = 0;
  const target: Record<string | symbol, unknown> = {
    createLinearGradient: () => gradient,
    createRadialGradient: () => gradient,
    getTransform: () => matrix,
  };
  const proxy = new Proxy(target, {
    get: (t, k) => {
      if (k === 'calls') return calls;
      if (k in t) return t[k];
      return () => {
        calls++;
      };
    },
    set: (t, k, v) => {
      t[k] = v;
      return true;
    },
  });
  return proxy as unknown as OffscreenCanvasRenderingContext2D;
}

describe('drawPresenter', () => {
  it('draws every look, blinking, tilted and gesturing, without throwing', () => {
    BUILTIN_PRESENTERS.forEach((look, i) => {
      const v = VISEMES[i % VISEMES.length]!;
      const ctx = fakeContext();
      const gesture = [null, { kind: 'open' as const, weight: 1, time: 1 }, { kind: 'point' as const, weight: 0.6, time: 0.3, target: [20, -80] as const }][i % 3];
      const st = { ...presenterStateAt(1.3, VISEME_SHAPES[v], 1, true, gesture), blink: v === 'PP' ? 1 : 0.3, headTilt: 0.05 };
      drawPresenter(ctx, look, st, { x: 10, y: 20, w: 300, h: 400 }, { backdrop: i % 2 ? 'fill' : 'panel' });
      expect((ctx as unknown as { calls: number }).calls).toBeGreaterThan(100);
    });
  });

  it('draws one look of each style and pose in every viseme', () => {
    const picks = ['ava', 'omar', 'ethan', 'ava-keynote', 'mei-talk', 'kenji-office-hours'].map((id) => presenterById(id));
    for (const look of picks) {
      for (const v of VISEMES) {
        const ctx = fakeContext();
        drawPresenter(ctx, look, presenterStateAt(2, VISEME_SHAPES[v], 3, true), { x: 0, y: 0, w: 300, h: 400 });
        expect((ctx as unknown as { calls: number }).calls).toBeGreaterThan(50);
      }
    }
  });

  it('knows where the mouth is for every pose and style', () => {
    const box = { x: 100, y: 50, w: 600, h: 800 };
    // The half-body soft look: the original formula.
    expect(mouthRegion(box)).toEqual(mouthRegion(box, presenterById('ava')));
    const half = mouthRegion(box);
    expect(half.x + half.w / 2).toBeCloseTo(400, 6);
    expect(half.y).toBeCloseTo(50 + 185 * 2 - 24, 6);
    const full = mouthRegion(box, presenterById('ava-keynote'));
    expect(full.w).toBeLessThan(half.w * 0.5);
    expect(full.y).toBeLessThan(half.y);
    const seated = mouthRegion(box, presenterById('kenji-office-hours'));
    expect(seated.w).toBeLessThan(half.w);
    const side = mouthRegion(box, presenterById('mei-talk'));
    expect(side.x + side.w / 2).toBeLessThan(half.x + half.w / 2);
    // Cartoon heads are bigger.
    expect(mouthRegion(box, presenterById('ethan')).w).toBeGreaterThan(half.w);
  });

  it('draws nothing into an empty box', () => {
    const ctx = fakeContext();
    drawPresenter(ctx, BUILTIN_PRESENTERS[0]!, presenterStateAt(0, REST_MOUTH, 1, false), { x: 0, y: 0, w: 0, h: 100 });
    expect((ctx as unknown as { calls: number }).calls).toBe(0);
  });
});
