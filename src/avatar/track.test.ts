import { describe, expect, it } from 'vitest';
import { chooseLoop, faceStats, fillGaps, pingPong, smoothTrack } from './track.ts';
import type { Face, TrackedFace } from './types.ts';

const face = (x: number, w = 100): Face => ({ box: [x, 100, w, w], keypoints: [[x + 30, 130], [x + 70, 130], [x + 50, 150], [x + 50, 175], [x + 5, 140], [x + 95, 140]], score: 0.9 });

describe('face statistics', () => {
  it('counts faces only on whole-frame searches; sizes and cuts on all', () => {
    const s = faceStats([
      { faces: [face(400)] },
      { faces: [face(400), face(900)] },
      { faces: [] },
      { faces: [face(-30)], counted: false },
    ], 1000, 600);
    expect([s.frames, s.one, s.many, s.none]).toEqual([3, 1, 1, 1]);
    expect(s.widthRatio).toBeCloseTo(0.1, 6);
    expect(s.cutShare).toBeCloseTo(1 / 3, 6);
  });
});

describe('track smoothing', () => {
  it('averages jitter, keeps gaps, fills short ones', () => {
    const jitter: TrackedFace[] = [face(100), face(104), face(96), face(104), face(96)].map((f) => ({ box: f.box, keypoints: f.keypoints }));
    const s = smoothTrack(jitter, 2);
    expect(s[2]!.box[0]).toBeCloseTo(100, 6);
    expect(smoothTrack([null, jitter[0]!], 1)[0]).toBeNull();
    const filled = fillGaps([jitter[0]!, null, null, jitter[1]!, null, null, null, null, null, null, jitter[2]!], 3);
    expect(filled[1]).toBe(jitter[0]);
    expect(filled[2]).toBe(jitter[1]);
    expect(filled[5]).toBeNull();
  });
});

describe('base loop', () => {
  it('uses the leading silence when there is a second of it', () => {
    expect(chooseLoop(new Array(200).fill(0.2), 25, 50, 3)).toEqual({ start: 0, end: 49, mode: 'ping-pong' });
  });
  it('else the stillest closed-mouth window', () => {
    const open = Array.from({ length: 200 }, (_, i) => (i >= 120 && i < 195 ? 0 : 0.3 + 0.2 * Math.sin(i)));
    const l = chooseLoop(open, 25, 0, 3);
    expect(l.start).toBe(120);
    expect(l.end).toBe(194);
  });
  it('plays forward then back without repeating the ends', () => {
    const loop = { start: 10, end: 13, mode: 'ping-pong' as const };
    expect(Array.from({ length: 9 }, (_, i) => pingPong(loop, i))).toEqual([10, 11, 12, 13, 12, 11, 10, 11, 12]);
  });
});
