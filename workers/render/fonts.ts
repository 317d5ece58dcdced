import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2?url';
import interX600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff2?url';
import interX700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2?url';
import interX800 from '@fontsource/inter/files/inter-latin-ext-800-normal.woff2?url';
import poppins600 from '@fontsource/poppins/files/poppins-latin-600-normal.woff2?url';
import poppins700 from '@fontsource/poppins/files/poppins-latin-700-normal.woff2?url';
import poppins800 from '@fontsource/poppins/files/poppins-latin-800-normal.woff2?url';
import poppinsX600 from '@fontsource/poppins/files/poppins-latin-ext-600-normal.woff2?url';
import poppinsX700 from '@fontsource/poppins/files/poppins-latin-ext-700-normal.woff2?url';
import poppinsX800 from '@fontsource/poppins/files/poppins-latin-ext-800-normal.woff2?url';
import playfair600 from '@fontsource/playfair-display/files/playfair-display-latin-600-normal.woff2?url';
import playfair700 from '@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff2?url';
import playfair800 from '@fontsource/playfair-display/files/playfair-display-latin-800-normal.woff2?url';
import playfairX600 from '@fontsource/playfair-display/files/playfair-display-latin-ext-600-normal.woff2?url';
import playfairX700 from '@fontsource/playfair-display/files/playfair-display-latin-ext-700-normal.woff2?url';
import playfairX800 from '@fontsource/playfair-display/files/playfair-display-latin-ext-800-normal.woff2?url';
import oswald600 from '@fontsource/oswald/files/oswald-latin-600-normal.woff2?url';
import oswald700 from '@fontsource/oswald/files/oswald-latin-700-normal.woff2?url';
import oswaldX600 from '@fontsource/oswald/files/oswald-latin-ext-600-normal.woff2?url';
import oswaldX700 from '@fontsource/oswald/files/oswald-latin-ext-700-normal.woff2?url';
import latinRanges from '@fontsource/inter/unicode.json';
import arabicRanges from '@fontsource/noto-sans-arabic/unicode.json';
import devanagariRanges from '@fontsource/noto-sans-devanagari/unicode.json';
import hebrewRanges from '@fontsource/noto-sans-hebrew/unicode.json';
import jpRanges from '@fontsource/noto-sans-jp/unicode.json';
import scRanges from '@fontsource/noto-sans-sc/unicode.json';
import krRanges from '@fontsource/noto-sans-kr/unicode.json';
import type { Timeline } from '../../src/compose/types.ts';
import { videoFont, type FontId } from '../../src/compose/fonts.ts';

/*
 * Bundled fonts so captions look the same on every machine (no system font lottery), in every
 * script the app writes: the video's typeface (Inter by default, or the one chosen in the
 * editor; Latin and Latin Extended, three weights) plus Noto Sans Arabic, Devanagari, Hebrew, JP,
 * SC and KR (OFL-1.1), one bold weight each. Only the pieces a creative's text needs are fetched: the CJK
 * fonts come in ~100 unicode-range subsets of 20–40 kB, and a caption line in Japanese needs a
 * handful of them.
 */

import arabicUrl from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import devanagariUrl from '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-700-normal.woff2?url';
import hebrewUrl from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-700-normal.woff2?url';

interface ScriptFont {
  family: string;
  /** Subset name → CSS unicode-range. */
  ranges: Record<string, string>;
  /** Subset name → file URL. */
  url: (subset: string) => string;
}

/**
 * The CJK subsets (numbered "[0]".."[119]") are copied into the build as assets/fonts/<file> by
 * scripts/vite-self-host.ts (a glob import would add a module per file); the dev server serves
 * them from node_modules.
 */
function cjk(id: string): (subset: string) => string {
  // Through a variable: Vite rewrites `new URL(<template>, import.meta.url)` into a glob lookup.
  const here = import.meta.url;
  return (subset) => {
    const file = `${id}-${subset.replace(/[[\]]/g, '')}-700-normal.woff2`;
    return import.meta.env.DEV ? `/node_modules/@fontsource/${id}/files/${file}` : new URL(`fonts/${file}`, here).href;
  };
}

const numbered = (ranges: Record<string, string>) => Object.fromEntries(Object.entries(ranges).filter(([k]) => /^\[\d+\]$/.test(k)));

const FONTS: ScriptFont[] = [
  { family: 'Noto Sans Arabic', ranges: { arabic: arabicRanges.arabic }, url: () => arabicUrl },
  { family: 'Noto Sans Devanagari', ranges: { devanagari: devanagariRanges.devanagari }, url: () => devanagariUrl },
  { family: 'Noto Sans Hebrew', ranges: { hebrew: hebrewRanges.hebrew }, url: () => hebrewUrl },
  { family: 'Noto Sans JP', ranges: numbered(jpRanges), url: cjk('noto-sans-jp') },
  { family: 'Noto Sans SC', ranges: numbered(scRanges), url: cjk('noto-sans-sc') },
  { family: 'Noto Sans KR', ranges: numbered(krRanges), url: cjk('noto-sans-kr') },
];

