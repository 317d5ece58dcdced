/*
 * The TTS worker: espeak-ng off the main thread. One API object via comlink; the PCM buffer is
 * transferred, not copied. Errors cross as TtsErrorWire (comlink keeps no Error class or code).
 */
import * as Comlink from 'comlink';
import type { EspeakVoice, Speech, TtsProgress, VoiceRequest } from '../../src/voice/types.ts';
import { toTtsErrorWire } from '../../src/voice/errors.ts';
import * as engine from './espeak-engine.ts';

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

  listVoices(): Promise<EspeakVoice[]> {
    return wire(() => engine.listVoices());
  },

  listVariants(): Promise<string[]> {
    return wire(() => engine.listVariants());
  },
};

export type TtsApi = typeof api;

Comlink.expose(api);
