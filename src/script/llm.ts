/**
 * Optional script writer backed by a language model the user runs on their own machine: any
 * OpenAI-compatible `/chat/completions` endpoint (Ollama, LM Studio, llama.cpp server, vLLM…).
 * Off by default. Only loopback addresses are allowed unless the user explicitly allows another
 * one; the request carries the product facts and nothing else, and no key is ever sent.
 *
 * The reply is validated like any untrusted input: options must name the product, state only the
 * product's facts (no invented numbers, prices, discounts, ratings — see facts.ts), be readable by
 * the voice, and come out at a sane length. Whatever fails is dropped, and the template generator
 * fills in; when nothing usable comes back, the templates are used and the user is told why.
 */
import { checkFacts } from './facts.ts';
import { STYLES, generateScripts, makeContext, spokenName, type GenerateOptions, type ScriptProduct } from './generate.ts';
import { estimateSeconds, speechRate } from './estimate.ts';
import type { StyleId } from './lang/types.ts';
import { cleanInline, cleanText, hash32, scriptText } from './text.ts';
import type { SceneHint, ScriptOption, ScriptSegment } from './types.ts';
import { netFetch } from '../net/external-fetch.ts';

export interface WriterConfig {
  /** Use the model at all (off by default). */
  enabled: boolean;
  /** OpenAI-compatible API root, e.g. "http://localhost:11434/v1". */
  baseUrl: string;
  /** Model name as the server knows it, e.g. "llama3.2". */
  model: string;
  /** Allow an address that is not this machine (the user's explicit choice). */
  allowRemote: boolean;
}

export const DEFAULT_WRITER: WriterConfig = {
  enabled: false,
  baseUrl: 'http://localhost:11434/v1',
  model: 'llama3.2',
  allowRemote: false,
};

export type WriterErrorCode = 'blocked-url' | 'bad-url' | 'unreachable' | 'http' | 'bad-reply' | 'timeout' | 'aborted';

export class WriterError extends Error {
  readonly code: WriterErrorCode;
  constructor(code: WriterErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WriterError';
    this.code = code;
  }
}

const STORAGE_KEY = 'talkreel.scriptWriter';

/** The saved writer settings (defaults for anything missing or malformed). */
export function loadWriterConfig(storage: Pick<Storage, 'getItem'> | undefined): WriterConfig {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return { ...DEFAULT_WRITER };
    const v = JSON.parse(raw) as Partial<WriterConfig>;
    return {
      enabled: v.enabled === true,
      baseUrl: typeof v.baseUrl === 'string' && v.baseUrl.trim() ? v.baseUrl.trim() : DEFAULT_WRITER.baseUrl,
      model: typeof v.model === 'string' && v.model.trim() ? v.model.trim() : DEFAULT_WRITER.model,
      allowRemote: v.allowRemote === true,
    };
  } catch {
    return { ...DEFAULT_WRITER };
  }
}

export function saveWriterConfig(storage: Pick<Storage, 'setItem'> | undefined, config: WriterConfig): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(config));
  } catch {
    /* private mode or full storage: the setting lasts for this session only */
  }
}

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** The API root to call, or why it may not be called. */
export function checkBaseUrl(url: string, allowRemote: boolean): { ok: true; url: string } | { ok: false; code: 'bad-url' | 'blocked-url'; reason: string } {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return { ok: false, code: 'bad-url', reason: `“${url}” is not a web address (try http://localhost:11434/v1).` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, code: 'bad-url', reason: 'The address must start with http:// or https://.' };
  if (u.username || u.password) return { ok: false, code: 'bad-url', reason: 'The address must not contain a user name or password.' };
  if (!allowRemote && !isLoopback(u.hostname)) {
    return {
      ok: false,
      code: 'blocked-url',
      reason: `${u.host} is not this computer. Only a model server on this machine (localhost, 127.0.0.1, [::1]) is used unless you allow other addresses.`,
    };
  }
  return { ok: true, url: u.href.replace(/\/+$/, '') };
}

