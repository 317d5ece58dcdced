/**
 * Selling points: the facts a script may state, read off the product's features and description.
 * Cleaned (markup, emoji, shouting, parentheticals), made speakable, classified grammatically,
 * ranked (features first, concrete details and numbers, benefit words) and de-duplicated.
 * Nothing here invents content: every point is (a cleaned piece of) the product's own text.
 */
import type { LanguagePack, PointKind } from './lang/types.ts';
import { cleanText, countWords, splitSentences, trimSentence, unshout } from './text.ts';

export interface SellingPoint {
  /** Position in the ranked list (0 = best). */
  rank: number;
  /** Speakable text, no terminal punctuation. For spec/box/included: the whole line. */
  text: string;
  kind: PointKind;
  source: 'feature' | 'description' | 'derived';
  score: number;
  words: number;
  key?: string;
  value?: string;
  plural?: boolean;
  verb?: string;
  verb3?: string;
  subject?: string;
  copula?: 'ser' | 'estar';
  /** Statement whose bare-noun subject reads better with "the". */
  article?: boolean;
  /** A shorter reading (first clause), used when the full one does not fit the duration. */
  short?: string;
  /** Rank of the point a derived point was taken from. */
  parent?: number;
}

export interface PointSource {
  name: string;
  description: string;
  features: readonly string[];
}

/** Longest description read, in characters: a pasted page can be huge; the top is what matters. */
export const MAX_DESCRIPTION_CHARS = 20_000;
const MAX_CANDIDATES = 400;
const MAX_POINTS = 24;

interface Candidate {
  text: string;
  source: 'feature' | 'description';
  order: number;
}

/** Words that make "X: y" a sentence with a colon rather than a spec ("Perfect for mornings: …"). */
const KEY_STOP = new Set('for with in on to at by from para con en perfect ideal great best'.split(' '));

const SUBORDINATE = /^(which|so|because|while|that|and|but|or|where|when|as|if|making|allowing|giving|letting|que|y|pero|porque|mientras|para)\b/i;
const INTRO_START = /^(meet|introducing|say hello|presenting|conoce|te presentamos|presentamos)\b/i;

const STOP = new Set(
  'a an the and or of for with to in on at by is are it its this that your our you we from as be can will'.split(' '),
);

function tokens(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w || STOP.has(w)) continue;
    // Chinese and Japanese have no spaces: compare character pairs instead of words.
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w) && w.length > 2) {
      for (let i = 0; i + 1 < w.length; i++) out.add(w.slice(i, i + 2));
    } else {
      // A crude stem, so inflected forms meet ("auslaufsicherer"/"auslaufsichere",
      // "kapak"/"kapağında", "tutup"/"tutupnya", "hour"/"hours").
      out.add([...w].length > 4 ? [...w].slice(0, 4).join('') : w);
    }
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.min(a.size, b.size);
}

