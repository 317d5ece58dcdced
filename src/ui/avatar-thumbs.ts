import { clearPresenterCache, drawPresenter, presenterStateAt, type PresenterLook } from '../compose/presenter/index.ts';
import { REST_MOUTH } from '../lipsync/visemes.ts';

/*
 * Stills of presenters for the library, drawn on demand and cached as ImageBitmaps. Requests
 * are served newest first (what the user scrolled to last), a few per animation frame, so
 * hundreds of thumbnails never stall the page. Each look's cached drawing layers are dropped
 * after its still is made, unless the look is being animated.
 */

interface Request {
  key: string;
  look: PresenterLook;
  w: number;
  h: number;
  resolve: (b: ImageBitmap) => void;
  reject: (e: unknown) => void;
}

const MAX_CACHED = 600;
const cache = new Map<string, ImageBitmap>();
const pending = new Map<string, Promise<ImageBitmap>>();
const queue: Request[] = [];
const pinned = new Map<string, number>();
let scheduled = false;

/** A calm, front-facing pose for stills. */
export function stillState(seed = 3): ReturnType<typeof presenterStateAt> {
  return { ...presenterStateAt(0.5, REST_MOUTH, seed, false), blink: 0, headTilt: 0, headTurn: 0, headNod: 0, headX: 0, headY: 0, gazeX: 0, gazeY: 0 };
}

/** The library cell's backdrop for looks without a scene. */
export function paintCellBackground(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, w: number, h: number): void {
  const g = ctx.createLinearGradient(0, 0, 0, h);
  g.addColorStop(0, '#eef0fa');
  g.addColorStop(1, '#d9ddef');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/**
 * Where to draw a look in a w×h (3:4) library picture: the whole box, or a little closer on a
 * full-body figure (crown to soles still in view), which would otherwise look small.
 */
export function libraryBox(look: PresenterLook, w: number, h: number): { x: number; y: number; w: number; h: number } {
  if (look.pose !== 'full') return { x: 0, y: 0, w, h };
  const z = 1.14;
  return { x: (w - w * z) / 2, y: -0.01 * h, w: w * z, h: h * z };
}

/** Draw a look filling a w×h (3:4) area, its scene behind it. */
export function paintLook(ctx: OffscreenCanvasRenderingContext2D, look: PresenterLook, w: number, h: number, state = stillState()): void {
  paintCellBackground(ctx, w, h);
  drawPresenter(ctx, look, state, libraryBox(look, w, h), { backdrop: 'fill' });
}

/** Keep a look's drawing layers while it animates (hover, preview). */
export function pin(look: PresenterLook): () => void {
  pinned.set(look.id, (pinned.get(look.id) ?? 0) + 1);
  return () => {
    const n = (pinned.get(look.id) ?? 1) - 1;
    if (n > 0) pinned.set(look.id, n);
    else {
      pinned.delete(look.id);
      clearPresenterCache(look);
    }
  };
}

function render(r: Request): ImageBitmap {
  const canvas = new OffscreenCanvas(r.w, r.h);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D context unavailable');
  paintLook(ctx, r.look, r.w, r.h);
  if (!pinned.has(r.look.id)) clearPresenterCache(r.look);
  return canvas.transferToImageBitmap();
}

function pump(): void {
  scheduled = false;
  const t0 = performance.now();
  // A few stills per frame: ~10 ms of drawing, then let the page breathe.
  while (queue.length && performance.now() - t0 < 10) {
    const r = queue.pop()!;
    pending.delete(r.key);
    try {
      const bmp = render(r);
      cache.set(r.key, bmp);
      if (cache.size > MAX_CACHED) {
        const [oldest, b] = cache.entries().next().value as [string, ImageBitmap];
        cache.delete(oldest);
        b.close();
      }
      r.resolve(bmp);
    } catch (err) {
      r.reject(err);
    }
  }
  if (queue.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => pump());
}

/**
 * A still of `look` at w×h device pixels (cached). Requests are served newest first, so cells
 * scrolled past are drawn last (and are ready if the user scrolls back).
 */
export function thumbnail(look: PresenterLook, w: number, h: number): Promise<ImageBitmap> {
  const key = `${look.id}@${w}x${h}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh its place in the LRU order.
    cache.delete(key);
    cache.set(key, hit);
    return Promise.resolve(hit);
  }
  const inFlight = pending.get(key);
  if (inFlight) {
    // Asked again: move it to the front of the queue.
    const i = queue.findIndex((r) => r.key === key);
    if (i >= 0 && i !== queue.length - 1) queue.push(...queue.splice(i, 1));
    return inFlight;
  }
  const p = new Promise<ImageBitmap>((resolve, reject) => {
    queue.push({ key, look, w, h, resolve, reject });
  });
  p.catch(() => undefined);
  pending.set(key, p);
  schedule();
  return p;
}

/** Cached stills right now (for tests and diagnostics). */
export function cachedThumbnails(): number {
  return cache.size;
}
