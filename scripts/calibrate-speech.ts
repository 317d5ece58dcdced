/**
 * Re-fits the speech-rate table in src/script/estimate.ts against the real voice (espeak-ng in
 * Node, the same engine the browser worker runs): generates scripts from a native product per
 * language, speaks them, and least-squares fits words (or CJK characters) per second, the pause
 * per sentence and per clause break.
 *   npx tsx scripts/calibrate-speech.ts [language…]
 */
import { synthesize } from '../workers/tts/espeak-engine.ts';
import { defaultVoiceFor } from '../src/voice/voices.ts';
import { generateScripts, scriptText } from '../src/script/index.ts';
import { estimateSeconds, speechFeatures, SPEECH_RATES } from '../src/script/estimate.ts';
import { NATIVE } from '../src/script/fixtures.test-data.ts';
import { VOICE_PADDING_SECONDS } from '../src/app/pipeline.ts';

/** Least squares via the normal equations (a handful of unknowns). */
function solve(A: number[][], b: number[]): number[] {
  const n = A[0]!.length;
  const M = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n + 1 }, (_, j) => (j < n ? A.reduce((s, r) => s + r[i]! * r[j]!, 0) : A.reduce((s, r, k) => s + r[i]! * b[k]!, 0))),
  );
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(M[r]![i]!) > Math.abs(M[p]![i]!)) p = r;
    [M[i], M[p]] = [M[p]!, M[i]!];
    for (let r = 0; r < n; r++) {
      if (r === i) continue;
      const f = M[r]![i]! / M[i]![i]!;
      for (let c = i; c <= n; c++) M[r]![c]! -= f * M[i]![c]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

const langs = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(NATIVE);
for (const lang of langs) {
  const base = NATIVE[lang];
  if (!base) throw new Error(`no native product for ${lang}`);
  const variants = [base, { ...base, price: undefined, brand: undefined }, { ...base, features: base.features.slice(0, 2) }];
  const texts = new Set<string>();
  for (const p of variants) for (const d of [15, 30, 60] as const) for (const o of generateScripts(p, { language: lang, duration: d })) texts.add(scriptText(o));
  const byChars = SPEECH_RATES[lang]?.charsPerSecond !== undefined;
  const rows: number[][] = [];
  const ys: number[] = [];
  const current: number[] = [];
  const voice = defaultVoiceFor(lang).espeakVoice;
  for (const t of texts) {
    const s = await synthesize({ text: t, voice });
    const f = speechFeatures(t, byChars);
    rows.push(byChars ? [f.words, f.chars, f.sentences, f.clauses] : [f.words, f.sentences, f.clauses]);
    ys.push(s.duration + VOICE_PADDING_SECONDS);
    current.push(estimateSeconds(t, lang));
  }
  const x = solve(rows, ys).map((v) => Math.max(v, 0.02));
  const fitted = rows.map((r) => r.reduce((s, v, i) => s + v * x[i]!, 0));
  const worst = (pred: number[]) => (Math.max(...pred.map((p, i) => Math.abs(p - ys[i]!) / ys[i]!)) * 100).toFixed(1);
  const rate = byChars
    ? { wordsPerSecond: +(1 / x[0]!).toFixed(2), charsPerSecond: +(1 / x[1]!).toFixed(2), sentencePause: +x[2]!.toFixed(2), clausePause: +x[3]!.toFixed(2) }
    : { wordsPerSecond: +(1 / x[0]!).toFixed(2), sentencePause: +x[1]!.toFixed(2), clausePause: +x[2]!.toFixed(2) };
  console.log(`${lang}: ${JSON.stringify(rate)} // ${texts.size} scripts; worst ${worst(fitted)} % (table now: ${worst(current)} %)`);
}
