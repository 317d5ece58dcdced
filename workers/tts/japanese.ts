/*
 * Japanese morphological analysis for the built-in voice: kuromoji (Apache-2.0) with its IPADIC
 * dictionary (12 gzipped files, ~17 MB) loaded the first time Japanese is spoken, never before.
 * Runs in Node (tests) and in the TTS worker; no DOM.
 *
 * kuromoji's own loader is not used: in a browser it fetches with XMLHttpRequest and gunzips in
 * JavaScript, and fails when a server sends the files with `Content-Encoding: gzip` (the bytes
 * then arrive already unpacked). Here the files are fetched (so the service worker can keep
 * them for offline use), unpacked with the native DecompressionStream only if they are still
 * gzip, and handed to kuromoji's dictionary classes exactly as its loader does.
 *
 * Where the files are: the build copies them to assets/kuromoji/ (scripts/vite-self-host.ts);
 * the dev server serves them from node_modules; Node reads them from node_modules.
 */
import { TtsError } from '../../src/voice/errors.ts';
import type { TtsProgress } from '../../src/voice/types.ts';
import { japaneseTokens, type Morpheme } from './japanese-reading.ts';
import type { Token } from './text.ts';

const FILES = [
  'base.dat.gz', 'check.dat.gz', 'tid.dat.gz', 'tid_pos.dat.gz', 'tid_map.dat.gz', 'cc.dat.gz',
  'unk.dat.gz', 'unk_pos.dat.gz', 'unk_map.dat.gz', 'unk_char.dat.gz', 'unk_compat.dat.gz', 'unk_invoke.dat.gz',
] as const;
type DictFile = (typeof FILES)[number];

/** kuromoji's classes (it ships no types). */
interface Dictionaries {
  loadTrie(base: Int32Array, check: Int32Array): void;
  loadTokenInfoDictionaries(tokenInfo: Uint8Array, pos: Uint8Array, targetMap: Uint8Array): void;
  loadConnectionCosts(cc: Int16Array): void;
  loadUnknownDictionaries(unk: Uint8Array, pos: Uint8Array, map: Uint8Array, catMap: Uint8Array, compatCatMap: Uint32Array, invokeDef: Uint8Array): void;
}
interface Analyser {
  tokenize(text: string): Morpheme[];
}

/** Any text in Japanese script: the only case that needs the dictionary. */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function needsDictionary(text: string): boolean {
  return JAPANESE.test(text);
}

type NodeFs = { promises: { readFile(path: URL): Promise<Uint8Array> } };

function nodeFs(): NodeFs | null {
  const p = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.versions?.node && p.getBuiltinModule ? (p.getBuiltinModule('node:fs') as NodeFs) : null;
}

function dictUrl(file: DictFile): URL | string {
  // Through a variable: Vite would turn `new URL(<literal>, import.meta.url)` into an asset import.
  const here = import.meta.url;
  if (nodeFs()) return new URL(`../../node_modules/kuromoji/dict/${file}`, here);
  return import.meta.env.DEV ? `/node_modules/kuromoji/dict/${file}` : new URL(`kuromoji/${file}`, here).href;
}

const downloadFailed = (detail: string, cause?: unknown): TtsError =>
  new TtsError('engine-load-failed', `The Japanese dictionary could not be downloaded (${detail}). Check the connection and try again.`, cause === undefined ? undefined : { cause });