function normalize(raw: string, pack: LanguagePack): string {
  let t = unshout(raw)
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s*\[[^\]]*\]/g, '')
    .replace(/[()[\]{}<>]/g, ' ')
    .replace(/["“”«»]/g, '')
    .replace(/([!?.])\1+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  t = pack.speakable(t);
  t = t
    .replace(/^[\s,;:.\-–—'‘’。、，：；।،]+/, '')
    .replace(/[\s,;:.!?…\-–—'‘’。！？、，：；।؟،؛]+$/, '')
    .replace(/\s+[-–—]\s+/g, ', ')
    .replace(/\s+([,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return t;
}

function countMatches(words: Set<string>, list: ReadonlySet<string>, cap: number): number {
  let n = 0;
  for (const w of words) if (list.has(w)) n++;
  return Math.min(n, cap);
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** Reads, cleans, classifies and ranks the product's selling points. */
export function extractPoints(src: PointSource, pack: LanguagePack): SellingPoint[] {
  return extractPointsInfo(src, pack).points;
}

/** Kinds that are telegraphic shop copy rather than sentences ("750 ml, fits cup holders"). */
const TELEGRAPHIC = new Set<PointKind>(['fragment', 'noun']);

/**
 * The selling points, and how many sentences were left out because the voice cannot read them
 * (kanji for the Japanese voice).
 */
export function extractPointsInfo(src: PointSource, pack: LanguagePack): { points: SellingPoint[]; unreadable: number } {
  let unreadable = 0;
  const candidates: Candidate[] = [];
  src.features.forEach((f, fi) => {
    for (const s of splitSentences(cleanText(String(f ?? '')), pack.abbreviations)) {
      candidates.push({ text: s, source: 'feature', order: fi });
    }
  });
  let rawDesc = String(src.description ?? '');
  if (rawDesc.length > MAX_DESCRIPTION_CHARS) {
    // Cut at the last sentence or line end before the limit, not mid-word.
    rawDesc = rawDesc.slice(0, MAX_DESCRIPTION_CHARS);
    const end = Math.max(rawDesc.lastIndexOf('\n'), rawDesc.search(/[.!?][^.!?]*$/) + 1);
    if (end > 0) rawDesc = rawDesc.slice(0, end);
  }
  const desc = cleanText(rawDesc);
  splitSentences(desc, pack.abbreviations).forEach((s, i) => {
    if (candidates.length < MAX_CANDIDATES) candidates.push({ text: s, source: 'description', order: i });
  });

  const name = src.name.toLowerCase().trim();
  const benefit = new Set(pack.benefitWords);
  const concrete = new Set(pack.concreteWords);
  const labelKeys = new Set(pack.labelKeys);
  const boxKeys = new Set(pack.boxKeys);
  const scored: SellingPoint[] = [];

  for (let ci = 0; ci < candidates.length; ci++) {
    const c = candidates[ci]!;
    if (/\?\s*$/.test(c.text)) continue; // rhetorical questions don't survive being reordered
    let text = c.text;
    let kindOverride: PointKind | undefined;
    let key: string | undefined;
    let value: string | undefined;

    // "Key: value" lines.
    const kv = /^([\p{L}][\p{L}\p{N}\s'’&/-]{0,40}?)\s*(?::\s+|：\s*)(.+)$/u.exec(text);
    if (kv) {
      const k = kv[1]!.trim().toLocaleLowerCase(pack.locale);
      const v = kv[2]!.trim();
      const kWords = k.split(/\s+/);
      if (labelKeys.has(k) || k === name || (labelKeys.has(kWords[0]!) && kWords.length <= 5) || kWords.length > 4) {
        text = v;
      } else if (boxKeys.has(k)) {
        kindOverride = 'box';
        const items = v.replace(/[.;]+$/, '').split(/\s*[,;]\s*|\s+(?:and|y|&)\s+/).filter(Boolean);
        value = pack.list(items.map((x) => normalize(x, pack).replace(/^\p{Lu}(?=\p{Ll})/u, (m) => m.toLowerCase())));
      } else if (kWords.length <= 3 && !kWords.some((w) => KEY_STOP.has(w)) && countWords(v) <= 8) {
        kindOverride = 'spec';
        key = pack.keepCase ? normalize(kv[1]!.trim(), pack) : normalize(k, pack).toLocaleLowerCase(pack.locale);
        value = normalize(v, pack);
      }
    }

    text = normalize(text, pack);
    if (!text) continue;
    if (pack.unreadable?.test(text) || (value && pack.unreadable?.test(value))) {
      unreadable++;
      continue;
    }
    if (pack.junk.some((re) => re.test(text) || re.test(c.text))) continue;
    if (INTRO_START.test(text)) continue; // the shop's own intro line ("Meet the kettle that…")
    // "Crafted from stoneware, the kettle keeps water hot" → two points.
    if (!kindOverride) {
      const comma = /^([^,;]{8,}?),\s+(.{12,})$/.exec(text);
      if (comma && pack.classify(comma[1]!).kind === 'adj' && pack.classify(comma[2]!).kind === 'statement' && !SUBORDINATE.test(comma[2]!)) {
        candidates.splice(ci + 1, 0, { ...c, text: comma[2]!.charAt(0).toLocaleUpperCase() + comma[2]!.slice(1) });
        text = comma[1]!;
      }
    }
    // "The cap has a loop, the finish grips, and the mouth fits ice" → three points.
    if (!kindOverride && pack.splitClauses) {
      const parts = text.split(/,\s+(?:and\s+|y\s+)?|;\s+/).map((x) => x.trim()).filter(Boolean);
      if (
        parts.length >= 2 &&
        parts.every((x) => countWords(x) >= 3 && pack.classify(x).kind === 'statement' && !SUBORDINATE.test(x) && !/^(it|they|this)\b/i.test(x))
      ) {
        candidates.splice(ci + 1, 0, ...parts.slice(1).map((x) => ({ ...c, text: capitalize(x) })));
        text = parts[0]!;
      }
    }
    const lower = text.toLowerCase();
    if (lower === name || (name.includes(lower) && countWords(text) <= 4)) continue;

    let words = countWords(text);
    let trimmedLong = false;
    if (!kindOverride && words > pack.maxPointWords) {
      const cut = trimSentence(text, pack.maxPointWords);
      if (cut) {
        // The rest of the sentence may be a selling point of its own ("…, the kettle keeps water hot").
        const rest = text.slice(cut.length).replace(/^[\s,;:—–-]+/, '');
        if (countWords(rest) >= 4 && !SUBORDINATE.test(rest) && candidates.length < MAX_CANDIDATES * 2) {
          candidates.splice(ci + 1, 0, { ...c, text: rest.charAt(0).toLocaleUpperCase() + rest.slice(1) });
        }
        text = cut;
        words = countWords(text);
      } else if (words > pack.maxPointWords * 1.6) continue;
      else trimmedLong = true;
    }
    if (!value && !/[\p{L}]{2}/u.test(text)) continue;

    const cl = kindOverride ? { kind: kindOverride } : pack.classify(text);
    const kind = cl.kind;
    if (words < 2 && kind !== 'adj' && kind !== 'fragment') continue;

    const point: SellingPoint = {
      rank: 0,
      text,
      kind,
      source: c.source,
      score: 0,
      words,
      key: key ?? cl.key,
      value: value ?? cl.value,
      plural: cl.plural ?? (key ? /[^s]s$/.test(key) : undefined),
      verb: cl.verb,
      verb3: cl.verb3,
      subject: cl.subject,
      copula: cl.copula,
      article: cl.article,
    };
    if (kind === 'statement' || kind === 'noun' || kind === 'verb' || kind === 'adj') {
      const short = trimSentence(text, Math.min(10, words - 3), 3);
      if (short && short !== text) point.short = short;
    }

    // Ranking.
    const toks = tokens(text + ' ' + (value ?? ''));
    let s = c.source === 'feature' ? 4.5 - Math.min(c.order, 10) * 0.1 : 1 - Math.min(c.order, 20) * 0.05;
    if (/\d/.test(text)) s += 1.5;
    s += countMatches(toks, concrete, 2) * 0.75;
    s += countMatches(toks, benefit, 3) * 0.6;
    if (words >= 4 && words <= 16) s += 1;
    else if (words < 3) s -= kind === 'adj' || kind === 'spec' ? 0.3 : 1;
    if (words > 18 || trimmedLong) s -= 1.5;
    if (kind === 'verb') s += 0.5;
    if (kind === 'adj' || kind === 'spec' || kind === 'box') s += 0.3;
    if (/\b(we|our|us|i|my|nosotros|nuestro|nuestra)\b/i.test(text)) s -= 0.7;

    point.score = s;
    scored.push(point);
  }

  // Best first; ties keep source order (features come first in the candidate list).
  const order = scored.map((p, i) => [p, i] as const).sort((a, b) => b[0].score - a[0].score || a[1] - b[1]);
  const kept: SellingPoint[] = [];
  const keptTokens: Set<string>[] = [];
  for (const [p] of order) {
    const t = tokens(p.text);
    const dup = keptTokens.findIndex((k) => overlap(k, t) >= 0.75);
    if (dup >= 0) {
      // Same fact twice: keep the fuller wording when it ranks about as well ("1.2 L, enough for 4 cups"),
      // and prefer a real sentence to telegraphic shop copy ("750 ml, fits cup holders" → "It holds
      // 750 ml and fits standard cup holders"), keeping the better rank.
      const k = keptTokens[dup]!;
      const old = kept[dup]!;
      const sentence = TELEGRAPHIC.has(old.kind) && !TELEGRAPHIC.has(p.kind) && p.kind !== 'spec' && p.kind !== 'box';
      if (t.size > k.size && p.words <= pack.maxPointWords && (sentence || (p.score >= old.score - 2.5 && p.words <= 16))) {
        kept[dup] = { ...p, score: Math.max(p.score, old.score) };
        keptTokens[dup] = t;
        continue;
      }
      // A fuller sentence about the same thing that adds facts ("Tapón antigoteo con asa" / "El
      // tapón antigoteo tiene asa de transporte…"): one point, said in full where it fits and in
      // the short wording where it does not — never both in one script.
      const novel = [...t].filter((x) => !k.has(x)).length;
      if (novel >= 3 && p.words <= pack.maxPointWords && p.kind === old.kind && !old.short && !old.key) {
        kept[dup] = { ...old, text: p.text, words: p.words, short: old.text, score: Math.max(p.score, old.score) };
        keptTokens[dup] = new Set([...k, ...t]);
      }
      continue;
    }
    kept.push(p);
    keptTokens.push(t);
    if (kept.length >= MAX_POINTS) break;
  }
  kept.sort((a, b) => b.score - a.score);
  kept.forEach((p, i) => (p.rank = i));

  // Thin material: a noun phrase "X with Y" also gives the facet "Y" on its own.
  if (kept.length < 4) {
    const derived: SellingPoint[] = [];
    for (const p of kept) {
      if (p.kind !== 'noun' && p.kind !== 'statement' && p.kind !== 'adj') continue;
      const m = /\s(?:with|featuring|con)\s+(.{6,})$/i.exec(p.text);
      if (!m) continue;
      const facet = capitalize(m[1]!.replace(/^(?:a|an|the|un|una)\s+/i, ''));
      if (countWords(facet) < 2) continue;
      const cl = pack.classify(facet);
      derived.push({ rank: 0, text: facet, kind: cl.kind === 'statement' ? 'noun' : cl.kind, source: 'derived', score: p.score - 1, words: countWords(facet), parent: p.rank });
    }
    derived.forEach((d, i) => {
      d.rank = kept.length + i;
      kept.push(d);
    });
  }
  return { points: kept, unreadable };
}

/** The product's category noun ("kettle"), when its name (or "this …" in the copy) gives one. */
export function detectCategory(src: PointSource, pack: LanguagePack): { noun: string; pluralOnly: boolean; plural: boolean } | undefined {
  const nouns = new Set(pack.category.nouns);
  const pluralOnly = new Set(pack.category.pluralOnly);
  const byPlural = new Map(pack.category.nouns.map((n) => [pack.category.plural(n), n] as const));
  const nameWords = src.name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (!pack.category.headFirst) nameWords.reverse();
  for (const w of nameWords) {
    if (pluralOnly.has(w)) return { noun: w, pluralOnly: true, plural: true };
    if (nouns.has(w)) return { noun: w, pluralOnly: false, plural: false };
    if (byPlural.has(w) && w.length > 3) return { noun: w, pluralOnly: false, plural: true };
  }
  const head = cleanText(String(src.description ?? '').slice(0, 600)).toLowerCase();
  const re = /\b(?:this|these|our|este|esta|estos|estas|nuestro|nuestra)\s+(\p{L}+)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    const w = m[1]!;
    if (pluralOnly.has(w)) return { noun: w, pluralOnly: true, plural: true };
    if (nouns.has(w)) return { noun: w, pluralOnly: false, plural: false };
  }
  return undefined;
}
