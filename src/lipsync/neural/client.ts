/*
 * Main-thread side of the neural engine: loads a model into the lip-sync worker and asks it for
 * every frame's mouth. Shares the app's lip-sync worker client (src/avatar/lipsync-client.ts):
 * abort terminates the worker, a crash rejects; errors come back as NeuralError with a code.
 */
import * as Comlink from 'comlink';
import { lipsync, type LipsyncClient } from '../../avatar/lipsync-client.ts';
import { NeuralError, toNeuralError } from './errors.ts';
import type { NeuralFaces, NeuralJob, NeuralLoadOptions, NeuralModelInfo, NeuralProgress } from './types.ts';

/** The plain { code, message } the worker threw, whatever wrapper the client put around it. */
function unwrap(err: unknown): NeuralError {
  if (err instanceof NeuralError) return err;
  const e = err as { code?: string; cause?: unknown; message?: string } | null;
  if (e?.code === 'aborted') return new NeuralError('aborted', 'Cancelled.', { cause: err });
  if (e?.code === 'worker-crashed') return new NeuralError('worker-crashed', e.message ?? 'The lip-sync worker stopped unexpectedly.', { cause: err });
  const inner = e?.cause && typeof e.cause === 'object' && 'code' in e.cause ? e.cause : err;
  return toNeuralError(inner);
}

export interface NeuralCallOptions {
  signal?: AbortSignal;
  client?: LipsyncClient;
}

/** Loads `model` (copied: the caller keeps its bytes) under `key`. */
export async function loadNeuralModel(key: string, model: ArrayBuffer | Blob, opts: NeuralLoadOptions & NeuralCallOptions = {}): Promise<NeuralModelInfo> {
  const client = opts.client ?? lipsync();
  const bytes = model instanceof Blob ? await model.arrayBuffer() : model.slice(0);
  const load: NeuralLoadOptions = { ...(opts.prefer ? { prefer: opts.prefer } : {}), ...(opts.threads ? { threads: opts.threads } : {}) };
  try {
    return await client.run((api) => api.neuralLoad(key, Comlink.transfer(bytes, [bytes]), load), opts.signal);
  } catch (err) {
    throw unwrap(err);
  }
}

/** Every output frame's mouth from the model loaded under `key`. The job's bitmaps are transferred. */
export async function neuralFacesFor(
  key: string,
  job: NeuralJob,
  opts: NeuralCallOptions & { onProgress?: (p: NeuralProgress) => void } = {},
): Promise<NeuralFaces> {
  const client = opts.client ?? lipsync();
  const progress = opts.onProgress ? Comlink.proxy(opts.onProgress) : undefined;
  try {
    return await client.run((api) => api.neuralFaces(key, Comlink.transfer(job, [...job.sources]), progress), opts.signal);
  } catch (err) {
    throw unwrap(err);
  }
}

/** One raw batch through the loaded model: output and run time (tests, bench). */
export async function neuralInfer(key: string, mel: Float32Array, faces: Float32Array, batch: number, opts: NeuralCallOptions = {}): Promise<{ out: Float32Array; ms: number }> {
  const client = opts.client ?? lipsync();
  try {
    return await client.run((api) => api.neuralInfer(key, mel, faces, batch), opts.signal);
  } catch (err) {
    throw unwrap(err);
  }
}
