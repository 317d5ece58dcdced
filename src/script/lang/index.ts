/** Registered language packs. Add a language by writing a pack (see en.ts, or simple.ts for one
 * without its own grammar) and listing it here. */
import { ar } from './ar.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { hi } from './hi.ts';
import { id } from './id.ts';
import { it } from './it.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { nl } from './nl.ts';
import { pt } from './pt.ts';
import { tr } from './tr.ts';
import { zh } from './zh.ts';
import type { LanguagePack } from './types.ts';

export const LANGUAGE_PACKS: Record<string, LanguagePack> = { en, es, pt, fr, de, it, nl, ja, zh, ko, hi, ar, id, tr };

/** Languages with their own templates. */
export function scriptLanguages(): string[] {
  return Object.keys(LANGUAGE_PACKS);
}

/** The pack for a language code; English (exact: false) when there is none. */
export function packFor(code: string): { pack: LanguagePack; exact: boolean } {
  const pack = LANGUAGE_PACKS[code];
  return pack ? { pack, exact: true } : { pack: en, exact: false };
}

/** The end card's button in a language ("Shop now", "Jetzt kaufen", "تسوّق الآن"). */
export function shopNowLabel(language: string): string {
  const code = (language || 'en').trim().toLowerCase().split(/[-_]/)[0]!;
  return packFor(code).pack.shopNow;
}
