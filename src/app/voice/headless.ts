/**
 * The voice part of the headless page (`window.talkreel.voice`): what the command line, the
 * benchmark and the browser tests call to hear the built-in voices and read voice files in a
 * real browser, with the app's own worker and decoders.
 */
import { synthesize, ttsClient } from '../../voice/tts-client.ts';
import { parsePiperConfig } from '../../voice/piper.ts';
import * as v from 'valibot';
import { SpeakerEncoderSchema } from '../../voice/clone-engine.ts';
import { voiceById } from '../../voice/voices.ts';
import { builtinVoiceRequest } from './voiceover.ts';
import { decodeAudioFile } from './audio-intake.ts';
import { measureLoudness } from '../../voice/loudness.ts';

/** RMS and peak of a voice sample, for the voice checks. */
function levels(pcm: Float32Array): { rms: number; peak: number } {
  let sum = 0;
  let peak = 0;
  for (const x of pcm) {
    sum += x * x;
    peak = Math.max(peak, Math.abs(x));
  }
  return { rms: Math.sqrt(sum / Math.max(1, pcm.length)), peak };
}

export interface SpokenSummary {
  voice: string;
  sampleRate: number;
  duration: number;
  rms: number;
  peak: number;
  words: Array<{ text: string; start: number; end: number }>;
  phonemes: number;
  /** Wall time of the synthesis in the worker, ms. */
  ms: number;
}

async function speak(text: string, voiceId: string, opts: { speed?: number; pitch?: number } = {}): Promise<SpokenSummary> {
  const v = voiceById(voiceId);
  if (!v) throw new Error(`Unknown voice "${voiceId}".`);
  const req = builtinVoiceRequest({ voiceId, language: v.lang, ...(opts.speed ? { voiceSpeed: opts.speed } : {}), ...(opts.pitch ? { voicePitch: opts.pitch } : {}) });
  const t0 = performance.now();
  const s = await synthesize({ ...req, text });
  const ms = performance.now() - t0;
  const { rms, peak } = levels(s.pcm);
  return {
    voice: req.voice, sampleRate: s.sampleRate, duration: s.duration, rms, peak,
    words: s.words.map((w) => ({ text: w.text, start: w.start, end: w.end })), phonemes: s.phonemes.length, ms,
  };
}

/** Speaks with a built-in voice and returns the PCM itself, for checks that measure the audio. */
async function speakPcm(text: string, voiceId: string): Promise<{ pcm: Float32Array; sampleRate: number; words: Array<{ text: string; start: number; end: number }> }> {
  const v = voiceById(voiceId);
  if (!v) throw new Error(`Unknown voice "${voiceId}".`);
  const s = await synthesize({ ...builtinVoiceRequest({ voiceId, language: v.lang }), text });
  return { pcm: s.pcm, sampleRate: s.sampleRate, words: s.words.map((w) => ({ text: w.text, start: w.start, end: w.end })) };
}

/** Decodes a voice file (same-origin URL) as an upload would be; throws the upload's error. */
async function decode(url: string, name: string): Promise<{ duration: number; sampleRate: number; sourceSampleRate: number; format: string; lufsIn: number; lufsOut: number; truePeak: number }> {
  const blob = await (await fetch(url)).blob();
  const d = await decodeAudioFile(new File([blob], name));
  const m = measureLoudness(d.pcm, d.sampleRate);
  return { duration: d.duration, sampleRate: d.sampleRate, sourceSampleRate: d.sourceSampleRate, format: d.format, lufsIn: d.loudnessLufs, lufsOut: m.integrated, truePeak: m.truePeak };
}

/** A voice file for the renderer: decoded, checked and levelled PCM. */
export async function voiceFileAudio(url: string, name: string): Promise<{ pcm: Float32Array; sampleRate: number }> {
  const blob = await (await fetch(url)).blob();
  const d = await decodeAudioFile(new File([blob], name));
  return { pcm: d.pcm, sampleRate: d.sampleRate };
}

/** Speaks with a neural voice given as model bytes + Piper config (tests and the benchmark). */
async function neuralSpeak(model: number[], config: unknown, text: string, speed = 1): Promise<SpokenSummary & { backend?: string }> {
  const parsed = parsePiperConfig(config);
  const id = `test-${model.length}-${parsed.espeak.voice}`;
  const t0 = performance.now();
  const s = await ttsClient().synthesizeNeural(id, { text, voice: parsed.espeak.voice, speed }, async () => ({ bytes: Uint8Array.from(model).buffer, config: parsed }));
  const ms = performance.now() - t0;
  const { rms, peak } = levels(s.pcm);
  return {
    voice: `neural:${parsed.espeak.voice}`, sampleRate: s.sampleRate, duration: s.duration, rms, peak,
    words: s.words.map((w) => ({ text: w.text, start: w.start, end: w.end })), phonemes: s.phonemes.length, ms,
  };
}

/** Speaker embedding of a clip with a clone encoder given as bytes + contract (tests). */
async function cloneEmbed(model: number[], contract: unknown, pcm: number[], sampleRate: number): Promise<number[]> {
  const c = v.parse(SpeakerEncoderSchema, contract);
  const e = await ttsClient().embedSpeaker(`test-clone-${model.length}`, { bytes: Uint8Array.from(model).buffer, contract: c }, Float32Array.from(pcm), sampleRate);
  return Array.from(e);
}

export const voiceHeadless = { speak, speakPcm, decode, neuralSpeak, cloneEmbed };
