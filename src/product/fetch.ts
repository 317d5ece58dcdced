/**
 * Fetching what the user asked for — the product link, then (only when they confirm) its
 * pictures and video — straight from the browser, or through a CORS proxy the user set up.
 * Nothing else is ever requested. Failures become sentences that say what to do instead.
 */
import { ImportError } from './errors.ts';
import { MAX_PAGE_BYTES } from './input.ts';
import { netFetch } from '../net/external-fetch.ts';

export const PAGE_TIMEOUT_MS = 15_000;
export const MEDIA_TIMEOUT_MS = 30_000;

export interface FetchOptions {
  /** User-configured CORS proxy: "https://proxy.example/?url=" or a template with {url}. */
  proxy?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest body accepted. */
  maxBytes?: number;
  onProgress?: (received: number, total: number | null) => void;
  /** The CLI sends a browser-like Accept header; browsers choose their own. */
  headers?: Record<string, string>;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string;
  /** After redirects (the proxy's address is never reported here). */
  url: string;
}

/** Site name for messages: "northwind-coffee.com". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'the shop';
  }
}

/** Cleans up what the user typed into the link box; adds https:// to "shop.com/products/x". */
export function normaliseLink(input: string): string {
  let s = input.trim();
  if (!s) throw new ImportError('bad-url', 'Paste a product link first.');
  if (/^[\w-]+(\.[\w-]+)+(\/|$)/.test(s) && !/^[a-z][\w+.-]*:/i.test(s)) s = `https://${s}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new ImportError('bad-url', `“${input.trim().slice(0, 80)}” is not a web address.`, 'Copy the link from the browser’s address bar on the product page; it starts with https://');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ImportError('bad-url', `Only web links (https://…) can be parsed, not “${u.protocol}” links.`);
  u.hash = '';
  return u.href;
}

/** The request URL for `url` through the user's proxy (or `url` itself without one). */
export function proxied(url: string, proxy?: string): string {
  const p = proxy?.trim();
  if (!p) return url;
  if (p.includes('{url}')) return p.replace('{url}', encodeURIComponent(url));
  if (/[?&=]$/.test(p)) return p + encodeURIComponent(url);
  return p.replace(/\/?$/, '/') + url;
}

/** Validates a proxy setting; returns an error sentence or null. */
export function proxyProblem(proxy: string): string | null {
  const p = proxy.trim();
  if (!p) return null;
  try {
    const u = new URL(p.replace('{url}', 'x'));
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(u.hostname))) return 'The proxy must be an https:// address (or http://localhost).';
    return null;
  } catch {
    return 'That is not a web address. Example: https://my-proxy.example/?url=';
  }
}

const isOffline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;

async function readBody(res: Response, max: number, onProgress: FetchOptions['onProgress'], tooLarge: (size: number) => ImportError): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(declared);
  }
  const total = Number.isFinite(declared) ? declared : null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(received);
    }
    chunks.push(value);
    onProgress?.(received, total);
  }
  const out = new Uint8Array(received);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

type Purpose = 'page' | 'media';

async function request(url: string, purpose: Purpose, opts: FetchOptions): Promise<Response> {
  const site = siteOf(url);
  const timeoutMs = opts.timeoutMs ?? (purpose === 'page' ? PAGE_TIMEOUT_MS : MEDIA_TIMEOUT_MS);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
  const via = opts.proxy?.trim() ? ` through your proxy (${siteOf(opts.proxy.replace('{url}', ''))})` : '';
  try {
    const res = await netFetch(proxied(url, opts.proxy), { signal, credentials: 'omit', redirect: 'follow', mode: 'cors', referrerPolicy: 'no-referrer', ...(opts.headers ? { headers: opts.headers } : {}) });
    return res;
  } catch {
    if (opts.signal?.aborted) throw new ImportError('aborted', 'Stopped.');
    if (timeout.signal.aborted) {
      const secs = Math.max(1, Math.round(timeoutMs / 1000));
      throw new ImportError('timeout', `${site} did not answer within ${secs} second${secs === 1 ? '' : 's'}${via}.`, purpose === 'page' ? 'Try again, or paste the page’s source instead.' : undefined);
    }
    if (isOffline()) throw new ImportError('offline', 'This device is offline.', purpose === 'page' ? 'Connect to the internet, or paste the page’s source (or drop a saved page) instead.' : undefined);
    if (via) throw new ImportError('blocked', `The request to ${site} failed${via}: the proxy could not be reached or refused it.`, 'Check the proxy address in Link settings, or turn the proxy off and paste the page’s source instead.');
    throw new ImportError(
      'blocked',
      purpose === 'page'
        ? `${site} does not let other sites read its pages from your browser (most shops block this), or it could not be reached.`
        : `${site} does not let other sites download this file from your browser (or could not be reached).`,
      purpose === 'page' ? 'Paste the page’s source instead: open the product page, press Ctrl+U (⌘⌥U on a Mac), select all, copy, and paste it under “Page source”. Or save the page (Ctrl+S) and drop the file here.' : undefined,
    );
  } finally {
    clearTimeout(timer);
  }
}

