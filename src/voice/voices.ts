/*
 * The built-in voices offered in the app: espeak-ng voices with a female and a male variant
 * per language. Pure data + lookups.
 *
 * `espeakVoice` is what goes into VoiceRequest.voice: an espeak voice name plus a variant
 * ("en-us+f3"). Variants were checked through the engine (the +f3 variant speaks at about
 * 210 Hz, +m3 at about 100 Hz for en-us); an unknown variant is rejected by the engine.
 */

export type VoiceGender = 'female' | 'male';

export interface BuiltinVoice {
  /** Stable id, stored in projects: "en-us-f". */
  id: string;
  /** What the user sees: "English (US) — female". */
  label: string;
  /** BCP 47 tag of the language spoken: "en-US", "zh-CN". */
  lang: string;
  gender: VoiceGender;
  /** espeak-ng voice name with variant, for VoiceRequest.voice. */
  espeakVoice: string;
  /** VoiceRequest.pitch for this voice (0..99); absent = espeak's default, 50. */
  pitch?: number;
  /** A limitation the UI should show next to the voice. */
  note?: string;
}

interface LanguageEntry {
  lang: string;
  /** English name, with the region where one language has several entries. */
  name: string;
  /** espeak-ng voice (file) name. */
  espeak: string;
  note?: string;
}

const FEMALE_VARIANT = 'f3';
const MALE_VARIANT = 'm3';

const LANGUAGES: readonly LanguageEntry[] = [
  { lang: 'en-US', name: 'English (US)', espeak: 'en-us' },
  { lang: 'en-GB', name: 'English (UK)', espeak: 'en-gb-x-rp' },
  { lang: 'es-ES', name: 'Spanish (Spain)', espeak: 'es' },
  { lang: 'es-419', name: 'Spanish (Latin America)', espeak: 'es-419' },
  { lang: 'pt-BR', name: 'Portuguese (Brazil)', espeak: 'pt-br' },
  { lang: 'pt-PT', name: 'Portuguese (Portugal)', espeak: 'pt' },
  { lang: 'fr-FR', name: 'French', espeak: 'fr' },
  { lang: 'de-DE', name: 'German', espeak: 'de' },
  { lang: 'it-IT', name: 'Italian', espeak: 'it' },
  { lang: 'nl-NL', name: 'Dutch', espeak: 'nl' },
  // Kanji are read through a morphological analyser (workers/tts/japanese.ts).
  { lang: 'ja-JP', name: 'Japanese', espeak: 'ja' },
  { lang: 'zh-CN', name: 'Chinese (Mandarin)', espeak: 'cmn' },
  { lang: 'ko-KR', name: 'Korean', espeak: 'ko' },
  { lang: 'hi-IN', name: 'Hindi', espeak: 'hi' },
  { lang: 'ar', name: 'Arabic', espeak: 'ar', note: 'Reads best with vowel marks (tashkeel).' },
  { lang: 'id-ID', name: 'Indonesian', espeak: 'id' },
  { lang: 'tr-TR', name: 'Turkish', espeak: 'tr' },
];

function voicesOf(l: LanguageEntry): BuiltinVoice[] {
  const base = l.lang.toLowerCase();
  return (['female', 'male'] as const).map((gender) => {
    const v: BuiltinVoice = {
      id: `${base}-${gender === 'female' ? 'f' : 'm'}`,
      label: `${l.name} — ${gender}`,
      lang: l.lang,
      gender,
      espeakVoice: `${l.espeak}+${gender === 'female' ? FEMALE_VARIANT : MALE_VARIANT}`,
    };
    if (l.note) v.note = l.note;
    return v;
  });
}

export const BUILTIN_VOICES: readonly BuiltinVoice[] = LANGUAGES.flatMap(voicesOf);

export function voiceById(id: string): BuiltinVoice | undefined {
  return BUILTIN_VOICES.find((v) => v.id === id);
}

/** The languages a script can be voiced in (primary subtags, as project settings store them). */
export const SCRIPT_LANGUAGES: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'es', label: 'Español (Spanish)' },
  { code: 'pt', label: 'Português (Portuguese)' },
  { code: 'fr', label: 'Français (French)' },
  { code: 'de', label: 'Deutsch (German)' },
  { code: 'it', label: 'Italiano (Italian)' },
  { code: 'nl', label: 'Nederlands (Dutch)' },
  { code: 'ja', label: '日本語 (Japanese)' },
  { code: 'zh', label: '中文 (Chinese)' },
  { code: 'ko', label: '한국어 (Korean)' },
  { code: 'hi', label: 'हिन्दी (Hindi)' },
  { code: 'ar', label: 'العربية (Arabic)' },
  { code: 'id', label: 'Bahasa Indonesia (Indonesian)' },
  { code: 'tr', label: 'Türkçe (Turkish)' },
];

/**
 * Script languages that no published Piper voice speaks (its voice list has none for them):
 * they have only the built-in voice, and the voice list says so.
 */
const BUILTIN_ONLY = new Set(['ja', 'ko', 'hi', 'id']);

