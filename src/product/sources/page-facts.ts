/**
 * Facts a page states only in its visible markup: a spec table or list ("Brand: Northwind",
 * "Marke", "Prix"), a displayed price (`itemprop=price`, `data-price`, `.price`), and what the
 * page says about its currency (site metadata, Shopify's script, price text, its locale). Used
 * when no structured source (JSON-LD, microdata, Open Graph product tags) gives them.
 */
import type { PriceCandidate } from '../candidate.ts';
import { attr, classList, isElement, parentElement, textContent, type HtmlElement } from '../html.ts';
import { currencyFromLocale, currencyFromText, isCurrencyCode, parseAmount } from '../price.ts';
import { cleanLine } from '../text.ts';
import type { MetaTag } from './meta.ts';

export interface SpecRow {
  label: string;
  value: string;
}

const cellText = (el: HtmlElement) => cleanLine(textContent(el));
const elementKids = (el: HtmlElement) => el.childNodes.filter(isElement);

/** Label/value pairs of `<table>` rows (th+td or td+td) and `<dl>` lists (dt+dd), from a page's `tr` and `dl` elements. */
export function specRows(els: HtmlElement[]): SpecRow[] {
  const rows: SpecRow[] = [];
  for (const el of els) {
    if (el.tagName === 'tr') {
      const cells = elementKids(el).filter((c) => c.tagName === 'th' || c.tagName === 'td');
      if (cells.length === 2) rows.push({ label: cellText(cells[0]!), value: cellText(cells[1]!) });
    } else if (el.tagName === 'dl') {
      // dt/dd pairs, also when each pair is wrapped in a <div> (allowed by HTML).
      const items = elementKids(el).flatMap((c) => (c.tagName === 'div' ? elementKids(c) : [c]));
      for (let i = 0; i + 1 < items.length; i++) {
        if (items[i]!.tagName === 'dt' && items[i + 1]!.tagName === 'dd') rows.push({ label: cellText(items[i]!), value: cellText(items[i + 1]!) });
      }
    }
  }
  return rows.filter((r) => r.label && r.value && r.label.length <= 40);
}

const BRAND_LABEL = /^(brand|brand name|marke|marca|marque|merk|marchio|märke|hersteller|manufacturer|fabricant|fabricante|produttore|ブランド|メーカー|品牌|브랜드)\s*[:：]?$/i;
const PRICE_LABEL = /^(price|our price|preis|prix|precio|prezzo|preço|prijs|pris|cena|fiyat|価格|価格（税込）|价格|售价|가격)\s*[:：]?$/i;

export function specBrand(rows: SpecRow[]): SpecRow | undefined {
  return rows.find((r) => BRAND_LABEL.test(r.label) && r.value.length <= 60 && /\p{L}/u.test(r.value));
}

export function specPrice(rows: SpecRow[], lang?: string): (PriceCandidate & { text: string; label: string }) | undefined {
  for (const r of rows) {
    if (!PRICE_LABEL.test(r.label)) continue;
    const amount = parseAmount(r.value, true);
    if (amount === null || amount <= 0) continue;
    const currency = currencyFromText(r.value, lang);
    return { amount, ...(currency ? { currency } : {}), text: r.value, label: r.label.replace(/\s*[:：]$/, '') };
  }
  return undefined;
}

// Chrome of the page and other products: their prices are not this product's.
const NOT_THIS_PRODUCT = /(related|recommend|upsell|cross-?sell|recently|similar|also-?(bought|viewed)|you-?may|bundle|review|footer|header|nav|menu|mini-?cart|cart-drawer|newsletter|breadcrumb)/i;
const NOT_THIS_PRICE = /(old|was|compare|regular|strike|list|original|before|rrp|msrp|unit)[-_]?price|price[-_]?(old|was|compare|regular|before|per|unit)/i;

function outsideProduct(el: HtmlElement): boolean {
  for (let e: HtmlElement | null = el; e; e = parentElement(e)) {
    if (['header', 'footer', 'nav', 'aside', 'del', 's', 'strike', 'script', 'template'].includes(e.tagName)) return true;
    if (NOT_THIS_PRODUCT.test(`${attr(e, 'id') ?? ''} ${classList(e).join(' ')}`)) return true;
  }
  return false;
}

