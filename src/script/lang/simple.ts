/**
 * A language pack without a grammar of its own: selling points are said as the product data
 * words them (ad style: "Leak-proof cap with carry loop."), introduced by connectors that read
 * well before a phrase or a sentence ("Außerdem: …", "さらに、…"). Templates are written so they
 * never need to agree with the product noun (no gendered pronouns for the product): the name is
 * said instead, or the line is built around the viewer ("tap the link").
 */
import type { Classified, Connectors, LanguagePack, Line, PointKind, StructureText, StyleId } from './types.ts';
import type { SpeechRate } from '../estimate.ts';
import { localDecimals, speakUnits } from './units.ts';

export interface SimpleDef {
  code: string;
  locale: string;
  fallbackName: string;
  rate?: SpeechRate;
  rtl?: boolean;
  keepCase?: boolean;
  unreadable?: RegExp;
  unreadableNote?: string;
  abbreviations?: readonly string[];
  maxPointWords?: number;
  /** Sentence end for point lines: "." (default), "。", "।". */
  stop?: string;
  numberWords: readonly string[];
  ordinal?: (n: number) => string;
  /** Joins a list: "a, b e c". */
  list: (items: readonly string[]) => string;
  connectors: Connectors;
  /** Frames for a point said as written; {c} connector, {p} point, {P} capitalised. */
  frames?: readonly string[];
  /** "Capacity: 1.2 L" as a clause ({kv} in frames). */
  spec: (key: string, value: string) => string;
  /** Frames for box contents; {value} = the items. */
  box: readonly string[];
  /** Frames for "X included"; {value} = the item. */
  included?: readonly string[];
  /** Recognises "X included" lines in this language; group 1 = X. */
  includedRe?: RegExp;
  spotlight: readonly string[];
  recapLines: readonly Line[];
  facetFrames?: readonly string[];
  generic: LanguagePack['generic'];
  structures: Record<StyleId, StructureText>;
  junk: readonly RegExp[];
  claims: readonly RegExp[];
  labelKeys?: readonly string[];
  boxKeys?: readonly string[];
  benefitWords?: readonly string[];
  concreteWords?: readonly string[];
  properNouns?: readonly string[];
  currencies: LanguagePack['currencies'];
  currencyFirst?: boolean;
  pricePhrase?: LanguagePack['pricePhrase'];
  shopNow: string;
  polish?: (line: string) => string;
  conjunctionStart?: RegExp;
  /** Extra text fixes before units (symbols, "&"…). */
  speakable?: (text: string) => string;
}

export function simplePack(d: SimpleDef): LanguagePack {
  const stop = d.stop ?? '.';
  const frames = d.frames ?? [`{c}{p}${stop}`];
  const includedRe = d.includedRe;
  const classify = (text: string): Classified => {
    const m = includedRe?.exec(text);
    if (m?.[1] && m[1].trim()) return { kind: 'included', value: m[1].trim() };
    return { kind: 'fragment' };
  };
  const all = (f: readonly string[]): Record<PointKind, readonly string[]> => ({
    statement: f,
    fragment: f,
    noun: f,
    adj: f,
    verb: f,
    imperative: f,
    spec: [`{c}{kv}${stop}`],
    included: d.included ?? [`{c}{value}${stop}`],
    box: d.box,
  });
  return {
    code: d.code,
    locale: d.locale,
    fallbackName: d.fallbackName,
    ...(d.rate ? { rate: d.rate } : {}),
    ...(d.rtl ? { rtl: true } : {}),
    ...(d.stop ? { stop: d.stop } : {}),
    ...(d.keepCase ? { keepCase: true } : {}),
    ...(d.unreadable ? { unreadable: d.unreadable, unreadableNote: d.unreadableNote ?? '' } : {}),
    ...(d.ordinal ? { ordinal: d.ordinal } : {}),
    ...(d.conjunctionStart ? { conjunctionStart: d.conjunctionStart } : {}),
    ...(d.polish ? { polish: d.polish } : {}),
    ...(d.currencyFirst ? { currencyFirst: true } : {}),
    ...(d.pricePhrase ? { pricePhrase: d.pricePhrase } : {}),
    currencies: d.currencies,
    shopNow: d.shopNow,
    claims: d.claims,
    abbreviations: d.abbreviations ?? [],
    maxPointWords: d.maxPointWords ?? 20,
    classify,
    speakable: (text) => speakUnits(localDecimals(d.speakable ? d.speakable(text) : text, d.code), d.code),
    definite: (phrase) => phrase,
    nameInSentence: (name) => name,
    agreement: () => ({}),
    list: d.list,
    numberWord: (n) => d.numberWords[n] ?? String(n),
    frames: all(frames),
    bare: {
      statement: '{p}',
      fragment: '{p}',
      noun: '{p}',
      adj: '{p}',
      verb: '{p}',
      imperative: '{p}',
      spec: '{kv}',
      included: '{value}',
      box: '{value}',
    },
    spotlight: d.spotlight,
    recapItem: {
      statement: '{p}',
      fragment: '{p}',
      noun: '{p}',
      adj: '{p}',
      verb: '{p}',
      imperative: '{p}',
      spec: '{spec_item}',
      included: '{value}',
      box: '{value}',
    },
    recapLines: d.recapLines,
    facetFrames: d.facetFrames ?? [`{that_p}${stop}`],
    demonstrative: (phrase) => phrase,
    specPhrases: (key, value) => ({ kv: d.spec(key, value), item: d.spec(key, value) }),
    connectors: d.connectors,
    generic: d.generic,
    structures: d.structures,
    category: {
      nouns: [],
      pluralOnly: [],
      plural: (n) => n,
      indefinite: (n) => n,
      demonstrative: (n) => n,
    },
    junk: d.junk,
    benefitWords: d.benefitWords ?? [],
    concreteWords: d.concreteWords ?? [],
    properNouns: d.properNouns ?? ['bluetooth', 'wi-fi', 'wifi', 'usb', 'usb-c', 'iphone', 'android'],
    labelKeys: d.labelKeys ?? [],
    boxKeys: d.boxKeys ?? [],
  };
}

/** A product shot line (shown over a product image). */
export const productLine = (t: string, minImages = 1): Line => ({ t, scene: 'product', minImages });
