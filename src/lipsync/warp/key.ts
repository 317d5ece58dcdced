/*
 * Chroma keying maths, shared by the WebGL2 keyer (workers/render/keying.ts, whose shader is the
 * same formula) and the CPU fallback below. A saturated key (green, blue screen) is matched on
 * chroma (Cb, Cr), so shadows on the backdrop key out too; a grey or white key, which has no
 * chroma, is matched on RGB distance. Alpha ramps smoothly between two thresholds (soft edges),
 * and the key's chroma is pulled out of what remains (spill suppression: no green fringe).
 */
import type { Rgb } from '../../avatar/types.ts';

export interface KeyParams {
  key: Rgb;
  /** Distances (0..1) below `lo` are fully transparent, above `hi` fully opaque. */
  lo: number;
  hi: number;
  /** Match on chroma (saturated keys) or on RGB distance (grey/white keys). */
  chroma: boolean;
  /** 0..1: how much of the key's chroma is removed from kept pixels. */
  spill: number;
}

export function keyParams(key: Rgb): KeyParams {
  const sat = Math.max(...key) - Math.min(...key);
  const chroma = sat >= 60;
  return chroma ? { key, lo: 0.15, hi: 0.3, chroma, spill: 0.9 } : { key, lo: 0.09, hi: 0.2, chroma, spill: 0 };
}

const ycc = (r: number, g: number, b: number): [number, number, number] => {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  return [y, (b - y) * 0.565, (r - y) * 0.713];
};

const smoothstep = (a: number, b: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

/** Keys one pixel (channels 0..1): returns [r, g, b, alpha], colour not premultiplied. */
export function keyPixel(r: number, g: number, b: number, p: KeyParams): [number, number, number, number] {
  const k = [p.key[0] / 255, p.key[1] / 255, p.key[2] / 255] as const;
  const a = ycc(r, g, b);
  const kc = ycc(k[0], k[1], k[2]);
  const dist = p.chroma ? Math.hypot(a[1] - kc[1], a[2] - kc[2]) * 2 : Math.hypot(r - k[0], g - k[1], b - k[2]) / Math.sqrt(3);
  const alpha = smoothstep(p.lo, p.hi, dist);
  if (!p.spill) return [r, g, b, alpha];
  const kl = Math.hypot(kc[1], kc[2]) || 1;
  const ux = kc[1] / kl;
  const uy = kc[2] / kl;
  const s = Math.max(0, a[1] * ux + a[2] * uy) * p.spill;
  const cb = a[1] - ux * s;
  const cr = a[2] - uy * s;
  const rr = a[0] + cr / 0.713;
  const bb = a[0] + cb / 0.565;
  const gg = (a[0] - 0.299 * rr - 0.114 * bb) / 0.587;
  const c = (v: number): number => Math.min(1, Math.max(0, v));
  return [c(rr), c(gg), c(bb), alpha];
}

/** Keys RGBA pixels in place (CPU fallback where WebGL2 is missing). */
export function keyImageData(data: Uint8ClampedArray, p: KeyParams): void {
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = keyPixel(data[i]! / 255, data[i + 1]! / 255, data[i + 2]! / 255, p);
    data[i] = r * 255;
    data[i + 1] = g * 255;
    data[i + 2] = b * 255;
    data[i + 3] = a * data[i + 3]!;
  }
}

/** A keyer on the CPU (the GPU one is workers/render/keying.ts): same formula, any context. */
export function cpuKeyer(key: Rgb, width: number, height: number, params: KeyParams = keyParams(key)): (src: OffscreenCanvas) => OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  return (src) => {
    g.clearRect(0, 0, width, height);
    g.drawImage(src, 0, 0);
    const img = g.getImageData(0, 0, width, height);
    keyImageData(img.data, params);
    g.putImageData(img, 0, 0);
    return canvas;
  };
}
