import type { Ratio, SceneHint } from '../script/types.ts';
import { creativeForTimeline, creativeDef, DEFAULT_CREATIVE_ID, SHOWCASE_CREATIVE_ID } from './creatives/index.ts';
import type { EasingName, Rect, SceneFrame } from './creatives/types.ts';
import type { Timeline } from './types.ts';

export type { Rect } from './creatives/types.ts';

/**
 * Where every layer sits at one instant, in design pixels (see DESIGN_SIZE): a creative's
 * scene keyframe (src/compose/creatives), or a mix of two while one scene gives way to the next.
 */
export type Layout = SceneFrame;

type Kind = SceneHint['kind'];

export const easeInOut = (x: number): number => (x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2);
const EASINGS: Record<EasingName, (x: number) => number> = {
  linear: (x) => x,
  easeInOut,
  easeOut: (x) => 1 - Math.pow(1 - x, 3),
  // A small overshoot: layers land with a little bounce.
  backOut: (x) => 1 + 2.70158 * Math.pow(x - 1, 3) + 1.70158 * Math.pow(x - 1, 2),
};
export const ease = (name: EasingName, x: number): number => EASINGS[name](Math.min(1, Math.max(0, x)));

const mix = (a: number, b: number, k: number): number => a + (b - a) * k;
const mixRect = (a: Rect, b: Rect, k: number): Rect => ({ x: mix(a.x, b.x, k), y: mix(a.y, b.y, k), w: mix(a.w, b.w, k), h: mix(a.h, b.h, k) });
/** A layer that exists in one keyframe only grows from (or shrinks to) its centre. */
const collapsed = (r: Rect): Rect => ({ x: r.x + r.w / 2, y: r.y + r.h / 2, w: 0, h: 0 });
function mixOptRect(a: Rect | null, b: Rect | null, k: number): Rect | null {
  if (a && b) return mixRect(a, b, k);
  if (a) return k >= 1 ? null : mixRect(a, collapsed(a), k);
  if (b) return k <= 0 ? null : mixRect(collapsed(b), b, k);
  return null;
}

/** A keyframe of the default creative (with a presenter) or of the product-only showcase. */
export function layoutFor(ratio: Ratio, kind: Kind, presenter = true): Layout {
  return creativeDef(presenter ? DEFAULT_CREATIVE_ID : SHOWCASE_CREATIVE_ID).frames[ratio][kind];
}

/** Index of the scene at time t (binary search; scenes are contiguous and sorted). */
export function sceneIndexAt(tl: Timeline, t: number): number {
  let lo = 0;
  let hi = tl.scenes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tl.scenes[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Mixes two keyframes, k = 0 → a, 1 → b. */
export function mixFrames(a: Layout, b: Layout, k: number): Layout {
  if (k >= 1) return b;
  if (k <= 0) return a;
  return {
    card: mixRect(a.card, b.card, k),
    cardRadius: mix(a.cardRadius, b.cardRadius, k),
    cardAlpha: mix(a.cardAlpha, b.cardAlpha, k),
    fit: k < 0.5 ? a.fit : b.fit,
    presenter: mixRect(a.presenter, b.presenter, k),
    panel: mixOptRect(a.panel, b.panel, k),
    bubble: mixOptRect(a.bubble, b.bubble, k),
    scrim: mix(a.scrim, b.scrim, k),
    captionX: mix(a.captionX, b.captionX, k),
    captionY: mix(a.captionY, b.captionY, k),
    captionMaxW: mix(a.captionMaxW, b.captionMaxW, k),
    endCard: mix(a.endCard, b.endCard, k),
    endText: k < 0.5 ? a.endText : b.endText,
  };
}

/** The editor's presenter size and position: the figure grows from its feet, a bubble from its centre. */
function adjustPresenter(l: Layout, a: Timeline['presenterAdjust']): Layout {
  if (!a) return l;
  const p = l.presenter;
  const w = p.w * a.scale;
  const h = p.h * a.scale;
  const presenter = { x: p.x + (p.w - w) / 2 + a.dx, y: p.y + p.h - h, w, h };
  const b = l.bubble;
  const bubble = b && { x: b.x + (b.w - b.w * a.scale) / 2 + a.dx, y: b.y + (b.h - b.h * a.scale) / 2, w: b.w * a.scale, h: b.h * a.scale };
  return { ...l, presenter, bubble };
}

/** The layout at t: each scene's keyframe, eased into from the previous one at its start. */
export function layoutAt(tl: Timeline, t: number): Layout {
  return adjustPresenter(sceneLayoutAt(tl, t), tl.presenterAdjust);
}

function sceneLayoutAt(tl: Timeline, t: number): Layout {
  const def = creativeForTimeline(tl);
  const frames = def.frames[tl.ratio];
  const i = sceneIndexAt(tl, t);
  const scene = tl.scenes[i]!;
  const target = frames[scene.kind];
  const prev = tl.scenes[i - 1];
  if (!prev) return target;
  const k = ease(def.transition.easing, (t - scene.start) / def.transition.seconds);
  return mixFrames(frames[prev.kind], target, k);
}
