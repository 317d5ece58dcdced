/**
 * One entry point for everything a user can hand over — pasted page source, a saved page
 * (`.html`, `.htm`, `.mhtml`), a product JSON file, or the body of a fetched link — identified by
 * its bytes, bounded in size, decoded in its own charset, then parsed.
 */
import { ImportError } from './errors.ts';
import { extractFromHtml, extractFromJson, type ExtractedProduct, type ExtractOptions } from './extract.ts';
import { jsonErrorMessage } from './json.ts';
import { HEIC_HINT, sniffHeif, sniffImage, sniffVideo } from './media.ts';
import { looksLikeMhtml, parseMhtml } from './mhtml.ts';

/** Page source or JSON larger than this is refused before parsing (a product page is 0.2–3 MB). */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;
/** A single-file saved page carries its pictures, so it may be bigger; its HTML part is still bounded. */
export const MAX_SAVED_PAGE_BYTES = 100 * 1024 * 1024;

export interface ProductInput {
  /** Raw bytes (files, fetched bodies)… */
  bytes?: Uint8Array;
  /** …or text (pasted source). */
  text?: string;
  /** For messages: the file's name. */
  fileName?: string;
  /** A fetched body's Content-Type (its charset wins over the page's own claim). */
  contentType?: string;
  url?: string;
  fallbackBase?: string;
}

export interface EmbeddedResource {
  type: string;
  bytes: Uint8Array;
}

