/**
 * RGBA → I420 (BT.709, limited range) for the ffmpeg.wasm encoder. Converting here, on the
 * render thread, hands ffmpeg 12 bits a pixel instead of 32 and spares its single-threaded
 * wasm swscale the work (the output is tagged bt709 to match, see ffmpeg-args.ts).
 */

/** Bytes of one I420 frame (4:2:0; width and height are even for H.264). */
export function i420Size(width: number, height: number): number {
  return width * height + 2 * ((width >> 1) * (height >> 1));
}

// 16.16 fixed-point BT.709 coefficients scaled to limited range (Y 16..235, C 16..240).
const YR = 11966, YG = 40254, YB = 4064;
const UR = -6596, UG = -22189, UB = 28784;
const VR = 28784, VG = -26145, VB = -2639;
const HALF = 32768;

/** Converts `rgba` (width×height×4, alpha ignored) into `out` at `offset`; returns the bytes written. */
export function rgbaToI420(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, out: Uint8Array, offset = 0): number {
  if (width % 2 || height % 2) throw new RangeError(`I420 needs an even size, got ${width}×${height}.`);
  if (rgba.length < width * height * 4) throw new RangeError('The RGBA buffer is smaller than the frame.');
  const cw = width >> 1;
  const yPlane = offset;
  const uPlane = offset + width * height;
  const vPlane = uPlane + cw * (height >> 1);
  if (out.length < vPlane + cw * (height >> 1)) throw new RangeError('The I420 buffer is smaller than the frame.');
  for (let y = 0; y < height; y += 2) {
    let p0 = y * width * 4;
    let p1 = p0 + width * 4;
    let y0 = yPlane + y * width;
    let y1 = y0 + width;
    let c = (y >> 1) * cw;
    for (let x = 0; x < width; x += 2) {
      const r0 = rgba[p0]!, g0 = rgba[p0 + 1]!, b0 = rgba[p0 + 2]!;
      const r1 = rgba[p0 + 4]!, g1 = rgba[p0 + 5]!, b1 = rgba[p0 + 6]!;
      const r2 = rgba[p1]!, g2 = rgba[p1 + 1]!, b2 = rgba[p1 + 2]!;
      const r3 = rgba[p1 + 4]!, g3 = rgba[p1 + 5]!, b3 = rgba[p1 + 6]!;
      out[y0++] = ((YR * r0 + YG * g0 + YB * b0 + HALF) >> 16) + 16;
      out[y0++] = ((YR * r1 + YG * g1 + YB * b1 + HALF) >> 16) + 16;
      out[y1++] = ((YR * r2 + YG * g2 + YB * b2 + HALF) >> 16) + 16;
      out[y1++] = ((YR * r3 + YG * g3 + YB * b3 + HALF) >> 16) + 16;
      // Chroma from the 2×2 block's mean (sums are 4× the mean: shift 2 more bits).
      const r = r0 + r1 + r2 + r3, g = g0 + g1 + g2 + g3, b = b0 + b1 + b2 + b3;
      out[uPlane + c] = (UR * r + UG * g + UB * b + (128 << 18) + (HALF << 2)) >> 18;
      out[vPlane + c] = (VR * r + VG * g + VB * b + (128 << 18) + (HALF << 2)) >> 18;
      c++;
      p0 += 8;
      p1 += 8;
    }
  }
  return i420Size(width, height);
}
