/**
 * Page or product JSON → one product. Every source (JSON-LD, microdata, RDFa, Open Graph,
 * Twitter card, shop-platform JSON, Amazon's layout, the page's own gallery) proposes values;
 * `mergeCandidates` takes each field from the most trusted source that has it and records where
 * it came from, so a person can see why a page did or did not parse.
 */
import { SOURCE_LABEL, SOURCE_RANK, type Candidate, type PriceCandidate, type SourceId } from './candidate.ts';
import { ImportError } from './errors.ts';
import { attr, classList, elements, parentElement, parseHtml, rawText, textContent, type HtmlElement } from './html.ts';
import { parseJsonLenient } from './json.ts';
import { amountString, formatMoney, isCurrencyCode } from './price.ts';
import { amazonCandidate, isAmazonPage, scriptTexts } from './sources/amazon.ts';
import { galleryMedia } from './sources/images.ts';
import { isPriceElement, pageCurrency, priceMarkup, scriptCurrency, specBrand, specPrice, specRows, type CurrencyHint, type SpecRow } from './sources/page-facts.ts';
import { openGraphCandidate, twitterCandidate, type MetaTag } from './sources/meta.ts';
import { microdataItems, rdfaItems } from './sources/microdata.ts';
import { isShopifyProduct, isTalkreelProduct, isWooProduct, shopifyCandidate, talkreelCandidate, wooCandidate } from './sources/platform.ts';
import { asArray, isObject, isProductNode, productCandidate, type Json } from './sources/schema-org.ts';
import { cleanDescription, cleanFeatures, cleanLine, stripSiteName } from './text.ts';
import { hasSizeSuffix, imageKey, isJunkImage, isVideoPlayerPage, largestVariant, resolveUrl } from './urls.ts';

export interface ExtractOptions {
  /** The page's address (the link the user entered); relative URLs resolve against it. */
  url?: string;
  /** Used only when neither `url` nor the page itself (`<base>`, canonical) gives an address. */
  fallbackBase?: string;
}

export interface ExtractedImage {
  /** Absolute URL of the largest variant. */
  url: string;
  source: SourceId;
  width?: number;
  /** Other URLs seen for the same picture (smaller variants), e.g. to find it inside a saved page. */
  alternates: string[];
}

export type ProductField = 'name' | 'description' | 'features' | 'price' | 'currency' | 'brand' | 'images' | 'videos';

export interface ExtractedProduct {
  name: string;
  description: string;
  features: string[];
  /** Plain decimal ("49.90"). */
  price?: string;
  /** ISO 4217. */
  currency?: string;
  /** As the form shows it, in the page's locale ("$49.90", "129,95 €"). */
  priceText?: string;
  brand?: string;
  /** Absolute URLs, page order, de-duplicated, largest variant of each. */
  images: string[];
  imageDetails: ExtractedImage[];
  videos: string[];
  /** Field → where it came from ("JSON-LD", "Open Graph (lowest of 3 offers)"…). */
  sources: Partial<Record<ProductField, string>>;
  /** Remarks: skipped malformed blocks, guesses made, what was missing. */
  notes: string[];
  /** The product's address, when known. */
  url?: string;
  language?: string;
}

const MAX_IMAGES = 30;

function ranked(cands: Candidate[]): Candidate[] {
  return [...cands].sort((a, b) => SOURCE_RANK.indexOf(a.source) - SOURCE_RANK.indexOf(b.source));
}

const label = (c: Candidate, extra?: string) => `${SOURCE_LABEL[c.source]}${c.detail ? ` ${c.detail}` : ''}${extra ? ` (${extra})` : ''}`;

