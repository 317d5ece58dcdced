/*
 * Neural voices (Piper/VITS contract, src/voice/piper.ts) on onnxruntime-web, behind the same
 * `Speech` the built-in voice returns: espeak-ng phonemizes the text (the IPA the voice was
 * trained on), the model turns phoneme ids into audio, and the word and phoneme timings come
 * from aligning that audio to espeak's rendering of the same text, whose timings are exact
 * (spectral features + dynamic time warping, src/voice/forced-align.ts).
 * Sessions come from the shared ORT helper (workers/lipsync/ort.ts: self-hosted wasm,
 * WebGPU → WASM). Model bytes arrive from the main thread (src/storage/models.ts verified them).
 */
import type { Speech, VoiceRequest } from '../../src/voice/types.ts';
import { TtsError } from '../../src/voice/errors.ts';
import { phonemeIds, piperScales, scaleTimings, type PiperConfig } from '../../src/voice/piper.ts';
import { alignToReference } from '../../src/voice/forced-align.ts';
import { createSession, ort, type OrtSession } from '../lipsync/ort.ts';
import { phonemize, synthesize as espeak } from './espeak-engine.ts';

interface Loaded {
  session: OrtSession;
  config: PiperConfig;
}

const voices = new Map<string, Loaded>();

/**
 * Loads a voice once per worker; returns the backend it runs on. `threads` (WASM, honoured when
 * cross-origin isolated) applies only to this worker's first session: the benchmark uses a
 * fresh worker per thread count.
 */
export async function loadNeuralVoice(id: string, bytes: ArrayBuffer, config: PiperConfig, threads?: number): Promise<string> {
  const have = voices.get(id);
  if (have) return have.session.backend;
  let session: OrtSession;
  try {
    // Small autoregressive-free graphs run best on WASM; WebGPU via SwiftShader is far slower here.
    session = await createSession(bytes, { prefer: 'wasm', ...(threads ? { threads } : {}) });
  } catch (err) {
    throw new TtsError('engine-load-failed', `The neural voice could not be loaded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const names = session.session.inputNames;
  for (const need of ['input', 'input_lengths', 'scales']) {
    if (!names.includes(need)) {
      throw new TtsError('engine-load-failed', `This model is not a Piper/VITS voice: it has no "${need}" input (it has ${names.join(', ')}).`);
    }
  }
  voices.set(id, { session, config });
  return session.backend;
}

export function isNeuralLoaded(id: string): boolean {
  return voices.has(id);
}

/** Where a loaded voice runs: backend and WASM threads (null when not loaded). */
export function neuralRuntime(id: string): { backend: string; threads: number } | null {
  const v = voices.get(id);
  return v ? { backend: v.session.backend, threads: v.session.threads } : null;
}

/** Speaks `req.text` with a loaded neural voice; `req.rate` (wpm) maps to its speed. */
/**
 * `timings: false` skips the reference rendering and the alignment (words and phonemes come
 * back empty): for measuring a script's spoken length, where only the audio's length counts.
 */
export async function synthesizeNeural(id: string, req: VoiceRequest & { speed?: number; timings?: boolean }): Promise<Speech> {
  const v = voices.get(id);
  if (!v) throw new TtsError('voice-not-found', 'This neural voice is not loaded. Download or import it again on the Models screen.');
  const text = req.text;
  if (!text?.trim()) throw new TtsError('empty-text', 'There is nothing to say: the text has no words.');
  const ipa = await phonemize(text, v.config.espeak.voice);
  const { ids } = phonemeIds(ipa, v.config.phoneme_id_map);
  const s = v.session.session;
  const feeds: Record<string, ort.Tensor> = {
    input: new ort.Tensor('int64', BigInt64Array.from(ids, (x) => BigInt(x)), [1, ids.length]),
    input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
    scales: new ort.Tensor('float32', piperScales(v.config, req.speed ?? 1), [3]),
  };
  if (s.inputNames.includes('sid')) feeds.sid = new ort.Tensor('int64', BigInt64Array.from([0n]), [1]);
  let audio: Float32Array;
  try {
    const out = await s.run(feeds);
    const tensor = out[s.outputNames[0]!]!;
    audio = Float32Array.from(tensor.data as Float32Array);
  } catch (err) {
    throw new TtsError('synthesis-failed', `The neural voice failed while speaking: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const sampleRate = v.config.audio.sample_rate;
  const duration = audio.length / sampleRate;
  if (req.timings === false) return { pcm: audio, sampleRate, duration, words: [], phonemes: [] };
  // Timings: espeak says the same text with exact timings; the warping path between the two
  // recordings carries every word and phoneme boundary over to the neural audio.
  const ref = await espeak({ text, voice: v.config.espeak.voice, ...(req.rate ? { rate: req.rate } : {}) });
  const { words, phonemes } = audio.length > 0 ? alignToReference(ref, audio, sampleRate) : scaleTimings(ref.words, ref.phonemes, ref.duration, duration);
  return { pcm: audio, sampleRate, duration, words, phonemes };
}
