/**
 * Every script language: options are distinct, name the product, have no unfilled slots, state
 * only the product's facts, are written in the language (not word-by-word English), and are sized
 * to 15/30/60 s by the estimate. (The real voice times them in e2e/script-languages.spec.ts.)
 */
import { describe, expect, it } from 'vitest';
import { generateScripts, spokenName, STYLES, type ScriptProduct } from './generate.ts';
import { checkFacts } from './facts.ts';
import { LANGUAGE_PACKS, scriptLanguages } from './lang/index.ts';
import { scriptText, sentencesOf } from './text.ts';
import type { Duration } from './types.ts';
import { NATIVE } from './fixtures.test-data.ts';
import { SCRIPT_LANGUAGES } from '../voice/voices.ts';

const DURATIONS: Duration[] = [15, 30, 60];
const within = (s: number, d: number, tol = 0.1) => Math.abs(s - d) <= d * tol;

/** A letter of the language's own script must appear in every line (not English templates). */
const SCRIPT: Record<string, RegExp> = {
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  zh: /\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u,
  hi: /\p{Script=Devanagari}/u,
  ar: /\p{Script=Arabic}/u,
};

/** English template lines that must never show up in another language's script. */
const ENGLISH = /\b(tap the link|get yours|check out|let me|you need to see|reasons you'll love|take a closer look)\b/i;

/** The price as each language says it (Intl number format + the language's currency word). */
const SPOKEN_PRICE: Record<string, string> = {
  en: '$34',
  es: '29,90 euros',
  pt: '129,90 reais',
  fr: '29,90 euros',
  de: '29,90 Euro',
  it: '29,90 euro',
  nl: '29,95 euro',
  ja: '3,980えん',
  zh: '199元',
  ko: '39,000원',
  hi: '1,499 रुपये',
  ar: '129 ريالًا',
  id: '249.000 rupiah',
  tr: '899 lira',
};

const END = /[.!?…。！？।؟]$/;

function expectGood(lang: string, product: ScriptProduct, duration: Duration, opts: { sized?: boolean } = {}) {
  const options = generateScripts(product, { language: lang, duration });
  const pack = LANGUAGE_PACKS[lang]!;
  expect(options.length, `${lang} ${duration}`).toBeGreaterThanOrEqual(4);
  const texts = options.map(scriptText);
  expect(new Set(texts).size).toBe(texts.length);
  expect(new Set(options.map((o) => o.style)).size).toBe(options.length);
  for (const o of options) {
    const text = scriptText(o);
    const where = `${lang} ${duration} ${o.style}: ${text}`;
    expect(o.language, where).toBe(lang);
    expect(o.languageFallback).toBe(false);
    expect(text, where).toContain(spokenName(product.name) || pack.fallbackName);
    expect(text, where).not.toMatch(/[{}]|undefined|null|NaN|\s{2}|\s[,.!?،؟。、]|<|>|\*\*|&[a-z]+;|https?:/);
    expect(text.includes(String.fromCharCode(0)), where).toBe(false);
    if (lang !== 'en') expect(text, where).not.toMatch(ENGLISH);
    expect(checkFacts(text, product, pack), where).toEqual([]);
    expect(o.segments[0]!.scene.kind).toBe('presenter');
    expect(o.segments.at(-1)!.scene.kind).toBe('cta');
    for (const s of o.segments) {
      expect(s.text.trim(), where).toBe(s.text);
      expect(s.text, where).toMatch(END);
      expect(sentencesOf(s.text).length, s.text).toBeLessThanOrEqual(2);
      if (SCRIPT[lang]) expect(s.text, s.text).toMatch(SCRIPT[lang]);
      if (s.scene.kind === 'product') expect(s.scene.image).toBeLessThan(product.imageCount);
    }
    if (opts.sized !== false) expect(within(o.estimatedSeconds, duration), `${where} (${o.estimatedSeconds} s)`).toBe(true);
  }
  return options;
}

describe('script languages', () => {
  it('has templates for every language the app offers', () => {
    const offered = SCRIPT_LANGUAGES.map((l) => l.code);
    expect(offered).toHaveLength(14);
    for (const code of offered) expect(scriptLanguages()).toContain(code);
    expect(LANGUAGE_PACKS.ar!.rtl).toBe(true);
  });

  for (const lang of Object.keys(NATIVE)) {
    describe(lang, () => {
      for (const duration of DURATIONS) {
        it(`writes ≥4 distinct, clean, factual options sized to ${duration} s`, () => {
          expectGood(lang, NATIVE[lang]!, duration);
        });
      }

      it('offers the core structures and says the price the local way', () => {
        const options = generateScripts(NATIVE[lang]!, { language: lang, duration: 30 });
        expect(options.map((o) => o.style)).toEqual(expect.arrayContaining(['hook-benefits-cta', 'problem-solution', 'demo', 'offer-value']));
        for (const o of options) expect(STYLES).toContain(o.style);
        const all = options.map(scriptText).join(' ');
        expect(all).toContain(SPOKEN_PRICE[lang]);
      });

      it('never mentions a price when there is none', () => {
        const product = { ...NATIVE[lang]!, price: undefined };
        for (const o of generateScripts(product, { language: lang, duration: 30 })) {
          expect(checkFacts(scriptText(o), product, LANGUAGE_PACKS[lang]!)).toEqual([]);
          expect(scriptText(o)).not.toContain(SPOKEN_PRICE[lang]);
        }
      });

      it('copes with an empty description, a 50 000-character page and markup in every field', () => {
        const base = NATIVE[lang]!;
        // Empty description and no features: the templates still make four short, sane ads.
        const bare = { ...base, description: '', features: [] };
        for (const d of DURATIONS) {
          const options = expectGood(lang, bare, d, { sized: false });
          for (const o of options) {
            expect(o.estimatedSeconds).toBeLessThanOrEqual(d * 1.1);
            // Too little to say for the duration: the option says so, plainly.
            if (o.estimatedSeconds < d * 0.9) expect(o.notes?.join(' ')).toMatch(new RegExp(`Not enough product details for ${d} s`));
          }
        }
        expect(generateScripts(bare, { language: lang, duration: 60 }).some((o) => o.notes?.some((n) => n.startsWith('Not enough')))).toBe(true);
        // A pasted page: the description repeated with markup, emoji and shop noise, 50 000 chars.
        let page = '';
        const noise = '<p>FREE SHIPPING!!! 🔥🔥 <a href="https://shop.example/x">Click here</a></p><script>alert(1)</script>';
        while (page.length < 50_000) page += `<p>${base.description}</p><ul>${base.features.map((f) => `<li>${f}</li>`).join('')}</ul>${noise}\n`;
        const t0 = performance.now();
        const huge = expectGood(lang, { ...base, description: page }, 30);
        expect(performance.now() - t0).toBeLessThan(3000);
        for (const o of huge) expect(scriptText(o)).not.toMatch(/shipping|click|alert|shop\.example/i);
        // Markup in the name, brand and features is cleaned, never spoken.
        const marked = {
          ...base,
          name: `<b>${base.name}</b> ✨`,
          brand: `<i>${base.brand}</i>`,
          features: base.features.map((f) => `<li>**${f}**</li>`),
        };
        const options = generateScripts(marked, { language: lang, duration: 15 });
        expect(options.length).toBeGreaterThanOrEqual(4);
        for (const o of options) {
          expect(scriptText(o)).toContain(base.name);
          expect(scriptText(o)).not.toMatch(/[<>*✨]/u);
        }
      });
    });
  }

  it('keeps Japanese lines written with kanji (the voice reads them through kuromoji)', () => {
    const options = generateScripts(NATIVE.ja!, { language: 'ja', duration: 30 });
    expect(options.map(scriptText).join(' ')).toMatch(/真空断熱/);
    for (const o of options) expect(o.notes ?? []).not.toContainEqual(expect.stringMatching(/kana/));
  });

  it('keeps Turkish capitals Turkish (İ, not I)', () => {
    const product = { ...NATIVE.tr!, features: ['iki kat yalıtım'], description: '' };
    const all = [15, 30, 60].flatMap((d) => generateScripts(product, { language: 'tr', duration: d as Duration })).map(scriptText).join(' ');
    expect(all).toMatch(/İki kat yalıtım|iki kat yalıtım/);
    expect(all).not.toMatch(/\bIki\b/);
  });
});