const STYLE_BRIEF: Record<StyleId, string> = {
  'hook-benefits-cta': 'an attention-grabbing hook, then the key benefits, then a call to action',
  'problem-solution': 'name a common frustration, then present the product as the solution with its facts',
  demo: 'a quick guided tour / unboxing of what you get, feature by feature',
  'offer-value': 'value for money: what you get, and the price (only if a price is given)',
  listicle: '"N reasons": numbered reasons taken from the facts',
};

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', es: 'Spanish', pt: 'Brazilian Portuguese', fr: 'French', de: 'German', it: 'Italian', nl: 'Dutch',
  ja: 'Japanese written ONLY in hiragana and katakana (no kanji: the voice cannot read kanji)', zh: 'Simplified Chinese',
  ko: 'Korean', hi: 'Hindi (Devanagari)', ar: 'Modern Standard Arabic', id: 'Indonesian', tr: 'Turkish',
};

/** The product facts the model may use: cleaned, capped, nothing else. */
export function modelFacts(product: ScriptProduct, opts: GenerateOptions): Record<string, unknown> {
  const ctx = makeContext(product, opts);
  const features = (Array.isArray(product.features) ? product.features : [])
    .map((f) => cleanInline(String(f ?? '')))
    .filter(Boolean)
    .slice(0, 15)
    .map((f) => f.slice(0, 200));
  const description = cleanText(String(product.description ?? '').slice(0, 20_000)).replace(/\s+/g, ' ').slice(0, 2000);
  return {
    name: ctx.name,
    ...(ctx.slots.brand ? { brand: ctx.slots.brand } : {}),
    ...(ctx.slots.price ? { price: ctx.slots.price } : {}),
    features,
    ...(description ? { description } : {}),
  };
}

/** System and user messages for the model. */
export function buildPrompt(product: ScriptProduct, opts: GenerateOptions): { system: string; user: string } {
  const ctx = makeContext(product, opts);
  const lang = ctx.pack.code;
  const rate = speechRate(lang);
  const byChars = rate.charsPerSecond !== undefined;
  // Spoken length without pauses: about 85 % of the time is words.
  const units = Math.round(opts.duration * 0.85 * (byChars ? rate.charsPerSecond! : rate.wordsPerSecond));
  const size = byChars ? `about ${units} characters` : `about ${units} words`;
  const styles = STYLES.map((s) => `- "${s}": ${STYLE_BRIEF[s]}`).join('\n');
  const system = [
    'You write voiceover scripts for short vertical video ads in which a presenter sells a product.',
    `Write in ${LANGUAGE_NAMES[lang] ?? lang}, natively and idiomatically, not translated word by word.`,
    `Each script is spoken in ${opts.duration} seconds: ${size} in total. Short, punchy, spoken sentences.`,
    'Use ONLY the facts in the product data. Never invent prices, discounts, sales, ratings, reviews, awards, guarantees, quantities, numbers or claims that are not in the data. Say the price only if it is given, exactly as given.',
    'Say the product name exactly as given at least once. No hashtags, emoji, markup or stage directions.',
    'Write one script for each of these ad structures:',
    styles,
    'Split each script into segments of one or two sentences. Each segment has a scene: "presenter" (the presenter talks to camera), "product" (a product image is shown) or "cta" (the call to action). The first segment is "presenter", the last is "cta".',
    'Reply with JSON only, no prose: {"options":[{"style":"<structure id>","title":"<short title>","segments":[{"text":"…","scene":"presenter"}]}]}',
  ].join('\n');
  const user = `Product data (JSON):\n${JSON.stringify(modelFacts(product, opts))}`;
  return { system, user };
}

/** The JSON object in a model reply (which may wrap it in prose or a code fence). */
export function parseReply(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = fenced ? fenced[1]! : content;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) throw new WriterError('bad-reply', 'The model did not reply with JSON.');
  try {
    return JSON.parse(body.slice(start, end + 1));
  } catch (err) {
    throw new WriterError('bad-reply', 'The model replied with malformed JSON.', { cause: err });
  }
}

export interface Rejected {
  style?: string;
  reason: string;
}

