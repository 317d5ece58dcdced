import { describe, expect, it } from 'vitest';
import { planFor, ProgressModel, timeFraction } from './progress.ts';

describe('progress and time left', () => {
  it('plans by the work: longer and larger videos take longer to export', () => {
    const a = planFor({ duration: 15, ratio: '9:16', resolution: 720 });
    const b = planFor({ duration: 30, ratio: '9:16', resolution: 1080 });
    expect(b.export).toBeGreaterThan(a.export * 3);
    expect(b.image).toBeGreaterThan(a.image);
  });

  it('progress rises through the phases and never falls; time left shrinks to zero', () => {
    const plan = { prepare: 1, image: 4, export: 5 };
    const m = new ProgressModel(plan, 0);
    const p0 = m.at(0.5, 500);
    expect(p0.progress).toBeCloseTo(0.05);
    expect(p0.eta).toBeCloseTo(9.5, 0);
    m.enter('image', 1000);
    const p1 = m.at(0.5, 3000);
    expect(p1.progress).toBeCloseTo(0.3);
    m.enter('export', 5000);
    const p2 = m.at(0.5, 7500);
    expect(p2.progress).toBeCloseTo(0.75);
    // Half the frames in 2.5 s: 2.5 s to go.
    expect(p2.eta).toBeCloseTo(2.5);
    expect(m.at(0.2, 7600).progress).toBe(p2.progress);
    expect(m.at(1, 10000).eta).toBe(0);
  });

  it('a slow start stretches the estimate for the later steps', () => {
    const plan = { prepare: 1, image: 4, export: 5 };
    const fast = new ProgressModel(plan, 0);
    fast.enter('image', 1000);
    const slow = new ProgressModel(plan, 0);
    slow.enter('image', 3000);
    expect(slow.at(0, 3000).eta).toBeGreaterThan(fast.at(0, 1000).eta);
  });

  it('time-based fractions approach but never reach the end', () => {
    expect(timeFraction(0, 5)).toBe(0);
    expect(timeFraction(5, 5)).toBeGreaterThan(0.6);
    expect(timeFraction(500, 5)).toBeLessThan(0.951);
  });
});
