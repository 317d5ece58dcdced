import { describe, expect, it } from 'vitest';
import { buildScenes, groupCaptions, hashSeed } from './timeline.ts';
import { layoutAt, sceneIndexAt } from './layout.ts';
import { outputSize, type Timeline } from './types.ts';

const words = (spec: Array<[string, number, number]>) => spec.map(([text, start, end]) => ({ text, start, end }));

describe('captions', () => {
  it('groups words into short lines, breaking at punctuation and pauses', () => {
    const lines = groupCaptions(words([
      ['Meet', 0, 0.3], ['the', 0.3, 0.4], ['kettle.', 0.4, 0.9],
      ['It', 1.5, 1.6], ['pours', 1.6, 1.9], ['like', 1.9, 2.1], ['a', 2.1, 2.2], ['dream', 2.2, 2.6],
    ]));
    expect(lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['Meet the kettle.', 'It pours like a', 'dream']);
    // A line stays up until the next starts, but not through a long pause.
    expect(lines[0]!.end).toBeCloseTo(1.5, 6);
    expect(lines[1]!.end).toBeCloseTo(2.2, 6);
  });
});

describe('scenes and layout', () => {
  const segs = [
    { segment: { text: 'Hook', scene: { kind: 'presenter' as const } }, start: 0.1, end: 2 },
    { segment: { text: 'One', scene: { kind: 'product' as const, image: 0 } }, start: 2.2, end: 4 },
    { segment: { text: 'Two', scene: { kind: 'product' as const, image: 1 } }, start: 4.2, end: 6 },
    { segment: { text: 'Buy', scene: { kind: 'cta' as const } }, start: 6.2, end: 8 },
  ];

  it('covers the whole video with contiguous scenes', () => {
    const scenes = buildScenes(segs, 8.5, 2);
    expect(scenes[0]!.start).toBe(0);
    expect(scenes.at(-1)!.end).toBe(8.5);
    for (let i = 1; i < scenes.length; i++) expect(scenes[i]!.start).toBe(scenes[i - 1]!.end);
    expect(scenes.map((s) => s.image)).toEqual([0, 0, 1, 0]);
  });

  it('eases between scene layouts and finds the scene at t', () => {
    const tl = { ratio: '9:16', scenes: buildScenes(segs, 8.5, 2) } as Timeline;
    expect(sceneIndexAt(tl, 0)).toBe(0);
    expect(sceneIndexAt(tl, 4.25)).toBe(2);
    expect(sceneIndexAt(tl, 100)).toBe(3);
    const before = layoutAt(tl, 2.19).presenter.w;
    const mid = layoutAt(tl, 2.4).presenter.w;
    const after = layoutAt(tl, 3).presenter.w;
    expect(before).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(after);
    expect(layoutAt(tl, 7).endCard).toBe(1);
  });

  it('sizes outputs per ratio with even dimensions', () => {
    expect(outputSize('9:16', 1080)).toEqual({ w: 1080, h: 1920 });
    expect(outputSize('16:9', 1080)).toEqual({ w: 1920, h: 1080 });
    expect(outputSize('1:1', 720)).toEqual({ w: 720, h: 720 });
    expect(outputSize('9:16', 720)).toEqual({ w: 720, h: 1280 });
    expect(hashSeed('a')).toBe(hashSeed('a'));
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
  });
});
