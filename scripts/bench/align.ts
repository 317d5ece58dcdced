/**
 * Alignment benchmark (issue 17, item 4): how well word timings carried through the spectral
 * warping (src/voice/forced-align.ts) match the truth, on a case with a known answer. The
 * "neural" side is a second espeak rendering of the same sentence in another voice at another
 * speed, whose own word timings are exact; the reference is the voice the engine aligns
 * against (en-us female at the normal rate, as for a Piper voice). Error = aligned word onset −
 * true word onset. Also times the alignment of a 60 s script.
 *
 *   npx tsx scripts/bench/align.ts
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { alignToReference } from '../../src/voice/forced-align.ts';
import { synthesize } from '../../workers/tts/espeak-engine.ts';

export interface AlignCase {
  language: string;
  text: string;
  /** espeak voice + rate of the reference (known timings) and of the speech aligned to it. */
  ref: { voice: string; rate: number };
  target: { voice: string; rate: number };
}

const RATE = 175;

export const ALIGN_CASES: AlignCase[] = [
  ...[
    'Meet the bottle that keeps your water cold all day and your coffee hot all morning.',
    'It is made of double-walled steel, weighs less than a paperback, and fits every cup holder.',
    'Three colours, one fair price. Order yours today and feel the difference from the very first sip.',
  ].map((text) => ({ language: 'en', text, ref: { voice: 'en-us+f3', rate: RATE }, target: { voice: 'en-us+m3', rate: Math.round(RATE * 1.3) } })),
  {
    language: 'en',
    text: 'Our new running shoes are light, soft and quick. Try them for thirty days, free of charge.',
    ref: { voice: 'en-us+f3', rate: RATE },
    target: { voice: 'en-gb+m3', rate: Math.round(RATE * 0.8) },
  },
  ...[
    'Conoce la botella que mantiene tu agua fría todo el día y tu café caliente toda la mañana.',
    'Pide la tuya hoy y nota la diferencia desde el primer sorbo.',
  ].map((text) => ({ language: 'es', text, ref: { voice: 'es+f3', rate: RATE }, target: { voice: 'es+m3', rate: Math.round(RATE * 1.3) } })),
  {
    language: 'de',
    text: 'Diese Flasche hält dein Wasser den ganzen Tag kalt und deinen Kaffee den ganzen Morgen heiß.',
    ref: { voice: 'de+f3', rate: RATE },
    target: { voice: 'de+m3', rate: Math.round(RATE * 1.3) },
  },
];

export interface AlignBench {
  cases: number;
  words: number;
  /** Absolute word-onset error, milliseconds. */
  median_onset_error_ms: number;
  p95_onset_error_ms: number;
  max_onset_error_ms: number;
  per_language: Record<string, { words: number; median_ms: number; p95_ms: number }>;
  /** The old estimate (reference times scaled by the length ratio), for comparison. */
  scaled_median_onset_error_ms: number;
  scaled_p95_onset_error_ms: number;
  /** Aligning a ~60 s script (features of both sides + warping), best of three, ms. */
  align_60s_ms: number;
  speech_60s_seconds: number;
  method: string;
}

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const k = (s.length - 1) * q;
  const lo = Math.floor(k);
  const hi = Math.ceil(k);
  return s[lo]! + (s[hi]! - s[lo]!) * (k - lo);
}

/** Onset errors (seconds, signed) of the aligned timings and of the scaled estimate, per case. */
export async function onsetErrors(c: AlignCase): Promise<{ aligned: number[]; scaled: number[] }> {
  const ref = await synthesize({ text: c.text, voice: c.ref.voice, rate: c.ref.rate });
  const truth = await synthesize({ text: c.text, voice: c.target.voice, rate: c.target.rate });
  if (ref.words.length !== truth.words.length) throw new Error(`"${c.text}": the two renderings have ${ref.words.length} and ${truth.words.length} words.`);
  const { words } = alignToReference(ref, truth.pcm, truth.sampleRate);
  const k = truth.duration / ref.duration;
  return {
    aligned: words.map((w, i) => w.start - truth.words[i]!.start),
    scaled: ref.words.map((w, i) => w.start * k - truth.words[i]!.start),
  };
}

export async function alignBench(log: (s: string) => void = () => undefined): Promise<AlignBench> {
  const all: number[] = [];
  const scaledAll: number[] = [];
  const byLang = new Map<string, number[]>();
  for (const c of ALIGN_CASES) {
    const { aligned, scaled } = await onsetErrors(c);
    const abs = aligned.map(Math.abs);
    all.push(...abs);
    scaledAll.push(...scaled.map(Math.abs));
    byLang.set(c.language, [...(byLang.get(c.language) ?? []), ...abs]);
  }
  const ms = (s: number): number => Math.round(s * 1000);
  const per_language: AlignBench['per_language'] = {};
  for (const [lang, xs] of byLang) per_language[lang] = { words: xs.length, median_ms: ms(quantile(xs, 0.5)), p95_ms: ms(quantile(xs, 0.95)) };

  // 60 s: the English cases repeated into one long script, both voices.
  const long = Array.from({ length: 3 }, () => ALIGN_CASES.filter((c) => c.language === 'en').map((c) => c.text).join(' ')).join(' ');
  const ref = await synthesize({ text: long, voice: 'en-us+f3', rate: RATE });
  const other = await synthesize({ text: long, voice: 'en-us+m3', rate: Math.round(RATE * 1.3) });
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    alignToReference(ref, other.pcm, other.sampleRate);
    best = Math.min(best, performance.now() - t);
  }
  const out: AlignBench = {
    cases: ALIGN_CASES.length,
    words: all.length,
    median_onset_error_ms: ms(quantile(all, 0.5)),
    p95_onset_error_ms: ms(quantile(all, 0.95)),
    max_onset_error_ms: ms(Math.max(...all)),
    per_language,
    scaled_median_onset_error_ms: ms(quantile(scaledAll, 0.5)),
    scaled_p95_onset_error_ms: ms(quantile(scaledAll, 0.95)),
    align_60s_ms: Math.round(best),
    speech_60s_seconds: Number(ref.duration.toFixed(1)),
    method: 'espeak en-us/es/de female at 175 wpm (reference, known timings) aligned to the same sentence by espeak male at 1.3x speed (and en-gb male at 0.8x), whose own word timings are the truth; MFCC+log-energy, CMVN, banded symmetric DTW (src/voice/forced-align.ts); Node',
  };
  log(`align: ${out.words} words, onset error median ${out.median_onset_error_ms} ms, p95 ${out.p95_onset_error_ms} ms (scaled estimate: ${out.scaled_median_onset_error_ms} / ${out.scaled_p95_onset_error_ms} ms); 60 s script (${out.speech_60s_seconds} s ref) aligned in ${out.align_60s_ms} ms`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await alignBench((s) => console.error(s)), null, 2));
}
