import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { i420Size, rgbaToI420 } from './yuv.ts';

function solid(w: number, h: number, rgb: [number, number, number]): Uint8Array {
  const a = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) a.set([...rgb, 255], i * 4);
  return a;
}

describe('rgbaToI420', () => {
  it('maps black, white and primaries to BT.709 limited-range values', () => {
    const cases: Array<[[number, number, number], [number, number, number]]> = [
      [[0, 0, 0], [16, 128, 128]],
      [[255, 255, 255], [235, 128, 128]],
      [[255, 0, 0], [63, 102, 240]],
      [[0, 255, 0], [173, 42, 26]],
      [[0, 0, 255], [32, 240, 118]],
    ];
    for (const [rgb, [y, u, v]] of cases) {
      const out = new Uint8Array(i420Size(4, 2));
      rgbaToI420(solid(4, 2, rgb), 4, 2, out);
      expect([out[0], out[8], out[10]], `rgb ${rgb}`).toEqual([y, u, v]);
    }
  });

  it('agrees with native ffmpeg (swscale, bt709) on a real gradient to within 1 level', () => {
    const w = 64, h = 32;
    const rgba = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgba.set([x * 4, y * 8, (x + y) * 2, 255], (y * w + x) * 4);
    const ours = new Uint8Array(i420Size(w, h));
    rgbaToI420(rgba, w, h, ours);
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) rgb.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
    const theirs = execFileSync('ffmpeg', ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${w}x${h}`, '-i', '-',
      '-vf', 'scale=out_color_matrix=bt709:out_range=tv:flags=accurate_rnd+full_chroma_int', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-'], { input: rgb });
    expect(theirs.length).toBe(ours.length);
    let worstY = 0;
    for (let i = 0; i < w * h; i++) worstY = Math.max(worstY, Math.abs(ours[i]! - theirs[i]!));
    let worstC = 0;
    for (let i = w * h; i < ours.length; i++) worstC = Math.max(worstC, Math.abs(ours[i]! - theirs[i]!));
    expect(worstY).toBeLessThanOrEqual(1);
    // swscale filters chroma slightly differently from a plain 2×2 mean.
    expect(worstC).toBeLessThanOrEqual(3);
  });

  it('rejects odd sizes and short buffers', () => {
    expect(() => rgbaToI420(new Uint8Array(3 * 2 * 4), 3, 2, new Uint8Array(100))).toThrow(/even/);
    expect(() => rgbaToI420(new Uint8Array(8), 4, 2, new Uint8Array(100))).toThrow(/smaller/);
  });
});
