import type { Ratio } from '../script/types.ts';
import type { CustomAvatarAssets } from '../lipsync/warp/types.ts';

/** Decoded media the renderer draws from, prepared once per creative (not per frame). */
export interface RenderAssets {
  images: ImageBitmap[];
  /** Per image and ratio: a soft, darkened, low-resolution backdrop (see backdropFor). */
  backdrops: Map<string, OffscreenCanvas>;
  /** Shadows and scrims painted at their exact device size, least recently used first (see deviceSprite). */
  sprites: Map<string, OffscreenCanvas>;
  /** Per kind of sprite: the size asked for last, and the sprite painted last. */
  spriteAsks: Map<string, string>;
  spriteLatest: Map<string, OffscreenCanvas>;
  /** The user's own avatar (src/lipsync/warp), drawn when the timeline's presenterId names it. */
  avatar?: CustomAvatarAssets | null;
}

export function prepareAssets(images: ImageBitmap[]): RenderAssets {
  return { images, backdrops: new Map(), sprites: new Map(), spriteAsks: new Map(), spriteLatest: new Map() };
}

const THUMB = 20;

/** Fills (0, 0, w, h) with a top-to-bottom gradient through `stops` ([offset 0..1, colour]). */
export function fillVertical(g: OffscreenCanvasRenderingContext2D, w: number, h: number, stops: ReadonlyArray<readonly [number, string]>): void {
  const grad = g.createLinearGradient(0, 0, 0, h);
  for (const [at, colour] of stops) grad.addColorStop(at, colour);
  g.fillStyle = grad;
  g.fillRect(0, 0, w, h);
}

/**
 * The frame's background for an image: the photo shrunk to a few pixels (a strong blur),
 * scaled back up with smoothing, darkened towards the top and bottom so captions and the
 * presenter stay readable. Computed once per image at the output size, so each frame pays
 * one unscaled blit (a scaled full-frame draw costs several ms at 1080x1920).
 */
export function backdropFor(assets: RenderAssets, index: number, ratio: Ratio, w: number, h: number): OffscreenCanvas | null {
  const img = assets.images[index];
  if (!img) return null;
  const key = `${index}:${ratio}:${w}x${h}`;
  const cached = assets.backdrops.get(key);
  if (cached) return cached;
  const thumb = new OffscreenCanvas(THUMB, THUMB);
  const tg = thumb.getContext('2d')!;
  tg.imageSmoothingQuality = 'high';
  tg.drawImage(img, 0, 0, THUMB, THUMB);
  const c = new OffscreenCanvas(w, h);
  const g = c.getContext('2d')!;
  g.imageSmoothingQuality = 'high';
  // Oversized so the soft edges of the thumbnail stay off-frame.
  const s = Math.max(w, h) * 1.3;
  g.drawImage(thumb, (w - s) / 2, (h - s) / 2, s, s);
  fillVertical(g, w, h, [[0, 'rgba(8,10,20,0.30)'], [0.5, 'rgba(8,10,20,0.18)'], [1, 'rgba(8,10,20,0.62)']]);
  assets.backdrops.set(key, c);
  return c;
}

let shadowSprite: OffscreenCanvas | null = null;
export const SHADOW_PAD = 0.25;

/**
 * A soft drop shadow for rounded cards, blurred once. Canvas shadowBlur costs tens of ms a
 * frame at 1080x1920 in software; scaling this sprite costs well under one.
 */
export function cardShadow(): OffscreenCanvas {
  if (shadowSprite) return shadowSprite;
  const size = 160;
  const pad = size * SHADOW_PAD;
  const c = new OffscreenCanvas(size + pad * 2, size + pad * 2);
  const g = c.getContext('2d')!;
  g.filter = `blur(${pad / 2.5}px)`;
  g.fillStyle = 'rgba(0,0,0,0.42)';
  g.beginPath();
  g.roundRect(pad, pad, size, size, size * 0.07);
  g.fill();
  shadowSprite = c;
  return c;
}

/** Sprites kept: each is at most one frame's size, and a layout settles on a few sizes. */
const MAX_SPRITES = 16;

export interface Sprite {
  canvas: OffscreenCanvas;
  /** False while the size keeps changing: the canvas is the kind's latest sprite, to be scaled. */
  exact: boolean;
}

/**
 * A sprite of some kind (a shadow, a scrim) painted once at exactly w x h device pixels and
 * kept (least recently used dropped), so a frame pays an unscaled blit for it: scaled draws and
 * gradients over large areas cost 2-3 ms each at 1080x1920 in software, an unscaled blit a
 * tenth (scripts/bench/creatives.ts). While a layout animates, every frame asks for a new size;
 * painting each would cost more than it saves, so a size is painted only when asked for twice
 * in a row, and meanwhile the kind's latest sprite is handed out to be scaled.
 */
export function deviceSprite(assets: RenderAssets, kind: string, w: number, h: number, paint: (g: OffscreenCanvasRenderingContext2D, w: number, h: number) => void): Sprite {
  const id = `${kind}:${w}x${h}`;
  const { sprites } = assets;
  const lastAsked = assets.spriteAsks.get(kind);
  assets.spriteAsks.set(kind, id);
  const cached = sprites.get(id);
  if (cached) {
    sprites.delete(id);
    sprites.set(id, cached);
    return { canvas: cached, exact: true };
  }
  const latest = assets.spriteLatest.get(kind);
  if (latest && lastAsked !== id) return { canvas: latest, exact: false };
  const c = new OffscreenCanvas(Math.max(1, w), Math.max(1, h));
  paint(c.getContext('2d')!, w, h);
  sprites.set(id, c);
  assets.spriteLatest.set(kind, c);
  if (sprites.size > MAX_SPRITES) sprites.delete(sprites.keys().next().value!);
  return { canvas: c, exact: true };
}

/** A creative's theme gradient at the output size, drawn once (one blit per frame after that). */
export function themeBackdrop(assets: RenderAssets, theme: { bgTop: string; bgBottom: string }, w: number, h: number): OffscreenCanvas {
  const key = `theme:${theme.bgTop}:${theme.bgBottom}:${w}x${h}`;
  const cached = assets.backdrops.get(key);
  if (cached) return cached;
  const c = new OffscreenCanvas(w, h);
  const g = c.getContext('2d')!;
  fillVertical(g, w, h, [[0, theme.bgTop], [1, theme.bgBottom]]);
  assets.backdrops.set(key, c);
  return c;
}
