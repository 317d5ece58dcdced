import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2?url';
import arabicRanges from '@fontsource/noto-sans-arabic/unicode.json';
import devanagariRanges from '@fontsource/noto-sans-devanagari/unicode.json';
import hebrewRanges from '@fontsource/noto-sans-hebrew/unicode.json';
import jpRanges from '@fontsource/noto-sans-jp/unicode.json';
import scRanges from '@fontsource/noto-sans-sc/unicode.json';
import krRanges from '@fontsource/noto-sans-kr/unicode.json';
import type { Timeline } from '../../src/compose/types.ts';

/*
 * Bundled fonts so captions look the same on every machine (no system font lottery), in every
 * script the app writes: Inter (Latin) plus Noto Sans Arabic, Devanagari, Hebrew, JP, SC and KR
 * (OFL-1.1), one bold weight each. Only the pieces a creative's text needs are fetched: the CJK
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

let latin: Promise<void> | null = null;
const loadedSubsets = new Map<string, Promise<void>>();

// TypeScript's WebWorker lib omits FontFaceSet.add, which workers do have (setlike).
const fontSet = () => self.fonts as unknown as { add(face: FontFace): void };

/**
 * Loads Inter, and the script fonts the given text needs (pass `timelineText(tl)` before drawing
 * a creative). Resolves once every face is usable; a font that fails to load falls back to the
 * system fonts in FONT_FAMILY rather than failing an export.
 */
export function loadFonts(text = ''): Promise<void> {
  latin ??= (async () => {
    const faces = [
      new FontFace('Inter', `url(${inter600})`, { weight: '600' }),
      new FontFace('Inter', `url(${inter700})`, { weight: '700' }),
      new FontFace('Inter', `url(${inter800})`, { weight: '800' }),
    ];
    await Promise.all(faces.map((f) => f.load()));
    for (const f of faces) fontSet().add(f);
  })().catch(() => {
    latin = null;
  });
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
  return Promise.all([latin, ...pieces]).then(() => undefined);
}
