/*
 * The built-in voice: espeak-ng (@echogarden/espeak-ng-emscripten, GPL-3.0) behind one small
 * API. Runtime-agnostic: runs in Node (tests) and in a module Web Worker; no DOM.
 *
 * Facts about this espeak build (checked against its JS and by experiment):
 * - The package is a wasm2js build (plain JS, no .wasm); its 24 MB `espeak-ng.data` is fetched
 *   from next to the module's own `import.meta.url` (Node: read from disk). The whole engine
 *   is one synchronous call per request: a worker cannot be interrupted mid-sentence, only
 *   terminated.
 * - If the data file cannot be fetched, the module only logs and its init promise never
 *   settles (in a browser the failed fetch surfaces as an unhandled rejection naming the file;
 *   we listen for that).
 * - `synthesize()` always parses SSML: `&`, `<`, `>` must be escaped, and `<mark>` works.
 * - `set_voice(name)` returns 0 or 2 (not found), keeping the previous voice on failure; an
 *   unknown "+variant" is silently ignored, so variants are checked here against the data.
 *   Language tags that are not file names ("en-gb", "zh", "fr-fr") fail by name: they are
 *   looked up in espeak's voice list.
 * - Rate is clamped by espeak to 80..450 wpm; pitch 0..99. Output is 22050 Hz Int16 mono.
 */
import type { EspeakVoice, Speech, TtsProgress, VoiceRequest } from '../../src/voice/types.ts';
import { TtsError } from '../../src/voice/errors.ts';
import { buildSsml, readSigns, tokenize, type Token } from './text.ts';
import { needsDictionary, tokenizeJapanese } from './japanese.ts';
import { hasHanja, readHanja } from './korean.ts';
import { assembleTimings, type EspeakEvent } from './timings.ts';

// ---------------------------------------------------------------------------------------------
// The module's shape (it ships no types)
// ---------------------------------------------------------------------------------------------

interface EspeakWorker {
  set_voice(name: string): number;
  set_rate(wpm: number): void;
  set_pitch(pitch: number): void;
  get_samplerate(): number;
  /** Return true from the callback to stop. */
  synthesize(text: string, callback: (samples: Int16Array, events: EspeakEvent[]) => boolean): void;
  list_voices(): EspeakVoice[];
  /** A pointer to a C string: phonemes joined by "_", words by " ". */
  convert_to_phonemes(text: string, ipa: boolean): { ptr: number };
}

interface EspeakModule {
  eSpeakNGWorker: new () => EspeakWorker;
  HEAPU8: Uint8Array;
  FS: { readdir(path: string): string[] };
}

interface EspeakModuleArg {
  setStatus?: (status: string) => void;
}

type EspeakInit = (arg?: EspeakModuleArg) => Promise<EspeakModule>;

export const ESPEAK_RATE_MIN = 80;
export const ESPEAK_RATE_MAX = 450;
export const ESPEAK_RATE_DEFAULT = 175;
export const ESPEAK_PITCH_DEFAULT = 50;
const VARIANTS_DIR = '/usr/share/espeak-ng-data/voices/!v';

// ---------------------------------------------------------------------------------------------
// Lazy singleton
// ---------------------------------------------------------------------------------------------

interface Engine {
  module: EspeakModule;
  worker: EspeakWorker;
  voices: EspeakVoice[];
  /** Variant file names ("f3", "m3", "Annie"…), by lower-case name. */
  variants: Map<string, string>;
  loadMs: number;
  /** Voice name last set successfully → reference phonemes per word text. */
  voice: string | null;
  refCache: Map<string, readonly string[]>;
}

let enginePromise: Promise<Engine> | null = null;
const loadListeners = new Set<(p: TtsProgress) => void>();

type EventTargetLike = {
  addEventListener?: (type: string, fn: (e: { reason?: unknown; preventDefault?: () => void }) => void) => void;
  removeEventListener?: (type: string, fn: (e: { reason?: unknown; preventDefault?: () => void }) => void) => void;
};

