import { describe, expect, it } from 'vitest';
import { gestureAt } from './presenter/motion.ts';
import { buildScenes, buildTimeline, gestureTrack, groupCaptions, hashSeed } from './timeline.ts';
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

describe('gesture track', () => {
  const segs = [
    { segment: { text: 'Hook', scene: { kind: 'presenter' as const } }, start: 0.2, end: 3 },
    { segment: { text: 'One', scene: { kind: 'product' as const, image: 0 } }, start: 3.2, end: 7 },
    { segment: { text: 'Two', scene: { kind: 'product' as const, image: 1 } }, start: 7.2, end: 11 },
    { segment: { text: 'Three', scene: { kind: 'product' as const, image: 0 } }, start: 11.2, end: 15 },
    { segment: { text: 'Buy', scene: { kind: 'cta' as const } }, start: 15.2, end: 19 },
  ];
  const spoken = words([['Hi', 0.2, 0.5], ['there', 0.5, 0.9], ['now', 15.4, 15.8], ['buy', 15.8, 18.6]]);
  const scenes = buildScenes(segs, 19.5, 2);

  it('opens the hands as speech starts, points at products and the call to action, nods at the end', () => {
    const track = gestureTrack(scenes, spoken, 19.5);
    expect(track.map((g) => g.kind)).toEqual(['open', 'point', 'point', 'point', 'nod']);
    expect(track[0]!.start).toBeCloseTo(0.35, 6);
    // Every other product scene: the first and third.
    expect(track[1]!.start).toBeCloseTo(3.4, 6);
    expect(track[2]!.start).toBeCloseTo(11.4, 6);
    // The call to action always gets its point.
    const cta = track[3]!;
    expect(cta.start).toBeCloseTo(15.35, 6);
    expect(track[4]!.start).toBeGreaterThan(cta.end);
    for (const g of track) {
      expect(g.end).toBeGreaterThan(g.start);
      expect(g.end).toBeLessThanOrEqual(19.5 - 0.5);
    }
    for (let i = 1; i < track.length; i++) expect(track[i]!.start).toBeGreaterThanOrEqual(track[i - 1]!.end + 1 - 1e-9);
  });

  it('keeps the call-to-action point when beats crowd each other', () => {
    const tight = buildScenes([segs[0]!, { ...segs[4]!, start: 1.2 }], 4, 2);
    const track = gestureTrack(tight, words([['Hi', 0.2, 0.6], ['buy', 1.3, 3.2]]), 4);
    expect(track.map((g) => g.kind)).toEqual(['point']);
    expect(track[0]!.start).toBeCloseTo(1.35, 6);
  });

  it('display: points at the product at every scene without speech', () => {
    const track = gestureTrack(scenes, [], 19.5, 'display');
    expect(track.filter((g) => g.kind === 'point').length).toBeGreaterThanOrEqual(3);
    expect(track[0]!.kind).toBe('open');
    expect(track.at(-1)!.kind).toBe('nod');
  });

  it('is part of the timeline, and gestureAt eases each one in and out', () => {
    const tl = buildTimeline({
      ratio: '9:16', presenterId: 'ava', product: { name: 'Kettle', imageCount: 2 }, segments: segs,
      speech: { duration: 19.5, words: spoken, phonemes: [] },
    });
    expect(tl.gestures?.length).toBe(5);
    expect(tl.motionStyle).toBeUndefined();
    const g = tl.gestures![1]!;
    expect(gestureAt(tl.gestures, g.start - 0.01)).toBeNull();
    expect(gestureAt(tl.gestures, g.start + 0.2)!.weight).toBeGreaterThan(0.3);
    expect(gestureAt(tl.gestures, g.start + 0.2)!.weight).toBeLessThan(0.8);
    expect(gestureAt(tl.gestures, (g.start + g.end) / 2)).toMatchObject({ kind: 'point', weight: 1 });
    expect(gestureAt(tl.gestures, g.end + 0.25)!.weight).toBeLessThan(1);
    expect(gestureAt(tl.gestures, g.end + 0.6)).toBeNull();
    const shown = buildTimeline({
      ratio: '9:16', presenterId: 'ava', product: { name: 'Kettle', imageCount: 2 }, segments: segs,
      speech: { duration: 19.5, words: spoken, phonemes: [] }, motionStyle: 'display',
    });
    expect(shown.motionStyle).toBe('display');
  });
});
