/**
 * Spoken-length estimate for a script, before any voice has been rendered. The real length is
 * measured afterwards (see fit.ts); this only has to be close enough to size the options.
 */
import { languageCode } from './text.ts';

export interface SpeechRate {
  /** Spoken words per second, pauses excluded. */
  wordsPerSecond: number;
  /**
   * Characters per second for Chinese, Japanese and Korean, which are sized by characters (Han,
   * kana, Hangul syllables): words mean little there. Words in other scripts inside such text
   * (numbers, Latin names) still count at `wordsPerSecond`.
   */
  charsPerSecond?: number;
  /** Pause after each sentence (. ! ? … 。 । ؟), in seconds. */
  sentencePause: number;
  /** Pause at each comma, colon, semicolon or dash (、 ، too), in seconds. */
  clausePause: number;
}

/**
 * Calibration table: change these numbers (or pass `rate` to estimateSeconds) to recalibrate.
 *
 * Each language was fitted (least squares, no intercept) against eSpeak NG as this app runs it
 * (workers/tts/espeak-engine.ts, the catalog's default female voice, default rate 175 wpm) on
 * 33–41 scripts of 14–71 s generated from a native product in that language (all structures,
 * 15/30/60 s, with and without price and with fewer features), timed as the fit times them:
 * voice length plus the voiceover's 0.5 s of lead and tail. `scripts/calibrate-speech.ts`
 * reproduces the fit. Chinese, Japanese and Korean are sized by characters (Han, kana, Hangul
 * syllables); `wordsPerSecond` there only covers numbers and Latin words. The comment gives the
 * worst error of any calibration script; the fit loop (fit.ts) corrects the rest with the real
 * voice, and all options land in the ±10 % window on the first measurement in most cases. A human
 * voice-over is slower (about 2.5 English words/s): pass { wordsPerSecond: 2.7 } for recorded or
 * cloned voices.
 */
export const SPEECH_RATES: Record<string, SpeechRate> = {
  en: { wordsPerSecond: 3.68, sentencePause: 0.56, clausePause: 0.17 }, // worst 6.8 % of 37 scripts
  es: { wordsPerSecond: 3.7, sentencePause: 0.57, clausePause: 0.43 }, // worst 6.8 % of 39 scripts
  pt: { wordsPerSecond: 3.18, sentencePause: 0.27, clausePause: 0.56 }, // worst 9.0 % of 33 scripts
  fr: { wordsPerSecond: 4.22, sentencePause: 0.43, clausePause: 0.4 }, // worst 7.2 % of 36 scripts
  de: { wordsPerSecond: 2.67, sentencePause: 0.11, clausePause: 0.55 }, // worst 11.2 % of 36 scripts
  it: { wordsPerSecond: 3.55, sentencePause: 0.42, clausePause: 0.61 }, // worst 11.1 % of 37 scripts
  nl: { wordsPerSecond: 3.42, sentencePause: 0.29, clausePause: 0.66 }, // worst 13.6 % of 38 scripts
  ja: { wordsPerSecond: 2.21, charsPerSecond: 6.43, sentencePause: 0.08, clausePause: 0.13 }, // worst 5.5 % of 36 scripts
  zh: { wordsPerSecond: 2.46, charsPerSecond: 3.9, sentencePause: 0.28, clausePause: 0.23 }, // worst 3.3 % of 34 scripts
  ko: { wordsPerSecond: 4.09, charsPerSecond: 5.06, sentencePause: 0.24, clausePause: 0.3 }, // worst 7.8 % of 41 scripts
  hi: { wordsPerSecond: 3.45, sentencePause: 0.54, clausePause: 0.1 }, // worst 7.2 % of 36 scripts
  ar: { wordsPerSecond: 2.08, sentencePause: 0.5, clausePause: 0.29 }, // worst 11.7 % of 36 scripts
  id: { wordsPerSecond: 2.89, sentencePause: 0.53, clausePause: 0.21 }, // worst 5.1 % of 36 scripts
  tr: { wordsPerSecond: 2, sentencePause: 0.16, clausePause: 0.05 }, // worst 11.2 % of 33 scripts
};

export function speechRate(language: string): SpeechRate {
  return SPEECH_RATES[languageCode(language)] ?? SPEECH_RATES.en!;
}

/** Han, kana and Hangul syllables: sized by characters. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

function westernDigits(s: string): string {
  return s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x966));
}

/** How many words a token takes to say: numbers, currency, acronyms and hyphenated words. */
export function spokenWords(token: string): number {
  const t = westernDigits(token).replace(/^[^\p{L}\p{N}$€£¥₹₩%]+|[^\p{L}\p{N}%]+$/gu, '');
  if (!t) return 0;
  if (/\d/.test(t)) {
    let n = 0;
    if (/[$€£¥₹₩]/.test(t)) n += 1; // "dollars"
    if (t.includes('%')) n += 1; // "percent"
    for (const group of t.match(/\d[\d,.]*\d|\d|\p{L}+/gu) ?? []) {
      if (/^\d/.test(group)) {
        // "1,299" / "1.299" (a thousands group) or "1.2" / "89,99" (decimals).
        const m = /^(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(group);
        const int = (m?.[1] ?? group).replace(/[.,]/g, '');
        const frac = m?.[2];
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

/** What the estimate is made of: spoken words, CJK characters, sentences and clause breaks. */
export interface SpeechFeatures {
  words: number;
  chars: number;
  sentences: number;
  clauses: number;
}

export function speechFeatures(text: string, byChars: boolean): SpeechFeatures {
  const body = text.trim();
  let words = 0;
  let chars = 0;
  for (const tok of body.split(/\s+/)) {
    if (!tok) continue;
    if (byChars && CJK_CHAR.test(tok)) {
      for (const run of tok.match(CJK_RUN) ?? []) chars += [...run].length;
      // Numbers and Latin words between the characters ("24じかん", "Aurora保温杯").
      for (const rest of tok.replace(CJK_RUN, ' ').split(/\s+/)) words += spokenWords(rest);
    } else words += spokenWords(tok);
  }
  const sentences = body ? Math.max(1, (body.match(/[.!?…؟।]+(?=["'”’)\]」』）]*(\s|$))|[。！？]+/g) ?? []).length) : 0;
  const clauses = (body.match(/[,;:](?=\s)|[、，；：،؛]|\s[—–-]\s/g) ?? []).length;
  return { words, chars, sentences, clauses };
}

/**
 * Estimated spoken seconds of `text` in `language`: spoken words (or CJK characters) at the
 * language's rate plus a pause per sentence and a shorter one per clause break.
 */
export function estimateSeconds(text: string, language: string, rate: Partial<SpeechRate> = {}): number {
  const r = { ...speechRate(language), ...rate };
  if (!text.trim()) return 0;
  const f = speechFeatures(text, r.charsPerSecond !== undefined);
  const seconds =
    f.words / r.wordsPerSecond + (r.charsPerSecond ? f.chars / r.charsPerSecond : 0) + f.sentences * r.sentencePause + f.clauses * r.clausePause;
  return Math.round(seconds * 100) / 100;
}