async function load(): Promise<Engine> {
  const t0 = performance.now();
  const scope = globalThis as unknown as EventTargetLike;
  let onRejection: ((e: { reason?: unknown; preventDefault?: () => void }) => void) | null = null;
  // The module never settles when its data file fails to load; it leaves an unhandled
  // rejection naming the file behind instead (browser only).
  const dataFailed = new Promise<never>((_, reject) => {
    onRejection = (e) => {
      const msg = e.reason instanceof Error ? e.reason.message : String(e.reason);
      if (!/espeak-ng\.data/.test(msg)) return;
      e.preventDefault?.();
      reject(new TtsError('engine-load-failed', `The voice data could not be downloaded (${msg}). Check the connection and try again.`));
    };
    scope.addEventListener?.('unhandledrejection', onRejection);
  });
  try {
    // @ts-expect-error -- the package ships no type declarations; its shape is declared above.
    const imported = (await import('@echogarden/espeak-ng-emscripten')) as { default: EspeakInit };
    let lastReport = 0;
    const module = await Promise.race([
      imported.default({
        // "Downloading data... (loaded/total)", once per network chunk: passed on at most
        // every 100 ms, and at the end.
        setStatus(status: string) {
          const m = /\((\d+)\/(\d+)\)/.exec(status);
          if (!m) return;
          const p: TtsProgress = { stage: 'loading', loaded: Number(m[1]), total: Number(m[2]) };
          const now = performance.now();
          if (p.loaded < p.total && now - lastReport < 100) return;
          lastReport = now;
          for (const fn of loadListeners) fn(p);
        },
      }),
      dataFailed,
    ]);
    const worker = new module.eSpeakNGWorker();
    const voices = worker.list_voices().map((v) => ({
      identifier: v.identifier,
      name: v.name.trim(),
      languages: v.languages.map((l) => ({ name: l.name, priority: l.priority })),
    }));
    const variants = new Map<string, string>();
    for (const f of module.FS.readdir(VARIANTS_DIR)) if (f !== '.' && f !== '..') variants.set(f.toLowerCase(), f);
    return { module, worker, voices, variants, loadMs: performance.now() - t0, voice: null, refCache: new Map() };
  } catch (err) {
    if (err instanceof TtsError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new TtsError('engine-load-failed', `The voice engine could not start (${msg}).`, { cause: err });
  } finally {
    if (onRejection) scope.removeEventListener?.('unhandledrejection', onRejection);
  }
}

function getEngine(onProgress?: (p: TtsProgress) => void): Promise<Engine> {
  if (!enginePromise) {
    enginePromise = load();
    // A failed load is not cached: the next call tries again.
    enginePromise.catch(() => {
      enginePromise = null;
    });
  }
  if (onProgress) {
    loadListeners.add(onProgress);
    const done = (): void => void loadListeners.delete(onProgress);
    enginePromise.then(done, done);
  }
  return enginePromise;
}

/** Loads the engine now (else the first request does). Returns how long loading took, in ms. */
export async function loadEngine(onProgress?: (p: TtsProgress) => void): Promise<number> {
  return (await getEngine(onProgress)).loadMs;
}

// ---------------------------------------------------------------------------------------------
// Voices
// ---------------------------------------------------------------------------------------------

export async function listVoices(): Promise<EspeakVoice[]> {
  const e = await getEngine();
  return e.voices.map((v) => ({ ...v, languages: v.languages.map((l) => ({ ...l })) }));
}

/** Voice variants ("f1".."f5", "m1".."m8", "klatt", "Annie"…) usable as "voice+variant". */
export async function listVariants(): Promise<string[]> {
  const e = await getEngine();
  return [...e.variants.values()].sort();
}

/** Sets `name` ("en-us", "en-us+f3", "gmw/en-US", "zh", "fr-fr+m2") or throws voice-not-found. */
function setVoice(e: Engine, name: string): void {
  if (e.voice === name) return;
  const plus = name.indexOf('+');
  const base = (plus >= 0 ? name.slice(0, plus) : name).trim();
  const variantIn = plus >= 0 ? name.slice(plus + 1).trim() : '';
  const notFound = (): TtsError => new TtsError('voice-not-found', `The voice "${name}" is not available.`);
  if (!base) throw notFound();
  let variant = '';
  if (variantIn) {
    variant = e.variants.get(variantIn.toLowerCase()) ?? '';
    if (!variant) throw notFound();
  }
  const withVariant = (b: string): string => (variant ? `${b}+${variant}` : b);
  let ok = e.worker.set_voice(withVariant(base)) === 0;
  if (!ok) {
    // A language tag: the voice that lists it with the best (lowest) priority.
    const tag = base.toLowerCase().replace(/_/g, '-');
    let best: { id: string; priority: number } | null = null;
    for (const v of e.voices) {
      for (const l of v.languages) {
        if (l.name.toLowerCase() === tag && (!best || l.priority < best.priority)) best = { id: v.identifier, priority: l.priority };
      }
    }
    if (best) ok = e.worker.set_voice(withVariant(best.id)) === 0;
  }
  if (!ok) {
    e.voice = null; // espeak kept the previous voice; do not trust our note of it
    throw notFound();
  }
  e.voice = name;
  e.refCache.clear();
}

// ---------------------------------------------------------------------------------------------
// Synthesis
// ---------------------------------------------------------------------------------------------

function clampInt(x: number | undefined, lo: number, hi: number, dflt: number): number {
  if (x === undefined || !Number.isFinite(x)) return dflt;
  return Math.min(hi, Math.max(lo, Math.round(x)));
}

function cString(heap: Uint8Array, ptr: number): string {
  let end = ptr;
  while (heap[end] !== 0 && end < heap.length) end++;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

/** espeak's phonemes for `word` spoken alone, in the current voice. */
function referencePhonemes(e: Engine, word: string): readonly string[] {
  let r = e.refCache.get(word);
  if (!r) {
    const { ptr } = e.worker.convert_to_phonemes(word, true);
    r = ptr ? cString(e.module.HEAPU8, ptr).split(/[\s_]+/u).filter((p) => p !== '') : [];
    if (e.refCache.size > 5000) e.refCache.clear();
    e.refCache.set(word, r);
  }
  return r;
}

/**
 * espeak's IPA for `text` in `voice`, as Piper/VITS voices were trained on it: phonemes of a
 * word run together, words separated by one space, clauses by their punctuation dropped.
 */
export async function phonemize(text: string, voice: string): Promise<string> {
  const e = await getEngine();
  setVoice(e, voice);
  const out: string[] = [];
  // espeak phonemizes one clause per call: split where a clause ends, keep the punctuation.
  for (const clause of text.split(/(?<=[.,!?;:…。、！？，：；؟،।])\s*/u)) {
    if (!clause.trim()) continue;
    const { ptr } = e.worker.convert_to_phonemes(clause, true);
    const ipa = ptr ? cString(e.module.HEAPU8, ptr) : '';
    const words = ipa.split(/\s+/u).map((w) => w.replace(/_/g, '')).filter((w) => w !== '');
    const punct = /[.,!?;:]$/.exec(clause.trim())?.[0] ?? '';
    if (words.length) out.push(words.join(' ') + punct);
  }
  return out.join(' ');
}

/** The primary language an espeak voice name speaks: "ja+f3" → "ja", "sit/cmn" → "zh", "gmw/en-US" → "en". */
export function voiceLanguage(name: string): string {
  const base = name.split('+')[0]!.trim().toLowerCase();
  const primary = base.split('/').pop()!.split(/[-_]/)[0]!;
  return primary === 'cmn' || primary === 'yue' ? 'zh' : primary;
}

/**
 * The words to time, with what espeak reads for the ones it would misread or skip: Japanese
 * through the morphological analyser (kanji → kana), Korean hanja as hangul, elsewhere the
 * signs it skips (¥, ₹…).
 */
async function wordsToSpeak(text: string, tokens: Token[], voice: string, onProgress?: (p: TtsProgress) => void): Promise<Token[]> {
  const lang = voiceLanguage(voice);
  if (lang === 'ja' && needsDictionary(text)) {
    const ja = await tokenizeJapanese(text, onProgress);
    if (ja.length > 0) return ja;
  }
  if (lang === 'ko' && hasHanja(text)) return readHanja(text, tokens);
  return readSigns(text, tokens, lang);
}

export interface SynthesizeOptions {
  onProgress?: (p: TtsProgress) => void;
}

/**
 * Speaks `req.text`. Words and phonemes are espeak's own timings (seconds); nothing is trimmed,
 * so `duration === pcm.length / sampleRate` and every time lies within [0, duration].
 */
export async function synthesize(req: VoiceRequest, opts: SynthesizeOptions = {}): Promise<Speech> {
  if (typeof req?.text !== 'string' || typeof req.voice !== 'string') {
    throw new TtsError('invalid-request', 'A speech request needs a text and a voice.');
  }
  const text = req.text;
  if (tokenize(text).length === 0) throw new TtsError('empty-text', 'There is nothing to say: the text has no words.');

  const e = await getEngine(opts.onProgress);
  // Before the voice is set: nothing may await between setting it and speaking.
  const tokens = await wordsToSpeak(text, tokenize(text), req.voice, opts.onProgress);
  setVoice(e, req.voice);
  e.worker.set_rate(clampInt(req.rate, ESPEAK_RATE_MIN, ESPEAK_RATE_MAX, ESPEAK_RATE_DEFAULT));
  e.worker.set_pitch(clampInt(req.pitch, 0, 99, ESPEAK_PITCH_DEFAULT));

  const { ssml, origin } = buildSsml(text, tokens);
  const chunks: Int16Array[] = [];
  const events: EspeakEvent[] = [];
  let total = 0;
  let lastReport = performance.now();
  const onProgress = opts.onProgress;
  try {
    e.worker.synthesize(ssml, (samples, evs) => {
      if (samples && samples.length > 0) {
        chunks.push(samples);
        total += samples.length;
      }
      for (const ev of evs) events.push(ev);
      if (onProgress && evs.length > 0) {
        const now = performance.now();
        if (now - lastReport >= 100) {
          lastReport = now;
          const pos = evs[evs.length - 1]!.text_position;
          onProgress({ stage: 'speaking', fraction: Math.min(1, Math.max(0, pos / origin.length)) });
        }
      }
      return false;
    });
  } catch (err) {
    e.voice = null;
    const msg = err instanceof Error ? err.message : String(err);
    throw new TtsError('synthesis-failed', `The voice engine failed while speaking (${msg}).`, { cause: err });
  }

  const sampleRate = e.worker.get_samplerate();
  const pcm = new Float32Array(total);
  let o = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) pcm[o + i] = c[i]! / 32768;
    o += c.length;
  }
  const durationMs = (total / sampleRate) * 1000;
  const { words, phonemes } = assembleTimings({
    text,
    tokens,
    origin,
    events,
    durationMs,
    reference: (i) => referencePhonemes(e, tokens[i]!.say ?? text.slice(tokens[i]!.start, tokens[i]!.end)),
  });
  onProgress?.({ stage: 'speaking', fraction: 1 });
  return { pcm, sampleRate, duration: total / sampleRate, words, phonemes };
}