/** Turns a parsed reply into script options; what fails validation is listed in `rejected`. */
export function validateReply(reply: unknown, product: ScriptProduct, opts: GenerateOptions): { options: ScriptOption[]; rejected: Rejected[] } {
  const ctx = makeContext(product, opts);
  const { pack } = ctx;
  const name = spokenName(product.name ?? '') || pack.fallbackName;
  const list = (reply as { options?: unknown })?.options;
  const options: ScriptOption[] = [];
  const rejected: Rejected[] = [];
  if (!Array.isArray(list)) return { options, rejected: [{ reason: 'the reply has no "options" list' }] };
  const seen = new Set<string>();
  for (const raw of list.slice(0, 8)) {
    const r = raw as { style?: unknown; title?: unknown; segments?: unknown };
    const style = typeof r.style === 'string' ? r.style.trim().slice(0, 40) : '';
    const reject = (reason: string) => rejected.push({ ...(style ? { style } : {}), reason });
    if (!Array.isArray(r.segments) || r.segments.length === 0) {
      reject('no segments');
      continue;
    }
    const segs: Array<{ text: string; scene: string }> = [];
    for (const s of r.segments.slice(0, 24)) {
      const seg = s as { text?: unknown; scene?: unknown };
      const text = typeof seg.text === 'string' ? cleanInline(seg.text).slice(0, 600) : '';
      if (text) segs.push({ text, scene: typeof seg.scene === 'string' ? seg.scene.toLowerCase() : 'product' });
    }
    if (segs.length < 2) {
      reject('fewer than two segments');
      continue;
    }
    const text = segs.map((s) => s.text).join(' ');
    if (!text.includes(name)) {
      reject(`it does not name “${name}”`);
      continue;
    }
    const facts = checkFacts(text, product, pack);
    if (facts.length) {
      reject(`it states things the product data does not (${facts.map((f) => `“${f.text}”`).join(', ')})`);
      continue;
    }
    if (pack.unreadable && pack.unreadable.test(text.split(name).join(' '))) {
      reject('it uses characters the voice cannot read');
      continue;
    }
    const est = estimateSeconds(text, pack.code);
    if (est < opts.duration * 0.4 || est > opts.duration * 2.2) {
      reject(`it is far from ${opts.duration} s (about ${Math.round(est)} s)`);
      continue;
    }
    if (seen.has(text)) continue;
    seen.add(text);
    // Scenes: presenter first, call to action last, product shots in between.
    let img = 0;
    const segments: ScriptSegment[] = segs.map((s, i) => {
      let scene: SceneHint;
      if (i === 0) scene = { kind: 'presenter' };
      else if (i === segs.length - 1 || s.scene === 'cta') scene = { kind: 'cta' };
      else if (s.scene === 'presenter' || ctx.images === 0) scene = { kind: 'presenter' };
      else scene = { kind: 'product', image: img++ % ctx.images };
      return { text: /[.!?…。！？।؟]$/.test(s.text) ? s.text : `${s.text}${pack.stop ?? '.'}`, scene };
    });
    // Only the last segments may be the call to action.
    const firstCta = segments.findIndex((s) => s.scene.kind === 'cta');
    for (let i = firstCta; i >= 0 && i < segments.length - 1; i++) {
      if (segments.slice(i).some((s) => s.scene.kind !== 'cta')) segments[i] = { ...segments[i]!, scene: { kind: 'presenter' } };
    }
    const known = (STYLES as readonly string[]).includes(style) ? (style as StyleId) : undefined;
    const title = (typeof r.title === 'string' ? cleanInline(r.title).slice(0, 48) : '') || (known ? pack.structures[known].title : `Option ${options.length + 1}`);
    const finalText = scriptText({ segments });
    options.push({
      id: `model-${known ?? 'free'}-${opts.duration}-${hash32(finalText).toString(36)}`,
      style: known ?? `model-${options.length + 1}`,
      title,
      segments,
      estimatedSeconds: estimateSeconds(finalText, pack.code),
      language: pack.code,
      languageFallback: ctx.fallback,
      targetSeconds: opts.duration,
      writer: 'model',
    });
  }
  return { options, rejected };
}

export interface WriterDeps {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Give up after this long (ms); local models can be slow. Default 90 s. */
  timeoutMs?: number;
}

