/** Registered language packs. Add a language by writing a pack like en.ts and listing it here. */
import { en } from './en.ts';
import { es } from './es.ts';
import type { LanguagePack } from './types.ts';

export const LANGUAGE_PACKS: Record<string, LanguagePack> = { en, es };

/** Languages with their own templates. */
export function scriptLanguages(): string[] {
  return Object.keys(LANGUAGE_PACKS);
}

/** The pack for a language code; English (exact: false) when there is none. */
export function packFor(code: string): { pack: LanguagePack; exact: boolean } {
  const pack = LANGUAGE_PACKS[code];
  return pack ? { pack, exact: true } : { pack: en, exact: false };
}
