/**
 * The Piper/VITS voice contract (pure): the `.onnx.json` config that comes with every Piper
 * voice, espeak IPA → phoneme ids, and the model's inputs.
 *
 * Facts from the public Piper code (piper/src/python_run/piper/voice.py and the C++ runner):
 * - inputs `input` int64 [1, N] (phoneme ids), `input_lengths` int64 [1] (= N), `scales` float
 *   [3] = [noise_scale, length_scale, noise_w], and `sid` int64 [1] for multi-speaker voices;
 *   output `output` float [1, 1, 1, T] (or [1, 1, T]), PCM at `audio.sample_rate`.
 * - ids: BOS "^", then every phoneme (one Unicode code point of espeak's IPA, spaces and
 *   punctuation included) followed by the pad "_", then EOS "$". A code point missing from
 *   `phoneme_id_map` is skipped.
 * - length_scale > 1 speaks slower: the user's speed s maps to length_scale / s.
 */
import * as v from 'valibot';
import type { PhonemeTiming, WordTiming } from './types.ts';

export const PiperConfigSchema = v.object({
  audio: v.object({ sample_rate: v.pipe(v.number(), v.integer(), v.minValue(8000), v.maxValue(96000)) }),
  espeak: v.object({ voice: v.pipe(v.string(), v.minLength(1)) }),
  inference: v.optional(v.object({
    noise_scale: v.optional(v.number(), 0.667),
    length_scale: v.optional(v.number(), 1),
    noise_w: v.optional(v.number(), 0.8),
  }), { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 }),
  phoneme_id_map: v.record(v.string(), v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  num_speakers: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
  language: v.optional(v.object({ code: v.optional(v.string()) })),
});

export type PiperConfig = v.InferOutput<typeof PiperConfigSchema>;

export class PiperConfigError extends Error {
  override name = 'PiperConfigError';
  readonly code = 'invalid-voice-config';
}

export function parsePiperConfig(json: unknown): PiperConfig {
  const r = v.safeParse(PiperConfigSchema, json);
  if (!r.success) {
    const issue = r.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new PiperConfigError(`This voice's settings (.onnx.json) are not a Piper voice config (${path || 'top'}: ${issue.message}).`);
  }
  for (const k of ['_', '^', '$']) {
    if (!r.output.phoneme_id_map[k]?.length) throw new PiperConfigError(`This voice's phoneme map has no "${k}" symbol.`);
  }
  return r.output;
}

/** espeak IPA → Piper phoneme ids; `skipped` counts code points the voice does not know. */
export function phonemeIds(ipa: string, map: PiperConfig['phoneme_id_map']): { ids: number[]; skipped: number } {
  const pad = map['_']!;
  const ids: number[] = [...map['^']!, ...pad];
  let skipped = 0;
  for (const ch of ipa.normalize('NFD')) {
    const id = map[ch];
    if (!id) {
      skipped++;
      continue;
    }
    ids.push(...id, ...pad);
  }
  ids.push(...map['$']!);
  return { ids, skipped };
}

/** The model's `scales` input for a speed (1 = the voice's own pace). */
export function piperScales(config: PiperConfig, speed = 1): Float32Array {
  const inf = config.inference;
  const s = Number.isFinite(speed) && speed > 0 ? speed : 1;
  return new Float32Array([inf.noise_scale, inf.length_scale / s, inf.noise_w]);
}

/**
 * Word and phoneme timings for neural audio, forced from espeak's timings of the same text:
 * every time is scaled by the ratio of the two durations (both voices read the same phoneme
 * sequence at a steady pace, so proportional time is a close fit; captions and visemes stay
 * in order and inside the audio).
 */
export function scaleTimings(words: readonly WordTiming[], phonemes: readonly PhonemeTiming[], from: number, to: number): { words: WordTiming[]; phonemes: PhonemeTiming[] } {
  const k = from > 0 ? to / from : 1;
  const clamp = (t: number): number => Math.min(to, Math.max(0, t * k));
  return {
    words: words.map((w) => ({ ...w, start: clamp(w.start), end: clamp(w.end) })),
    phonemes: phonemes.map((p) => ({ ...p, start: clamp(p.start), end: clamp(p.end) })),
  };
}

/** A phoneme map covering espeak's IPA output (for generated test voices). */
export function testPhonemeMap(): Record<string, number[]> {
  const map: Record<string, number[]> = { _: [0], '^': [1], $: [2], ' ': [3], '.': [4], ',': [5], '!': [6], '?': [7] };
  let next = 8;
  const add = (ch: string): void => {
    if (!(ch in map)) map[ch] = [next++];
  };
  for (let c = 0x61; c <= 0x7a; c++) add(String.fromCodePoint(c));
  for (let c = 0x250; c <= 0x2ff; c++) add(String.fromCodePoint(c));
  for (const ch of 'æçðøħŋœβθχᵻ\u0303\u0329\u032a') add(ch);
  return map;
}