function httpError(res: Response, url: string, purpose: Purpose): ImportError {
  const site = siteOf(url);
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  if (res.status === 404 || res.status === 410) {
    return purpose === 'page'
      ? new ImportError('http', `${site} answered “${status}”: there is no page at this link.`, 'Check the link, or open the product in your browser and copy the link again.')
      : new ImportError('http', `${site} answered “${status}”: the file is no longer there.`);
  }
  if (res.status === 401 || res.status === 403 || res.status === 429 || res.status === 503) {
    return new ImportError('http', `${site} refused the request (“${status}”). Shops often turn away visits that do not come from their own pages.`, purpose === 'page' ? 'Paste the page’s source instead (Ctrl+U on the product page, select all, copy).' : undefined);
  }
  return new ImportError('http', `${site} answered “${status}”.`, purpose === 'page' ? 'Try again later, or paste the page’s source instead.' : undefined);
}

/** Fetches the product page (or a shop's product JSON) the user linked to. */
export async function fetchPage(link: string, opts: FetchOptions = {}): Promise<Fetched> {
  const url = normaliseLink(link);
  const res = await request(url, 'page', opts);
  if (!res.ok) throw httpError(res, url, 'page');
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  const kind = /^(image|video|audio)\//.exec(type)?.[1];
  if (kind || /pdf|zip|octet-stream/.test(type)) {
    await res.body?.cancel().catch(() => undefined);
    const what = kind === 'image' ? 'a picture' : kind === 'video' ? 'a video' : kind === 'audio' ? 'a sound file' : `a ${type.split(';')[0]} file`;
    throw new ImportError('not-html', `This link is ${what}, not a product page.`, kind === 'image' ? 'Add pictures in the images section below; for the product details, link to the product’s page.' : 'Link to the product’s page instead.');
  }
  const bytes = await readBody(res, MAX_PAGE_BYTES, opts.onProgress, (n) => new ImportError('too-large', `The page at ${siteOf(url)} is over ${(MAX_PAGE_BYTES / 1048576).toFixed(0)} MB${n > MAX_PAGE_BYTES ? ` (${(n / 1048576).toFixed(1)} MB)` : ''}; talkreel reads pages up to ${(MAX_PAGE_BYTES / 1048576).toFixed(0)} MB.`, 'Paste just the page’s <head> instead.'));
  // Behind a proxy, res.url is the proxy's; the page's own address is the one the user gave.
  return { bytes, contentType: type, url: opts.proxy?.trim() ? url : res.url || url };
}

/** Fetches one picture or video the page referenced (after the user confirmed). */
export async function fetchMedia(url: string, opts: FetchOptions & { maxBytes: number; what: string }): Promise<Fetched> {
  const res = await request(url, 'media', opts);
  if (!res.ok) throw httpError(res, url, 'media');
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (/^text\/html/.test(type)) {
    await res.body?.cancel().catch(() => undefined);
    throw new ImportError('not-html', `${siteOf(url)} sent a web page instead of the ${opts.what}.`);
  }
  const limit = opts.maxBytes;
  const bytes = await readBody(res, limit, opts.onProgress, (n) => new ImportError('too-large', `The ${opts.what} is ${(n / 1048576).toFixed(1)} MB; the limit is ${(limit / 1048576).toFixed(0)} MB.`));
  return { bytes, contentType: type, url: opts.proxy?.trim() ? url : res.url || url };
}
