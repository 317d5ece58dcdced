/*
 * Main-thread client of the page-parsing worker. Each parse gets a fresh worker that is
 * terminated afterwards (or on abort). Where workers are unavailable the same parser runs here.
 */
import * as Comlink from 'comlink';
import type { ParseApi } from '../../workers/product/parse.worker.ts';
import { ImportError } from './errors.ts';
import { parseProductInput, type ParsedProductInput, type ProductInput } from './input.ts';

function createParseWorker(): Worker {
  return new Worker(new URL('../../workers/product/parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' });
}

/** Parses what the user gave, off the main thread. Throws ImportError. `input.bytes` is transferred. */
export async function parseInWorker(input: ProductInput, signal?: AbortSignal): Promise<ParsedProductInput> {
  if (typeof Worker === 'undefined') return parseProductInput(input);
  const worker = createParseWorker();
  const api = Comlink.wrap<ParseApi>(worker);
  try {
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        reject(new ImportError('not-a-page', `The page could not be read: the parser stopped (${e.message || 'out of memory?'}).`));
      });
    });
    const aborted = new Promise<never>((_, reject) => {
      if (signal?.aborted) reject(new ImportError('aborted', 'Stopped.'));
      signal?.addEventListener('abort', () => reject(new ImportError('aborted', 'Stopped.')), { once: true });
    });
    const payload = input.bytes ? Comlink.transfer(input, [input.bytes.buffer as ArrayBuffer]) : input;
    const out = await Promise.race([api.parse(payload), crashed, aborted]);
    if (!out.ok) throw new ImportError(out.code, out.message, out.hint);
    return out.result;
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}
