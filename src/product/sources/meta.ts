/** Open Graph (incl. the `product:` namespace) and Twitter cards, from `<meta>` tags in order. */
import { emptyCandidate, type Candidate } from '../candidate.ts';
import { currencyFromText, isCurrencyCode, parseAmount } from '../price.ts';
import { cleanLine, stripSiteName } from '../text.ts';
import { resolveUrl } from '../urls.ts';

export interface MetaTag {
  key: string;
  value: string;
}

const first = (metas: MetaTag[], ...keys: string[]) => {
  for (const k of keys) {
    const m = metas.find((t) => t.key === k && t.value.trim());
    if (m) return m.value.trim();
  }
  return undefined;
};

const PRODUCT_OG_TYPES = /^(og:)?product(\.item|\.group)?$|^og:product$|^product\.item$/i;

export function openGraphCandidate(metas: MetaTag[], base: string | undefined, currencyHint?: string): Candidate | null {
  const og = metas.filter((m) => m.key.startsWith('og:') || m.key.startsWith('product:'));
  if (!og.length) return null;
  const type = first(og, 'og:type') ?? '';
  const amountRaw = first(og, 'product:sale_price:amount', 'product:price:amount', 'og:price:amount', 'product:price');
  const isProduct = PRODUCT_OG_TYPES.test(type) || amountRaw !== undefined;
  const c = emptyCandidate('open-graph', isProduct);
  const site = first(og, 'og:site_name');
  const title = first(og, 'og:title');
  if (title) c.name = stripSiteName(title, site);
  const description = first(og, 'og:description');
  if (description) c.description = description;
  const brand = first(og, 'product:brand', 'og:brand');
  if (brand) c.brand = cleanLine(brand);
  // og:image, then its structured properties (og:image:width…) until the next og:image.
  for (const m of og) {
    if (m.key === 'og:image' || m.key === 'og:image:url' || m.key === 'og:image:secure_url') {
      const url = resolveUrl(m.value, base);
      if (!url) continue;
      const last = c.images[c.images.length - 1];
      // og:image:url / secure_url restate the og:image just given.
      if (m.key !== 'og:image' && last && (last.url === url || last.url.replace(/^http:/, 'https:') === url)) {
        last.url = url;
        continue;
      }
      c.images.push({ url });
    } else if (m.key === 'og:image:width') {
      const last = c.images[c.images.length - 1];
      const w = Number(m.value);
      if (last && w > 0) last.width = w;
    } else if (m.key === 'og:video' || m.key === 'og:video:url' || m.key === 'og:video:secure_url') {
      const url = resolveUrl(m.value, base);
      if (url && !c.videos.includes(url)) c.videos.push(url);
    }
  }
  if (amountRaw !== undefined) {
    const amount = parseAmount(amountRaw, !/^\d+(\.\d+)?$/.test(amountRaw.trim()));
    const curRaw = first(og, 'product:sale_price:currency', 'product:price:currency', 'og:price:currency');
    const currency = curRaw && isCurrencyCode(curRaw) ? curRaw.toUpperCase() : currencyFromText(amountRaw) ?? currencyHint;
    if (amount !== null && amount > 0) c.price = { amount, ...(currency ? { currency } : {}) };
  }
  const url = resolveUrl(first(og, 'og:url'), base);
  if (url) c.url = url;
  return c;
}

export function twitterCandidate(metas: MetaTag[], base: string | undefined, lang?: string): Candidate | null {
  const tw = metas.filter((m) => m.key.startsWith('twitter:'));
  if (!tw.length) return null;
  const card = first(tw, 'twitter:card') ?? '';
  // Product cards put "Price" in label1/data1 (or label2/data2).
  let priceText: string | undefined;
  for (const n of ['1', '2']) {
    if (/price|preis|prix|precio|prezzo|価格/i.test(first(tw, `twitter:label${n}`) ?? '')) priceText = first(tw, `twitter:data${n}`);
  }
  const c = emptyCandidate('twitter', card === 'product' || priceText !== undefined);
  const title = first(tw, 'twitter:title');
  if (title) c.name = stripSiteName(title, first(tw, 'twitter:site')?.replace(/^@/, ''));
  const description = first(tw, 'twitter:description');
  if (description) c.description = description;
  for (const m of tw) {
    if (m.key === 'twitter:image' || m.key === 'twitter:image:src' || /^twitter:image\d$/.test(m.key)) {
      const url = resolveUrl(m.value, base);
      if (url) c.images.push({ url });
    } else if (m.key === 'twitter:player:stream') {
      const url = resolveUrl(m.value, base);
      if (url) c.videos.push(url);
    }
  }
  if (priceText) {
    const amount = parseAmount(priceText, true);
    const currency = currencyFromText(priceText, lang);
    if (amount !== null && amount > 0) c.price = { amount, ...(currency ? { currency } : {}) };
  }
  return c;
}
