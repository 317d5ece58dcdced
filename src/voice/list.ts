/** `render --list-voices`: the built-in voices as rows (pure; no browser needed). */
import { BUILTIN_VOICES, onlyBuiltinVoiceNote, voicesFor } from './voices.ts';

export interface VoiceRow {
  id: string;
  label: string;
  language: string;
  gender: string;
  engine: 'espeak-ng';
  espeakVoice: string;
  note?: string;
}

/** Every built-in voice, or those of one language ("en", "pt-BR"); [] for a language without voices. */
export function voiceRows(language?: string): VoiceRow[] {
  const list = language ? voicesFor(language) : BUILTIN_VOICES;
  return list.map((v) => ({ id: v.id, label: v.label, language: v.lang, gender: v.gender, engine: 'espeak-ng' as const, espeakVoice: v.espeakVoice, ...(v.note ? { note: v.note } : {}) }));
}

export function formatVoiceRows(rows: readonly VoiceRow[]): string {
  const lines = rows.map((r) => `${r.id.padEnd(10)} ${r.language.padEnd(7)} ${r.gender.padEnd(7)} ${r.label.padEnd(36)} ${r.note ?? ''}`.trimEnd());
  // Languages no natural voice speaks say so once, under the table.
  const notes = [...new Set(rows.map((r) => onlyBuiltinVoiceNote(r.language)).filter((n): n is string => n !== null))];
  return `${'id'.padEnd(10)} ${'lang'.padEnd(7)} ${'gender'.padEnd(7)} ${'voice'.padEnd(36)} note\n${lines.join('\n')}\n${rows.length} voices (built-in, espeak-ng). Your own audio: --voice-file <wav|mp3|aac|m4a|wma|asf>.\n${notes.map((n) => `${n}\n`).join('')}`;
}