/** "U+0600-06FF,U+0750" → [[0x600, 0x6ff], [0x750, 0x750]]. */
function parseRanges(css: string): Array<[number, number]> {
  return css.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b ? parseInt(b, 16) : lo];
  });
}

const parsed = new Map<string, Array<[number, number]>>();
function covers(css: string, cp: number): boolean {
  let r = parsed.get(css);
  if (!r) parsed.set(css, (r = parseRanges(css)));
  return r.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** Everything a creative writes on screen. */
export function timelineText(tl: Timeline): string {
  return [tl.productName, tl.brand ?? '', tl.price ?? '', tl.cta, ...tl.captions.flatMap((c) => c.words.map((w) => w.text))].join(' ');
}

/** The (font, subset) pieces needed to draw `text`. Latin is Inter's job. */
export function subsetsFor(text: string): Array<{ family: string; subset: string; range: string; url: string }> {
  const cps = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x2ff && !(cp >= 0x2000 && cp <= 0x206f)) cps.add(cp);
  }
  const out: Array<{ family: string; subset: string; range: string; url: string }> = [];
  if (cps.size === 0) return out;
  for (const f of FONTS) {
    for (const [subset, range] of Object.entries(f.ranges)) {
      for (const cp of cps) {
        if (covers(range, cp)) {
          out.push({ family: f.family, subset, range, url: f.url(subset) });
          break;
        }
      }
    }
  }
  return out;
}

/** Per typeface, weight → [Latin, Latin Extended] files (all OFL-1.1). */
const LATIN: Record<FontId, Record<number, [string, string]>> = {
  inter: { 600: [inter600, interX600], 700: [inter700, interX700], 800: [inter800, interX800] },
  poppins: { 600: [poppins600, poppinsX600], 700: [poppins700, poppinsX700], 800: [poppins800, poppinsX800] },
  playfair: { 600: [playfair600, playfairX600], 700: [playfair700, playfairX700], 800: [playfair800, playfairX800] },
  oswald: { 600: [oswald600, oswaldX600], 700: [oswald700, oswaldX700] },
};

const latinFaces = new Map<string, Promise<void>>();
const loadedSubsets = new Map<string, Promise<void>>();

// TypeScript's WebWorker lib omits FontFaceSet.add, which workers do have (setlike).
const fontSet = () => self.fonts as unknown as { add(face: FontFace): void };

/**
 * Loads one subset (Latin, or Latin Extended for Turkish ğ ş ı, Polish ł…) of a typeface in
 * every weight it has, once. A canvas draws with what is loaded at that moment, so faces are
 * loaded before drawing, never left to load lazily by unicode-range.
 */
function loadLatin(id: FontId, subset: 'latin' | 'latin-ext'): Promise<void> {
  const key = `${id}/${subset}`;
  let p = latinFaces.get(key);
  if (!p) {
    const family = videoFont(id).family;
    const faces = Object.entries(LATIN[id]).map(
      ([weight, files]) => new FontFace(family, `url(${files[subset === 'latin' ? 0 : 1]})`, { weight, unicodeRange: latinRanges[subset] }),
    );
    p = Promise.all(faces.map((f) => f.load())).then(
      () => faces.forEach((f) => fontSet().add(f)),
      () => void latinFaces.delete(key),
    );
    latinFaces.set(key, p);
  }
  return p;
}

/**
 * Loads the typeface (default Inter), and the script fonts the given text needs (pass
 * `timelineText(tl)` and `tl.font` before drawing a creative). Resolves once every face is
 * usable; a font that fails to load falls back to the system fonts in FONT_FAMILY rather than
 * failing an export.
 */
export function loadFonts(text = '', font: FontId = 'inter'): Promise<void> {
  const pieces = subsetsFor(text).map((s) => {
    const key = `${s.family}/${s.subset}`;
    let p = loadedSubsets.get(key);
    if (!p) {
      const face = new FontFace(s.family, `url(${s.url})`, { weight: '700', unicodeRange: s.range });
      p = face.load().then(
        () => fontSet().add(face),
        () => void loadedSubsets.delete(key),
      );
      loadedSubsets.set(key, p);
    }
    return p;
  });
  // Inter is always there: it is the first fallback in FONT_FAMILY (and the default).
  const faces = [...new Set<FontId>(['inter', font])].flatMap((id) => [loadLatin(id, 'latin'), ...(/[\u0100-\u02ff]/.test(text) ? [loadLatin(id, 'latin-ext')] : [])]);
  return Promise.all([...faces, ...pieces]).then(() => undefined);
}

/** The fonts a timeline draws with: its typeface and the scripts of its text. */
export function loadTimelineFonts(tl: Timeline): Promise<void> {
  return loadFonts(timelineText(tl), tl.font ?? 'inter');
}