export interface ParsedProductInput {
  kind: 'html' | 'json' | 'mhtml';
  product: ExtractedProduct;
  /** Pictures carried inside a saved page, by URL: no network needed for these. */
  resources: Map<string, EmbeddedResource>;
  /** Bytes of the page or JSON that was parsed. */
  bytes: number;
  /** Milliseconds spent parsing. */
  ms: number;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

function what(input: ProductInput): string {
  return input.fileName ? `“${input.fileName}”` : input.text !== undefined ? 'The pasted text' : 'The page';
}

const BINARY_KINDS: Array<[(b: Uint8Array) => boolean, string]> = [
  [(b) => sniffImage(b) !== null, 'a picture'],
  [(b) => sniffHeif(b) === 'heic', 'a HEIC photo'],
  [(b) => sniffVideo(b) !== null, 'a video'],
  [(b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46, 'a PDF document'],
  [(b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04, 'a ZIP archive (or an Office document)'],
  [(b) => b[0] === 0x1f && b[1] === 0x8b, 'a compressed (gzip) file'],
];

/** Charset named by a BOM, a Content-Type header, or the page's own `<meta>` in its first 4 KB. */
export function detectCharset(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  if (meta) return meta.toLowerCase();
  const xml = /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  return xml ? xml.toLowerCase() : 'utf-8';
}

export function decodeText(bytes: Uint8Array, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  // Claimed UTF-8 but full of replacement characters: an old Western page without a declaration.
  if (decoder.encoding === 'utf-8') {
    const bad = (text.match(/\uFFFD/g) ?? []).length;
    if (bad > 8 && bad > text.length / 2000) return new TextDecoder('windows-1252').decode(bytes);
  }
  return text;
}

function hasNulBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0 && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
}

const LOOKS_HTML = /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|script[\s>]|div[\s>]|link\s|main[\s>]|section[\s>]|article[\s>]|p[\s>]|h1[\s>]|img\s|span[\s>])/i;

/** Whether pasted text is really a link (the user pasted into the wrong box). */
export function looksLikeLink(text: string): boolean {
  return /^\s*https?:\/\/[^\s<>"]+\s*$/i.test(text);
}

function parseText(text: string, input: ProductInput, opts: ExtractOptions, kindHint?: 'html'): { kind: 'html' | 'json'; product: ExtractedProduct } {
  const t = text.replace(/^\uFEFF/, '');
  const trimmed = t.trimStart();
  if (!trimmed) throw new ImportError('empty', `${what(input)} is empty.`, input.text !== undefined ? 'Paste the whole page source: open the product page, press Ctrl+U (⌘⌥U on a Mac), then Ctrl+A and Ctrl+C.' : undefined);
  if (kindHint !== 'html' && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (err) {
      throw new ImportError('bad-json', `${what(input)} looks like JSON but is malformed: ${jsonErrorMessage(err, t)}.`, 'Check that the file was saved completely, or paste the product page’s source instead.');
    }
    return { kind: 'json', product: extractFromJson(value, opts) };
  }
  if (!LOOKS_HTML.test(t.slice(0, 200_000))) {
    throw new ImportError('not-a-page', `${what(input)} is not a web page’s source: no HTML tags were found.`, 'Open the product page, press Ctrl+U (⌘⌥U on a Mac) to see its source, select all and copy it here.');
  }
  return { kind: 'html', product: extractFromHtml(t, opts) };
}

/** Reads a product from whatever the user gave. Throws ImportError with a clear message. */
export function parseProductInput(input: ProductInput): ParsedProductInput {
  const t0 = performance.now();
  const opts: ExtractOptions = { ...(input.url ? { url: input.url } : {}), ...(input.fallbackBase ? { fallbackBase: input.fallbackBase } : {}) };
  const resources = new Map<string, EmbeddedResource>();

  if (input.text !== undefined) {
    // UTF-16 length is within a factor of 3 of the UTF-8 size; measure exactly only near the limit.
    const size = input.text.length * 3 < MAX_PAGE_BYTES ? input.text.length : new TextEncoder().encode(input.text).length;
    if (size > MAX_PAGE_BYTES) throw new ImportError('too-large', `${what(input)} is ${mb(size)}; talkreel reads pages up to ${mb(MAX_PAGE_BYTES)}.`, 'Most shops put the product details in the page’s <head>: copy just that part, or save the page as a file and drop it here.');
    if (input.text.slice(0, 65536).includes('\u0000')) throw new ImportError('binary', `${what(input)} is binary data, not a web page.`);
    const r = parseText(input.text, input, opts);
    return { ...r, resources, bytes: size, ms: performance.now() - t0 };
  }

  const bytes = input.bytes ?? new Uint8Array();
  if (!bytes.length || (bytes.length < 4096 && !/\S/.test(new TextDecoder().decode(bytes)))) throw new ImportError('empty', `${what(input)} is empty.`);
  for (const [test, name] of BINARY_KINDS) {
    if (test(bytes)) throw new ImportError('binary', `${what(input)} is ${name}, not a web page or product JSON.`, name === 'a picture' ? 'Add pictures in the images section below.' : name === 'a HEIC photo' ? HEIC_HINT : name === 'a video' ? 'Add it as the product video below.' : 'Choose the saved page (.html or .mhtml) or a product .json file.');
  }
  if (looksLikeMhtml(bytes)) {
    if (bytes.length > MAX_SAVED_PAGE_BYTES) throw new ImportError('too-large', `${what(input)} is ${mb(bytes.length)}; talkreel reads saved pages up to ${mb(MAX_SAVED_PAGE_BYTES)}.`);
    const m = parseMhtml(bytes);
    if (!m) throw new ImportError('not-a-page', `${what(input)} is a damaged MHTML file: its page could not be found inside.`, 'Save the page again, or paste its source.');
    if (m.html.bytes.length > MAX_PAGE_BYTES) throw new ImportError('too-large', `The page inside ${what(input)} is ${mb(m.html.bytes.length)}; talkreel reads pages up to ${mb(MAX_PAGE_BYTES)}.`);
    for (const [url, part] of m.resources) resources.set(url, { type: part.type, bytes: part.bytes });
    const html = decodeText(m.html.bytes, m.html.charset ?? detectCharset(m.html.bytes));
    const mOpts: ExtractOptions = { ...opts, ...(opts.url ?? m.url ? { url: opts.url ?? m.url! } : {}) };
    const r = parseText(html, input, mOpts, 'html');
    return { kind: 'mhtml', product: r.product, resources, bytes: bytes.length, ms: performance.now() - t0 };
  }
  if (bytes.length > MAX_PAGE_BYTES) throw new ImportError('too-large', `${what(input)} is ${mb(bytes.length)}; talkreel reads pages up to ${mb(MAX_PAGE_BYTES)}.`, 'Save the page as “Webpage, Single File” (.mhtml) or “HTML only”, or paste just its <head>.');
  if (hasNulBytes(bytes)) throw new ImportError('binary', `${what(input)} is binary data, not a web page or product JSON.`, 'Choose the saved page (.html or .mhtml) or a product .json file.');
  const text = decodeText(bytes, detectCharset(bytes, input.contentType));
  const r = parseText(text, input, opts);
  return { ...r, resources, bytes: bytes.length, ms: performance.now() - t0 };
}
