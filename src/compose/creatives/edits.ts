/**
 * The editor's changes to a creative, kept in the project (ProjectRecord.creative) and applied
 * as pure functions: to the voiceover (pauses after scenes) and to the timeline (images, crop,
 * captions, creative). Scene text edits live in the script itself (they change the voice).
 */
import type { Speech } from '../../voice/types.ts';
import type { VoicedSegment } from '../timeline.ts';
import { DESIGN_SIZE, type Theme, type Timeline } from '../types.ts';
import { creativeDef } from './index.ts';
import type { CaptionStyle } from './types.ts';
import { isFontId, type FontId } from '../fonts.ts';

/** Changes to one scene, by its index in the timeline (the script's spoken segments, in order). */
export interface SceneEdit {
  /** Product image shown (index into the selected images). */
  image?: number;
  /** Seconds of silence held after the scene's line (0..3), to let a shot breathe. */
  hold?: number;
  /** Crop: zoom >= 1 and pan -1..1 of the scene's image. */
  zoom?: number;
  panX?: number;
  panY?: number;
}

export interface CreativeEdits {
  /** Per scene; missing or null entries are unedited. */
  scenes?: Array<SceneEdit | null>;
  /** Caption look; default the creative's own. */
  captions?: CaptionStyle;
  /** Highlight colour (#rrggbb); default the creative's own. */
  accent?: string;
  /** Typeface of the video's text (src/compose/fonts.ts); default Inter. */
  font?: FontId;
  /** Presenter size (0.7..1.3) and horizontal shift (-1..1 of a quarter frame width). */
  presenterScale?: number;
  presenterX?: number;
  /** The user's background music: a media record of the project, and its level (0..1, default 1). */
  music?: { mediaId: string; name: string; volume?: number };
}

/** What a project remembers about its creative (ProjectRecord.creative). */
export interface CreativeChoice {
  id: string;
  edits?: CreativeEdits;
}

export const MAX_HOLD_SECONDS = 3;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The structure both a Voiceover (src/app/pipeline.ts) and this module agree on. */
export interface VoicedScript {
  speech: Speech;
  segments: VoicedSegment[];
}

/** Each scene's hold in seconds (clamped), by index. */
export function holdsOf(count: number, edits: CreativeEdits | undefined): number[] {
  return Array.from({ length: count }, (_, i) => clamp(edits?.scenes?.[i]?.hold ?? 0, 0, MAX_HOLD_SECONDS));
}

/**
 * The timing half of holds: where silence goes in (after each held segment's line) and how far
 * every later word, phoneme and segment moves. `quantum` rounds each hold (to whole samples).
 */
export function holdPlan(segments: ReadonlyArray<{ end: number }>, edits: CreativeEdits | undefined, quantum = 0) {
  const q = (h: number) => (quantum > 0 ? Math.round(h / quantum) * quantum : h);
  const cuts = holdsOf(segments.length, edits)
    .map((h, i) => ({ at: segments[i]!.end, seconds: q(h) }))
    .filter((c) => c.seconds > 0);
  const total = cuts.reduce((n, c) => n + c.seconds, 0);
  /** Seconds something starting at t (original timing) moves by; what ends at a cut stays before it. */
  const shift = (t: number): number => cuts.reduce((n, c) => (t + 1e-6 >= c.at ? n + c.seconds : n), 0);
  const move = <T extends { start: number; end: number }>(x: T): T => {
    const d = shift(x.start);
    return d ? { ...x, start: x.start + d, end: x.end + d } : x;
  };
  return { cuts, total, shift, move };
}

/**
 * Inserts each scene's hold (silence) after its line: later words, phonemes and segments move
 * later by the sum of the holds before them. Returns the input itself when nothing is held, so
 * callers can compare by identity.
 */
export function withHolds<V extends VoicedScript>(v: V, edits: CreativeEdits | undefined): V {
  const { speech } = v;
  const rate = speech.sampleRate;
  const plan = holdPlan(v.segments, edits, 1 / rate);
  if (plan.total === 0) return v;
  const pcm = new Float32Array(speech.pcm.length + Math.round(plan.total * rate));
  let src = 0;
  let dst = 0;
  for (const c of plan.cuts) {
    const upto = Math.min(speech.pcm.length, Math.round(c.at * rate));
    pcm.set(speech.pcm.subarray(src, upto), dst);
    dst += upto - src + Math.round(c.seconds * rate);
    src = upto;
  }
  pcm.set(speech.pcm.subarray(src), dst);
  return {
    ...v,
    speech: { ...speech, pcm, duration: pcm.length / rate, words: speech.words.map(plan.move), phonemes: speech.phonemes.map(plan.move) },
    segments: v.segments.map(plan.move),
  };
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Black or white text, whichever reads better on a background colour. */
export function inkFor(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const lum = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return lum > 150 ? '#1B1B1F' : '#FFFFFF';
}

/**
 * Dresses a timeline in a creative and the editor's scene changes: creative id, its theme
 * (unless the timeline has a custom one), caption look, per-scene image and crop.
 */
export function applyCreative(tl: Timeline, creativeId: string | undefined, edits?: CreativeEdits, opts: { customTheme?: boolean } = {}): Timeline {
  const def = creativeDef(creativeId);
  let theme: Theme = opts.customTheme ? tl.theme : { ...tl.theme, ...def.theme };
  if (edits?.accent && HEX.test(edits.accent)) theme = { ...theme, accent: edits.accent, accentInk: inkFor(edits.accent) };
  const n = Math.max(1, tl.imageCount);
  const scenes = tl.scenes.map((s, i) => {
    const e = edits?.scenes?.[i];
    if (!e) return s;
    const out = { ...s };
    if (e.image !== undefined && Number.isInteger(e.image)) out.image = ((e.image % n) + n) % n;
    if (e.zoom !== undefined) out.zoom = clamp(e.zoom, 1, 3);
    if (e.panX !== undefined) out.panX = clamp(e.panX, -1, 1);
    if (e.panY !== undefined) out.panY = clamp(e.panY, -1, 1);
    return out;
  });
  const captionStyle = edits?.captions ?? def.captions;
  const scale = clamp(edits?.presenterScale ?? 1, 0.7, 1.3);
  const dx = clamp(edits?.presenterX ?? 0, -1, 1) * (DESIGN_SIZE[tl.ratio].w / 4);
  const adjusted = scale !== 1 || dx !== 0 ? { presenterAdjust: { scale, dx } } : {};
  const music = edits?.music ? { music: { mediaId: edits.music.mediaId, volume: clamp(edits.music.volume ?? 1, 0, 1) } } : {};
  const font = isFontId(edits?.font) && edits.font !== 'inter' ? { font: edits.font } : {};
  const { presenterAdjust: _old, music: _oldMusic, font: _oldFont, ...rest } = tl;
  void _old;
  void _oldMusic;
  void _oldFont;
  return { ...rest, creative: def.id, theme, scenes, captionStyle, ...adjusted, ...music, ...font };
}
