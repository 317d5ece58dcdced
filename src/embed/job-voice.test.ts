import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { JobInput } from './protocol.ts';
import { jobVoiceId } from './job-voice.ts';

const base = { type: 'product_anyshot', product: { name: 'Bottle' } } as const;

describe('the job API `voice` field', () => {
  it('accepts built-in ids and natural voice catalog ids; refuses anything else with a sentence', () => {
    for (const voice of ['en-us-f', 'id-ID', 'en_US-lessac-medium', 'model:piper-en_us-lessac-medium', 'file-0123456789abcdef']) {
      expect(v.safeParse(JobInput, { ...base, voice }).success, voice).toBe(true);
    }
    for (const voice of ['', 'x', 'model:', '../../etc/passwd', 'en us', 'a'.repeat(81), 'model:<script>']) {
      const r = v.safeParse(JobInput, { ...base, voice });
      expect(r.success, voice).toBe(false);
      if (!r.success) expect(r.issues[0].message).toContain('must be a voice id');
    }
    expect(v.safeParse(JobInput, { ...base, voice: 42 }).success).toBe(false);
  });

  it('maps to the runner: built-in as is, a natural voice to "model:<id>", none by gender', () => {
    expect(jobVoiceId({ voice: 'en-us-m', language: 'en', voiceGender: 'female' })).toBe('en-us-m');
    expect(jobVoiceId({ voice: 'en_US-lessac-medium', language: 'en', voiceGender: 'female' })).toBe('model:en_US-lessac-medium');
    expect(jobVoiceId({ voice: 'model:tiny', language: 'en', voiceGender: 'female' })).toBe('model:tiny');
    expect(jobVoiceId({ language: 'en', voiceGender: 'male' })).toMatch(/-m$/);
  });
});
