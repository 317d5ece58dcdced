/**
 * schema.org `Product` → candidate. Shared by JSON-LD and by microdata/RDFa, which are first
 * turned into the same JSON shape. Handles `@graph`, arrays, `@id` references,
 * `ProductGroup`/`hasVariant`/`isVariantOf`, offers as object, array or `AggregateOffer`.
 */
import { emptyCandidate, type Candidate, type ImageCandidate, type SourceId } from '../candidate.ts';
import { amountString, currencyFromText, isCurrencyCode, parseAmount } from '../price.ts';
import { cleanLine } from '../text.ts';
import { resolveUrl } from '../urls.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

const PRODUCT_TYPES = new Set(['product', 'productgroup', 'individualproduct', 'productmodel', 'someproducts', 'vehicle', 'car', 'motorcycle']);
// Links to other products: never the page's own product.
const FOREIGN_KEYS = new Set(['isRelatedTo', 'isSimilarTo', 'isAccessoryOrSparePartFor', 'isConsumableFor', 'review', 'reviews', 'isBasedOn', 'related', 'relatedLink']);

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asArray(v: Json | undefined): Json[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** `@type` names without vocabulary prefixes, lower-cased ("schema:Product" → "product"). */
export function typesOf(node: JsonObject): string[] {
  return asArray(node['@type'] ?? node.type ?? null).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '').toLowerCase());
}

export const isProductNode = (node: JsonObject): boolean => typesOf(node).some((t) => PRODUCT_TYPES.has(t));

/** A string value: plain, `{"@value"}`, `{"name"}`, or the first of an array. */
export function str(v: Json | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
    return undefined;
  }
  if (isObject(v)) return str(v['@value'] ?? v.name ?? null);
  return undefined;
}

export class SchemaGraph {
  private byId = new Map<string, JsonObject>();
  readonly products: JsonObject[] = [];

  constructor(roots: Json[]) {
    const seen = new Set<JsonObject>();
    const visit = (v: Json, depth: number, inProduct: boolean) => {
      if (depth > 12) return;
      if (Array.isArray(v)) {
        for (const x of v) visit(x, depth + 1, inProduct);
        return;
      }
      if (!isObject(v) || seen.has(v)) return;
      seen.add(v);
      const id = typeof v['@id'] === 'string' ? v['@id'] : undefined;
      // A bare reference ({"@id": …}) must not shadow the full node.
      if (id && (Object.keys(v).length > 1 || !this.byId.has(id))) this.byId.set(id, v);
      const product = isProductNode(v);
      if (product && !inProduct) this.products.push(v);
      for (const [k, x] of Object.entries(v)) {
        if (FOREIGN_KEYS.has(k)) continue;
        visit(x, depth + 1, inProduct || product);
      }
    };
    for (const r of roots) visit(r, 0, false);
  }

  /** Follows `{"@id": …}` references to the full node. */
  deref(v: Json | undefined): Json | undefined {
    if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return this.byId.get(v['@id']) ?? v;
    return v;
  }

  all(v: Json | undefined): Json[] {
    return asArray(v).map((x) => this.deref(x) ?? null);
  }
}

interface OfferPrice {
  amount: number;
  currency?: string;
  inStock: boolean;
  used: boolean;
  /** AggregateOffer's highPrice, when this is its lowPrice. */
  high?: number;
}

