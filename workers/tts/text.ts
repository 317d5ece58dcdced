/*
 * Text → the words we time, and the SSML string espeak-ng speaks (this espeak build always
 * parses SSML). Pure: no engine, no DOM.
 */

/** One word of the original text: UTF-16 offsets, surrounding punctuation left out. */
export interface Token {
  start: number;
  end: number;
  /**
   * What espeak reads in place of the word's own text, where espeak would misread or skip it:
   * a kanji word's kana reading, "¥299" as "299元". Captions still show the original text.
   */
  say?: string;
  /** A language whose voice reads this word (SSML `<voice xml:lang>`): "en" for a Latin brand name in Japanese. */
  lang?: string;
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
 * Full-width digits, Latin letters and the signs spoken with numbers (３０％, ＵＳＢ): espeak reads
 * them as "letter" names in Japanese, Chinese and Korean, so they are read as their ASCII forms.
 */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF03-\uFF06\uFF0B\uFF20]/u;

/** One character as espeak should read it: full-width forms folded, then `& < >` escaped. */
function spoken(ch: string): string {
  const c = FULL_WIDTH.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch;
  return ESCAPES[c] ?? c;
}

/**
 * The text espeak speaks: the original with `& < >` escaped and a `<mark name="wN"/>` right
 * before each word N, so espeak reports where each word starts in the audio. A word with a
 * `say` is read as that text instead, and one with a `lang` inside `<voice xml:lang>` (which
 * keeps the voice variant); everything espeak reads for such a word maps to its first offset.
 */
export function buildSsml(text: string, tokens: readonly Token[]): SsmlText {
  const parts: string[] = [];
  const origin: number[] = [];
  const push = (out: string, at: number): void => {
    parts.push(out);
    for (const _ of out) origin.push(at);
  };
  let next = 0;
  let i = 0;
  while (i < text.length) {
    while (next < tokens.length && tokens[next]!.start <= i) {
      const t = tokens[next]!;
      push(`<mark name="${markName(next)}"/>`, i);
      next++;
      if (t.say === undefined && t.lang === undefined) continue;
      if (t.lang) push(`<voice xml:lang="${t.lang}">`, i);
      if (t.say !== undefined) {
        for (const ch of t.say) push(spoken(ch), i);
      } else {
        for (let k = i; k < t.end; ) {
          const ch = String.fromCodePoint(text.codePointAt(k)!);
          push(spoken(ch), k);
          k += ch.length;
        }
      }
      if (t.lang) push('</voice>', i);
      i = Math.max(i, t.end);
    }
    if (i >= text.length) break;
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    push(spoken(ch), i);
    i += ch.length;
  }
  return { ssml: parts.join(''), origin: Int32Array.from(origin) };
}

/**
 * `tokens` with the words overlapping [start, end) replaced by one word over that span (kept in
 * order): a price "¥299" that the segmenter split into "¥" and "299" is read as one.
 */
export function mergeSpan(tokens: readonly Token[], start: number, end: number, extra: Omit<Token, 'start' | 'end'> = {}): Token[] {
  const before = tokens.filter((t) => t.end <= start);
  const after = tokens.filter((t) => t.start >= end);
  return [...before, { start, end, ...extra }, ...after];
}

/**
 * Signs espeak skips in some languages, read as the word a speaker says (after the number, as
 * they say it): ¥ in Japanese (円) and Chinese (元), ₹ in Hindi, % in Arabic.
 */
const SIGN_RULES: Record<string, ReadonlyArray<{ re: RegExp; say: (num: string) => string }>> = {
  ja: [{ re: /[¥￥]\s?([0-9０-９]+(?:[,.，．][0-9０-９]+)*)/gu, say: (n) => `${n}えん` }],
  zh: [{ re: /[¥￥]\s?([0-9０-９]+(?:[,.，．][0-9０-９]+)*)/gu, say: (n) => `${n}元` }],
  hi: [{ re: /₹\s?([0-9०-९]+(?:[,.][0-9०-९]+)*)/gu, say: (n) => `${n} रुपये` }],
  ar: [{ re: /([0-9٠-٩]+(?:[,.٫][0-9٠-٩]+)*)\s?[%٪]/gu, say: (n) => `${n} بالمئة` }],
};

/** `tokens` with the signs espeak skips in `lang` (primary subtag) given a reading. */
export function readSigns(text: string, tokens: readonly Token[], lang: string): Token[] {
  let out = [...tokens];
  for (const rule of SIGN_RULES[lang] ?? []) {
    for (const m of text.matchAll(rule.re)) out = mergeSpan(out, m.index, m.index + m[0].length, { say: rule.say(m[1]!) });
  }
  return out;
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
