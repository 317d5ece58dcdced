import { describe, it, expect } from 'vitest';
import { generateScripts, spokenName, type ScriptProduct } from './generate.ts';
import { estimateSeconds } from './estimate.ts';
import { scriptText } from './text.ts';
import type { Duration, ScriptOption } from './types.ts';
import { BARE, EARBUDS, EMPTY, RICH, TETERA, THIN, hugeProduct } from './fixtures.test-data.ts';

const DURATIONS: Duration[] = [15, 30, 60];
const within = (s: number, d: number, tol = 0.1) => Math.abs(s - d) <= d * tol;

/** Invariants every option must keep. */
function expectWellFormed(options: ScriptOption[], product: ScriptProduct, lang = 'en'): void {
  expect(options.length).toBeGreaterThanOrEqual(4);
  const texts = options.map(scriptText);
  expect(new Set(texts).size).toBe(texts.length);
  expect(new Set(options.map((o) => o.style)).size).toBe(options.length);
  expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
  for (const o of options) {
    const text = scriptText(o);
    expect(text, o.style).toContain(spokenName(product.name));
    expect(text).not.toMatch(/[{}]|undefined|null|NaN|\s{2}|\s[,.!?]|\.\.|<|>|\*\*|&[a-z]+;|https?:/);
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(o.title.length).toBeGreaterThan(0);
    expect(o.estimatedSeconds).toBeCloseTo(estimateSeconds(text, lang), 1);
    expect(o.segments[0]!.scene.kind).toBe('presenter');
    expect(o.segments.at(-1)!.scene.kind).toBe('cta');
    for (const s of o.segments) {
      expect(s.text.trim()).toBe(s.text);
      expect(s.text.length).toBeGreaterThan(0);
      expect(s.text).toMatch(/^[\p{Lu}¿¡\d$]/u);
      expect(s.text).toMatch(/[.!?]$/);
      // One or two sentences a segment.
      expect((s.text.match(/[.!?…]+(?=\s|$)/g) ?? []).length, s.text).toBeLessThanOrEqual(2);
      if (s.scene.kind === 'product') {
        expect(s.scene.image).toBeGreaterThanOrEqual(0);
        expect(s.scene.image).toBeLessThan(product.imageCount);
      }
    }
  }
}

/** Every number said must come from the product data: no invented ratings, prices, specs. */
function expectNoInventedNumbers(options: ScriptOption[], product: ScriptProduct): void {
  const source = [product.name, product.description, product.features.join(' '), product.price ?? '', product.brand ?? ''].join(' ');
  const known = new Set(source.match(/\d+(?:[.,]\d+)?/g) ?? []);
  for (const o of options) {
    for (const n of scriptText(o).match(/\d+(?:[.,]\d+)?/g) ?? []) expect(known, `${n} in ${o.style}`).toContain(n);
  }
}

