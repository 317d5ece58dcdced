import { describe, expect, it } from 'vitest';
import { preferredVoiceId } from './project-defaults.ts';

describe('preferredVoiceId', () => {
  it('an installed natural voice of the language wins, the recommended one first; otherwise the built-in voice', () => {
    const installed = [
      { id: 'model:a', language: 'de' },
      { id: 'model:b', language: 'en' },
      { id: 'model:c', language: 'en', recommended: true },
    ];
    expect(preferredVoiceId('en', installed, 'en-f')).toBe('model:c');
    expect(preferredVoiceId('en-GB', installed.slice(0, 2), 'en-f')).toBe('model:b');
    expect(preferredVoiceId('de', installed, 'de-f')).toBe('model:a');
    expect(preferredVoiceId('fr', installed, 'fr-f')).toBe('fr-f');
    expect(preferredVoiceId('en', [], 'en-f')).toBe('en-f');
  });
});
