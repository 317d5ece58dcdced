import { visemeTrack } from '../lipsync/visemes.ts';
import type { ScriptSegment, Ratio } from '../script/types.ts';
import type { WordTiming, PhonemeTiming } from '../voice/types.ts';
import type { CaptionLine, Scene, Theme, Timeline } from './types.ts';

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
}

export const DEFAULT_THEME: Theme = {
  accent: '#FFD23F',
  accentInk: '#1B1B1F',
  bgTop: '#1D2B53',
  bgBottom: '#0E1326',
};

/** Caption lines: short enough to read at a glance on a phone, broken at punctuation. */
export function groupCaptions(words: WordTiming[], maxWords = 4, maxChars = 22): CaptionLine[] {
  const lines: CaptionLine[] = [];
  let cur: WordTiming[] = [];
  const flush = () => {
    if (cur.length === 0) return;
    lines.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end, words: cur });
    cur = [];
  };
  for (const w of words) {
    const chars = cur.reduce((n, x) => n + x.text.length + 1, 0) + w.text.length;
    const prev = cur[cur.length - 1];
    const pause = prev ? w.start - prev.end : 0;
    if (cur.length >= maxWords || (cur.length > 0 && chars > maxChars) || pause > 0.35) flush();
    cur.push(w);
    if (/[.!?;:,]$/.test(w.text) && cur.length >= 2) flush();
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

/** Deterministic 32-bit hash of a string (FNV-1a): seeds blinks and motion per project. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function buildTimeline(input: TimelineInput): Timeline {
  const { speech, product } = input;
  const duration = speech.duration;
  return {
    ratio: input.ratio,
    duration,
    fps: input.fps ?? 30,
    scenes: buildScenes(input.segments, duration, product.imageCount),
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
  };
}
