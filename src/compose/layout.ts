import type { Ratio, SceneHint } from '../script/types.ts';
import type { Timeline } from './types.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where things sit at one instant, in design pixels (see DESIGN_SIZE). */
export interface Layout {
  card: Rect;
  /** Presenter box, aspect 3:4, bottom usually past the frame edge (half body). */
  presenter: Rect;
  /** Centre of the captions. */
  captionX: number;
  captionY: number;
  captionMaxW: number;
  /** 0..1: how much of the end card (name, price, button) is shown. */
  endCard: number;
}

type Kind = SceneHint['kind'];

const rect = (x: number, y: number, w: number, h: number): Rect => ({ x, y, w, h });
/** Presenter box from its width, anchored at a horizontal centre and a bottom edge. */
const presenterAt = (cx: number, bottom: number, w: number): Rect => rect(cx - w / 2, bottom - (w * 4) / 3, w, (w * 4) / 3);

const LAYOUTS: Record<Ratio, Record<Kind, Layout>> = {
  // Captions always sit in a band across the presenter's chest, never over a face or product.
  '9:16': {
    presenter: { card: rect(330, 170, 420, 420), presenter: presenterAt(540, 2010, 1100), captionX: 540, captionY: 1660, captionMaxW: 940, endCard: 0 },
    product: { card: rect(60, 170, 960, 940), presenter: presenterAt(720, 2010, 760), captionX: 540, captionY: 1700, captionMaxW: 940, endCard: 0 },
    cta: { card: rect(150, 170, 780, 780), presenter: presenterAt(800, 2010, 620), captionX: 540, captionY: 1760, captionMaxW: 940, endCard: 1 },
  },
  '16:9': {
    presenter: { card: rect(110, 170, 560, 560), presenter: presenterAt(1180, 1230, 860), captionX: 960, captionY: 960, captionMaxW: 1500, endCard: 0 },
    product: { card: rect(80, 80, 1080, 820), presenter: presenterAt(1560, 1180, 660), captionX: 620, captionY: 975, captionMaxW: 1000, endCard: 0 },
    cta: { card: rect(110, 110, 640, 640), presenter: presenterAt(1660, 1180, 560), captionX: 430, captionY: 975, captionMaxW: 1000, endCard: 1 },
  },
  '1:1': {
    presenter: { card: rect(60, 80, 330, 330), presenter: presenterAt(620, 1160, 780), captionX: 540, captionY: 950, captionMaxW: 960, endCard: 0 },
    product: { card: rect(50, 80, 640, 640), presenter: presenterAt(850, 1140, 500), captionX: 540, captionY: 960, captionMaxW: 960, endCard: 0 },
    cta: { card: rect(60, 80, 500, 500), presenter: presenterAt(880, 1140, 440), captionX: 540, captionY: 1010, captionMaxW: 960, endCard: 1 },
  },
};

/**
 * Product-only showcase (Timeline.presenter === false): the product card takes the presenter's
 * room. The presenter box is parked off-frame (it is not drawn), so the end card's text may use
 * the full width.
 */
const OFF_FRAME = (ratio: Ratio): Rect => presenterAt(ratio === '16:9' ? 2600 : 1700, ratio === '16:9' ? 1180 : 2010, 600);
const SHOWCASE: Record<Ratio, Record<Kind, Layout>> = {
  '9:16': {
    presenter: { card: rect(90, 200, 900, 1200), presenter: OFF_FRAME('9:16'), captionX: 540, captionY: 1600, captionMaxW: 940, endCard: 0 },
    product: { card: rect(60, 190, 960, 1280), presenter: OFF_FRAME('9:16'), captionX: 540, captionY: 1650, captionMaxW: 940, endCard: 0 },
    cta: { card: rect(140, 210, 800, 800), presenter: OFF_FRAME('9:16'), captionX: 540, captionY: 1720, captionMaxW: 940, endCard: 1 },
  },
  '16:9': {
    presenter: { card: rect(360, 80, 1200, 780), presenter: OFF_FRAME('16:9'), captionX: 960, captionY: 960, captionMaxW: 1500, endCard: 0 },
    product: { card: rect(200, 70, 1520, 820), presenter: OFF_FRAME('16:9'), captionX: 960, captionY: 975, captionMaxW: 1500, endCard: 0 },
    cta: { card: rect(140, 110, 700, 700), presenter: OFF_FRAME('16:9'), captionX: 960, captionY: 975, captionMaxW: 1500, endCard: 1 },
  },
  '1:1': {
    presenter: { card: rect(120, 70, 840, 780), presenter: OFF_FRAME('1:1'), captionX: 540, captionY: 950, captionMaxW: 960, endCard: 0 },
    product: { card: rect(60, 70, 960, 800), presenter: OFF_FRAME('1:1'), captionX: 540, captionY: 965, captionMaxW: 960, endCard: 0 },
    cta: { card: rect(290, 70, 500, 500), presenter: OFF_FRAME('1:1'), captionX: 540, captionY: 1010, captionMaxW: 960, endCard: 1 },
  },
};

const TRANSITION = 0.45;

export const easeInOut = (x: number): number => (x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2);
const mix = (a: number, b: number, k: number): number => a + (b - a) * k;
const mixRect = (a: Rect, b: Rect, k: number): Rect => rect(mix(a.x, b.x, k), mix(a.y, b.y, k), mix(a.w, b.w, k), mix(a.h, b.h, k));

export function layoutFor(ratio: Ratio, kind: Kind, presenter = true): Layout {
  return (presenter ? LAYOUTS : SHOWCASE)[ratio][kind];
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

/** The layout at t: each scene's layout, eased into from the previous one at its start. */
export function layoutAt(tl: Timeline, t: number): Layout {
  const i = sceneIndexAt(tl, t);
  const scene = tl.scenes[i]!;
  const shown = tl.presenter !== false;
  const target = layoutFor(tl.ratio, scene.kind, shown);
  const prev = tl.scenes[i - 1];
  if (!prev) return target;
  const k = easeInOut(Math.min(1, Math.max(0, (t - scene.start) / TRANSITION)));
  if (k >= 1) return target;
  const from = layoutFor(tl.ratio, prev.kind, shown);
  return {
    card: mixRect(from.card, target.card, k),
    presenter: mixRect(from.presenter, target.presenter, k),
    captionX: mix(from.captionX, target.captionX, k),
    captionY: mix(from.captionY, target.captionY, k),
    captionMaxW: mix(from.captionMaxW, target.captionMaxW, k),
    endCard: mix(from.endCard, target.endCard, k),
  };
}
