/**
 * How a job's `image_prompt` and `video_prompt` steer the creative (pure, documented in the
 * README's "Embedding" section). talkreel draws its videos rather than generating pixels, so a
 * prompt is read for keywords that pick:
 *
 * - palette (caption highlight, button and background colours) — either prompt, image_prompt
 *   counting double;
 * - layout focus — "product close-up"-style words show product shots in place of presenter-only
 *   scenes (like motion_style "display");
 * - pace — "fast", "energetic"… speak faster (more said in the same duration); "calm",
 *   "relaxed"… slower;
 * - script structure — "problem", "demo", "offer", "top reasons"… choose the ad structure;
 * - voice — "male voice" / "female voice" (product_anyshot; a presenter speaks with a voice of
 *   their own gender).
 *
 * Keywords match whole words, case-insensitively; the strongest palette wins, ties go to the
 * earlier one in PALETTES.
 */
import type { Theme } from '../compose/types.ts';
import type { StyleId } from '../script/index.ts';

export type Pace = 'calm' | 'normal' | 'fast';

export interface StyleChoice {
  palette: string | null;
  theme: Theme | null;
  pace: Pace;
  /** Words per minute for the voice; null = the voice's own (espeak default 175). */
  voiceRate: number | null;
  focus: 'product' | 'presenter' | null;
  scriptStyle: StyleId | null;
  voiceGender: 'female' | 'male' | null;
  /** Keywords that matched, for transparency. */
  matched: string[];
}

interface Palette {
  name: string;
  keywords: string[];
  theme: Theme;
}

export const PALETTES: readonly Palette[] = [
  { name: 'luxe', keywords: ['luxury', 'luxurious', 'premium', 'elegant', 'gold', 'golden', 'black', 'night', 'dark', 'sophisticated', 'classy'], theme: { accent: '#E8C872', accentInk: '#141414', bgTop: '#26221c', bgBottom: '#0b0a08' } },
  { name: 'sunset', keywords: ['warm', 'sunset', 'cozy', 'cosy', 'autumn', 'orange', 'golden hour', 'summer'], theme: { accent: '#FF9F43', accentInk: '#1B1B1F', bgTop: '#4a1d2f', bgBottom: '#1a0b14' } },
  { name: 'ocean', keywords: ['cool', 'ocean', 'blue', 'water', 'sky', 'aqua', 'marine', 'winter', 'icy'], theme: { accent: '#56CCF2', accentInk: '#08131f', bgTop: '#0b2545', bgBottom: '#061223' } },
  { name: 'forest', keywords: ['green', 'nature', 'natural', 'eco', 'organic', 'plant', 'plants', 'forest', 'sustainable', 'outdoor', 'outdoors'], theme: { accent: '#7BD389', accentInk: '#0b1f17', bgTop: '#163a2c', bgBottom: '#0b1f17' } },
  { name: 'blush', keywords: ['pink', 'beauty', 'soft', 'pastel', 'romantic', 'floral', 'skincare', 'feminine', 'rose'], theme: { accent: '#FF8FB1', accentInk: '#2a0f1c', bgTop: '#4a2340', bgBottom: '#1e0e1b' } },
  { name: 'neon', keywords: ['bold', 'vibrant', 'neon', 'playful', 'fun', 'bright', 'pop', 'colorful', 'colourful', 'gaming'], theme: { accent: '#C6FF3D', accentInk: '#12062a', bgTop: '#2b1055', bgBottom: '#12062a' } },
  { name: 'clean', keywords: ['minimal', 'minimalist', 'clean', 'simple', 'modern', 'white', 'scandinavian'], theme: { accent: '#FFFFFF', accentInk: '#15172a', bgTop: '#3a3f52', bgBottom: '#1c1f2b' } },
];

const FAST = ['fast', 'energetic', 'upbeat', 'quick', 'punchy', 'hype', 'exciting', 'dynamic', 'snappy', 'high energy'];
const CALM = ['calm', 'relaxed', 'slow', 'gentle', 'soothing', 'serene', 'peaceful', 'soft-spoken', 'laid back', 'laid-back'];
const PRODUCT_FOCUS = ['close-up', 'closeup', 'close up', 'product focus', 'product-focused', 'showcase', 'hero shot', 'product shots', 'packshot', 'detail', 'details'];
const PRESENTER_FOCUS = ['talking head', 'testimonial', 'face to camera', 'personal', 'presenter', 'influencer', 'vlog'];
const STRUCTURES: ReadonlyArray<[StyleId, string[]]> = [
  ['problem-solution', ['problem', 'solution', 'pain', 'struggle', 'fix', 'tired of', 'before and after']],
  ['demo', ['demo', 'demonstration', 'how it works', 'how to', 'tutorial', 'walkthrough', 'unboxing', 'show how']],
  ['offer-value', ['offer', 'deal', 'sale', 'discount', 'value', 'save', 'limited', 'promo', 'bargain']],
  ['listicle', ['list', 'reasons', 'top', 'tips', 'ways', 'things']],
  ['hook-benefits-cta', ['benefits', 'hook', 'features']],
];
const MALE_VOICE = ['male voice', "man's voice", 'deep voice', 'male narrator'];
const FEMALE_VOICE = ['female voice', "woman's voice", 'female narrator'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cache = new Map<string, RegExp>();
function has(text: string, keyword: string): boolean {
  let re = cache.get(keyword);
  if (!re) {
    re = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(keyword).replace(/[ -]/g, '[\\s-]+')}($|[^\\p{L}\\p{N}])`, 'iu');
    cache.set(keyword, re);
  }
  return re.test(text);
}

function hits(text: string, keywords: readonly string[], matched: string[]): number {
  let n = 0;
  for (const k of keywords) {
    if (has(text, k)) {
      n++;
      if (!matched.includes(k)) matched.push(k);
    }
  }
  return n;
}

export function styleFromPrompts(imagePrompt: string | null | undefined, videoPrompt: string | null | undefined): StyleChoice {
  const img = (imagePrompt ?? '').slice(0, 2000);
  const vid = (videoPrompt ?? '').slice(0, 2000);
  const both = `${img}\n${vid}`;
  const matched: string[] = [];
  let best: Palette | null = null;
  let bestScore = 0;
  for (const p of PALETTES) {
    const score = 2 * hits(img, p.keywords, matched) + hits(vid, p.keywords, matched);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  const fast = hits(both, FAST, matched);
  const calm = hits(both, CALM, matched);
  const pace: Pace = fast > calm ? 'fast' : calm > fast ? 'calm' : 'normal';
  const product = hits(both, PRODUCT_FOCUS, matched);
  const presenter = hits(both, PRESENTER_FOCUS, matched);
  let scriptStyle: StyleId | null = null;
  let structureScore = 0;
  for (const [id, words] of STRUCTURES) {
    const n = hits(vid || img, words, matched);
    if (n > structureScore) {
      scriptStyle = id;
      structureScore = n;
    }
  }
  const male = hits(both, MALE_VOICE, matched);
  const female = hits(both, FEMALE_VOICE, matched);
  return {
    palette: best?.name ?? null,
    theme: best?.theme ?? null,
    pace,
    voiceRate: pace === 'fast' ? 200 : pace === 'calm' ? 150 : null,
    focus: product > presenter ? 'product' : presenter > product ? 'presenter' : null,
    scriptStyle,
    voiceGender: male > female ? 'male' : female > male ? 'female' : null,
    matched,
  };
}
