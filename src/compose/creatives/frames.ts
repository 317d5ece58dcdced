import type { Ratio } from '../../script/types.ts';
import type { Rect, SceneFrame, SceneKind } from './types.ts';

export const rect = (x: number, y: number, w: number, h: number): Rect => ({ x, y, w, h });
/** Presenter box from its width, anchored at a horizontal centre and a bottom edge (aspect 3:4). */
export const presenterAt = (cx: number, bottom: number, w: number): Rect => rect(cx - w / 2, bottom - (w * 4) / 3, w, (w * 4) / 3);

/** A keyframe with the defaults of a rounded product card and a free-standing presenter. */
export function frame(f: Pick<SceneFrame, 'card' | 'presenter' | 'captionX' | 'captionY' | 'captionMaxW' | 'endCard'> & Partial<SceneFrame>): SceneFrame {
  return { cardRadius: 0.06, cardAlpha: 1, fit: 'cover', panel: null, bubble: null, scrim: 0, endText: null, ...f };
}

export type Frames = Record<Ratio, Record<SceneKind, SceneFrame>>;

/** Where a presenter that is not drawn waits: off-frame, so layouts can ease it in or out. */
export const offFrame = (ratio: Ratio): Rect => presenterAt(ratio === '16:9' ? 2600 : 1700, ratio === '16:9' ? 1180 : 2010, 600);
