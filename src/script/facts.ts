/**
 * Fact check: a script may only state what the product data states. Every number it says must
 * be a number of the product data (the price and specs, in any local format), and it may not
 * claim ratings, reviews, discounts, urgency or guarantees the data does not claim. Used on the
 * template generator's output (tests) and on a language model's reply (rejected when it fails).
 */
import type { LanguagePack } from './lang/types.ts';

export interface FactSource {
  name: string;
  description: string;
  features: readonly string[];
  price?: string;
  brand?: string;
}

export interface FactProblem {
  kind: 'number' | 'claim';
  /** The offending text, as found in the script. */
  text: string;
}

const NUMBER = /\d+(?:[.,'\u00a0\u202f ]\d+)*/g;

function westernDigits(s: string): string {
  return s
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x966))
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/٫/g, '.')
    .replace(/٬/g, ',');
}

/** Every value a written number could mean: "1,299" is 1299 or 1.299; "1.2" is 1.2 or 12. */
function readings(num: string): number[] {
  const s = num.replace(/[\s\u00a0\u202f']/g, '');
  const out = new Set<number>();
  out.add(Number(s.replace(/[.,]/g, '')));
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0) out.add(Number(`${s.slice(0, lastDot).replace(/[.,]/g, '')}.${s.slice(lastDot + 1)}`));
  if (lastComma >= 0) out.add(Number(`${s.slice(0, lastComma).replace(/[.,]/g, '')}.${s.slice(lastComma + 1)}`));
  return [...out].filter(Number.isFinite);
}

/** The numbers a text says (with a space-grouped form like "1 299" read as one number too). */
export function numbersIn(text: string): string[] {
  return westernDigits(text).match(NUMBER)?.map((n) => n.trim()) ?? [];
}

function sourceText(src: FactSource): string {
  return [src.name, src.brand ?? '', src.price ?? '', src.description, ...src.features].join('\n');
}

/** Problems with `script` against the product data; empty when it states only known facts. */
export function checkFacts(script: string, src: FactSource, pack: Pick<LanguagePack, 'claims'>): FactProblem[] {
  const source = westernDigits(sourceText(src));
  const known = new Set<number>();
  for (const n of numbersIn(source)) for (const v of readings(n)) known.add(v);
  const problems: FactProblem[] = [];
  for (const n of numbersIn(script)) {
    const isKnown = (p: string) => readings(p).some((v) => known.has(v));
    const parts = n.split(/[\s\u00a0\u202f]+/);
    const ok = isKnown(n) || (parts.length > 1 && parts.every(isKnown));
    if (!ok) problems.push({ kind: 'number', text: n });
  }
  for (const re of pack.claims) {
    const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
    const all = new RegExp(re.source, flags);
    for (const m of script.matchAll(all)) {
      if (!new RegExp(re.source, re.flags.replace('g', '')).test(source)) problems.push({ kind: 'claim', text: m[0] });
    }
  }
  return problems;
}