const PRICE_CLASS = /^(price|product-price|product__price|price-item|current-price|sale-price|price--sale|woocommerce-Price-amount)$/i;

/** Whether an element marks up a price (`itemprop=price`, `data-price`, a `.price` box). Runs on every element: cheap tests first. */
export function isPriceElement(el: HtmlElement): boolean {
  for (const a of el.attrs) {
    if ((a.name === 'itemprop' && a.value === 'price') || a.name === 'data-price' || a.name === 'data-price-amount') return true;
    if (a.name === 'class' && /price/i.test(a.value) && a.value.split(/\s+/).some((c) => PRICE_CLASS.test(c))) return true;
  }
  return false;
}

/**
 * The first displayed price of the page's own product, with the currency its text shows.
 * Only a price whose text carries a currency (symbol or code) counts: a bare number in a
 * `.price` box could be anything (a count, cents, another unit).
 */
export function priceMarkup(els: HtmlElement[], lang?: string): (PriceCandidate & { text: string }) | undefined {
  for (const el of els) {
    // A page hands over only its price elements, a test any; both are checked the same.
    if (!isPriceElement(el) || NOT_THIS_PRICE.test(classList(el).join(' ')) || outsideProduct(el)) continue;
    const text = cleanLine(textContent(el));
    const currency = text.length <= 40 ? currencyFromText(text, lang) : undefined;
    if (!currency) continue;
    // A decimal in the attribute is exact ("49.90"); otherwise read the displayed text.
    const raw = attr(el, 'content') ?? attr(el, 'data-price-amount') ?? attr(el, 'data-price');
    const exact = raw !== undefined && /^\d+(\.\d+)?$/.test(raw.trim()) && (raw.includes('.') || parseAmount(text, true) === Number(raw)) ? Number(raw) : null;
    const amount = exact ?? parseAmount(text, true);
    if (amount === null || amount <= 0) continue;
    return { amount, currency, text };
  }
  return undefined;
}

export interface CurrencyHint {
  code: string;
  /** Where the page says it, as the form shows it. */
  source: string;
  /** Inferred from the locale rather than stated: worth a note. */
  weak?: boolean;
}

/** Shopify themes declare the shop's currency in a script. */
export function scriptCurrency(scripts: string[]): string | undefined {
  for (const s of scripts) {
    const m = /Shopify\.currency\s*=\s*\{\s*"active"\s*:\s*"([A-Z]{3})"/.exec(s) ?? /ShopifyAnalytics\.meta\.currency\s*=\s*['"]([A-Z]{3})['"]/.exec(s);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The page's currency from its own context, strongest evidence first: site currency metadata,
 * an `itemprop=priceCurrency` anywhere, Shopify's script, then the region of its language tag
 * (de-DE → EUR). Nothing when the page gives no hint. (A displayed price's symbol needs no
 * hint: the page candidate's price carries it, see priceMarkup.)
 */
export function pageCurrency(opts: { metas: MetaTag[]; /** Elements with itemprop=priceCurrency (others are skipped). */ els: HtmlElement[]; scripts: string[]; lang?: string }): CurrencyHint | undefined {
  for (const key of ['product:price:currency', 'og:price:currency', 'product:sale_price:currency']) {
    const v = opts.metas.find((m) => m.key === key)?.value.trim();
    if (v && isCurrencyCode(v)) return { code: v.toUpperCase(), source: `page metadata (${key})` };
  }
  for (const el of opts.els) {
    if (attr(el, 'itemprop') !== 'priceCurrency') continue;
    const v = (attr(el, 'content') ?? textContent(el)).trim();
    if (isCurrencyCode(v)) return { code: v.toUpperCase(), source: 'page markup (itemprop=priceCurrency)' };
  }
  const shopify = scriptCurrency(opts.scripts);
  if (shopify && isCurrencyCode(shopify)) return { code: shopify, source: 'Shopify.currency in the page' };
  const fromLocale = currencyFromLocale(opts.lang);
  if (fromLocale) return { code: fromLocale, source: `page language (${opts.lang})`, weak: true };
  return undefined;
}
