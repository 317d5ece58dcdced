/** Plain RGBA pixels (ImageData-shaped), so the pure code runs in Node tests and in workers. */
export interface Rgba {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

/** Anything with 4 values per pixel: RGBA bytes, or floats on the same 0..255 scale. */
export interface Samplable {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/** Integer pixel box, x2/y2 exclusive (numpy slicing: image[y1:y2, x1:x2]). */
export interface PixelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Samples `box` of `img` at `dw`x`dh` with OpenCV's INTER_LINEAR convention (pixel centres at
 * +0.5, edges clamped): what Wav2Lip's cv2.resize does. Calls `put(dx, dy, r, g, b)`.
 */
export function sampleBilinear(img: Samplable, box: PixelBox, dw: number, dh: number, put: (dx: number, dy: number, r: number, g: number, b: number) => void): void {
  const sw = box.x2 - box.x1;
  const sh = box.y2 - box.y1;
  const sx = sw / dw;
  const sy = sh / dh;
  const d = img.data;
  const W = img.width;
  for (let dy = 0; dy < dh; dy++) {
    let fy = (dy + 0.5) * sy - 0.5;
    if (fy < 0) fy = 0;
    let y0 = Math.floor(fy);
    if (y0 > sh - 1) y0 = sh - 1;
    const y1 = Math.min(y0 + 1, sh - 1);
    const wy = Math.min(1, fy - y0);
    const r0 = (box.y1 + y0) * W;
    const r1 = (box.y1 + y1) * W;
    for (let dx = 0; dx < dw; dx++) {
      let fx = (dx + 0.5) * sx - 0.5;
      if (fx < 0) fx = 0;
      let x0 = Math.floor(fx);
      if (x0 > sw - 1) x0 = sw - 1;
      const x1 = Math.min(x0 + 1, sw - 1);
      const wx = Math.min(1, fx - x0);
      const a = (r0 + box.x1 + x0) * 4;
      const b = (r0 + box.x1 + x1) * 4;
      const c = (r1 + box.x1 + x0) * 4;
      const e = (r1 + box.x1 + x1) * 4;
      const w00 = (1 - wx) * (1 - wy);
      const w01 = wx * (1 - wy);
      const w10 = (1 - wx) * wy;
      const w11 = wx * wy;
      put(
        dx,
        dy,
        d[a]! * w00 + d[b]! * w01 + d[c]! * w10 + d[e]! * w11,
        d[a + 1]! * w00 + d[b + 1]! * w01 + d[c + 1]! * w10 + d[e + 1]! * w11,
        d[a + 2]! * w00 + d[b + 2]! * w01 + d[c + 2]! * w10 + d[e + 2]! * w11,
      );
    }
  }
}
