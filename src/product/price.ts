/** Prices as shops write them ("1.299,00 €", 4900 cents, "$49") → an amount and an ISO currency. */

export interface Money {
  amount: number;
  /** ISO 4217 code, when the page says or shows it. */
  currency?: string;
}

/**
 * A number from a price value. Structured data (`text = false`) uses "." as the decimal point,
 * as schema.org requires; displayed text (`text = true`) may use either separator.
 */
export function parseAmount(value: unknown, text = false): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  // The first number in the string ("$1,299.00 – $1,499.00" → 1299).
  const m = /\d[\d.,'\u00a0\u202f ]*/.exec(value.replace(/[\u2009\u202f]/g, ' '));
  if (!m) return null;
  let s = m[0].replace(/[\s'\u00a0\u202f]/g, '').replace(/[.,]+$/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    s = s.split(thou).join('').replace(dec, '.');
  } else if (lastComma >= 0) {
    const after = s.length - lastComma - 1;
    s = (s.split(',').length === 2 && after > 0 && after <= 2) ? s.replace(',', '.') : s.split(',').join('');
  } else if (lastDot >= 0 && s.split('.').length > 2) {
    s = s.split('.').join('');
  } else if (lastDot >= 0 && text && s.length - lastDot - 1 === 3) {
    s = s.replace('.', '');
  }
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const SYMBOLS: Array<[RegExp, string]> = [
  [/US\$|\$\s?US|USD/i, 'USD'],
  [/CA\$|C\$|CAD/i, 'CAD'],
  [/AU\$|A\$|AUD/i, 'AUD'],
  [/NZ\$|NZD/i, 'NZD'],
  [/HK\$|HKD/i, 'HKD'],
  [/S\$|SGD/i, 'SGD'],
  [/R\$|BRL/i, 'BRL'],
  [/MX\$|MXN/i, 'MXN'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
  [/₹|INR|Rs\.?\s?\d/i, 'INR'],
  [/₩|KRW/i, 'KRW'],
  [/₽|RUB/i, 'RUB'],
  [/zł|PLN/i, 'PLN'],
  [/CHF/i, 'CHF'],
  [/SEK/i, 'SEK'],
  [/NOK/i, 'NOK'],
  [/DKK/i, 'DKK'],
  [/円|JPY/i, 'JPY'],
  [/元|CNY|RMB/i, 'CNY'],
  [/₺|TRY/i, 'TRY'],
  [/₫|VND/i, 'VND'],
];

// Region → currency, for a page whose language tag names a country (de-DE, en-GB, pt-BR).
// A bare language ("de", "en") names no country, so it says nothing about the currency.
const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const REGION_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(EURO.map((r) => [r, 'EUR'])),
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', CH: 'CHF', LI: 'CHF', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD', SG: 'SGD',
  KR: 'KRW', IN: 'INR', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', TR: 'TRY', BR: 'BRL', MX: 'MXN',
  ZA: 'ZAR', AE: 'AED', SA: 'SAR', IL: 'ILS', TH: 'THB', ID: 'IDR', MY: 'MYR', PH: 'PHP', VN: 'VND', UA: 'UAH', AR: 'ARS', CL: 'CLP', CO: 'COP',
};

/** The currency of the country a language tag names ("de-DE" → EUR, "en_GB" → GBP), if any. */
export function currencyFromLocale(lang?: string): string | undefined {
  if (!lang) return undefined;
  let region: string | undefined;
  try {
    region = new Intl.Locale(lang.trim().replace(/_/g, '-')).region;
  } catch {
    return undefined;
  }
  return region ? REGION_CURRENCY[region.toUpperCase()] : undefined;
}

// Currencies written with a bare "$".
const DOLLAR = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP']);

/** Currency from displayed text ("€ 49,90", "¥4,980", "$12"); `lang` settles ¥ and $. */
export function currencyFromText(text: string, lang?: string): string | undefined {
  for (const [re, code] of SYMBOLS) if (re.test(text)) return code;
  const l = (lang ?? '').toLowerCase();
  if (/[¥￥]/.test(text)) return l.startsWith('zh') ? 'CNY' : 'JPY';
  if (/\$/.test(text)) {
    const local = currencyFromLocale(lang);
    return local && DOLLAR.has(local) ? local : 'USD';
  }
  return undefined;
}

export function isCurrencyCode(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Za-z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

function fractionDigits(currency?: string): number {
  if (!currency) return 2;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The amount as a plain decimal string with the currency's usual decimals ("49.90", "4980"). */
export function amountString(m: Money): string {
  const digits = m.currency ? fractionDigits(m.currency) : 2;
  return m.amount.toFixed(digits);
}

/** What the form shows: "$49.90", "129,95 €", "￥4,980" — in the page's own locale. */
export function formatMoney(m: Money, locale?: string): string {
  if (!m.currency) return amountString(m);
  for (const loc of [locale, 'en'].filter(Boolean) as string[]) {
    try {
      // Plain spaces: the price lands in a text field the user may edit.
      return new Intl.NumberFormat(loc, { style: 'currency', currency: m.currency }).format(m.amount).replace(/[\u00a0\u202f]/g, ' ');
    } catch {
      // Unknown locale tag: try the next.
    }
  }
  return `${amountString(m)} ${m.currency}`;
}