async function gunzipIfPacked(bytes: Uint8Array): Promise<ArrayBuffer> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.slice().buffer;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** All dictionary files, unpacked, reporting bytes received across all of them. */
async function readAll(onProgress?: (p: TtsProgress) => void): Promise<Map<DictFile, ArrayBuffer>> {
  const fs = nodeFs();
  const out = new Map<DictFile, ArrayBuffer>();
  if (fs) {
    for (const f of FILES) out.set(f, await gunzipIfPacked(await fs.promises.readFile(dictUrl(f) as URL)));
    return out;
  }
  const responses = await Promise.all(
    FILES.map(async (f) => {
      let r: Response;
      try {
        r = await fetch(dictUrl(f));
      } catch (err) {
        throw downloadFailed(`${f}: ${err instanceof Error ? err.message : String(err)}`, err);
      }
      if (!r.ok || !r.body) throw downloadFailed(`${f}: HTTP ${r.status}`);
      return [f, r] as const;
    }),
  );
  // Content-Length counts the bytes sent; a server that sends the files with Content-Encoding
  // (Vite's preview does) hands over more, unpacked, so no total can be given then.
  const sizes = responses.map(([, r]) => (r.headers.get('content-encoding') ? NaN : Number(r.headers.get('content-length') ?? NaN)));
  const total = sizes.every((n) => n > 0) ? sizes.reduce((a, b) => a + b, 0) : 0;
  let loaded = 0;
  let last = 0;
  await Promise.all(
    responses.map(async ([f, r]) => {
      const chunks: Uint8Array[] = [];
      const reader = r.body!.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          loaded += value.length;
          const now = performance.now();
          if (onProgress && total && now - last >= 100) {
            last = now;
            onProgress({ stage: 'loading', loaded: Math.min(loaded, total), total });
          }
        }
      } catch (err) {
        throw downloadFailed(`${f}: ${err instanceof Error ? err.message : String(err)}`, err);
      }
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let o = 0;
      for (const c of chunks) {
        bytes.set(c, o);
        o += c.length;
      }
      out.set(f, await gunzipIfPacked(bytes));
    }),
  );
  if (onProgress && total) onProgress({ stage: 'loading', loaded: total, total });
  return out;
}

async function load(onProgress?: (p: TtsProgress) => void): Promise<Analyser> {
  const files = await readAll(onProgress);
  try {
    // @ts-expect-error -- kuromoji ships no type declarations; the shapes are declared above.
    const { default: DynamicDictionaries } = (await import('kuromoji/src/dict/DynamicDictionaries.js')) as { default: new () => Dictionaries };
    // @ts-expect-error -- as above.
    const { default: Tokenizer } = (await import('kuromoji/src/Tokenizer.js')) as { default: new (dic: Dictionaries) => Analyser };
    const get = (f: DictFile): ArrayBuffer => files.get(f)!;
    const dic = new DynamicDictionaries();
    dic.loadTrie(new Int32Array(get('base.dat.gz')), new Int32Array(get('check.dat.gz')));
    dic.loadTokenInfoDictionaries(new Uint8Array(get('tid.dat.gz')), new Uint8Array(get('tid_pos.dat.gz')), new Uint8Array(get('tid_map.dat.gz')));
    dic.loadConnectionCosts(new Int16Array(get('cc.dat.gz')));
    dic.loadUnknownDictionaries(
      new Uint8Array(get('unk.dat.gz')), new Uint8Array(get('unk_pos.dat.gz')), new Uint8Array(get('unk_map.dat.gz')),
      new Uint8Array(get('unk_char.dat.gz')), new Uint32Array(get('unk_compat.dat.gz')), new Uint8Array(get('unk_invoke.dat.gz')),
    );
    return new Tokenizer(dic);
  } catch (err) {
    throw new TtsError('engine-load-failed', `The Japanese dictionary could not be read (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
  }
}

let analyser: Promise<Analyser> | null = null;

function getAnalyser(onProgress?: (p: TtsProgress) => void): Promise<Analyser> {
  if (!analyser) {
    analyser = load(onProgress);
    // A failed load is not kept: the next Japanese line tries again.
    analyser.catch(() => {
      analyser = null;
    });
  }
  return analyser;
}

/** The words of a Japanese text with their readings for espeak (loads the dictionary once). */
export async function tokenizeJapanese(text: string, onProgress?: (p: TtsProgress) => void): Promise<Token[]> {
  const a = await getAnalyser(onProgress);
  const readChar = (ch: string): string | undefined => a.tokenize(ch).find((m) => m.surface_form === ch)?.reading;
  return japaneseTokens(text, a.tokenize(text), readChar);
}
