/**
 * The voice-clone engine's contract (pure types + checks). A clone model in the catalog (task
 * 'clone') is a speaker encoder: clip → speaker embedding, stored with the clip; a zero-shot or
 * multi-speaker voice then speaks in that voice given the embedding.
 *
 * Encoder contract (`contract.kind = 'speaker-encoder'`): input `audio` float [1, T] mono PCM
 * at `sampleRate` (16 kHz for the published encoders), T a whole number of 10 ms hops (the
 * engine pads), output `embedding` float [1, D].
 * What is built: the material check, sample storage, this encoder in the TTS worker, and a tiny
 * generated encoder of the same contract (models/build-clone-tiny.ts) to prove the plumbing.
 * What remains: a browser-sized zero-shot TTS (or a Piper multi-speaker voice trained with a
 * speaker-embedding input) to speak with the embedding, and a published encoder with a sha256.
 */
import * as v from 'valibot';

export const SpeakerEncoderSchema = v.object({
  kind: v.literal('speaker-encoder'),
  sampleRate: v.pipe(v.number(), v.integer(), v.minValue(8000), v.maxValue(48000)),
  dim: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4096)),
});

export type SpeakerEncoderContract = v.InferOutput<typeof SpeakerEncoderSchema>;

export interface CloneEngine {
  /** The speaker embedding of a clip (L2-normalised). */
  embed(pcm: Float32Array, sampleRate: number): Promise<Float32Array>;
}

/** Linear-interpolation resampling (embedding encoders are robust to it; 48 → 16 kHz). */
export function resampleLinear(pcm: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return pcm.slice();
  const n = Math.max(1, Math.round((pcm.length * to) / from));
  const out = new Float32Array(n);
  const k = from / to;
  for (let i = 0; i < n; i++) {
    const x = i * k;
    const j = Math.floor(x);
    const f = x - j;
    out[i] = (pcm[j] ?? 0) * (1 - f) + (pcm[j + 1] ?? pcm[j] ?? 0) * f;
  }
  return out;
}

export function l2normalize(x: Float32Array): Float32Array {
  let s = 0;
  for (const a of x) s += a * a;
  const n = Math.sqrt(s) || 1;
  return x.map((a) => a / n);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) s += a[i]! * b[i]!;
  return s;
}
