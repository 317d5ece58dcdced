import { visemeTrack } from '../lipsync/visemes.ts';
import type { ScriptSegment, Ratio } from '../script/types.ts';
import type { WordTiming, PhonemeTiming } from '../voice/types.ts';
import type { GestureKey } from './presenter/motion.ts';
import type { CaptionLine, MotionStyle, Scene, Theme, Timeline } from './types.ts';
import { fnv1a32 } from '../util/hash.ts';

export interface VoicedSegment {
  segment: ScriptSegment;
  /** Seconds into the voiceover where this segment's speech starts and ends. */
  start: number;
  end: number;
}

export interface TimelineInput {
  ratio: Ratio;
  fps?: number;
  presenterId: string;
  product: { name: string; brand?: string; price?: string; imageCount: number };
  segments: VoicedSegment[];
  speech: { duration: number; words: WordTiming[]; phonemes: PhonemeTiming[] };
  theme?: Theme;
  cta?: string;
  /** 'display': gestures toward the product, no lip-sync. */
  motionStyle?: MotionStyle;
}

export const DEFAULT_THEME: Theme = {
  accent: '#FFD23F',
  accentInk: '#1B1B1F',
  bgTop: '#1D2B53',
  bgBottom: '#0E1326',
};

/** Caption lines: short enough to read at a glance on a phone, broken at punctuation. */
const UNSPACED_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/gu;

export function groupCaptions(words: WordTiming[], maxWords = 4, maxChars = 22): CaptionLine[] {
  const lines: CaptionLine[] = [];
  let cur: WordTiming[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    lines.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end, words: cur });
    cur = [];
  };
  // Chinese and Japanese: short words, no spaces, each character about twice as wide as a Latin
  // letter. Measure them by width, allow more of them on a line, and break at 。、 too.
  const wide = (s: string) => s.replace(UNSPACED_CHARS, '').length + (s.match(UNSPACED_CHARS)?.length ?? 0) * 2;
  for (const w of words) {
    const cjk = UNSPACED_CHARS.test(w.text);
    UNSPACED_CHARS.lastIndex = 0;
    const chars = cur.reduce((n, x) => n + wide(x.text) + (cjk ? 0 : 1), 0) + wide(w.text);
    const prev = cur[cur.length - 1];
    const pause = prev ? w.start - prev.end : 0;
    if (cjk) {
      // The voice's word splits fall inside words here ("ちゅうもく" → ち|ゅ|う…): break where the
      // text has a space or punctuation between two words, unless the line gets far too long.
      const gap = !!prev && w.charStart !== undefined && prev.charEnd !== undefined && w.charStart > prev.charEnd;
      if (cur.length > 0 && ((gap && chars > maxChars * 0.5) || chars > maxChars * 1.5 || pause > 0.35)) flush();
    } else if (cur.length >= maxWords || (cur.length > 0 && chars > maxChars) || pause > 0.35) flush();
    cur.push(w);
    if (/[.!?;:,。！？、，؟،।]$/.test(w.text) && cur.length >= 2) flush();
  }
  flush();
  // Hold each line until the next begins (no flicker between words), but not across long pauses.
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    const line = lines[i]!;
    line.end = next ? Math.min(next.start, line.end + 0.6) : line.end + 0.6;
  }
  return lines;
}

/**
 * Scenes follow the script segments; the product image advances with each product scene.
 * The last scene holds to the end of the video so the call to action stays up.
 */
export function buildScenes(segments: VoicedSegment[], duration: number, imageCount: number): Scene[] {
  const scenes: Scene[] = [];
  let nextImage = 0;
  segments.forEach((s, i) => {
    const hint = s.segment.scene;
    let image: number;
    if (hint.kind === 'product') image = hint.image % Math.max(1, imageCount);
    else image = nextImage % Math.max(1, imageCount);
    if (hint.kind === 'product') nextImage = image + 1;
    const start = i === 0 ? 0 : s.start;
    const end = i === segments.length - 1 ? duration : (segments[i + 1]?.start ?? duration);
    scenes.push({ start, end, kind: hint.kind, image, text: s.segment.text });
  });
  return scenes;
}

/** Deterministic seeds from text (FNV-1a, shared with the rest of the app). */
export const hashSeed = fnv1a32;

/** Seconds each gesture holds its pose (before easing back over ~0.5 s). */
const GESTURE_HOLD = { open: 1.3, point: 1.6, nod: 0.9 } as const;
/** Quiet time kept between two gestures, so they read as beats, not fidgeting. */
const GESTURE_GAP = 1;

/**
 * Gestures at the script's beats: open hands as the presenter starts talking, a point toward
 * the product when a product scene begins (every other one, so it stays a beat) and always at
 * the call to action, and a nod after the last word. With `display` (no speech) the presenter
 * points at the product at every scene, with open hands on presenter scenes.
 */
export function gestureTrack(scenes: readonly Scene[], words: readonly WordTiming[], duration: number, style: MotionStyle = 'talking'): GestureKey[] {
  const out: GestureKey[] = [];
  const add = (kind: GestureKey['kind'], start: number, force = false): void => {
    const end = Math.min(duration - 0.5, start + GESTURE_HOLD[kind]);
    if (end - start < 0.4 || start < 0) return;
    const last = out[out.length - 1];
    if (last && start < last.end + GESTURE_GAP) {
      if (!force) return;
      out.pop();
    }
    out.push({ kind, start, end });
  };
  /** A nod to close, after whatever came before it. */
  const nod = (at: number): void => {
    const last = out[out.length - 1];
    add('nod', Math.max(at, last ? last.end + GESTURE_GAP : 0));
  };
  if (style === 'display') {
    for (const s of scenes) add(s.kind === 'presenter' ? 'open' : 'point', s.start + 0.3, s.kind === 'cta');
    nod(duration - 1.6);
    return out;
  }
  const first = words[0];
  if (first) add('open', first.start + 0.15);
  let products = 0;
  for (const s of scenes) {
    if (s.kind === 'product' && products++ % 2 === 0) add('point', s.start + 0.2);
    if (s.kind === 'cta') add('point', s.start + 0.15, true);
  }
  const last = words[words.length - 1];
  if (last) nod(last.end - 0.15);
  return out;
}

export function buildTimeline(input: TimelineInput): Timeline {
  const { speech, product } = input;
  const duration = speech.duration;
  const scenes = buildScenes(input.segments, duration, product.imageCount);
  return {
    ratio: input.ratio,
    duration,
    fps: input.fps ?? 30,
    scenes,
    captions: groupCaptions(speech.words),
    visemes: visemeTrack(speech.phonemes),
    presenterId: input.presenterId,
    seed: hashSeed(product.name + input.presenterId),
    productName: product.name,
    ...(product.brand ? { brand: product.brand } : {}),
    ...(product.price ? { price: product.price } : {}),
    cta: input.cta ?? 'Shop now',
    theme: input.theme ?? DEFAULT_THEME,
    imageCount: product.imageCount,
    gestures: gestureTrack(scenes, speech.words, duration, input.motionStyle),
    ...(input.motionStyle === 'display' ? { motionStyle: 'display' as const } : {}),
  };
}
