/*
 * Text → the words we time, and the SSML string espeak-ng speaks (this espeak build always
 * parses SSML). Pure: no engine, no DOM.
 */

/** One word of the original text: UTF-16 offsets, surrounding punctuation left out. */
export interface Token {
  start: number;
  end: number;
}

/**
 * Punctuation trimmed from a word's edges: quotes, brackets, commas, full stops, dashes, the
 * Devanagari danda, Arabic and CJK punctuation… Signs that are spoken stay ("50%", "#1", "&").
 */
const EDGE = /(?![%‰‱&#@§/\\])[\p{P}`´•]/u;

/** Scripts written without spaces between words: split with Intl.Segmenter instead. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | null = null;

function trimEdges(text: string, start: number, end: number): Token | null {
  while (start < end && EDGE.test(text[start]!)) start++;
  while (end > start && EDGE.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * The words of `text`, in order: whitespace-separated chunks with their edge punctuation trimmed
 * (chunks of punctuation only are not words); chunks in unspaced scripts (Chinese, Japanese,
 * Thai…) are split into dictionary words with Intl.Segmenter.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const chunkStart = m.index;
    const chunk = m[0];
    if (UNSPACED.test(chunk)) {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const seg of segmenter.segment(chunk)) {
        if (!seg.isWordLike) continue;
        const t = trimEdges(text, chunkStart + seg.index, chunkStart + seg.index + seg.segment.length);
        if (t) tokens.push(t);
      }
    } else {
      const t = trimEdges(text, chunkStart, chunkStart + chunk.length);
      if (t) tokens.push(t);
    }
  }
  return tokens;
}

export interface SsmlText {
  ssml: string;
  /**
   * For each code point of `ssml` (espeak counts text positions in code points, from 1), the
   * UTF-16 offset in the original text it stands for. Mark tags and escapes map to the
   * original character they precede / encode.
   */
  origin: Int32Array;
}

export const markName = (i: number): string => `w${i}`;

/** Parses a mark name made by `markName`; null for anything else. */
export function markIndex(id: unknown): number | null {
  if (typeof id !== 'string' || !/^w\d+$/.test(id)) return null;
  return Number(id.slice(1));
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The text espeak speaks: the original with `& < >` escaped and a `<mark name="wN"/>` right
 * before each word N, so espeak reports where each word starts in the audio.
 */
export function buildSsml(text: string, tokens: readonly Token[]): SsmlText {
  const parts: string[] = [];
  const origin: number[] = [];
  let next = 0;
  let i = 0;
  while (i < text.length) {
    while (next < tokens.length && tokens[next]!.start <= i) {
      const tag = `<mark name="${markName(next)}"/>`;
      parts.push(tag);
      for (let k = 0; k < tag.length; k++) origin.push(i);
      next++;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const out = ESCAPES[ch] ?? ch;
    parts.push(out);
    for (const _ of out) origin.push(i);
    i += ch.length;
  }
  return { ssml: parts.join(''), origin: Int32Array.from(origin) };
}

/**
 * The word a text offset belongs to: the word containing it, else the first word after it
 * (an offset on punctuation or space before a word); -1 past the last word.
 */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}
