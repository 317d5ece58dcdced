import { describe, expect, it } from 'vitest';
import { BUILTIN_VOICES, SCRIPT_LANGUAGES, builtinLanguages, defaultVoiceFor, hasVoiceFor, onlyBuiltinVoiceNote, voiceById, voicesFor } from './voices.ts';

describe('built-in voice catalog', () => {
  it('has a female and a male voice for every required language', () => {
    const required = ['en-US', 'en-GB', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'ja', 'zh', 'ko', 'hi', 'ar', 'id', 'tr'];
    for (const lang of required) {
      expect(hasVoiceFor(lang), lang).toBe(true);
      expect(defaultVoiceFor(lang, 'female').gender, lang).toBe('female');
      expect(defaultVoiceFor(lang, 'male').gender, lang).toBe('male');
    }
    expect(builtinLanguages().length * 2).toBe(BUILTIN_VOICES.length);
  });

  it('has unique ids, readable labels and espeak names with a variant', () => {
    expect(new Set(BUILTIN_VOICES.map((v) => v.id)).size).toBe(BUILTIN_VOICES.length);
    for (const v of BUILTIN_VOICES) {
      expect(v.label).toMatch(/^.+ — (female|male)$/);
      expect(v.espeakVoice).toMatch(v.gender === 'female' ? /\+f\d$/ : /\+m\d$/);
      expect(voiceById(v.id)).toBe(v);
    }
    expect(voiceById('en-us-f')?.label).toBe('English (US) — female');
    expect(voiceById('nope')).toBeUndefined();
  });

  it('picks the default voice from loose language tags', () => {
    expect(defaultVoiceFor('en').espeakVoice).toBe('en-us+f3');
    expect(defaultVoiceFor('EN_gb').espeakVoice).toBe('en-gb-x-rp+f3');
    expect(defaultVoiceFor('pt').lang).toBe('pt-BR');
    expect(defaultVoiceFor('pt-PT').lang).toBe('pt-PT');
    expect(defaultVoiceFor('es-MX').lang).toBe('es-419');
    expect(defaultVoiceFor('zh-Hans-CN').espeakVoice).toBe('cmn+f3');
    expect(defaultVoiceFor('zh-TW').lang).toBe('zh-CN');
    expect(defaultVoiceFor('fr-CA', 'male').espeakVoice).toBe('fr+m3');
    // No voices for the language: English (US), and hasVoiceFor says so.
    expect(hasVoiceFor('xx')).toBe(false);
    expect(defaultVoiceFor('xx').lang).toBe('en-US');
    expect(defaultVoiceFor('').lang).toBe('en-US');
  });

  it('lists the voices of a language, default region first', () => {
    expect(voicesFor('en').map((v) => v.id)).toEqual(['en-us-f', 'en-us-m', 'en-gb-f', 'en-gb-m']);
    expect(voicesFor('en-GB').map((v) => v.id)).toEqual(['en-gb-f', 'en-gb-m']);
    expect(voicesFor('pt').map((v) => v.lang)).toEqual(['pt-BR', 'pt-BR', 'pt-PT', 'pt-PT']);
    expect(voicesFor('zh').map((v) => v.id)).toEqual(['zh-cn-f', 'zh-cn-m']);
    expect(voicesFor('xx')).toEqual([]);
    for (const l of SCRIPT_LANGUAGES) {
      expect(voicesFor(l.code).length, l.code).toBeGreaterThanOrEqual(2);
      expect(voicesFor(l.code)[0]).toBe(defaultVoiceFor(l.code));
    }
  });
});

describe('languages with only the built-in voice', () => {
  it('says so for Japanese, Korean, Hindi and Indonesian, and for no Piper language', () => {
    expect(onlyBuiltinVoiceNote('ja')).toBe('Japanese has only the built-in voice: no natural (neural) voice is published for it.');
    for (const l of ['ko', 'hi-IN', 'id']) expect(onlyBuiltinVoiceNote(l)).toMatch(/has only the built-in voice/);
    for (const l of ['en', 'es', 'pt-BR', 'fr', 'de', 'it', 'nl', 'zh', 'ar', 'tr']) expect(onlyBuiltinVoiceNote(l)).toBeNull();
  });
});
