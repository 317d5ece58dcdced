/**
 * Word and phoneme timings for speech whose timings are unknown (a neural voice), from a
 * rendering of the same text whose timings are known (the built-in espeak voice): both are
 * turned into spectral features (mfcc.ts), warped onto each other (dtw.ts), and every word and
 * phoneme boundary of the reference is carried through the warping path. Pure.
 *
 * This is how speech toolkits align a synthetic "template" to real speech: the two voices say
 * the same phonemes in the same order, so where the reference says the "b" of "bottle", the
 * path points at where the other voice says it.
 */
import type { PhonemeTiming, Speech, WordTiming } from './types.ts';
import { speechFeatures } from './mfcc.ts';
import { dtw, warpTime } from './dtw.ts';

export interface AlignedTimings {
  words: WordTiming[];
  phonemes: PhonemeTiming[];
  /** The path's mean cost per step (CMVN features): ~1 for a good match, higher for a poor one. */
  cost: number;
}

export interface AlignOptions {
  /** Sakoe-Chiba band half-width in frames (default: dtw.ts defaultBand). */
  band?: number;
}

/**
 * Carries `reference`'s word and phoneme times onto `pcm` (mono, `sampleRate`), which says the
 * same text. Times stay in order, inside [0, duration], and every word keeps a positive length.
 */
export function alignToReference(reference: Pick<Speech, 'pcm' | 'sampleRate' | 'words' | 'phonemes'>, pcm: Float32Array, sampleRate: number, opts: AlignOptions = {}): AlignedTimings {
  const duration = pcm.length / sampleRate;
  const a = speechFeatures(reference.pcm, reference.sampleRate);
  const b = speechFeatures(pcm, sampleRate);
  const path = dtw(a, b, opts.band);
  const map = (t: number): number => Math.min(duration, Math.max(0, warpTime(path, a.hop, b.hop, t)));
  const words = monotonic(reference.words.map((w) => ({ ...w, start: map(w.start), end: map(w.end) })), duration);
  const phonemes = monotonic(reference.phonemes.map((p) => ({ ...p, start: map(p.start), end: map(p.end) })), duration);
  return { words, phonemes, cost: path.cost };
}

/** In order, not overlapping, each at least 10 ms long where the audio allows. */
function monotonic<T extends { start: number; end: number }>(items: T[], duration: number): T[] {
  let t = 0;
  for (const x of items) {
    if (x.start < t) x.start = t;
    if (x.end < x.start + 0.01) x.end = Math.min(duration, x.start + 0.01);
    t = x.end;
  }
  return items;
}
