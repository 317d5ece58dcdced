/**
 * Creatives: the layouts and styles one script is rendered in. Each is a template as data (a
 * keyframe per scene kind for every layer, a Ken Burns move, a transition, a caption look),
 * drawn by src/compose/render.ts; the timeline names the one it uses (Timeline.creative).
 */
import { BUBBLE } from './bubble.ts';
import { CLASSIC } from './classic.ts';
import { CUTIN } from './cutin.ts';
import { SHOWCASE } from './showcase.ts';
import { SPLIT } from './split.ts';
import type { CreativeDef, CreativeInfo } from './types.ts';

export type { CaptionStyle, CreativeDef, CreativeInfo, SceneFrame, TransitionKind } from './types.ts';
export { CAPTION_STYLES } from './types.ts';

/** Every creative, in the order a picker shows them. */
export const CREATIVE_DEFS: readonly CreativeDef[] = [CLASSIC, CUTIN, SPLIT, BUBBLE, SHOWCASE];

/** The creative a timeline without one uses (the original look). */
export const DEFAULT_CREATIVE_ID = CLASSIC.id;
/** The creative for product-only videos (product_anyshot). */
export const SHOWCASE_CREATIVE_ID = SHOWCASE.id;

const info = (d: CreativeDef): CreativeInfo => ({ id: d.id, name: d.name, description: d.description, supports: { presenter: d.presenter, anyshot: d.anyshot } });

/** What a picker, a task list or the command line needs to know about each creative. */
export const CREATIVES: readonly CreativeInfo[] = CREATIVE_DEFS.map(info);

/** The creative with this id, or undefined. */
export function creativeById(id: string): CreativeInfo | undefined {
  return CREATIVES.find((c) => c.id === id);
}

/** The full template of a creative; unknown ids get the default one (old projects keep loading). */
export function creativeDef(id: string | undefined): CreativeDef {
  return CREATIVE_DEFS.find((c) => c.id === id) ?? CLASSIC;
}

/**
 * Creatives for a video with a presenter (all of them: the showcase then leaves the presenter
 * out) or without one (product_anyshot: only those made for it).
 */
export function creativesFor(presenter: boolean): CreativeInfo[] {
  return CREATIVES.filter((c) => presenter || c.supports.anyshot);
}

/**
 * The template a timeline is drawn with. A product-only video (no presenter) drawn with a
 * presenter creative falls back to the showcase, which gives the product the presenter's room.
 */
export function creativeForTimeline(tl: { creative?: string; presenter?: boolean }): CreativeDef {
  const def = creativeDef(tl.creative);
  if (tl.presenter === false && !def.anyshot) return SHOWCASE;
  return def;
}
