/** Tiny colour helpers for the presenter drawer (#rrggbb in, CSS colour strings out). */

export type RGB = readonly [number, number, number];

const cache = new Map<string, RGB>();

export function parseHex(hex: string): RGB {
  let c = cache.get(hex);
  if (c) return c;
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3) h = h.replace(/./g, (x) => x + x);
  const n = Number.parseInt(h.slice(0, 6), 16);
  c = Number.isFinite(n) ? [(n >> 16) & 255, (n >> 8) & 255, n & 255] : [128, 128, 128];
  cache.set(hex, c);
  return c;
}

const hex2 = (v: number): string => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');

export function toHex(c: RGB): string {
  return `#${hex2(c[0])}${hex2(c[1])}${hex2(c[2])}`;
}

/** a → b by t (0..1), as #rrggbb. */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Darker (t < 0, toward black) or lighter (t > 0, toward white). */
export function shade(c: string, t: number): string {
  return t < 0 ? mix(c, '#000000', -t) : mix(c, '#ffffff', t);
}

export function rgba(c: string, a: number): string {
  const x = parseHex(c);
  return `rgba(${x[0]},${x[1]},${x[2]},${Math.round(Math.min(1, Math.max(0, a)) * 1000) / 1000})`;
}

/** Relative luminance 0..1 (sRGB, rough). */
export function luminance(c: string): number {
  const x = parseHex(c);
  return (0.2126 * x[0] + 0.7152 * x[1] + 0.0722 * x[2]) / 255;
}

/** #rrggbb, #rgb, rgb() or rgba() → [r, g, b, a] (a 0..1); anything else is transparent black. */
export function parseCss(c: string): [number, number, number, number] {
  if (c.startsWith('#')) {
    const x = parseHex(c);
    return [x[0], x[1], x[2], 1];
  }
  const m = /^rgba?\(([^)]*)\)$/.exec(c.trim());
  if (!m) return [0, 0, 0, 0];
  const v = m[1]!.split(',').map((s) => Number.parseFloat(s));
  return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0, v[3] ?? 1];
}

/** Hue (0..360), saturation and lightness (0..1) of #rrggbb. */
export function hsl(c: string): [number, number, number] {
  const [r, g, b] = parseHex(c).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  return [h, s, l];
}
