import { describe, expect, it } from 'vitest';
import { avcCodecString, frameOrder, gopLength, isKeyFrame, laneOf } from './gop-lanes.ts';

describe('GOP lanes', () => {
  it('interleaves GOP pairs and covers every frame exactly once', () => {
    const plan = { frames: 10, gopFrames: 3, lanes: 2 };
    const order = frameOrder(plan);
    expect(order).toEqual([0, 3, 1, 4, 2, 5, 6, 9, 7, 8]);
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(order.map((i) => laneOf(i, plan))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect([0, 3, 6, 9].every((i) => isKeyFrame(i, plan))).toBe(true);
    expect(isKeyFrame(4, plan)).toBe(false);
    expect(gopLength(3, plan)).toBe(1);
  });

  it('each lane sees its frames in increasing order (encoders need presentation order)', () => {
    const plan = { frames: 997, gopFrames: 60, lanes: 3 };
    const order = frameOrder(plan);
    for (let lane = 0; lane < 3; lane++) {
      const mine = order.filter((i) => laneOf(i, plan) === lane);
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
    }
    expect(new Set(order).size).toBe(997);
  });

  it('one lane is plain sequential order', () => {
    expect(frameOrder({ frames: 5, gopFrames: 2, lanes: 1 })).toEqual([0, 1, 2, 3, 4]);
  });

  it('picks an H.264 level that fits the frame', () => {
    expect(avcCodecString(1280, 720)).toBe('avc1.64001f');
    expect(avcCodecString(1080, 1920)).toBe('avc1.640028');
    expect(avcCodecString(3840, 2160)).toBe('avc1.640033');
    expect(avcCodecString(720, 720, 'baseline')).toBe('avc1.42e01f');
    expect(avcCodecString(640, 360)).toBe('avc1.64001e');
  });
});
