/*
 * The page parser off the main thread: a 10 MB page takes a second or two to parse, and the
 * form must stay responsive meanwhile. One worker per parse (parsing is rare; terminating it
 * returns the parse tree's memory at once). Errors cross as plain objects (comlink keeps no
 * Error class or code).
 */
import * as Comlink from 'comlink';
import { ImportError } from '../../src/product/errors.ts';
import { parseProductInput, type ParsedProductInput, type ProductInput } from '../../src/product/input.ts';

export type ParseOutcome = { ok: true; result: ParsedProductInput } | { ok: false; code: ImportError['code']; message: string; hint?: string };

const api = {
  parse(input: ProductInput): ParseOutcome {
    try {
      const result = parseProductInput(input);
      const buffers = [...result.resources.values()].map((r) => r.bytes.buffer as ArrayBuffer);
      return Comlink.transfer({ ok: true, result }, [...new Set(buffers)]);
    } catch (err) {
      if (err instanceof ImportError) return { ok: false, code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
      return { ok: false, code: 'not-a-page', message: `The page could not be read: ${err instanceof Error ? err.message : String(err)}` };
    }
  },
};

export type ParseApi = typeof api;
Comlink.expose(api);
