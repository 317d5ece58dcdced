/*
 * Korean text with hanja (韓國, 最高의 品質): espeak-ng's Korean voice reads a hanja as "Chinese
 * letter", so each word with hanja is read as hangul instead, one syllable per character, with
 * the initial-sound rule (두음법칙: 力 at a word's start is 역, inside 력). The table is the
 * `hanja` package's (MIT, ~0.5 MB), loaded only when a Korean line has hanja.
 */
import type { Token } from './text.ts';

const HAN = /\p{Script=Han}/u;

export function hasHanja(text: string): boolean {
  return HAN.test(text);
}

type Translate = (text: string, mode: 'SUBSTITUTION') => string;
let table: Promise<Translate> | null = null;

/** `tokens` of a Korean text, each word with hanja given its hangul reading (`say`). */
export async function readHanja(text: string, tokens: readonly Token[]): Promise<Token[]> {
  table ??= import('hanja/lib/translate.js').then((m: { translate: Translate }) => m.translate);
  const translate = await table;
  return tokens.map((t) => {
    const word = text.slice(t.start, t.end);
    // Per word, so the initial-sound rule applies at each word's start.
    return t.say === undefined && HAN.test(word) ? { ...t, say: translate(word, 'SUBSTITUTION') } : t;
  });
}
