import type { FontId } from './fonts.ts';
import type { VisemeKey } from '../lipsync/types.ts';
import type { GestureKey } from './presenter/motion.ts';
import type { Ratio, SceneHint } from '../script/types.ts';
import type { CaptionStyle } from './creatives/types.ts';

export interface CaptionWord {
  text: string;
  start: number;
  end: number;
}

/** A group of words shown together; the word being spoken is highlighted. */
export interface CaptionLine {
  start: number;
  end: number;
  words: CaptionWord[];
}

export interface Scene {
  start: number;
  end: number;
  kind: SceneHint['kind'];
  /** Product image shown in this scene (index into the selected images). */
  image: number;
  text: string;
  /** Editor crop: zoom (1 = cover the layer) and pan (-1..1) of the scene's image. */
  zoom?: number;
  panX?: number;
  panY?: number;
}

export interface Theme {
  /** Highlight colour (active caption word, buttons). */
  accent: string;
  /** Text colour drawn on the accent. */
  accentInk: string;
  bgTop: string;
  bgBottom: string;
}

/** Everything needed to draw any instant of a creative; plain data, cloneable to a worker. */
export interface Timeline {
  ratio: Ratio;
  /** Seconds. */
  duration: number;
  fps: number;
  scenes: Scene[];
  captions: CaptionLine[];
  visemes: VisemeKey[];
  presenterId: string;
  seed: number;
  productName: string;
  brand?: string;
  price?: string;
  cta: string;
  theme: Theme;
  imageCount: number;
  /** false: a product-only showcase; no presenter is drawn and the layouts give the product the room. */
  presenter?: boolean;
  /** Presenter gestures at script beats (open hands, point to the product, nod). */
  gestures?: GestureKey[];
  /** 'display': the presenter gestures toward the product without speaking. Default 'talking'. */
  motionStyle?: MotionStyle;
  /** Creative (layout and style) id, see src/compose/creatives; default 'classic'. */
  creative?: string;
  /** Caption look; default the creative's own. */
  captionStyle?: CaptionStyle;
  /** Editor: presenter (or bubble) size factor and horizontal shift in design pixels. */
  presenterAdjust?: { scale: number; dx: number };
  /** Background music (a media record of the project), mixed under the voice at export and in the preview. */
  music?: { mediaId: string; volume: number };
  /** Typeface of the video's text (src/compose/fonts.ts); default Inter. */
  font?: FontId;
}

export type MotionStyle = 'talking' | 'display';

/** Layout is computed on a fixed design canvas per ratio, then scaled to the output size. */
export const DESIGN_SIZE: Record<Ratio, { w: number; h: number }> = {
  '9:16': { w: 1080, h: 1920 },
  '16:9': { w: 1920, h: 1080 },
  '1:1': { w: 1080, h: 1080 },
};

export function outputSize(ratio: Ratio, resolution: 720 | 1080): { w: number; h: number } {
  const d = DESIGN_SIZE[ratio];
  const k = resolution / Math.min(d.w, d.h);
  // H.264 wants even dimensions.
  return { w: Math.round((d.w * k) / 2) * 2, h: Math.round((d.h * k) / 2) * 2 };
}