/** Asks the model for script options. Throws WriterError when it cannot be used at all. */
export async function writeWithModel(
  product: ScriptProduct,
  opts: GenerateOptions,
  config: WriterConfig,
  deps: WriterDeps = {},
): Promise<{ options: ScriptOption[]; rejected: Rejected[] }> {
  const base = checkBaseUrl(config.baseUrl, config.allowRemote);
  if (!base.ok) throw new WriterError(base.code, base.reason);
  const doFetch = deps.fetch ?? netFetch;
  const { system, user } = buildPrompt(product, opts);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), deps.timeoutMs ?? 90_000);
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout.signal]) : timeout.signal;
  let res: Response;
  try {
    res = await doFetch(`${base.url}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: config.model,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        temperature: 0.7,
        stream: false,
      }),
      signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (err) {
    clearTimeout(timer);
    if (deps.signal?.aborted) throw new WriterError('aborted', 'Cancelled.', { cause: err });
    if (timeout.signal.aborted) throw new WriterError('timeout', `The model at ${base.url} did not answer in time.`, { cause: err });
    throw new WriterError(
      'unreachable',
      `Could not reach a model server at ${base.url}. Is it running, and does it allow requests from this page (CORS; for Ollama set OLLAMA_ORIGINS)?`,
      { cause: err },
    );
  }
  let body: unknown;
  try {
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 200);
      throw new WriterError('http', `The model server answered ${res.status}${detail ? `: ${detail}` : ''}. Check the model name (“${config.model}”).`);
    }
    body = await res.json().catch((err: unknown) => {
      throw new WriterError('bad-reply', 'The model server did not answer with JSON.', { cause: err });
    });
  } catch (err) {
    if (timeout.signal.aborted && !(err instanceof WriterError)) throw new WriterError('timeout', `The model at ${base.url} did not answer in time.`, { cause: err });
    throw err;
  } finally {
    clearTimeout(timer);
  }
  const content = (body as { choices?: Array<{ message?: { content?: unknown } }> })?.choices?.[0]?.message?.content;
  if (typeof content !== 'string' || !content.trim()) throw new WriterError('bad-reply', 'The model server sent no text.');
  return validateReply(parseReply(content), product, opts);
}

export interface WrittenScripts {
  options: ScriptOption[];
  /** Who wrote the options shown first. */
  source: 'templates' | 'model';
  /** A sentence for the user when the model was asked but (partly) not used. */
  notice?: string;
}

/**
 * Script options for the product: the model's valid options first (when the writer is enabled),
 * then template options for the structures it did not cover, so there are always at least four.
 * Never throws for a model problem: the templates are the fallback and `notice` says why.
 */
export async function writeScripts(
  product: ScriptProduct,
  opts: GenerateOptions,
  config: WriterConfig,
  deps: WriterDeps = {},
): Promise<WrittenScripts> {
  const templates = generateScripts(product, opts);
  if (!config.enabled) return { options: templates, source: 'templates' };
  let model: { options: ScriptOption[]; rejected: Rejected[] };
  try {
    model = await writeWithModel(product, opts, config, deps);
  } catch (err) {
    if (err instanceof WriterError && err.code === 'aborted') throw err;
    const msg = err instanceof Error ? err.message : String(err);
    return { options: templates, source: 'templates', notice: `The local script writer was not used: ${msg} Showing template scripts.` };
  }
  if (model.options.length === 0) {
    const why = model.rejected.slice(0, 3).map((r) => r.reason).join('; ') || 'it wrote no scripts';
    return { options: templates, source: 'templates', notice: `The local script writer's scripts were not usable (${why}). Showing template scripts.` };
  }
  const covered = new Set(model.options.map((o) => o.style));
  const rest = templates.filter((o) => !covered.has(o.style));
  const options = [...model.options, ...rest];
  const notice = model.rejected.length
    ? `${model.rejected.length} of the model's scripts were left out (${model.rejected.slice(0, 2).map((r) => r.reason).join('; ')}).`
    : undefined;
  return { options, source: 'model', ...(notice ? { notice } : {}) };
}
