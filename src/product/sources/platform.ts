/**
 * Product JSON that shop platforms serve: Shopify's `/products/<handle>.json` and `.js` (also
 * embedded in theme pages), the WooCommerce Store API, and talkreel's own product.json.
 */
import { cleanDescription, cleanLine } from '../text.ts';
import { emptyCandidate, type Candidate } from '../candidate.ts';
import { currencyFromText, isCurrencyCode, parseAmount } from '../price.ts';
import { resolveUrl } from '../urls.ts';
import { asArray, isObject, str, type Json, type JsonObject } from './schema-org.ts';

const num = (v: Json | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : undefined);

export function isShopifyProduct(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.title === 'string' && Array.isArray(v.variants) && ('images' in v || 'media' in v || 'body_html' in v || 'description' in v);
}

/** Shopify product object (`.json` → under "product"; `.js` → top level; themes embed either). */
export function shopifyCandidate(p: JsonObject, base: string | undefined, currencyHint: string | undefined, detail?: string): Candidate {
  const c = emptyCandidate('shopify', true, detail);
  c.name = cleanLine(p.title as string);
  const html = str(p.body_html) ?? str(p.description);
  if (html) c.description = html;
  const vendor = str(p.vendor);
  if (vendor) c.brand = cleanLine(vendor);

  const media = asArray(p.media).filter(isObject);
  if (media.length) {
    const sorted = [...media].sort((a, b) => (num(a.position) ?? 0) - (num(b.position) ?? 0));
    for (const m of sorted) {
      const type = str(m.media_type) ?? 'image';
      if (type === 'image') {
        const url = resolveUrl(str(m.src) ?? str(isObject(m.image) ? m.image.src : undefined), base);
        const width = num(m.width);
        if (url) c.images.push({ url, ...(width ? { width } : {}) });
      } else if (type === 'video') {
        const sources = asArray(m.sources).filter(isObject);
        const mp4 = sources.filter((s) => /mp4/i.test(str(s.format) ?? str(s.mime_type) ?? '')).sort((a, b) => (num(b.height) ?? 0) - (num(a.height) ?? 0));
        const url = resolveUrl(str((mp4[0] ?? sources[0])?.url), base);
        if (url) c.videos.push(url);
      } else if (type === 'external_video') {
        const host = str(m.host);
        const id = str(m.external_id);
        if (host === 'youtube' && id) c.videos.push(`https://www.youtube.com/watch?v=${id}`);
        else if (host === 'vimeo' && id) c.videos.push(`https://vimeo.com/${id}`);
      }
    }
  }
  if (!c.images.length) {
    const imgs = asArray(p.images).map((i) => (isObject(i) ? i : { src: i }));
    imgs.sort((a, b) => (num(a.position) ?? 0) - (num(b.position) ?? 0));
    for (const i of imgs) {
      const url = resolveUrl(str(i.src), base);
      const width = num(i.width);
      if (url) c.images.push({ url, ...(width ? { width } : {}) });
    }
    if (!c.images.length) {
      const featured = resolveUrl(str(p.featured_image) ?? str(isObject(p.image) ? p.image.src : undefined), base);
      if (featured) c.images.push({ url: featured });
    }
  }

  // `.js` prices are integers in cents; `.json` prices are decimal strings.
  const variants = asArray(p.variants).filter(isObject);
  const prices: Array<{ amount: number; available: boolean }> = [];
  for (const v of variants) {
    const raw = v.price;
    const amount = typeof raw === 'number' ? raw / 100 : parseAmount(str(raw) ?? null);
    if (amount !== null && amount > 0) prices.push({ amount, available: v.available !== false });
  }
  if (!prices.length && typeof p.price === 'number') prices.push({ amount: p.price / 100, available: p.available !== false });
  if (prices.length) {
    const pool = prices.some((x) => x.available) ? prices.filter((x) => x.available) : prices;
    const amount = Math.min(...pool.map((x) => x.amount));
    const distinct = new Set(prices.map((x) => x.amount)).size;
    c.price = { amount, ...(currencyHint ? { currency: currencyHint } : {}), ...(distinct > 1 ? { detail: `lowest of ${pool.length} variants` } : {}) };
  }
  const handle = str(p.handle);
  if (handle && base?.startsWith('http')) c.url = resolveUrl(`/products/${handle}`, base) ?? undefined;
  return c;
}

export function isWooProduct(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.name === 'string' && isObject(v.prices);
}

/** WooCommerce Store API product (`/wp-json/wc/store/v1/products/<id>`). */
export function wooCandidate(p: JsonObject, base: string | undefined): Candidate {
  const c = emptyCandidate('woocommerce', true);
  c.name = cleanLine(p.name as string);
  const long = str(p.description);
  const short = str(p.short_description);
  if (long || short) c.description = long ?? short;
  if (short && long) {
    const bullets = cleanDescription(short).bullets;
    if (bullets.length) c.features = bullets;
  }
  const brands = asArray(p.brands).filter(isObject);
  const brand = str(brands[0]?.name);
  if (brand) c.brand = cleanLine(brand);
  for (const i of asArray(p.images).filter(isObject)) {
    const url = resolveUrl(str(i.src), base);
    if (url) c.images.push({ url });
  }
  const prices = p.prices as JsonObject;
  const minor = num(prices.currency_minor_unit) ?? 2;
  const raw = num(prices.price) ?? num(prices.sale_price) ?? num(isObject(prices.price_range) ? prices.price_range.min_amount : undefined);
  const code = str(prices.currency_code);
  if (raw !== undefined && raw > 0) c.price = { amount: raw / 10 ** minor, ...(code && isCurrencyCode(code) ? { currency: code.toUpperCase() } : {}) };
  const link = resolveUrl(str(p.permalink), base);
  if (link) c.url = link;
  return c;
}

export function isTalkreelProduct(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.name === 'string' && !('@type' in v) && !('@context' in v) && ('images' in v || 'description' in v || 'features' in v);
}

/** talkreel's own product.json (what `npm run render` reads). */
export function talkreelCandidate(p: JsonObject, base: string | undefined, notes: string[]): Candidate {
  const c = emptyCandidate('product-json', true);
  c.name = cleanLine(p.name as string);
  const d = str(p.description);
  if (d) c.description = d;
  const features = asArray(p.features).filter((f): f is string => typeof f === 'string');
  if (features.length) c.features = features;
  const brand = str(p.brand);
  if (brand) c.brand = cleanLine(brand);
  const price = str(p.price);
  if (price) {
    const amount = parseAmount(price, true);
    const currency = str(p.currency) ?? currencyFromText(price);
    if (amount !== null && amount > 0) c.price = { amount, ...(currency && isCurrencyCode(currency) ? { currency: currency.toUpperCase() } : {}) };
  }
  let unresolved = 0;
  for (const i of asArray(p.images)) {
    const url = resolveUrl(str(i), base);
    if (url) c.images.push({ url });
    else if (str(i)) unresolved++;
  }
  if (unresolved) notes.push(`${unresolved} image path${unresolved === 1 ? '' : 's'} in the JSON could not be located: relative paths need the file's location. Add those images from disk.`);
  const video = resolveUrl(str(p.video), base);
  if (video) c.videos.push(video);
  return c;
}
