import { describe, expect, it } from 'vitest';
import { parsePrice, spokenPrice } from './price.ts';
import { checkFacts } from './facts.ts';
import { localDecimals, speakUnits } from './lang/units.ts';
import { LANGUAGE_PACKS } from './lang/index.ts';
import { estimateSeconds, speechFeatures } from './estimate.ts';

const pack = (code: string) => LANGUAGE_PACKS[code]!;

describe('prices', () => {
  it('reads one amount and its currency in any local format', () => {
    expect(parsePrice('$34')).toEqual({ value: 34, currency: 'USD', cents: false });
    expect(parsePrice('$1,299.50')).toEqual({ value: 1299.5, currency: 'USD', cents: true });
    expect(parsePrice('89,99 €')).toEqual({ value: 89.99, currency: 'EUR', cents: true });
    expect(parsePrice('1.299,00 EUR')).toEqual({ value: 1299, currency: 'EUR', cents: false });
    expect(parsePrice('R$ 129,90')).toEqual({ value: 129.9, currency: 'BRL', cents: true });
    expect(parsePrice('¥3,980')).toEqual({ value: 3980, currency: 'JPY', cents: false });
    expect(parsePrice('¥199', 'zh')).toEqual({ value: 199, currency: 'CNY', cents: false });
    expect(parsePrice('39,000원')).toEqual({ value: 39000, currency: 'KRW', cents: false });
    expect(parsePrice('₹1,499')).toEqual({ value: 1499, currency: 'INR', cents: false });
    expect(parsePrice('Rp 249.000')).toEqual({ value: 249000, currency: 'IDR', cents: false });
    expect(parsePrice('129 ر.س')).toEqual({ value: 129, currency: 'SAR', cents: false });
    expect(parsePrice('٣٤ دولار')).toBeNull(); // a currency word we do not read: kept as written
    expect(parsePrice('899 TL')).toEqual({ value: 899, currency: 'TRY', cents: false });
    // Not one clear amount: kept exactly as the shop wrote it.
    expect(parsePrice('$20 - $30')).toBeNull();
    expect(parsePrice('from $20')).toBeNull();
    expect(parsePrice('$9.99/month')).toBeNull();
  });

  it('says prices the way each language does', () => {
    expect(spokenPrice('$34', pack('en'))).toBe('$34');
    expect(spokenPrice('89 €', pack('en'))).toBe('€89');
    expect(spokenPrice('$34', pack('de'))).toBe('34 Dollar');
    expect(spokenPrice('$1,299.50', pack('de'))).toBe('1.299,50 Dollar');
    expect(spokenPrice('$1,299.50', pack('fr'))).toBe('1299,50 dollars');
    expect(spokenPrice('$34', pack('es'))).toBe('34 dólares');
    expect(spokenPrice('$1', pack('es'))).toBe('1 dólar');
    expect(spokenPrice('$34', pack('ja'))).toBe('34ドル');
    expect(spokenPrice('$34', pack('zh'))).toBe('34美元');
    expect(spokenPrice('$34', pack('ko'))).toBe('34달러');
    expect(spokenPrice('$34', pack('hi'))).toBe('34 डॉलर');
    // Arabic counted nouns: 3–10 plural, 11–99 accusative singular, 100+ singular.
    expect(spokenPrice('$5', pack('ar'))).toBe('5 دولارات');
    expect(spokenPrice('$34', pack('ar'))).toBe('34 دولارًا');
    expect(spokenPrice('$200', pack('ar'))).toBe('200 دولار');
    expect(spokenPrice('from $20', pack('de'))).toBe('from $20');
    expect(spokenPrice('34', pack('it'))).toBe('34');
  });
});

describe('fact check', () => {
  const src = { name: 'Aurora Bottle', description: 'Keeps drinks cold for 24 hours. Holds 1.2 L.', features: ['750 ml'], price: '$1,299.50' };
  it('accepts the product’s own numbers in any local format', () => {
    expect(checkFacts('24 Stunden kalt, 1,2 Liter, 750 Milliliter, 1.299,50 Dollar.', src, pack('de'))).toEqual([]);
    expect(checkFacts('24じかん、1.2リットル。1,299.50ドル。', src, pack('ja'))).toEqual([]);
    expect(checkFacts('٢٤ ساعة', src, pack('ar'))).toEqual([]);
  });
  it('flags invented numbers, prices, discounts and ratings', () => {
    expect(checkFacts('Now only $19.99!', src, pack('en')).map((p) => p.text)).toEqual(['19.99']);
    const problems = checkFacts('Rated 4.8 stars with 50% off.', src, pack('en'));
    expect(problems.filter((p) => p.kind === 'number').map((p) => p.text)).toEqual(['4.8', '50']);
    expect(problems.filter((p) => p.kind === 'claim').map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(['rated', '50% off']));
    expect(checkFacts('Mit 20 % Rabatt, Testsieger!', src, pack('de')).length).toBe(3);
    expect(checkFacts('好评如潮，限时折扣。', src, pack('zh')).length).toBeGreaterThanOrEqual(2);
    // A claim the product itself makes may be repeated.
    expect(checkFacts('Lifetime guarantee.', { ...src, features: ['Lifetime guarantee'] }, pack('en'))).toEqual([]);
  });
});

describe('units and numbers', () => {
  it('moves decimal separators and says units in the language', () => {
    expect(localDecimals('1.2 L and 1,299 items', 'de')).toBe('1,2 L and 1,299 items');
    expect(localDecimals('1,5 L', 'en')).toBe('1.5 L');
    expect(speakUnits('750 ml, 1,2 l, 24 h, 10 min', 'de')).toBe('750 Milliliter, 1,2 Liter, 24 Stunden, 10 Minuten');
    expect(speakUnits('750ml、12h', 'ja')).toBe('750ミリリットル、12じかん');
    expect(speakUnits('5 h or 24 h', 'ar')).toBe('5 ساعات or 24 ساعة');
    expect(speakUnits('100°C', 'fr')).toBe('100 degrés Celsius');
  });

  it('sizes Chinese, Japanese and Korean by characters', () => {
    expect(speechFeatures('保冷24小时，保温12小时。', true)).toMatchObject({ chars: 8, sentences: 1, clauses: 1 });
    expect(speechFeatures('Aurora 保温杯', true)).toMatchObject({ words: 1, chars: 3 });
    // Twice the characters take about twice as long.
    const one = estimateSeconds('保冷二十四小时。', 'zh');
    const two = estimateSeconds('保冷二十四小时，保温十二小时。', 'zh');
    expect(two / one).toBeGreaterThan(1.6);
  });
});