function collectOffers(g: SchemaGraph, v: Json | undefined, out: OfferPrice[], inherited?: string, depth = 0): void {
  if (depth > 4) return;
  for (const raw of g.all(v)) {
    if (!isObject(raw)) continue;
    const o = raw;
    const currencyRaw = str(o.priceCurrency) ?? inherited;
    const currency = currencyRaw && isCurrencyCode(currencyRaw) ? currencyRaw.toUpperCase() : currencyRaw ? currencyFromText(currencyRaw) : undefined;
    const availability = (str(o.availability) ?? '').toLowerCase();
    const inStock = !/(outofstock|soldout|discontinued|preorder)/.test(availability.replace(/[^a-z]/g, ''));
    const used = /(used|refurbished|damaged)/i.test(str(o.itemCondition) ?? '');
    const push = (val: Json | undefined, cur = currency, high?: number) => {
      const amount = parseAmount(typeof val === 'string' || typeof val === 'number' ? val : str(val));
      if (amount !== null && amount > 0) out.push({ amount, ...(cur ? { currency: cur } : {}), inStock, used, ...(high && high > amount ? { high } : {}) });
    };
    // An AggregateOffer that lists its offers: read those (they say which are used or sold out).
    const nested = o.offers !== undefined && g.all(o.offers).some(isObject);
    if (nested) {
      // handled below
    } else if (o.price !== undefined && o.price !== null && o.price !== '') push(o.price);
    else if (o.lowPrice !== undefined) push(o.lowPrice, currency, parseAmount(str(o.highPrice) ?? null) ?? undefined);
    else {
      // priceSpecification: skip list/strike-through prices, take the selling price.
      const specs = g.all(o.priceSpecification).filter(isObject);
      const selling = specs.filter((s) => !/(strikethrough|listprice|msrp|srp)/i.test(str(s.priceType) ?? ''));
      for (const s of selling.length ? selling : specs) {
        const c = str(s.priceCurrency);
        push(s.price, c && isCurrencyCode(c) ? c.toUpperCase() : currency);
      }
    }
    if (o.offers) collectOffers(g, o.offers, out, currencyRaw, depth + 1);
  }
}

function bestOffer(prices: OfferPrice[], what: 'offers' | 'variants'): Candidate['price'] | undefined {
  if (!prices.length) return undefined;
  const anyUsed = prices.some((p) => p.used);
  const anyOut = prices.some((p) => !p.inStock);
  let pool = prices.filter((p) => p.inStock && !p.used);
  let qualifier = [anyUsed ? 'new' : '', anyOut ? 'in-stock' : ''].filter(Boolean).join(', ');
  if (!pool.length) {
    pool = prices.filter((p) => !p.used);
    if (!pool.length) pool = prices;
    qualifier = anyUsed && pool !== prices ? 'new' : '';
  }
  const best = pool.reduce((a, b) => (b.amount < a.amount ? b : a));
  const distinct = new Set(prices.map((p) => `${p.amount}${p.currency ?? ''}`)).size;
  const soldOut = !prices.some((p) => p.inStock) ? 'none in stock' : '';
  const noun = what === 'offers' ? 'offer' : 'variant';
  let detail: string | undefined;
  if (distinct > 1) detail = pool.length === 1 ? `the only ${qualifier ? `${qualifier} ` : ''}${noun} of ${prices.length}` : `lowest of ${pool.length} ${qualifier ? `${qualifier} ` : ''}${what}`;
  if (best.high) detail = `price range ${amountString(best)}–${amountString({ ...best, amount: best.high })}`;
  if (soldOut) detail = detail ? `${detail}; ${soldOut}` : soldOut;
  return { amount: best.amount, ...(best.currency ? { currency: best.currency } : {}), ...(detail ? { detail } : {}) };
}

function imagesOf(g: SchemaGraph, v: Json | undefined, base: string | undefined, out: ImageCandidate[]): void {
  for (const raw of g.all(v)) {
    if (typeof raw === 'string') {
      const url = resolveUrl(raw, base);
      if (url) out.push({ url });
    } else if (isObject(raw)) {
      const url = resolveUrl(str(raw.contentUrl) ?? str(raw.contentURL) ?? str(raw.url) ?? str(raw['@id']), base);
      const width = parseAmount(str(raw.width) ?? null);
      if (url) out.push({ url, ...(width ? { width } : {}) });
    }
  }
}

function videosOf(g: SchemaGraph, v: Json | undefined, base: string | undefined, out: string[]): void {
  for (const raw of g.all(v)) {
    if (typeof raw === 'string') {
      const url = resolveUrl(raw, base);
      if (url) out.push(url);
    } else if (isObject(raw) && (typesOf(raw).includes('videoobject') || raw.contentUrl || raw.contentURL || raw.embedUrl)) {
      const url = resolveUrl(str(raw.contentUrl) ?? str(raw.contentURL) ?? str(raw.embedUrl) ?? str(raw.embedURL) ?? str(raw.url), base);
      if (url) out.push(url);
    }
  }
}