/** Field-by-field merge of candidates, most trusted first. */
export function mergeCandidates(all: Candidate[], notes: string[], opts: { language?: string; pageTitle?: string; currency?: CurrencyHint } = {}): ExtractedProduct {
  const cands = ranked(all);
  if (!cands.some((c) => c.isProduct)) {
    const what = opts.pageTitle ? `“${cleanLine(opts.pageTitle).slice(0, 80)}” ` : 'This page ';
    throw new ImportError('no-product', `${what}does not describe a product: it has no product data (JSON-LD, microdata, Open Graph product tags or shop JSON).`, 'Open the product’s own page (not a category, search or home page) and try again, or type the details in.');
  }
  const sources: ExtractedProduct['sources'] = {};
  const out: ExtractedProduct = { name: '', description: '', features: [], images: [], imageDetails: [], videos: [], sources, notes };

  for (const c of cands) {
    const name = c.name ? cleanLine(c.name) : '';
    if (name) {
      out.name = name;
      sources.name = label(c);
      break;
    }
  }

  // Description: the most trusted, unless it is a cut-off version of a longer one.
  const described = cands.flatMap((c) => (c.description !== undefined ? [{ c, cleaned: cleanDescription(c.description) }] : [])).filter((d) => d.cleaned.text || d.cleaned.bullets.length);
  let chosen = described.find((d) => d.cleaned.text);
  if (chosen && /(…|\.\.\.)$/.test(chosen.cleaned.text)) {
    const stem = chosen.cleaned.text.replace(/(…|\.\.\.)$/, '').slice(0, 40);
    const longer = described.find((d) => d !== chosen && d.cleaned.text.length > chosen!.cleaned.text.length && d.cleaned.text.startsWith(stem));
    if (longer) chosen = longer;
  }
  if (chosen) {
    out.description = chosen.cleaned.text;
    sources.description = label(chosen.c, chosen.c.descriptionDetail);
  }

  // Features: listed ones first, then bullets found in descriptions, then spec rows.
  const explicit = cands.find((c) => c.features && cleanFeatures(c.features).length);
  let features = explicit ? cleanFeatures(explicit.features!) : [];
  let featureSource = explicit ? label(explicit) : '';
  const bulletSource = (chosen?.cleaned.bullets.length ? chosen : described.find((d) => d.cleaned.bullets.length)) ?? undefined;
  if (bulletSource) {
    const merged = cleanFeatures([...features, ...bulletSource.cleaned.bullets]);
    if (merged.length > features.length) {
      featureSource = featureSource && featureSource !== label(bulletSource.c) ? `${featureSource}, ${label(bulletSource.c, 'description bullets')}` : label(bulletSource.c, featureSource ? undefined : 'description bullets');
      features = merged;
    }
  }
  if (!features.length) {
    const specs = cands.find((c) => c.specs?.length);
    if (specs) {
      features = cleanFeatures(specs.specs!);
      featureSource = label(specs, 'product properties');
    }
  }
  out.features = features;
  if (features.length) sources.features = featureSource;
  // Do not say a bullet twice: take listed features out of flattened prose.
  if (out.description && features.length) {
    let d = out.description;
    for (const f of features) {
      if (f.length <= 12) continue;
      // Only where the feature stands alone (a flattened list item), never inside a sentence.
      const re = new RegExp(`(^|\\n| )${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|\\n| +[\\p{Lu}\\d])`, 'u');
      d = d.replace(re, '$1');
    }
    d = d.replace(/[ \t]{2,}/g, ' ').replace(/\n{3,}/g, '\n\n').replace(/^[ \t]+|[ \t]+$/gm, '').trim();
    if (d.length >= 20 || !out.description.trim()) out.description = d;
  }

  const priced = cands.find((c) => c.price);
  if (priced?.price) {
    const p = { ...priced.price };
    let currencyFrom = '';
    if (!p.currency) {
      const other = cands.find((c) => c.price?.currency && c.price.amount === p.amount) ?? cands.find((c) => c.price?.currency);
      if (other?.price?.currency) {
        p.currency = other.price.currency;
        currencyFrom = other.source === 'page' ? label(other, other.price.detail) : label(other);
      } else if (opts.currency) {
        // No source states it with the price: the page's own context does (never a guess).
        p.currency = opts.currency.code;
        currencyFrom = opts.currency.source;
        if (opts.currency.weak) notes.push(`The currency (${opts.currency.code}) comes from the page’s language, ${opts.currency.source.replace(/^page language \((.*)\)$/, '$1')}; check it.`);
      }
    }
    out.price = amountString(p);
    sources.price = label(priced, p.detail);
    if (p.currency && isCurrencyCode(p.currency)) {
      out.currency = p.currency;
      // A displayed price says where on the page it was; structured sources need no detail.
      sources.currency = currencyFrom || (priced.source === 'page' ? label(priced, p.detail) : label(priced));
    } else {
      notes.push('The price comes without a currency; add the symbol in the form if you want it shown.');
    }
    out.priceText = formatMoney(p, opts.language);
  }

  const branded = cands.find((c) => c.brand);
  if (branded?.brand) {
    out.brand = branded.brand;
    sources.brand = label(branded, branded.brandDetail);
  }

  // Images: every source's pictures, most trusted first, one entry per picture.
  const groups = new Map<string, ExtractedImage>();
  const perSource = new Map<string, number>();
  for (const c of cands) {
    const trusted = c.source !== 'open-graph' && c.source !== 'twitter' && c.source !== 'page';
    for (const img of c.images) {
      if (!trusted && isJunkImage(img.url)) continue;
      const key = imageKey(img.url);
      const url = largestVariant(img.url);
      const g = groups.get(key);
      if (!g) {
        if (groups.size >= MAX_IMAGES) continue;
        groups.set(key, { url, source: c.source, ...(img.width ? { width: img.width } : {}), alternates: img.url !== url ? [img.url] : [] });
        perSource.set(label(c), (perSource.get(label(c)) ?? 0) + 1);
      } else {
        // A stated bigger size wins, but never over an original (unsuffixed) file of unknown size.
        if (img.width && (g.width ? img.width > g.width : hasSizeSuffix(g.url) && !hasSizeSuffix(url))) {
          if (g.url !== url && !g.alternates.includes(g.url)) g.alternates.push(g.url);
          g.url = url;
          g.width = img.width;
        }
        if (img.url !== g.url && !g.alternates.includes(img.url)) g.alternates.push(img.url);
      }
    }
  }
  out.imageDetails = [...groups.values()];
  out.images = out.imageDetails.map((i) => i.url);
  if (perSource.size) sources.images = [...perSource].map(([s, n]) => `${s}: ${n}`).join(', ');

  const videos: string[] = [];
  const videoFrom = new Set<string>();
  for (const c of cands) {
    for (const v of c.videos) {
      if (!videos.includes(v)) {
        videos.push(v);
        videoFrom.add(label(c));
      }
    }
  }
  // Files first; pages of video players (YouTube…) cannot be downloaded in a browser.
  out.videos = [...videos.filter((v) => !isVideoPlayerPage(v)), ...videos.filter(isVideoPlayerPage)];
  if (out.videos.length) sources.videos = [...videoFrom].join(', ');

  const withUrl = cands.find((c) => c.url);
  if (withUrl?.url) out.url = withUrl.url;
  if (opts.language) out.language = opts.language;

  if (!out.name && !out.images.length) {
    throw new ImportError('no-product', 'The page says it is a product page, but names no product and shows no product images.', 'Try the page’s source again after it has fully loaded, or type the details in.');
  }
  if (!out.name) notes.push('No product name was found; type it in.');
  if (!out.images.length) notes.push('No product images were found; add them from disk.');
  return out;
}