/** "Japanese has only the built-in voice…" for a language without natural voices; null otherwise. */
export function onlyBuiltinVoiceNote(lang: string): string | null {
  const primary = normTag(lang).split('-')[0]!;
  if (!BUILTIN_ONLY.has(primary)) return null;
  const name = LANGUAGES.find((l) => l.lang.toLowerCase().split('-')[0] === primary)!.name;
  return `${name} has only the built-in voice: no natural (neural) voice is published for it.`;
}

/** The languages with built-in voices (BCP 47, with region), in catalog order. */
export function builtinLanguages(): string[] {
  return LANGUAGES.map((l) => l.lang);
}

/** Region-less tags and aliases → the catalog language they mean. */
const ALIASES: Record<string, string> = {
  en: 'en-US',
  es: 'es-ES',
  pt: 'pt-BR',
  fr: 'fr-FR',
  de: 'de-DE',
  it: 'it-IT',
  nl: 'nl-NL',
  ja: 'ja-JP',
  zh: 'zh-CN',
  cmn: 'zh-CN',
  'zh-hans': 'zh-CN',
  'cmn-cn': 'zh-CN',
  ko: 'ko-KR',
  hi: 'hi-IN',
  ar: 'ar',
  id: 'id-ID',
  in: 'id-ID',
  tr: 'tr-TR',
  'es-mx': 'es-419',
  'es-us': 'es-419',
  'es-ar': 'es-419',
  'es-co': 'es-419',
  'en-uk': 'en-GB',
};

/** "EN_us" → "en-us". */
function normTag(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

/** The catalog language a tag means ("en" → "en-US", "zh-Hans-CN" → "zh-CN"), if any. */
function catalogLang(lang: string): string | undefined {
  const tag = normTag(lang);
  if (!tag) return undefined;
  const parts = tag.split('-');
  const candidates = [
    tag,
    ALIASES[tag],
    parts.length > 2 ? `${parts[0]}-${parts[parts.length - 1]}` : undefined, // zh-hans-cn → zh-cn
    ALIASES[parts[0]!],
  ];
  for (const c of candidates) {
    const l = c && LANGUAGES.find((x) => x.lang.toLowerCase() === normTag(c));
    if (l) return l.lang;
  }
  return undefined;
}

/**
 * All built-in voices for a language. A bare language ("en", "es", "pt") gets every region's
 * voices, its default region first; a tag with a region ("en-GB") gets that region's.
 */
export function voicesFor(lang: string): BuiltinVoice[] {
  const tag = normTag(lang);
  const main = catalogLang(tag);
  if (!main) return [];
  if (tag.includes('-')) return BUILTIN_VOICES.filter((v) => v.lang === main);
  const primary = tag.split('-')[0]!;
  const same = BUILTIN_VOICES.filter((v) => v.lang.toLowerCase().split('-')[0] === primary || v.lang === main);
  return [...same.filter((v) => v.lang === main), ...same.filter((v) => v.lang !== main)];
}

/** Whether the catalog has a voice for this language tag. */
export function hasVoiceFor(lang: string): boolean {
  return catalogLang(lang) !== undefined;
}

/**
 * The default built-in voice for a language tag ("en", "en-GB", "pt_BR", "zh-Hans-CN"): exact
 * tag first, then its alias, then its primary language. A language without built-in voices
 * gets the English (US) voice (check `hasVoiceFor` to tell the user).
 */
export function defaultVoiceFor(lang: string, gender: VoiceGender = 'female'): BuiltinVoice {
  const main = catalogLang(lang) ?? 'en-US';
  return BUILTIN_VOICES.find((v) => v.lang === main && v.gender === gender)!;
}

/** Speed and pitch the user set for the project's voice (both optional: absent = as built). */
export interface VoiceTuning {
  /** 0.5..2, a multiple of the voice's normal speaking rate. */
  speed?: number;
  /** -30..+30, added to the voice's pitch on espeak's 0..99 scale. */
  pitch?: number;
}

export const SPEED_RANGE = { min: 0.5, max: 2, step: 0.05 } as const;
export const PITCH_RANGE = { min: -30, max: 30, step: 1 } as const;
const NORMAL_WPM = 175;

/** The engine request (no text) for a built-in voice with the user's speed and pitch. */
export function tunedRequest(voice: BuiltinVoice, tuning: VoiceTuning = {}): { voice: string; rate?: number; pitch?: number } {
  const out: { voice: string; rate?: number; pitch?: number } = { voice: voice.espeakVoice };
  const speed = tuning.speed ?? 1;
  if (Number.isFinite(speed) && Math.abs(speed - 1) > 1e-3) {
    const s = Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, speed));
    out.rate = Math.min(450, Math.max(80, Math.round(NORMAL_WPM * s)));
  }
  const offset = Number.isFinite(tuning.pitch ?? 0) ? Math.min(PITCH_RANGE.max, Math.max(PITCH_RANGE.min, Math.round(tuning.pitch ?? 0))) : 0;
  if (voice.pitch !== undefined || offset !== 0) out.pitch = Math.min(99, Math.max(0, (voice.pitch ?? 50) + offset));
  return out;
}
