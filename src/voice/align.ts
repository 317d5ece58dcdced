/**
 * Words of a script laid over a recording of it, from the recording's speech activity alone
 * (no speech recogniser in the browser). Pure.
 *
 * Each word gets a share of the *speaking* time (pauses excluded) in proportion to its
 * estimated syllables, so pauses fall between words and a long sentence is not squeezed.
 * Sentence ends snap to the nearest real pause when one is close: that is where a speaker
 * breathes, and it keeps captions of the next sentence from starting early.
 */
import type { WordTiming } from './types.ts';
import { HOP_SECONDS } from './audio-visemes.ts';

export interface ScriptWord {
  text: string;
  charStart: number;
  charEnd: number;
  /** Ends a sentence or clause (punctuation after it). */
  boundary: boolean;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

/** The words of a text (Intl.Segmenter: also splits Chinese/Japanese), punctuation attached. */
export function scriptWords(text: string, language = 'en'): ScriptWord[] {
  const seg = new Intl.Segmenter(language, { granularity: 'word' });
  const out: ScriptWord[] = [];
  for (const s of seg.segment(text)) {
    if (s.isWordLike) {
      out.push({ text: s.segment, charStart: s.index, charEnd: s.index + s.segment.length, boundary: false });
    } else if (out.length > 0 && /[.,!?;:…。、！？，：；؟،।]/u.test(s.segment)) {
      const last = out[out.length - 1]!;
      const punct = /^[^\s]*/u.exec(s.segment)![0];
      if (last.charEnd === s.index && punct) {
        last.text += punct;
        last.charEnd += punct.length;
      }
      last.boundary = true;
    }
  }
  return out;
}

/**
 * Rough syllable count: vowel groups for Latin-script words, characters for CJK, half the
 * letters elsewhere (only the ratio between words of one text matters).
 */
export function syllables(word: string): number {
  if (CJK.test(word)) return [...word].length;
  const base = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/^[\p{Script=Latin}\p{N}'’-]+[.,!?;:…]*$/u.test(base)) {
    const groups = base.match(/[aeiouyæøœı]+/gu);
    return Math.max(1, groups?.length ?? 1);
  }
  const letters = base.match(/\p{L}/gu)?.length ?? 1;
  return Math.max(1, Math.ceil(letters / 2));
}

/**
 * Times for `words` over an activity track (one flag per 10 ms frame). Returns [] when the
 * clip has no speech.
 */
export function alignWords(words: readonly ScriptWord[], active: readonly boolean[], duration: number): WordTiming[] {
  if (words.length === 0) return [];
  const speaking: number[] = [];
  active.forEach((a, i) => {
    if (a) speaking.push(i);
  });
  if (speaking.length === 0) return [];
  const weights = words.map((w) => syllables(w.text));
  const total = weights.reduce((a, b) => a + b, 0);
  // Pauses of 150 ms or more: [first silent frame, first frame after].
  const pauses: Array<[number, number]> = [];
  for (let i = speaking[0]!; i <= speaking[speaking.length - 1]!; i++) {
    if (active[i]) continue;
    let j = i;
    while (j < active.length && !active[j]) j++;
    if (j - i >= 15) pauses.push([i, j]);
    i = j;
  }
  const at = (k: number): number => speaking[Math.min(speaking.length - 1, Math.max(0, Math.round(k)))]!;
  const out: WordTiming[] = [];
  let acc = 0;
  let startFrame = speaking[0]!;
  for (let w = 0; w < words.length; w++) {
    acc += weights[w]!;
    let endFrame = at((acc / total) * speaking.length - 1) + 1;
    if (w === words.length - 1) endFrame = speaking[speaking.length - 1]! + 1;
    else if (words[w]!.boundary) {
      // Snap to a pause that starts within ± the word's own length.
      const slack = Math.max(20, (weights[w]! / total) * speaking.length);
      let best: [number, number] | null = null;
      for (const p of pauses) if (Math.abs(p[0] - endFrame) <= slack && (!best || Math.abs(p[0] - endFrame) < Math.abs(best[0] - endFrame))) best = p;
      if (best && best[0] > startFrame) endFrame = best[0];
    }
    endFrame = Math.max(endFrame, startFrame + 1);
    const word = words[w]!;
    out.push({
      text: word.text,
      start: Math.min(duration, startFrame * HOP_SECONDS),
      end: Math.min(duration, endFrame * HOP_SECONDS),
      charStart: word.charStart,
      charEnd: word.charEnd,
    });
    // The next word starts at the next speaking frame.
    let next = endFrame;
    while (next < active.length && !active[next]) next++;
    startFrame = Math.min(next, speaking[speaking.length - 1]!);
  }
  // Monotonic, non-overlapping.
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.start < out[i - 1]!.end) out[i]!.start = out[i - 1]!.end;
    if (out[i]!.end <= out[i]!.start) out[i]!.end = Math.min(duration, out[i]!.start + HOP_SECONDS);
  }
  return out;
}
