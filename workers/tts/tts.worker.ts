/*
 * The TTS worker: espeak-ng off the main thread. One API object via comlink; the PCM buffer is
 * transferred, not copied. Errors cross as TtsErrorWire (comlink keeps no Error class or code).
 */
import * as Comlink from 'comlink';
import type { EspeakVoice, Speech, TtsProgress, VoiceRequest } from '../../src/voice/types.ts';
import { toTtsErrorWire } from '../../src/voice/errors.ts';
import * as engine from './espeak-engine.ts';
import * as neural from './piper-engine.ts';
import * as clone from './clone-engine.ts';
import type { SpeakerEncoderContract } from '../../src/voice/clone-engine.ts';
import type { PiperConfig } from '../../src/voice/piper.ts';

async function wire<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toTtsErrorWire(err);
  }
}

const api = {
  /** Loads the engine (downloads the voice data once); returns the load time in ms. */
  warmUp(onProgress?: (p: TtsProgress) => void): Promise<number> {
    return wire(() => engine.loadEngine(onProgress));
  },

  synthesize(req: VoiceRequest, onProgress?: (p: TtsProgress) => void): Promise<Speech> {
    return wire(async () => {
      const speech = await engine.synthesize(req, onProgress ? { onProgress } : {});
      return Comlink.transfer(speech, [speech.pcm.buffer as ArrayBuffer]);
    });
  },

  /** Loads a neural (Piper/VITS) voice; the bytes were verified by the download manager. Returns its backend. */
  loadNeural(id: string, bytes: ArrayBuffer, config: PiperConfig, threads?: number): Promise<string> {
    return wire(() => neural.loadNeuralVoice(id, bytes, config, threads));
  },

  isNeuralLoaded(id: string): boolean {
    return neural.isNeuralLoaded(id);
  },

  neuralRuntime(id: string): { backend: string; threads: number } | null {
    return neural.neuralRuntime(id);
  },

  synthesizeNeural(id: string, req: VoiceRequest & { speed?: number; timings?: boolean }): Promise<Speech> {
    return wire(async () => {
      const speech = await neural.synthesizeNeural(id, req);
      return Comlink.transfer(speech, [speech.pcm.buffer as ArrayBuffer]);
    });
  },

  /** Speaker embedding of a clip with a voice-clone encoder (bytes needed only the first time). */
  embedSpeaker(id: string, model: { bytes: ArrayBuffer; contract: SpeakerEncoderContract } | null, pcm: Float32Array, sampleRate: number): Promise<Float32Array> {
    return wire(() => clone.embedSpeaker(id, model ? () => model : null, pcm, sampleRate));
  },

  listVoices(): Promise<EspeakVoice[]> {
    return wire(() => engine.listVoices());
  },

  listVariants(): Promise<string[]> {
    return wire(() => engine.listVariants());
  },
};

export type TtsApi = typeof api;

Comlink.expose(api);
