import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { TtsApi } from '../../workers/tts/tts.worker.ts';
import { TtsError, toTtsErrorWire } from './errors.ts';
import { TtsClient } from './tts-client.ts';
import type { Speech } from './types.ts';

/** A stand-in Worker: a MessageChannel whose far end serves a fake TtsApi. */
class FakeWorker extends EventTarget {
  terminated = false;
  private readonly channel = new MessageChannel();
  constructor(api: Partial<TtsApi>) {
    super();
    Comlink.expose(api, this.channel.port2);
    this.channel.port1.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: e.data })));
    this.channel.port1.start();
  }
  postMessage(data: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.channel.port1.postMessage(data, transfer);
  }
  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
  crash(message: string): void {
    const e = new Event('error', { cancelable: true });
    Object.assign(e, { message });
    this.dispatchEvent(e);
  }
}

const speech = (n: number): Speech => ({ pcm: new Float32Array(n), sampleRate: 22050, duration: n / 22050, words: [], phonemes: [] });
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

const workers: FakeWorker[] = [];
function clientWith(makeApi: (i: number) => Partial<TtsApi>): TtsClient {
  return new TtsClient(() => {
    const w = new FakeWorker(makeApi(workers.length));
    workers.push(w);
    return w as unknown as Worker;
  });
}

afterEach(() => {
  for (const w of workers) w.terminate();
  workers.length = 0;
});

const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof TtsError ? e.code : `not a TtsError: ${String(e)}`),
  );

describe('TtsClient', () => {
  it('creates the worker lazily and reuses it', async () => {
    const c = clientWith(() => ({ synthesize: async () => speech(10), listVoices: async () => [] }));
    expect(workers.length).toBe(0);
    expect((await c.synthesize({ text: 'a', voice: 'en-us' })).pcm.length).toBe(10);
    expect(await c.listVoices()).toEqual([]);
    expect(workers.length).toBe(1);
  });

  it('abort terminates the running worker; the next call gets a new one', async () => {
    const c = clientWith((i) => ({ synthesize: i === 0 ? never : async () => speech(5) }));
    const ac = new AbortController();
    const p = c.synthesize({ text: 'a', voice: 'en-us' }, { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    expect(await codeOf(p)).toBe('aborted');
    expect(workers[0]!.terminated).toBe(true);
    expect((await c.synthesize({ text: 'b', voice: 'en-us' })).pcm.length).toBe(5);
    expect(workers.length).toBe(2);
  });

  it('a request aborted while queued never reaches the worker and does not kill it', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const c = clientWith(() => ({
      synthesize: async () => {
        calls++;
        await gate;
        return speech(1);
      },
    }));
    const first = c.synthesize({ text: 'a', voice: 'en-us' });
    const ac = new AbortController();
    const second = c.synthesize({ text: 'b', voice: 'en-us' }, { signal: ac.signal });
    ac.abort();
    expect(await codeOf(second)).toBe('aborted');
    release();
    expect((await first).pcm.length).toBe(1);
    expect(calls).toBe(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('a crashed worker becomes worker-crashed and is replaced', async () => {
    const c = clientWith((i) => ({ synthesize: i === 0 ? never : async () => speech(3) }));
    const p = c.synthesize({ text: 'a', voice: 'en-us' });
    await new Promise((r) => setTimeout(r, 20));
    workers[0]!.crash('out of memory');
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TtsError);
    expect((err as TtsError).code).toBe('worker-crashed');
    expect((err as TtsError).message).toContain('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    expect((await c.synthesize({ text: 'b', voice: 'en-us' })).pcm.length).toBe(3);
  });

  it('errors thrown in the worker keep their code', async () => {
    const c = clientWith(() => ({
      synthesize: async () => {
        throw toTtsErrorWire(new TtsError('voice-not-found', 'The voice "xx" is not available.'));
      },
    }));
    const err = await c.synthesize({ text: 'a', voice: 'xx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TtsError);
    expect((err as TtsError).code).toBe('voice-not-found');
    expect((err as TtsError).message).toBe('The voice "xx" is not available.');
  });

  it('passes progress through', async () => {
    const c = clientWith(() => ({
      synthesize: async (_req, onProgress) => {
        await onProgress?.({ stage: 'speaking', fraction: 0.5 });
        return speech(2);
      },
    }));
    const seen: unknown[] = [];
    await c.synthesize({ text: 'a', voice: 'en-us' }, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([{ stage: 'speaking', fraction: 0.5 }]);
  });
});
