/**
 * The command lines' way into the product parsers: a saved page, a product JSON file or a link,
 * read exactly as the app reads them (src/product), plus the page's pictures for `render --page`.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ImportError } from '../../src/product/errors.ts';
import { fetchMedia, fetchPage } from '../../src/product/fetch.ts';
import { MAX_SAVED_PAGE_BYTES, parseProductInput, type ParsedProductInput } from '../../src/product/input.ts';
import { checkImage, MAX_IMAGE_BYTES } from '../../src/product/media.ts';
import { preselect } from '../../src/product/select.ts';
import { fileLabel } from '../../src/product/urls.ts';

const ACCEPT = 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8';

/** Reads and parses a page, a JSON file or a link. Throws ImportError with a clear message. */
export async function readProduct(ref: string, pageUrl?: string): Promise<ParsedProductInput> {
  if (/^https?:\/\//i.test(ref)) {
    const page = await fetchPage(ref, { headers: { Accept: ACCEPT } });
    return parseProductInput({ bytes: page.bytes, contentType: page.contentType, url: page.url });
  }
  const path = resolve(ref);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ImportError('empty', `“${ref}” does not exist.`);
  }
  if (size > MAX_SAVED_PAGE_BYTES) throw new ImportError('too-large', `“${ref}” is ${(size / 1048576).toFixed(1)} MB; that is too big to be a product page.`);
  // Relative paths in a saved page with no address of its own point next to the file.
  return parseProductInput({ bytes: new Uint8Array(readFileSync(path)), fileName: ref, ...(pageUrl ? { url: pageUrl } : {}), fallbackBase: pathToFileURL(path).href });
}

export interface PageProduct {
  name: string;
  description: string;
  features: string[];
  price?: string;
  brand?: string;
  /** Local files: the page's pictures that passed the intake checks and were pre-selected. */
  images: string[];
}

/**
 * `render --page`: the product and its pre-selected pictures. Pictures come from inside a saved
 * page when it carries them, from disk for file: URLs, else are downloaded (the user named the
 * page, so fetching what it shows is what they asked for). Bad ones are skipped with a reason.
 */
export async function productFromPage(ref: string, log: (s: string) => void): Promise<PageProduct> {
  const parsed = await readProduct(ref);
  const p = parsed.product;
  log(`read “${p.name}” from ${ref} (${Object.entries(p.sources).map(([k, v]) => `${k}: ${v}`).join('; ')})`);
  for (const note of p.notes) log(`note: ${note}`);
  const dir = mkdtempSync(join(tmpdir(), 'talkreel-page-'));
  const ok: Array<{ path: string; width: number; height: number }> = [];
  for (const [i, img] of p.imageDetails.slice(0, 16).entries()) {
    const label = fileLabel(img.url);
    try {
      let bytes: Uint8Array | undefined;
      for (const u of [img.url, ...img.alternates]) {
        const r = parsed.resources.get(u);
        if (r) {
          bytes = r.bytes;
          break;
        }
      }
      if (!bytes && img.url.startsWith('file:')) bytes = new Uint8Array(readFileSync(fileURLToPath(img.url)));
      bytes ??= (await fetchMedia(img.url, { maxBytes: MAX_IMAGE_BYTES, what: 'picture' })).bytes;
      const info = checkImage(bytes.subarray(0, 256 * 1024), bytes.length, label);
      const path = join(dir, `${String(i).padStart(2, '0')}.${info.kind === 'jpeg' ? 'jpg' : info.kind}`);
      writeFileSync(path, bytes);
      ok.push({ path, width: info.width, height: info.height });
    } catch (err) {
      log(`skipped picture ${label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const picks = preselect(ok);
  const images = ok.filter((_, i) => picks[i]).map((x) => x.path);
  log(`${images.length} of ${p.images.length} pictures used`);
  return { name: p.name, description: p.description, features: p.features, ...(p.priceText ? { price: p.priceText } : {}), ...(p.brand ? { brand: p.brand } : {}), images };
}