describe('generateScripts (English)', () => {
  for (const [label, product] of [['rich', RICH], ['thin', THIN], ['plural name', EARBUDS]] as const) {
    for (const duration of DURATIONS) {
      it(`writes ≥4 distinct, clean options for a ${label} product at ${duration} s, each within ±10 %`, () => {
        const options = generateScripts(product, { language: 'en', duration });
        expectWellFormed(options, product);
        expectNoInventedNumbers(options, product);
        for (const o of options) {
          expect(within(o.estimatedSeconds, duration), `${o.style}: ${o.estimatedSeconds}`).toBe(true);
          expect(o.targetSeconds).toBe(duration);
          expect(o.language).toBe('en');
          expect(o.languageFallback).toBe(false);
        }
      });
    }
  }

  it('offers the four core structures', () => {
    const styles = generateScripts(RICH, { language: 'en', duration: 30 }).map((o) => o.style);
    expect(styles).toEqual(expect.arrayContaining(['hook-benefits-cta', 'problem-solution', 'demo', 'offer-value']));
  });

  it('uses the name naturally: not in every sentence', () => {
    for (const o of generateScripts(RICH, { language: 'en', duration: 60 })) {
      const text = scriptText(o);
      const mentions = text.split('Aurora Ceramic Pour-Over Kettle').length - 1;
      expect(mentions).toBeGreaterThanOrEqual(1);
      expect(mentions).toBeLessThanOrEqual(3);
    }
  });

  it('mentions the price only when one is given', () => {
    const withPrice = generateScripts(RICH, { language: 'en', duration: 30 });
    expect(withPrice.some((o) => scriptText(o).includes('$89'))).toBe(true);
    const noPrice = generateScripts({ ...RICH, price: undefined }, { language: 'en', duration: 30 });
    for (const o of noPrice) expect(scriptText(o)).not.toMatch(/\$|\bprice\b|\d+\.\d\d\b/i);
    // A price-less description with "$50" (a shipping promo) must not leak either.
    for (const o of noPrice) expect(scriptText(o)).not.toContain('50');
  });

  it('invents no claims: no ratings, discounts, urgency or shipping talk', () => {
    for (const duration of DURATIONS) {
      for (const p of [RICH, THIN, BARE, EARBUDS]) {
        for (const o of generateScripts(p, { language: 'en', duration })) {
          expect(scriptText(o)).not.toMatch(/\b(rated|stars?|reviews?|best-?sell|discount|% off|sale|limited|hurry|only \d+ left|free shipping|shipping|guarantee)\b/i);
        }
      }
    }
  });

  it('cleans markup and emoji from the product copy', () => {
    for (const o of generateScripts(RICH, { language: 'en', duration: 60 })) {
      const text = scriptText(o);
      expect(text).not.toMatch(/[<>*#✅☕✨🔥]|&deg;|FREE|aurora\.example/u);
    }
    const all = generateScripts(RICH, { language: 'en', duration: 60 }).map(scriptText).join(' ');
    expect(all).toContain('200 degrees Fahrenheit');
    expect(all).toMatch(/ergonomic cork-wrapped handle/i);
  });

  it('is deterministic', () => {
    for (const duration of DURATIONS) {
      expect(generateScripts(RICH, { language: 'en', duration })).toEqual(generateScripts(RICH, { language: 'en', duration }));
      expect(generateScripts(THIN, { language: 'en-US', duration })).toEqual(generateScripts(THIN, { language: 'en', duration }));
    }
  });

  it('writes four reasonable 15 s options from a name and one sentence', () => {
    const options = generateScripts(BARE, { language: 'en', duration: 15 });
    expectWellFormed(options, BARE);
    for (const o of options) {
      expect(within(o.estimatedSeconds, 15), `${o.style}: ${o.estimatedSeconds}`).toBe(true);
      expect(scriptText(o)).toContain('minimalist desk lamp');
    }
    // Longer durations: still sane, never padded past the duration.
    for (const duration of [30, 60] as const) {
      const longer = generateScripts(BARE, { language: 'en', duration });
      expectWellFormed(longer, BARE);
      for (const o of longer) expect(o.estimatedSeconds).toBeLessThanOrEqual(duration * 1.1);
    }
  });

  it('works with an empty description and no images', () => {
    for (const duration of DURATIONS) {
      const options = generateScripts(EMPTY, { language: 'en', duration });
      expectWellFormed(options, EMPTY);
      for (const o of options) for (const s of o.segments) expect(s.scene.kind).not.toBe('product');
    }
  });

  it('survives a 50 000-character description quickly with sane output', () => {
    const product = hugeProduct();
    const t0 = performance.now();
    const options = generateScripts(product, { language: 'en', duration: 60 });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000);
    expectWellFormed(options, product);
    for (const o of options) {
      expect(within(o.estimatedSeconds, 60), `${o.style}: ${o.estimatedSeconds}`).toBe(true);
      const text = scriptText(o);
      expect(text).not.toMatch(/lorem|ipsum|shipping|click|monitor/i);
      expect(text.length).toBeLessThan(2000);
    }
  });

  it('says "they" for plural products', () => {
    const all = DURATIONS.flatMap((duration) => generateScripts(EARBUDS, { language: 'en', duration })).map(scriptText).join(' ');
    expect(all).not.toMatch(/\bit's\b|\bit is\b|in one earbuds|This is the Nimbus/i);
    expect(all).toMatch(/they're|These are|them/);
  });

  it('handles missing names and odd inputs without crashing', () => {
    const odd = { name: '   ', description: '!!! ??? ...', features: ['', '   ', '•'], imageCount: 2 } as ScriptProduct;
    const options = generateScripts(odd, { language: 'en', duration: 15 });
    expect(options.length).toBeGreaterThanOrEqual(4);
    for (const o of options) expect(scriptText(o)).toContain('this product');
  });
});

describe('generateScripts (other languages)', () => {
  it('writes Spanish from Spanish templates, sized to the duration', () => {
    for (const duration of DURATIONS) {
      const options = generateScripts(TETERA, { language: 'es-ES', duration });
      expectWellFormed(options, TETERA, 'es');
      expectNoInventedNumbers(options, TETERA);
      for (const o of options) {
        expect(o.language).toBe('es');
        expect(o.languageFallback).toBe(false);
        expect(within(o.estimatedSeconds, duration), `${o.style}: ${o.estimatedSeconds}`).toBe(true);
        expect(scriptText(o)).not.toMatch(/\b(the|and|with|tap|link)\b/i);
      }
    }
  });

  it('falls back to English templates for a language without any, and says so', () => {
    const options = generateScripts(RICH, { language: 'sv', duration: 30 });
    expect(options.length).toBeGreaterThanOrEqual(4);
    for (const o of options) {
      expect(o.language).toBe('en');
      expect(o.languageFallback).toBe(true);
    }
  });
});