interface PageScan {
  els: HtmlElement[];
  metas: MetaTag[];
  lang?: string;
  title?: string;
  baseHref?: string;
  canonical?: string;
  ldJson: string[];
  appJson: Array<{ text: string; el: HtmlElement }>;
  /** `tr` and `dl` elements (spec tables), price markup and itemprop=priceCurrency, gathered in the one pass. */
  specEls: HtmlElement[];
  priceEls: HtmlElement[];
  currencyEls: HtmlElement[];
}

function scan(html: string): PageScan {
  const doc = parseHtml(html);
  const s: PageScan = { els: [], metas: [], ldJson: [], appJson: [], specEls: [], priceEls: [], currencyEls: [] };
  for (const el of elements(doc)) {
    s.els.push(el);
    if (el.tagName === 'tr' || el.tagName === 'dl') s.specEls.push(el);
    else if (isPriceElement(el)) s.priceEls.push(el);
    if (el.attrs.length && attr(el, 'itemprop') === 'priceCurrency') s.currencyEls.push(el);
    switch (el.tagName) {
      case 'html':
        s.lang ??= attr(el, 'lang')?.trim() || undefined;
        break;
      case 'base':
        s.baseHref ??= attr(el, 'href');
        break;
      case 'title':
        s.title ??= textContent(el);
        break;
      case 'meta': {
        const key = (attr(el, 'property') ?? attr(el, 'name') ?? '').trim().toLowerCase();
        const content = attr(el, 'content');
        if (key && content !== undefined && !attr(el, 'itemprop')) s.metas.push({ key, value: content });
        break;
      }
      case 'link':
        if (/(^|\s)canonical(\s|$)/i.test(attr(el, 'rel') ?? '')) s.canonical ??= attr(el, 'href');
        break;
      case 'script': {
        const type = (attr(el, 'type') ?? '').toLowerCase().trim();
        if (type === 'application/ld+json') s.ldJson.push(rawText(el));
        else if (type === 'application/json' || /productjson/i.test(attr(el, 'id') ?? '') || el.attrs.some((a) => a.name === 'data-product-json')) s.appJson.push({ text: rawText(el), el });
        break;
      }
    }
  }
  return s;
}

