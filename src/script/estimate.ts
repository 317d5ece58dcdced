/**
 * Spoken-length estimate for a script, before any voice has been rendered. The real length is
 * measured afterwards (see fit.ts); this only has to be close enough to size the options.
 */
import { languageCode } from './text.ts';

export interface SpeechRate {
  /** Spoken words per second, pauses excluded. */
  wordsPerSecond: number;
  /** Pause after each sentence (. ! ? …), in seconds. */
  sentencePause: number;
  /** Pause at each comma, colon, semicolon or dash, in seconds. */
  clausePause: number;
}

/**
 * Calibration table: change these numbers (or pass `rate` to estimateSeconds) to recalibrate.
 *
 * English was fitted (least squares, 40 generated scripts of 12–60 s) against eSpeak NG as this
 * app runs it (workers/tts, voice "en-us+f3", default rate 175 wpm): 3.45 spoken words/s between
 * pauses, 0.30 s per sentence, 0.11 s per clause break; worst script off by 8.6 %. Overall that
 * is about 3 words/s including pauses. (A human voice-over is slower, about 2.5 words/s: use
 * { wordsPerSecond: 2.7 } for recorded or cloned voices.)
 */
export const SPEECH_RATES: Record<string, SpeechRate> = {
  en: { wordsPerSecond: 3.45, sentencePause: 0.3, clausePause: 0.11 },
  // Spanish, fitted the same way (voice "es+f3"): longer words, so fewer per second.
  es: { wordsPerSecond: 2.98, sentencePause: 0.24, clausePause: 0.11 },
};

export function speechRate(language: string): SpeechRate {
  return SPEECH_RATES[languageCode(language)] ?? SPEECH_RATES.en!;
}

/** How many words a token takes to say: numbers, currency, acronyms and hyphenated words. */
export function spokenWords(token: string): number {
  const t = token.replace(/^[^\p{L}\p{N}$€£¥%]+|[^\p{L}\p{N}%]+$/gu, '');
  if (!t) return 0;
  if (/\d/.test(t)) {
    let n = 0;
    if (/[$€£¥]/.test(t)) n += 1; // "dollars"
    if (t.includes('%')) n += 1; // "percent"
    for (const group of t.match(/\d[\d,]*(?:\.\d+)?|\p{L}+/gu) ?? []) {
      if (/^\d/.test(group)) {
        const [int = '', frac] = group.replace(/,/g, '').split('.');
        const d = int.replace(/^0+(?=\d)/, '').length;
        n += d <= 2 ? 1.2 : d === 3 ? 2.5 : d === 4 ? 3.5 : d + 0.5;
        if (frac) n += 1 + Math.min(frac.length, 4) * 0.8; // "point five" / cents
      } else {
        n += group.length <= 3 && group === group.toUpperCase() ? group.length * 0.5 : 1;
      }
    }
    return n;
  }
  let n = 0;
  for (const part of t.split(/[-/]+/)) {
    if (!part) continue;
    if (part.length >= 2 && part.length <= 5 && part === part.toUpperCase() && /\p{Lu}/u.test(part)) {
      n += Math.max(1, part.length * 0.55); // spelled out: "U S B"
    } else n += 1;
  }
  return n;
}

/**
 * Estimated spoken seconds of `text` in `language`: spoken words at the language's rate plus a
 * pause per sentence and a shorter one per clause break.
 */
export function estimateSeconds(text: string, language: string, rate: Partial<SpeechRate> = {}): number {
  const r = { ...speechRate(language), ...rate };
  const body = text.trim();
  if (!body) return 0;
  let words = 0;
  for (const tok of body.split(/\s+/)) words += spokenWords(tok);
  const sentences = Math.max(1, (body.match(/[.!?…]+(?=["'”’)\]]*(\s|$))/g) ?? []).length);
  const clauses = (body.match(/[,;:](?=\s)|\s[—–-]\s/g) ?? []).length;
  const seconds = words / r.wordsPerSecond + sentences * r.sentencePause + clauses * r.clausePause;
  return Math.round(seconds * 100) / 100;
}
