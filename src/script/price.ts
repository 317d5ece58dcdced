/**
 * Prices as a voice should say them in the target language: the amount read off the product's
 * price ("$34", "89,99 €", "R$ 129,90", "¥3,400", "₹499"), formatted with Intl for the target
 * locale and named with the language's own currency word ("34 Dollar", "89,99 euros", "34ドル",
 * "34美元"). A price that is not one clear amount (a range, "from $20", a sentence) is kept as
 * the shop wrote it: it is the user's fact, never rewritten into something else.
 */
import type { LanguagePack } from './lang/types.ts';

export interface ParsedPrice {
  value: number;
  /** ISO 4217 code, when the price names a currency. */
  currency?: string;
  /** The amount has cents ("34.50"), so they are said. */
  cents: boolean;
}

const ISO = /\b(USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|BRL|TRY|IDR|SAR|AED|EGP|MXN|CAD|AUD|CHF|SEK|NOK|DKK|PLN|HKD|SGD|TWD|THB|MYR|PHP|ZAR|NZD|QAR|KWD|MAD)\b/i;

/** Currency marks other than ISO codes, longest first. `$` alone is read as US dollars. */
const SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/R\$/, 'BRL'],
  [/US\$/i, 'USD'],
  [/(?:CA|C)\$/, 'CAD'],
  [/(?:AU|A)\$/, 'AUD'],
  [/HK\$/, 'HKD'],
  [/S\$/, 'SGD'],
  [/NT\$/, 'TWD'],
  [/MX\$/, 'MXN'],
  [/\$/, 'USD'],
  [/€|\beuros?\b/i, 'EUR'],
  [/£/, 'GBP'],
  [/円/, 'JPY'],
  [/元|人民币/, 'CNY'],
  [/[¥￥]/, 'YEN'],
  [/[₩원]/, 'KRW'],
  [/₹|\bRs\.?|रु|रुपये/, 'INR'],
  [/₺|\bTL\b/, 'TRY'],
  [/\bRp\.?/, 'IDR'],
  [/ر\.?\s?س|ريال/, 'SAR'],
  [/د\.?\s?إ|درهم/, 'AED'],
  [/ج\.?\s?م|جنيه/, 'EGP'],
  [/zł/, 'PLN'],
  [/₽/, 'RUB'],
];

/** Currencies without minor units in practice. */
const WHOLE = new Set(['JPY', 'KRW', 'IDR']);

/** Reads one amount and its currency from a price string; null when it is not one clear amount. */
export function parsePrice(raw: string, lang = 'en'): ParsedPrice | null {
  const s = raw.replace(/[\u200e\u200f\u061c]/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).trim();
  const amounts = s.match(/\d[\d.,'\s\u00a0\u202f]*\d|\d/g) ?? [];
  if (amounts.length !== 1) return null;
  let currency: string | undefined;
  const iso = ISO.exec(s);
  if (iso) currency = iso[1]!.toUpperCase() === 'RMB' ? 'CNY' : iso[1]!.toUpperCase();
  else {
    for (const [re, code] of SYMBOLS) {
      if (re.test(s)) {
        currency = code === 'YEN' ? (lang === 'zh' ? 'CNY' : 'JPY') : code;
        break;
      }
    }
  }
  // Anything else in the string (words like "from", "only", "per month") keeps it as written.
  const rest = s
    .replace(amounts[0]!, ' ')
    .replace(ISO, ' ')
    .replace(/R\$|US\$|CA\$|AU\$|HK\$|NT\$|MX\$|[A-Z]?\$|€|£|円|元|人民币|[¥￥₩원₹₺₽]|\bRs\.?|रु|रुपये|\bTL\b|\bRp\.?|ر\.?\s?س|ريال|د\.?\s?إ|درهم|ج\.?\s?م|جنيه|zł|\beuros?\b/gi, ' ')
    .replace(/[\s.,:-]+/g, '');
  if (rest) return null;
  const num = amounts[0]!.replace(/[\s\u00a0\u202f']/g, '');
  const value = parseAmount(num, currency);
  if (value === null) return null;
  return { value, ...(currency ? { currency } : {}), cents: !Number.isInteger(value) && !WHOLE.has(currency ?? '') };
}

function parseAmount(num: string, currency?: string): number | null {
  const lastDot = num.lastIndexOf('.');
  const lastComma = num.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the last one is the decimal separator.
    normalized = lastDot > lastComma ? num.replace(/,/g, '') : num.replace(/\./g, '').replace(',', '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = num.split(sep);
    const tail = parts[parts.length - 1]!;
    // "1.299" / "1,299" / "3,400": a thousands group; "34.5" / "89,99": decimals.
    const grouped = parts.length > 2 || (tail.length === 3 && parts[0]!.length <= 3) || WHOLE.has(currency ?? '');
    normalized = grouped ? parts.join('') : `${parts.slice(0, -1).join('')}.${tail}`;
  } else normalized = num;
  const v = Number(normalized);
  return Number.isFinite(v) && v >= 0 ? v : null;
}

/** The amount formatted for the pack's locale ("34", "89,99", "1.299", "3,400"). */
export function formatAmount(value: number, pack: LanguagePack, cents: boolean): string {
  return new Intl.NumberFormat(pack.locale, {
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
    // French groups with a narrow space, which the voice reads as two numbers ("1 299"): the
    // short amounts of a price read right without grouping.
    useGrouping: pack.code === 'fr' && value < 1_000_000 ? false : 'auto',
  })
    .format(value)
    .replace(/[\u200e\u200f\u061c]/g, '');
}

/**
 * The price as the script says it in the pack's language; the raw price when it is not one
 * clear amount. English keeps the shop's own symbol style ("$34", "€89").
 */
export function spokenPrice(raw: string, pack: LanguagePack): string {
  const p = parsePrice(raw, pack.code);
  if (!p) return raw.trim();
  const amount = formatAmount(p.value, pack, p.cents);
  if (!p.currency) return amount;
  if (pack.code === 'en') {
    try {
      return new Intl.NumberFormat(pack.locale, {
        style: 'currency',
        currency: p.currency,
        minimumFractionDigits: p.cents ? 2 : 0,
        maximumFractionDigits: p.cents ? 2 : 0,
      }).format(p.value);
    } catch {
      return raw.trim();
    }
  }
  const custom = pack.pricePhrase?.(amount, p.value, p.currency);
  if (custom) return custom;
  const words = pack.currencies[p.currency];
  if (!words) {
    try {
      return new Intl.NumberFormat(pack.locale, { style: 'currency', currency: p.currency, currencyDisplay: 'name', maximumFractionDigits: p.cents ? 2 : 0 })
        .format(p.value)
        .replace(/[\u200e\u200f\u061c]/g, '');
    } catch {
      return raw.trim();
    }
  }
  const word = typeof words === 'string' ? words : p.value === 1 ? words[0] : words[1];
  return pack.currencyFirst ? `${word} ${amount}` : `${amount} ${word}`;
}