function brandOf(g: SchemaGraph, node: JsonObject): string | undefined {
  for (const key of ['brand', 'manufacturer']) {
    for (const raw of g.all(node[key])) {
      const name = typeof raw === 'string' ? raw : isObject(raw) ? str(raw.name) : undefined;
      if (name && !/^https?:\/\//.test(name)) return cleanLine(name);
    }
  }
  return undefined;
}

function specsOf(g: SchemaGraph, node: JsonObject): string[] {
  const out: string[] = [];
  for (const raw of g.all(node.additionalProperty)) {
    if (!isObject(raw)) continue;
    const name = str(raw.name);
    const value = str(raw.value);
    if (name && value) out.push(`${cleanLine(name)}: ${cleanLine(value)}`);
  }
  return out;
}

/** Picks the page's main product among all product nodes. */
function mainProduct(g: SchemaGraph, pageUrl?: string): JsonObject | undefined {
  const sameUrl = (u: string | undefined) => {
    if (!u || !pageUrl) return false;
    try {
      const a = new URL(u, pageUrl);
      const b = new URL(pageUrl);
      return a.hostname === b.hostname && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');
    } catch {
      return false;
    }
  };
  let best: JsonObject | undefined;
  let bestScore = -1;
  for (const [i, p] of g.products.entries()) {
    const score = (typesOf(p).includes('productgroup') ? 4 : 0) + (p.offers ? 2 : 0) + (sameUrl(str(p.url)) ? 3 : 0) + (str(p.name) ? 1 : 0) - i * 0.01;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The main product of a schema.org graph as a candidate, or null. `notes` collects remarks a
 * person would want ("3 products on this page; used the one with offers").
 */
export function productCandidate(roots: Json[], source: SourceId, base: string | undefined, notes: string[], detail?: string): Candidate | null {
  const g = new SchemaGraph(roots);
  let node = mainProduct(g, base);
  if (!node) return null;
  // A variant that names its group: describe the group.
  const parent = g.deref(asArray(node.isVariantOf)[0]);
  if (isObject(parent) && isProductNode(parent)) node = parent;

  const variants: JsonObject[] = g.all(node.hasVariant).filter(isObject);
  const nodeId = typeof node['@id'] === 'string' ? node['@id'] : undefined;
  if (nodeId) {
    for (const p of g.products) {
      const ref = g.deref(asArray(p.isVariantOf)[0]);
      if (p !== node && !variants.includes(p) && ((isObject(ref) && ref === node) || (isObject(ref) && ref['@id'] === nodeId))) variants.push(p);
    }
  }
  const others = g.products.filter((p) => p !== node && !variants.includes(p)).length;
  if (others) notes.push(`${source === 'json-ld' ? 'JSON-LD' : source} describes ${others + 1} products; used “${cleanLine(str(node.name) ?? str(variants[0]?.name) ?? '?')}”.`);

  const c = emptyCandidate(source, true, detail);
  const name = str(node.name) ?? str(variants[0]?.name);
  if (name) c.name = cleanLine(name);
  const description = str(node.description) ?? variants.map((v) => str(v.description)).find(Boolean);
  if (description) c.description = description;
  const brand = brandOf(g, node) ?? variants.map((v) => brandOf(g, v)).find(Boolean);
  if (brand) c.brand = brand;
  const specs = specsOf(g, node);
  if (specs.length) c.specs = specs;
  imagesOf(g, node.image, base, c.images);
  for (const v of variants) imagesOf(g, v.image, base, c.images);
  videosOf(g, node.video, base, c.videos);
  videosOf(g, node.subjectOf, base, c.videos);
  for (const v of variants) videosOf(g, v.video, base, c.videos);

  const own: OfferPrice[] = [];
  collectOffers(g, node.offers, own);
  if (own.length) {
    const p = bestOffer(own, 'offers');
    if (p) c.price = p;
  } else if (variants.length) {
    const all: OfferPrice[] = [];
    for (const v of variants) collectOffers(g, v.offers, all);
    const p = bestOffer(all, 'variants');
    if (p) c.price = p;
  }
  const url = resolveUrl(str(node.url), base);
  if (url) c.url = url;
  return c;
}
