/*
 * Main-thread client of the TTS worker. It owns the worker: creates it on first use, runs one
 * request at a time on it, turns abort into `worker.terminate()` (a running espeak call cannot
 * be interrupted otherwise) and replaces a worker that was terminated or crashed on the next
 * call. The first call downloads the 24 MB voice data once (progress: stage 'loading').
 */
import * as Comlink from 'comlink';
import type { TtsApi } from '../../workers/tts/tts.worker.ts';
import { TtsError, toTtsError } from './errors.ts';
import type { PiperConfig } from './piper.ts';
import type { SpeakerEncoderContract } from './clone-engine.ts';
import type { EspeakVoice, Speech, TtsProgress, VoiceRequest } from './types.ts';

export interface TtsCallOptions {
  signal?: AbortSignal;
  onProgress?: (p: TtsProgress) => void;
}

interface Live {
  worker: Worker;
  api: Comlink.Remote<TtsApi>;
  /** Rejects when the worker ends (crash, abort, dispose): the running call fails with it. */
  crashed: Promise<never>;
  end: (reason: TtsError) => void;
}

function createTtsWorker(): Worker {
  return new Worker(new URL('../../workers/tts/tts.worker.ts', import.meta.url), { type: 'module', name: 'tts' });
}

function abortError(signal: AbortSignal): TtsError {
  return new TtsError('aborted', 'Speech generation was cancelled.', { cause: signal.reason });
}

export class TtsClient {
  private live: Live | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** `createWorker` is for tests; the default bundles workers/tts/tts.worker.ts. */
  constructor(private readonly createWorker: () => Worker = createTtsWorker) {}

  /** Speaks `req` in the worker. Abort terminates the worker if this request is running. */
  synthesize(req: VoiceRequest, opts: TtsCallOptions = {}): Promise<Speech> {
    const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
    return this.run((api) => api.synthesize(req, progress), opts.signal);
  }

  /** Starts the worker and loads the engine now; resolves with the load time in ms. */
  warmUp(opts: TtsCallOptions = {}): Promise<number> {
    const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
    return this.run((api) => api.warmUp(progress), opts.signal);
  }

  /**
   * Speaks with a neural voice: `load` supplies the model bytes and config the first time this
   * worker needs them (the download manager's loadModelBytes), then the voice stays loaded.
   */
  synthesizeNeural(id: string, req: VoiceRequest & { speed?: number; timings?: boolean }, load: () => Promise<{ bytes: ArrayBuffer; config: PiperConfig; threads?: number }>, opts: TtsCallOptions = {}): Promise<Speech> {
    return this.run(async (api) => {
      if (!(await api.isNeuralLoaded(id))) {
        const { bytes, config, threads } = await load();
        await api.loadNeural(id, Comlink.transfer(bytes, [bytes]), config, threads);
      }
      return api.synthesizeNeural(id, req);
    }, opts.signal);
  }

  /** Backend and WASM threads of a loaded neural voice (null when this worker has not loaded it). */
  neuralRuntime(id: string, opts: TtsCallOptions = {}): Promise<{ backend: string; threads: number } | null> {
    return this.run((api) => api.neuralRuntime(id), opts.signal);
  }

  /** Speaker embedding of a clip (voice clone); `model` is passed the first time only. */
  embedSpeaker(id: string, model: { bytes: ArrayBuffer; contract: SpeakerEncoderContract } | null, pcm: Float32Array, sampleRate: number, opts: TtsCallOptions = {}): Promise<Float32Array> {
    return this.run((api) => api.embedSpeaker(id, model, pcm, sampleRate), opts.signal);
  }

  listVoices(opts: TtsCallOptions = {}): Promise<EspeakVoice[]> {
    return this.run((api) => api.listVoices(), opts.signal);
  }

  listVariants(opts: TtsCallOptions = {}): Promise<string[]> {
    return this.run((api) => api.listVariants(), opts.signal);
  }

  /** Terminates the worker (a running request fails with worker-crashed); a later call starts a new one. */
  dispose(): void {
    if (this.live) this.recycle(this.live, new TtsError('worker-crashed', 'The voice engine was shut down.'));
  }

  private spawn(): Live {
    const worker = this.createWorker();
    let end: (reason: TtsError) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => {
      end = reject;
    });
    crashed.catch(() => undefined);
    const live: Live = { worker, api: Comlink.wrap<TtsApi>(worker), crashed, end };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      const detail = e.message ? ` (${e.message})` : '';
      this.recycle(live, new TtsError('worker-crashed', `The voice engine stopped unexpectedly${detail}. Try again.`));
    });
    worker.addEventListener('messageerror', () => {
      this.recycle(live, new TtsError('worker-crashed', 'The voice engine sent a message that could not be read. Try again.'));
    });
    return live;
  }

  /** Ends a worker: its running call (if any) rejects with `reason`; the next call spawns anew. */
  private recycle(live: Live, reason: TtsError): void {
    if (this.live === live) this.live = null;
    live.end(reason);
    live.api[Comlink.releaseProxy]();
    live.worker.terminate();
  }

  /** One call at a time; a call aborted while still queued never reaches the worker. */
  private run<T>(call: (api: Comlink.Remote<TtsApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const task = this.queue.then(async (): Promise<T> => {
      if (signal?.aborted) throw abortError(signal);
      const live = (this.live ??= this.spawn());
      let onAbort: (() => void) | null = null;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          const err = abortError(signal!);
          reject(err);
          this.recycle(live, err);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => undefined);
      try {
        return await Promise.race([call(live.api), live.crashed, aborted]);
      } catch (err) {
        throw toTtsError(err);
      } finally {
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      }
    });
    this.queue = task.catch(() => undefined);
    if (!signal) return task;
    // Reject at once on abort, even while an earlier request still holds the worker.
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      task.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }
}

let shared: TtsClient | null = null;

/** The app-wide client (one worker for the whole page). */
export function ttsClient(): TtsClient {
  return (shared ??= new TtsClient());
}

/** Speaks `req` with the app-wide client (fits `Synthesize` in src/app/pipeline.ts). */
export function synthesize(req: VoiceRequest, opts: TtsCallOptions = {}): Promise<Speech> {
  return ttsClient().synthesize(req, opts);
}

/** espeak's voices, from the app-wide client. */
export function listVoices(opts: TtsCallOptions = {}): Promise<EspeakVoice[]> {
  return ttsClient().listVoices(opts);
}

/** Starts the worker and loads the voice engine ahead of the first request; ms of loading. */
export function warmUpTts(opts: TtsCallOptions = {}): Promise<number> {
  return ttsClient().warmUp(opts);
}
