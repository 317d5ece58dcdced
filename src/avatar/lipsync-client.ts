/*
 * Main-thread client of the lip-sync worker (workers/lipsync). It owns the worker: creates it on
 * first use, turns abort into `worker.terminate()` (a running wasm call cannot be interrupted
 * otherwise) and starts a fresh worker on the next call after a crash or an abort.
 */
import * as Comlink from 'comlink';
import type { LipsyncApi } from '../../workers/lipsync/lipsync.worker.ts';
import { AvatarError, toAvatarError } from './errors.ts';

interface Live {
  worker: Worker;
  api: Comlink.Remote<LipsyncApi>;
  crashed: Promise<never>;
  end: (err: AvatarError) => void;
}

function createLipsyncWorker(): Worker {
  return new Worker(new URL('../../workers/lipsync/lipsync.worker.ts', import.meta.url), { type: 'module', name: 'lipsync' });
}

export class LipsyncClient {
  private live: Live | null = null;

  constructor(private readonly createWorker: () => Worker = createLipsyncWorker) {}

  /** Runs `call` on the worker; abort or a crash rejects it and retires the worker. */
  async run<T>(call: (api: Comlink.Remote<LipsyncApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new AvatarError('aborted', 'Cancelled.');
    const live = (this.live ??= this.spawn());
    const onAbort = (): void => this.retire(live, new AvatarError('aborted', 'Cancelled.'));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([call(live.api), live.crashed]);
    } catch (err) {
      throw toAvatarError(err);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  dispose(): void {
    if (this.live) this.retire(this.live, new AvatarError('worker-crashed', 'The face analysis was shut down.'));
  }

  private spawn(): Live {
    const worker = this.createWorker();
    let end: (err: AvatarError) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => {
      end = reject;
    });
    crashed.catch(() => undefined);
    const live: Live = { worker, api: Comlink.wrap<LipsyncApi>(worker), crashed, end };
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.retire(live, new AvatarError('worker-crashed', `The face analysis stopped unexpectedly${e.message ? ` (${e.message})` : ''}. Try again.`));
    });
    return live;
  }

  private retire(live: Live, err: AvatarError): void {
    live.end(err);
    live.worker.terminate();
    if (this.live === live) this.live = null;
  }
}

let shared: LipsyncClient | null = null;

/** The app's one lip-sync worker client. */
export function lipsync(): LipsyncClient {
  return (shared ??= new LipsyncClient());
}