function pageBase(s: PageScan, opts: ExtractOptions): string | undefined {
  const abs = (u: string | undefined) => resolveUrl(u, opts.url) ?? undefined;
  if (s.baseHref) {
    const b = opts.url ? resolveUrl(s.baseHref, opts.url) : resolveUrl(s.baseHref);
    if (b) return b;
  }
  if (opts.url) return opts.url;
  const og = s.metas.find((m) => m.key === 'og:url')?.value;
  return abs(s.canonical) ?? abs(og) ?? opts.fallbackBase;
}

const DESCRIPTION_BOX = /^(product[-_]?description|product__description|product-single__description|productdescription|description|tab-description|product-details?|pdp-description|product-info__description|woocommerce-product-details__short-description)$/i;
const FEATURE_BOX = /(feature|highlight|bullet|benefit|key-?points|selling-?points)/i;
const NOT_CONTENT = /(related|recommend|review|footer|header|nav|menu|cart|newsletter)/i;

function parentClass(e: HtmlElement): string {
  const p = parentElement(e);
  return p ? `${attr(p, 'id') ?? ''} ${attr(p, 'class') ?? ''}` : '';
}

interface PageFacts {
  rows: SpecRow[];
  /** A displayed price (with its currency text), else a spec table's "Price" row. */
  price?: PriceCandidate & { text: string; where: string };
}

function pageFacts(s: PageScan, lang: string | undefined): PageFacts {
  const rows = specRows(s.specEls);
  const shown = priceMarkup(s.priceEls, lang);
  if (shown) return { rows, price: { ...shown, where: `price “${shown.text}”` } };
  const listed = specPrice(rows, lang);
  return listed ? { rows, price: { ...listed, where: `spec table “${listed.label}”` } } : { rows };
}

function pageCandidate(s: PageScan, base: string | undefined, facts: PageFacts): Candidate {
  const c: Candidate = { source: 'page', isProduct: false, images: [], videos: [] };
  // Spec table / displayed price: the only place some Open-Graph-only pages state them.
  const brand = specBrand(facts.rows);
  if (brand) {
    c.brand = brand.value;
    c.brandDetail = `spec table “${brand.label.replace(/\s*[:：]$/, '')}”`;
  }
  if (facts.price) c.price = { amount: facts.price.amount, ...(facts.price.currency ? { currency: facts.price.currency } : {}), detail: facts.price.where };
  const h1 = s.els.find((e) => e.tagName === 'h1' && textContent(e).trim());
  const site = s.metas.find((m) => m.key === 'og:site_name')?.value;
  if (h1) c.name = cleanLine(textContent(h1));
  else if (s.title) c.name = stripSiteName(s.title, site);
  const box = s.els.find((e) => [attr(e, 'id') ?? '', ...classList(e)].some((t) => DESCRIPTION_BOX.test(t)) && textContent(e).trim().length > 20);
  const metaDescription = s.metas.find((m) => m.key === 'description')?.value;
  if (box) c.description = box;
  else if (metaDescription) c.description = metaDescription;
  const lists: string[] = [];
  for (const e of s.els) {
    if (e.tagName !== 'ul' && e.tagName !== 'ol') continue;
    const marks = `${attr(e, 'id') ?? ''} ${classList(e).join(' ')} ${parentClass(e)}`;
    if (FEATURE_BOX.test(marks) && !NOT_CONTENT.test(marks)) {
      for (const li of e.childNodes) if ('tagName' in li && li.tagName === 'li') lists.push(textContent(li));
    }
  }
  if (lists.length) c.features = lists;
  const body = s.els.find((e) => e.tagName === 'body');
  if (body) {
    const media = galleryMedia(body, base);
    c.images = media.images;
    c.videos = media.videos;
  }
  // WooCommerce keeps every variation's picture and price in one attribute.
  const variations = s.els.find((e) => e.attrs.some((a) => a.name === 'data-product_variations'));
  if (variations) {
    try {
      const list = JSON.parse(attr(variations, 'data-product_variations') ?? '[]') as Array<{ image?: { full_src?: string; full_src_w?: number } }>;
      for (const v of Array.isArray(list) ? list : []) {
        const url = resolveUrl(v.image?.full_src, base);
        if (url) c.images.push({ url, ...(v.image?.full_src_w ? { width: Number(v.image.full_src_w) } : {}) });
      }
    } catch {
      // "false" when the shop loads variations on demand
    }
  }
  return c;
}

