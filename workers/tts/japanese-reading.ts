/*
 * Japanese text → the words we time and what espeak-ng reads for each. Pure: the morphemes come
 * from kuromoji (workers/tts/japanese.ts); no dictionary, no engine here.
 *
 * espeak-ng's Japanese voice reads kana only: a kanji comes out as "Chinese letter", a Latin
 * word is spelt letter by letter, and the particles は and へ are read "ha" and "he". So:
 * - a morpheme with kanji is read as its dictionary reading, in hiragana (an unknown kanji
 *   compound is read character by character through `readChar`);
 * - a particle is read as it is pronounced (は → わ, へ → え);
 * - a Latin word is read by the English voice (`lang: 'en'`), a sign such as ％ as its reading;
 * - a number the analyser split ("12" "," "800", or full-width "３" "０") is one word again, so
 *   espeak reads it as one number;
 * - kana words and everything else are left as written.
 * Offsets always point into the original text, so captions show the kanji with its timing.
 */
import { mergeSpan, readSigns, type Token } from './text.ts';

/** The fields of a kuromoji (IPADIC) token that reading needs. */
export interface Morpheme {
  surface_form: string;
  /** Part of speech: 名詞, 助詞, 記号… */
  pos: string;
  /** Katakana; absent or "*" for unknown words. */
  reading?: string | undefined;
  pronunciation?: string | undefined;
}

const HAN = /\p{Script=Han}/u;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;
const LATIN = /\p{Script=Latin}/u;
/** Whitespace and punctuation are not words (spoken signs such as ％ and ¥ are). */
const NOT_A_WORD = /^(?:(?![%‰&#@％＆＃＠])[\s\p{P}])+$/u;
const SIGN = /^[\p{S}%‰&#@％＆＃＠]+$/u;
const NUMBER = /[0-9０-９]+(?:[,.，．][0-9０-９]+)*/gu;

/** Katakana → hiragana (the long-vowel mark ー stays). */
export function toHiragana(kana: string): string {
  return kana.replace(/[\u30A1-\u30F6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const known = (r: string | undefined): r is string => !!r && r !== '*';

/**
 * The words of `text` (given its morphemes, in order) with what espeak reads for each.
 * `readChar` gives the reading (katakana) of one kanji alone, for kanji the analyser did not know.
 */
export function japaneseTokens(text: string, morphemes: readonly Morpheme[], readChar: (ch: string) => string | undefined = () => undefined): Token[] {
  let tokens: Token[] = [];
  let cursor = 0;
  for (const m of morphemes) {
    const s = m.surface_form;
    if (!s) continue;
    const start = text.indexOf(s, cursor);
    if (start < 0) continue;
    const end = start + s.length;
    cursor = end;
    if (NOT_A_WORD.test(s)) continue;
    const t: Token = { start, end };
    if (HAN.test(s)) {
      const say = m.pos === '助詞' && known(m.pronunciation) ? m.pronunciation : known(m.reading) ? m.reading : readEach(s, readChar);
      if (say !== undefined) t.say = toHiragana(say);
    } else if (KANA_ONLY.test(s)) {
      if (m.pos === '助詞' && known(m.pronunciation) && m.pronunciation !== m.reading) t.say = toHiragana(m.pronunciation);
    } else if (LATIN.test(s)) {
      t.lang = 'en';
    } else if (SIGN.test(s) && known(m.reading)) {
      t.say = toHiragana(m.reading); // ％ → ぱーせんと, not the English voice's "percent"
    }
    tokens.push(t);
  }
  for (const n of text.matchAll(NUMBER)) {
    const a = n.index;
    const b = a + n[0].length;
    const inside = tokens.filter((t) => t.end > a && t.start < b);
    if (inside.length > 1 && inside.every((t) => t.say === undefined)) {
      tokens = mergeSpan(tokens, Math.min(a, inside[0]!.start), Math.max(b, inside[inside.length - 1]!.end));
    }
  }
  return readSigns(text, tokens, 'ja');
}

/** A kanji word read character by character; undefined if any kanji has no reading. */
function readEach(surface: string, readChar: (ch: string) => string | undefined): string | undefined {
  let out = '';
  for (const ch of surface) {
    if (!HAN.test(ch)) {
      out += ch;
      continue;
    }
    const r = readChar(ch);
    if (!known(r)) return undefined;
    out += r;
  }
  return out;
}
