/**
 * Text helpers for the script generator: cleaning shop copy (HTML, Markdown, emoji, entities),
 * splitting it into sentences, trimming, casing, and joining a script for the voice.
 * Pure functions, no DOM.
 */
import type { ScriptOption } from './types.ts';
import { fnv1a32 } from '../util/hash.ts';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  middot: '·',
  deg: '°',
  trade: '',
  reg: '',
  copy: '',
  times: '×',
  eacute: 'é',
  aacute: 'á',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  uuml: 'ü',
  iexcl: '¡',
  iquest: '¿',
  euro: '€',
  pound: '£',
};

/** Decodes HTML character references (named ones we care about, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return ' ';
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[body.toLowerCase()];
    return named ?? m;
  });
}

/**
 * Strips HTML and Markdown to plain text. Block boundaries (paragraphs, list items, headings,
 * line breaks) become newlines so the sentence splitter sees them.
 */
export function stripMarkup(s: string): string {
  let t = s.replace(/\r\n?/g, '\n');
  // In HTML, source line breaks are just spaces: the tags say where blocks end.
  if (/<\s*\/?\s*(p|br|li|div|ul|ol|h[1-6]|tr|td|table|section)\b/i.test(t)) t = t.replace(/[ \t]*\n[ \t]*/g, ' ');
  // HTML
  t = t.replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  t = t.replace(/<!--[\s\S]*?-->/g, ' ');
  t = t.replace(/<\s*(br|hr)\b[^>]*>/gi, '\n');
  t = t.replace(/<\/?\s*(p|div|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|dd|dt|dl)\b[^>]*>/gi, '\n');
  t = t.replace(/<\/?[a-z][^<>]*>/gi, ' ');
  t = decodeEntities(t);
  // Markdown
  t = t.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' ');
  t = t.replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1');
  t = t.replace(/^\s{0,3}#{1,6}\s+/gm, '');
  t = t.replace(/^\s{0,3}>\s?/gm, '');
  t = t.replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, '\n');
  t = t.replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2');
  t = t.replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=$|[\s.,;:!?)])/gm, '$1$2');
  t = t.replace(/`{1,3}([^`\n]*)`{1,3}/g, '$1');
  t = t.replace(/~~([^~\n]+)~~/g, '$1');
  // Links, e-mail addresses, hashtags and handles are not spoken.
  t = t.replace(/\bhttps?:\/\/[^\s<>"')]+/gi, ' ');
  t = t.replace(/\bwww\.[^\s<>"')]+/gi, ' ');
  t = t.replace(/\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g, ' ');
  t = t.replace(/(^|\s)[#@][\p{L}\p{N}_]+/gu, '$1');
  t = t.replace(/[™®©℠]/g, '');
  return t;
}

// Symbols shops use as bullets: they separate items, so they become line breaks.
const BULLET_SYMBOLS =
  /[\u2022\u25AA\u25AB\u25CF\u25CB\u25A0\u25A1\u25C6\u25C7\u25BA\u25B8\u25B9\u27A2\u27A4\u2192\u2713\u2714\u2705\u2611\u2B50\u2605\u2606\u{1F449}\u{1F539}\u{1F538}\u{1F536}\u{1F537}\u{1F31F}\u2728\u{1F525}\u{1F4AF}\u{1F4CC}\u{1F4A1}\u{1F514}\u{1F3C6}]/u;
// Emoji, flags, skin tones, variation selectors, joiners, keycaps, arrows and dingbats.
const EMOJI_RUN =
  /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\uFE0F|\uFE0E|\u200D|\u20E3|[\u2190-\u21FF\u2600-\u27BF\u2B00-\u2BFF\u2022\u25A0-\u25FF])+/gu;

/**
 * Removes emoji. Runs of emoji that include a bullet-like symbol (✅ ✔ ★ 👉 🔥 …) become a
 * line break, because shops use them to separate selling points; other emoji just vanish.
 */
export function removeEmoji(s: string): string {
  const run = EMOJI_RUN;
  return s.replace(run, (m) => (BULLET_SYMBOLS.test(m) ? '\n' : ' '));
}

/** Collapses runs of spaces/tabs (keeps newlines) and trims each line. */
export function normalizeSpace(s: string): string {
  return s
    .replace(/[\t\f\v\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML/Markdown stripped, entities decoded, emoji removed, whitespace normalised. Newlines kept. */
export function cleanText(s: string): string {
  return normalizeSpace(removeEmoji(stripMarkup(s ?? '')));
}

/** Single-line clean text (newlines become spaces): for names, prices and brands. */
export function cleanInline(s: string | undefined | null): string {
  if (!s) return '';
  return cleanText(String(s)).replace(/\s*\n\s*/g, ' ').trim();
}

const DEFAULT_ABBREVIATIONS = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'e.g', 'i.e', 'eg', 'ie', 'approx', 'incl',
  'excl', 'no', 'nos', 'vol', 'fig', 'u.s', 'u.k', 'u.s.a', 'ca', 'cf', 'dept', 'est', 'max', 'min', 'nr', 'pt',
];

const LINE_BULLET = /^\s*(?:[-–—*+•·▪◦‣●○■□◆◇►▸▹➢➤→✓✔>]+|\(?\d{1,2}[.)](?!\d)|\(?[a-h][.)](?=\s))\s*/;
const INLINE_BULLETS = /\s*[•▪◦‣●■◆►▸➢➤]\s*|\s+[·○□◇▹|]\s+/g;

/**
 * Splits shop copy into sentences. Handles bullets ("•", "-", "*", "1."), newlines, inline
 * separators (" • ", " | "), abbreviations ("e.g.", "Dr.", "approx."), decimals ("1.2"),
 * initials and units ("1.2 L."). Headings (short lines ending in ":") are dropped.
 */
export function splitSentences(text: string, abbreviations: readonly string[] = DEFAULT_ABBREVIATIONS): string[] {
  const abbr = new Set(abbreviations.map((a) => a.toLowerCase().replace(/\.$/, '')));
  const out: string[] = [];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(INLINE_BULLETS, '\n')
    // Full-width sentence ends (Chinese, Japanese) need no space after them; the danda and the
    // Arabic question mark end a sentence too.
    .replace(/([。！？]+[」』）"”’]*)\s*/g, '$1\n')
    .replace(/([।॥؟]+)\s+/g, '$1\n')
    .split('\n');
  for (const raw of lines) {
    let line = raw.replace(LINE_BULLET, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (/:\s*$/.test(line) && line.split(' ').length <= 8) continue; // heading
    line = line.replace(/^[-–—:;,.\s]+/, '');
    for (const s of splitLine(line, abbr)) {
      const t = s.trim();
      if (t && /[\p{L}\p{N}]/u.test(t)) out.push(t);
    }
  }
  return out;
}

function splitLine(line: string, abbr: Set<string>): string[] {
  const parts: string[] = [];
  const re = /([.!?…]+)(["'”’)\]]*)(\s+|$)/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const end = m.index + m[1]!.length + m[2]!.length;
    const after = line.slice(m.index + m[0].length);
    if (after.length > 0 && m[1] === '.') {
      const before = line.slice(start, m.index);
      const token = (/(\S+)$/.exec(before)?.[1] ?? '').replace(/^[("'“‘[]+/, '');
      const lower = token.toLowerCase();
      const next = after[0]!;
      // Lower-case continuation: not a sentence boundary ("approx. two hours", "etc. and").
      if (/[\p{Ll}]/u.test(next)) continue;
      if (abbr.has(lower)) continue;
      // Initials ("J. R. Smith", "U.S."), but not a unit after a number ("holds 1.2 L. Great").
      if (/^\p{Lu}$/u.test(token) && !/\d\s*$/.test(before.slice(0, before.length - token.length))) continue;
      if (/^(\p{L}\.){1,4}\p{L}?$/u.test(token)) continue;
    }
    parts.push(line.slice(start, end));
    start = m.index + m[0].length;
  }
  if (start < line.length) parts.push(line.slice(start));
  return parts;
}

/** Words as a reader counts them (tokens with a letter or digit). */
export function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) {
    if (!/[\p{L}\p{N}]/u.test(w)) continue;
    // Chinese and Japanese run words together: about two characters make a word.
    const cjk = w.match(UNSPACED_CHARS)?.length ?? 0;
    if (cjk === 0) n++;
    else n += Math.ceil(cjk / 2) + (/[\p{L}\p{N}]/u.test(w.replace(UNSPACED_CHARS, '')) ? 1 : 0);
  }
  return n;
}

/** Characters of the scripts written without spaces between words. */
export const UNSPACED_CHARS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/gu;

/** Sentence-ending punctuation in the languages the generator writes. */
export const SENTENCE_END = '.!?…。！？।؟';
/** Matches one sentence end (a run of sentence punctuation before a space or the end). */
export const SENTENCE_END_RE = /[.!?…؟।]+(?=["'”’)\]」』）]*(\s|$))|[。！？]+/g;

/** Number of sentences in a text (at least 1). */
export function countSentences(text: string): number {
  return Math.max(1, (text.match(SENTENCE_END_RE) ?? []).length);
}

/** The sentences of a script text, punctuation kept. */
export function sentencesOf(text: string): string[] {
  return (
    text
      .match(/[^.!?…。！？।؟]+(?:[.!?…؟।]+["'”’)\]」』）]*(?=\s|$)|[。！？]+[」』）"”’]*)|[^.!?…。！？।؟]+$/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

/**
 * Shortens a long sentence at a clause boundary (", ", "; ", " — ", ", and", …) so it keeps at
 * most `maxWords` words. Returns null when no clean cut exists (cutting mid-clause would
 * produce broken grammar, so the caller drops or de-ranks the sentence instead).
 */
export function trimSentence(s: string, maxWords: number, minWords = 4): string | null {
  const text = s.trim().replace(/[.!?…。！？।؟]+$/, '');
  if (countWords(text) <= maxWords) return text;
  const boundary = /\s*(?:[;:；：؛]|\s[—–-]\s|,\s+(?:and|but|so|which|while|whereas|because|y|pero|que|mientras)\b|[,，、،])\s*/g;
  let best: string | null = null;
  let m: RegExpExecArray | null;
  while ((m = boundary.exec(text))) {
    const prefix = text.slice(0, m.index).trim();
    const n = countWords(prefix);
    if (n > maxWords) break;
    if (n >= minWords) best = prefix;
  }
  return best ? best.replace(/[,;:\s—–\-，、；：،؛]+$/, '') : null;
}

export function capitalizeFirst(s: string, locale?: string): string {
  const i = s.search(/[\p{L}\p{N}]/u);
  if (i < 0) return s;
  const c = s[i]!;
  return s.slice(0, i) + c.toLocaleUpperCase(locale) + s.slice(i + 1);
}

/**
 * Lower-cases the first letter unless the first word looks like a name or an acronym
 * ("USB-C", "iPhone", "Bluetooth", a word of the product name).
 */
export function lowerFirst(s: string, keep: ReadonlySet<string> = new Set(), locale?: string): string {
  const m = /^([^\p{L}\p{N}]*)([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(s);
  if (!m) return s;
  const word = m[2]!;
  const bare = word.replace(/['’]s$/, '');
  if (bare.length > 1 && bare === bare.toUpperCase() && /\p{Lu}/u.test(bare)) return s;
  if (/^\p{L}+\p{Lu}/u.test(bare.slice(1)) || /\p{Ll}\p{Lu}/u.test(bare)) return s;
  if (keep.has(bare.toLowerCase())) return s;
  if (word === 'I' || /^I['’]/.test(word)) return s;
  const i = m[1]!.length;
  return s.slice(0, i) + s[i]!.toLocaleLowerCase(locale) + s.slice(i + 1);
}

const ACRONYMS = new Set(['HDMI', 'OLED', 'QLED', 'AMOLED', 'NASA', 'UHD', 'WIFI', 'GORE', 'ANSI', 'IPX4', 'IPX5', 'IPX7', 'IPX8']);

/** SHOUTING COPY → sentence case; short all-caps words (USB, LED, BPA) are kept. */
export function unshout(s: string): string {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8) return s;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (upper / letters.length < 0.7) return s;
  const lowered = s.replace(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu, (w) =>
    w.length <= 3 || /\d/.test(w) || ACRONYMS.has(w) ? w : w.toLocaleLowerCase(),
  );
  return capitalizeFirst(lowered);
}

/** The text the voice speaks: the segments joined with single spaces. */
export function scriptText(option: Pick<ScriptOption, 'segments'>): string {
  return option.segments
    .map((s) => s.text.trim())
    .filter(Boolean)
    .join(' ')
    .replace(/\s{2,}/g, ' ');
}

/** Deterministic seeds from text (FNV-1a, shared with the rest of the app). */
export const hash32 = fnv1a32;

/** Normalised language code: "en-US" → "en", "Español" → "es". */
export function languageCode(language: string): string {
  const l = (language || '').trim().toLowerCase();
  const byName: Record<string, string> = {
    english: 'en', spanish: 'es', español: 'es', espanol: 'es', castellano: 'es', french: 'fr', français: 'fr',
    german: 'de', deutsch: 'de', italian: 'it', italiano: 'it', portuguese: 'pt', português: 'pt', dutch: 'nl',
    nederlands: 'nl', chinese: 'zh', mandarin: 'zh', 中文: 'zh', cmn: 'zh', japanese: 'ja', 日本語: 'ja', korean: 'ko',
    한국어: 'ko', hindi: 'hi', हिन्दी: 'hi', arabic: 'ar', العربية: 'ar', indonesian: 'id', 'bahasa indonesia': 'id',
    in: 'id', turkish: 'tr', türkçe: 'tr',
  };
  if (byName[l]) return byName[l]!;
  return l.split(/[-_]/)[0] || 'en';
}
