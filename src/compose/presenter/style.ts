import { parseCss } from './color.ts';
import type { ArtStyle, PresenterLook } from './looks.ts';

/*
 * Art styles are parameters of the one drawing system, not separate drawings. The soft-shaded
 * style is the drawing as written (gradients, soft blobs, blurred strands, drop shadows). The
 * flat and cartoon styles run the same drawing code through `styledContext`, which turns every
 * gradient into one flat colour, drops the soft shading overlays, blurs and drop shadows, and
 * (cartoon) inks the edge of every opaque shape. The cached layers are then finished with hard
 * rim shading (flat, cartoon) and a bold silhouette outline (cartoon). Eyes and the nose have a
 * small per-style variant in draw.ts; everything else is shared.
 */

type Ctx = OffscreenCanvasRenderingContext2D;

export interface StyleDef {
  id: ArtStyle;
  label: string;
  /** Gradients, blurs, soft blobs and drop shadows (the soft-shaded 2.5D look). */
  soft: boolean;
  /** Silhouette outline of each cached layer, in units (0: none). */
  outline: number;
  /** Ink line on the edge of every opaque filled shape, in units (0: none). */
  inner: number;
  /** Hard shading along the lower-right edges of each layer (offset in units, darkness). */
  rim: { dx: number; dy: number; alpha: number } | null;
  eyes: 'real' | 'dot' | 'big';
  /** Head size relative to the body. */
  head: number;
  /** Where along a gradient its flat colour is taken (0..1). */
  pick: number;
}

export const ART_STYLES: Record<ArtStyle, StyleDef> = {
  soft: { id: 'soft', label: 'Soft-shaded 2.5D', soft: true, outline: 0, inner: 0, rim: null, eyes: 'real', head: 1, pick: 0.42 },
  flat: { id: 'flat', label: 'Flat illustration', soft: false, outline: 0, inner: 0, rim: { dx: 7, dy: 4, alpha: 0.12 }, eyes: 'dot', head: 1, pick: 0.45 },
  cartoon: { id: 'cartoon', label: 'Bold cartoon', soft: false, outline: 2.4, inner: 1.25, rim: { dx: 6, dy: 4, alpha: 0.16 }, eyes: 'big', head: 1.08, pick: 0.4 },
};

export function styleOf(look: PresenterLook): StyleDef {
  return ART_STYLES[look.style ?? 'soft'] ?? ART_STYLES.soft;
}

/** A gradient the flat styles collapse to one colour (or to nothing, for shading overlays). */
class FlatGradient {
  readonly stops: Array<[number, string]> = [];
  addColorStop(offset: number, color: string): void {
    this.stops.push([offset, color]);
  }

  /**
   * One colour for the whole gradient, or null for a shading overlay (a gradient that fades
   * one colour to transparent, or a faint tint): those are what the flat styles leave out.
   */
  resolve(pick: number): string | null {
    const s = this.stops.map(([o, c]) => [o, parseCss(c)] as const).sort((a, b) => a[0] - b[0]);
    if (s.length === 0) return null;
    const first = s[0]![1];
    const sameRgb = s.every(([, c]) => Math.abs(c[0] - first[0]) + Math.abs(c[1] - first[1]) + Math.abs(c[2] - first[2]) < 6);
    const minA = Math.min(...s.map(([, c]) => c[3]));
    const maxA = Math.max(...s.map(([, c]) => c[3]));
    if (sameRgb ? minA < 0.3 : maxA < 0.6) return null;
    let lo = s[0]!;
    let hi = s[s.length - 1]!;
    for (let i = 0; i < s.length - 1; i++) {
      if (s[i]![0] <= pick && s[i + 1]![0] >= pick) {
        lo = s[i]!;
        hi = s[i + 1]!;
        break;
      }
    }
    const span = hi[0] - lo[0];
    const k = span > 1e-6 ? Math.min(1, Math.max(0, (pick - lo[0]) / span)) : 0;
    const c = lo[1].map((v, i) => v + (hi[1][i]! - v) * k);
    if (c[3]! < 0.05) return null;
    return `rgba(${Math.round(c[0]!)},${Math.round(c[1]!)},${Math.round(c[2]!)},${Math.round(c[3]! * 1000) / 1000})`;
  }
}

interface Flags {
  fillNone: boolean;
  strokeNone: boolean;
  fillOpaque: boolean;
}

const styledCache = new WeakMap<Ctx, Map<ArtStyle, Ctx>>();

/**
 * The context the drawing code paints through for a style: the context itself for the soft
 * style; for flat and cartoon a proxy that flattens gradients and drops soft effects (and, for
 * cartoon, inks the edges of opaque shapes in `ink`).
 */
