import type { Ratio, SceneHint } from '../../script/types.ts';
import type { Theme } from '../types.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type SceneKind = SceneHint['kind'];

/**
 * One keyframe of a creative's scene graph: where every layer sits while a scene of one kind is
 * on screen, in design pixels (DESIGN_SIZE). Between scenes every number is eased from the
 * previous scene's keyframe to this one (see layout.ts), so a template is only data.
 *
 * Layers, back to front: backdrop → product image (`card`) → presenter panel → presenter (free
 * figure or clipped into `bubble`) → end card text → captions → chrome (progress bar).
 */
export interface SceneFrame {
  /** The product image layer. */
  card: Rect;
  /** Corner radius as a fraction of the card's shorter side (0: full bleed, square corners). */
  cardRadius: number;
  /** 0..1 opacity of the product layer (0: hidden, e.g. a presenter-only shot). */
  cardAlpha: number;
  /**
   * 'cover' fills the layer (cropping the photo); 'contain' shows the whole photo over a blurred
   * copy of itself, for layers much wider or taller than the photo (full-bleed 16:9).
   */
  fit: 'cover' | 'contain';
  /** Presenter box (aspect 3:4); ignored for drawing when `bubble` > 0 (the bubble places the face). */
  presenter: Rect;
  /** A panel the presenter is drawn in and clipped to (split screens); null: the whole frame. */
  panel: Rect | null;
  /** Circle the presenter's head and shoulders are framed in (corner bubble); null: none. */
  bubble: Rect | null;
  /** 0..1: a dark gradient at the bottom (and a lighter one at the top) for legible text on full-bleed photos. */
  scrim: number;
  /** Centre of the captions, and their width. */
  captionX: number;
  captionY: number;
  captionMaxW: number;
  /** 0..1: how much of the end card (name, price, button) is shown. */
  endCard: number;
  /** Where the end card's text block starts and how wide it may run; null: under (or beside) the card. */
  endText: { x: number; y: number; maxW: number } | null;
}

/** A keyframed move of the product image within its layer, start → end of each scene. */
export interface KenBurns {
  from: { zoom: number; x: number; y: number };
  to: { zoom: number; x: number; y: number };
  /** Alternate the horizontal direction every other scene, so cuts feel intentional. */
  alternate: boolean;
}

export type TransitionKind = 'crossfade' | 'zoom' | 'slide' | 'wipe';
export type EasingName = 'linear' | 'easeInOut' | 'easeOut' | 'backOut';

export interface Transition {
  /** How one product image gives way to the next. */
  kind: TransitionKind;
  /** Seconds the image transition and the layer moves take. */
  seconds: number;
  /** Easing of the layer moves between two scene keyframes. */
  easing: EasingName;
}

/** Word-by-word caption looks; 'off' draws none. */
export type CaptionStyle = 'pill' | 'karaoke' | 'box' | 'off';

export const CAPTION_STYLES: ReadonlyArray<{ id: CaptionStyle; name: string }> = [
  { id: 'pill', name: 'Highlight' },
  { id: 'karaoke', name: 'Karaoke' },
  { id: 'box', name: 'Boxed' },
  { id: 'off', name: 'Off' },
];

export interface CreativeDef {
  id: string;
  name: string;
  description: string;
  /** Draws a presenter (product_avatar jobs). */
  presenter: boolean;
  /** Fits a product-only showcase (product_anyshot jobs: no presenter drawn). */
  anyshot: boolean;
  frames: Record<Ratio, Record<SceneKind, SceneFrame>>;
  transition: Transition;
  kenBurns: KenBurns;
  captions: CaptionStyle;
  /** 'blur': the product photo, blurred, behind everything; 'theme': the theme's gradient. */
  backdrop: 'blur' | 'theme';
  /** Colours this creative prefers over the default theme. */
  theme?: Partial<Theme>;
}

/** The public description of a creative (what a picker or an export task needs). */
export interface CreativeInfo {
  id: string;
  name: string;
  description: string;
  supports: { presenter: boolean; anyshot: boolean };
}