/** Reads a product from a page's HTML. Throws ImportError('no-product') when there is none. */
export function extractFromHtml(html: string, opts: ExtractOptions = {}): ExtractedProduct {
  const s = scan(html);
  const base = pageBase(s, opts);
  const notes: string[] = [];
  const cands: Candidate[] = [];
  const lang = s.lang ?? s.metas.find((m) => m.key === 'og:locale')?.value.replace('_', '-');

  // JSON-LD: each block on its own, so one broken block does not hide the others.
  const roots: Json[] = [];
  s.ldJson.forEach((text, i) => {
    if (!text.trim()) return;
    const parsed = parseJsonLenient(text);
    if (!parsed.ok) {
      notes.push(`JSON-LD block ${i + 1} of ${s.ldJson.length} is not valid JSON — ${parsed.error} — so it was skipped.`);
      return;
    }
    if (parsed.repaired) notes.push(`JSON-LD block ${i + 1} had syntax errors (comments, trailing commas or raw line breaks); read it anyway.`);
    roots.push(parsed.value as Json);
  });
  const ld = productCandidate(roots, 'json-ld', base, notes);
  if (ld) cands.push(ld);

  const micro = productCandidate(microdataItems(s.els, base), 'microdata', base, notes);
  if (micro) cands.push(micro);
  const rdfa = productCandidate(rdfaItems(s.els, base), 'rdfa', base, notes);
  if (rdfa) cands.push(rdfa);

  const scripts = scriptTexts(s.els);
  const currencyHint = scriptCurrency(scripts) ?? s.metas.find((m) => /price:currency$/.test(m.key))?.value;
  for (const { text } of s.appJson) {
    if (text.length > 5_000_000 || !/"variants"/.test(text)) continue;
    const parsed = parseJsonLenient(text);
    if (!parsed.ok) continue;
    const v = parsed.value;
    const p = isShopifyProduct(v) ? v : isObject(v) && isShopifyProduct(v.product) ? v.product : null;
    if (p) {
      cands.push(shopifyCandidate(p, base, currencyHint && isCurrencyCode(currencyHint) ? currencyHint : undefined, 'in the page'));
      break;
    }
  }
  if (isAmazonPage(s.els)) cands.push(amazonCandidate(s.els, scripts, base, lang));
  const og = openGraphCandidate(s.metas, base, currencyHint);
  if (og) cands.push(og);
  const tw = twitterCandidate(s.metas, base, lang);
  if (tw) cands.push(tw);
  const facts = pageFacts(s, lang);
  cands.push(pageCandidate(s, base, facts));
  const currency = pageCurrency({ metas: s.metas, els: s.currencyEls, scripts, ...(lang ? { lang } : {}) });

  const hasRelative = !base && /\b(src|href)=["']?(?!https?:|\/\/|data:|#|mailto:|javascript:)[^"'\s>]+\.(jpe?g|png|webp|gif)/i.test(html);
  const product = mergeCandidates(cands, notes, { ...(lang ? { language: lang } : {}), ...(s.title ? { pageTitle: s.title } : {}), ...(currency ? { currency } : {}) });
  if (hasRelative) notes.push('Some pictures use paths relative to the page, and the page does not say its own address: enter the product link to find them.');
  if (!product.url && base?.startsWith('http')) product.url = base;
  return product;
}

/** Reads a product from JSON: Shopify, WooCommerce Store API, JSON-LD, or talkreel's product.json. */
export function extractFromJson(value: unknown, opts: ExtractOptions = {}): ExtractedProduct {
  const base = opts.url ?? opts.fallbackBase;
  const notes: string[] = [];
  let cand: Candidate | null = null;
  if (isObject(value) && isShopifyProduct(value.product)) cand = shopifyCandidate(value.product, base, undefined);
  else if (isShopifyProduct(value)) cand = shopifyCandidate(value, base, undefined);
  else if (isWooProduct(value)) cand = wooCandidate(value, base);
  else if (Array.isArray(value) && value.length && isWooProduct(value[0])) {
    cand = wooCandidate(value[0] as Record<string, Json>, base);
    if (value.length > 1) notes.push(`The JSON lists ${value.length} products; used the first, “${cand.name}”.`);
  } else if (isTalkreelProduct(value)) cand = talkreelCandidate(value, base, notes);
  else {
    const roots = asArray(value as Json);
    if (roots.some((r) => isObject(r) && (isProductNode(r) || '@graph' in r || '@context' in r))) cand = productCandidate(roots, 'json-ld', base, notes);
  }
  if (!cand) {
    throw new ImportError(
      'no-product',
      'This JSON holds no product that talkreel knows how to read.',
      'It understands Shopify product JSON (/products/<handle>.json or .js), the WooCommerce Store API, schema.org Product JSON-LD, and talkreel’s product.json.',
    );
  }
  const product = mergeCandidates([cand], notes);
  if (!product.url && base?.startsWith('http')) product.url = base;
  return product;
}
