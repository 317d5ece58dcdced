import { describe, expect, it } from 'vitest';
import { loopSourceFrames } from './frames.ts';

describe('loopSourceFrames', () => {
  it('plays the base loop ping-pong at the track rate, whatever the output rate', () => {
    // Loop over track frames 10..13 (4 frames) at 10 fps; output at 20 fps: each held twice.
    const f = loopSourceFrames({ start: 10, end: 13, mode: 'ping-pong' }, 10, 20, 16, 4);
    expect(f).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 2, 2, 1, 1, 0, 0, 1, 1]);
  });
  it('never points past the frames that exist', () => {
    expect(Math.max(...loopSourceFrames({ start: 0, end: 9, mode: 'ping-pong' }, 25, 25, 40, 5))).toBe(4);
    expect(loopSourceFrames({ start: 3, end: 3, mode: 'ping-pong' }, 25, 30, 3, 1)).toEqual([0, 0, 0]);
  });
});