export function styledContext(ctx: Ctx, st: StyleDef, ink = '#2b1d1f'): Ctx {
  if (st.soft) return ctx;
  let byStyle = styledCache.get(ctx);
  if (!byStyle) {
    byStyle = new Map();
    styledCache.set(ctx, byStyle);
  }
  const cached = byStyle.get(st.id);
  if (cached) {
    (cached as unknown as { __ink: string }).__ink = ink;
    return cached;
  }
  const flags: Flags = { fillNone: false, strokeNone: false, fillOpaque: true };
  const stack: Flags[] = [];
  let inkColor = ink;
  /** Depth of nested calls that must not be inked (inking strokes inside `fill`). */
  const bound = new Map<PropertyKey, unknown>();
  const t = ctx;
  const resolve = (v: unknown): string | null => (v instanceof FlatGradient ? v.resolve(st.pick) : (v as string));
  const fill = (...args: unknown[]): void => {
    if (flags.fillNone) return;
    (t.fill as (...a: unknown[]) => void).apply(t, args);
    if (st.inner > 0 && flags.fillOpaque && t.globalAlpha > 0.95) {
      const path = typeof Path2D !== 'undefined' && args[0] instanceof Path2D ? args[0] : undefined;
      const { strokeStyle, lineWidth, lineJoin } = t;
      t.strokeStyle = inkColor;
      t.lineWidth = st.inner;
      t.lineJoin = 'round';
      if (path) t.stroke(path);
      else t.stroke();
      t.strokeStyle = strokeStyle;
      t.lineWidth = lineWidth;
      t.lineJoin = lineJoin;
    }
  };
  const stroke = (...args: unknown[]): void => {
    if (flags.strokeNone) return;
    (t.stroke as (...a: unknown[]) => void).apply(t, args);
  };
  const proxy = new Proxy(t, {
    get(target, key) {
      switch (key) {
        case 'createLinearGradient':
        case 'createRadialGradient':
        case 'createConicGradient':
          return () => new FlatGradient();
        case 'fill':
          return fill;
        case 'stroke':
          return stroke;
        case 'fillRect':
        case 'fillText':
          return (...a: unknown[]) => {
            if (!flags.fillNone) (target[key] as (...x: unknown[]) => void).apply(target, a);
          };
        case 'strokeRect':
        case 'strokeText':
          return (...a: unknown[]) => {
            if (!flags.strokeNone) (target[key] as (...x: unknown[]) => void).apply(target, a);
          };
        case 'save':
          return () => {
            stack.push({ ...flags });
            target.save();
          };
        case 'restore':
          return () => {
            const f = stack.pop();
            if (f) Object.assign(flags, f);
            target.restore();
          };
        case '__ink':
          return inkColor;
      }
      const v = Reflect.get(target, key, target) as unknown;
      if (typeof v === 'function') {
        let b = bound.get(key);
        if (!b) {
          b = (v as (...a: unknown[]) => unknown).bind(target);
          bound.set(key, b);
        }
        return b;
      }
      return v;
    },
    set(target, key, value) {
      switch (key) {
        case 'fillStyle': {
          const c = resolve(value);
          flags.fillNone = c === null;
          flags.fillOpaque = c !== null && parseCss(c)[3] > 0.95;
          if (c !== null) target.fillStyle = c;
          return true;
        }
        case 'strokeStyle': {
          const c = resolve(value);
          flags.strokeNone = c === null;
          if (c !== null) target.strokeStyle = c;
          return true;
        }
        case 'filter':
        case 'shadowBlur':
        case 'shadowColor':
        case 'shadowOffsetX':
        case 'shadowOffsetY':
          return true;
        case '__ink':
          inkColor = value as string;
          return true;
      }
      return Reflect.set(target, key, value, target);
    },
  }) as Ctx;
  byStyle.set(st.id, proxy);
  return proxy;
}

/**
 * Finish a freshly painted layer for its style: hard rim shading on the lower-right edges of
 * its shapes, then (cartoon) a bold outline around its silhouette. `q` is pixels per unit.
 */
export function finishLayer(canvas: OffscreenCanvas, st: StyleDef, q: number, ink: string, opts: { rim?: boolean } = {}): void {
  if (st.soft) return;
  const w = canvas.width;
  const h = canvas.height;
  const c = canvas.getContext('2d');
  if (!c) return;
  if (st.rim && opts.rim !== false) {
    const tmp = new OffscreenCanvas(w, h);
    const tc = tmp.getContext('2d')!;
    tc.drawImage(canvas, 0, 0);
    tc.globalCompositeOperation = 'source-in';
    tc.fillStyle = `rgba(20,10,30,${st.rim.alpha})`;
    tc.fillRect(0, 0, w, h);
    tc.globalCompositeOperation = 'destination-out';
    tc.drawImage(canvas, -st.rim.dx * q, -st.rim.dy * q);
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.globalCompositeOperation = 'source-atop';
    c.drawImage(tmp, 0, 0);
    c.restore();
  }
  if (st.outline > 0) {
    const r = st.outline * q;
    const tmp = new OffscreenCanvas(w, h);
    const tc = tmp.getContext('2d')!;
    const n = r > 6 ? 16 : 12;
    for (let i = 0; i < n; i++) {
      const a = (i / n) * Math.PI * 2;
      tc.drawImage(canvas, Math.cos(a) * r, Math.sin(a) * r);
    }
    tc.globalCompositeOperation = 'source-in';
    tc.fillStyle = ink;
    tc.fillRect(0, 0, w, h);
    tc.globalCompositeOperation = 'source-over';
    tc.drawImage(canvas, 0, 0);
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, w, h);
    c.drawImage(tmp, 0, 0);
    c.restore();
  }
}
