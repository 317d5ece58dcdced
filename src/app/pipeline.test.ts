import { describe, expect, it } from 'vitest';
import { restorePunctuation, voiceScript, TAIL_SECONDS } from './pipeline.ts';
import type { Speech, VoiceRequest } from '../voice/types.ts';

/** A stand-in voice for pipeline logic only (the real voice is tested in workers/tts). */
function fakeVoice(req: VoiceRequest): Promise<Speech> {
  const words = req.text.split(' ');
  const sampleRate = 1000;
  const pcm = new Float32Array(words.length * 300).fill(0.5);
  let pos = 0;
  return Promise.resolve({
    pcm,
    sampleRate,
    duration: pcm.length / sampleRate,
    words: words.map((w, i) => {
      const clean = w.replace(/[.,!?]+$/, '');
      const out = { text: clean, start: i * 0.3, end: i * 0.3 + 0.25, charStart: pos, charEnd: pos + clean.length };
      pos += w.length + 1;
      return out;
    }),
    phonemes: [],
  });
}

describe('pipeline', () => {
  it('puts sentence punctuation back on caption words', () => {
    const text = 'Meet Aurora. It pours, fast!';
    return fakeVoice({ text, voice: 'en-us' }).then((s) => {
      expect(restorePunctuation(s, text).words.map((w) => w.text)).toEqual(['Meet', 'Aurora.', 'It', 'pours,', 'fast!']);
    });
  });

  it('voices each segment, joins them in order and pads the end card', async () => {
    const v = await voiceScript(
      [
        { text: 'Hello there.', scene: { kind: 'presenter' } },
        { text: '   ', scene: { kind: 'product', image: 0 } },
        { text: 'Buy it now.', scene: { kind: 'cta' } },
      ],
      { voice: 'en-us' },
      (req) => fakeVoice(req),
    );
    expect(v.segments.map((s) => s.segment.scene.kind)).toEqual(['presenter', 'cta']);
    expect(v.segments[1]!.start).toBeGreaterThan(v.segments[0]!.end);
    expect(v.speech.words.map((w) => w.text)).toEqual(['Hello', 'there.', 'Buy', 'it', 'now.']);
    expect(v.speech.duration).toBeCloseTo(v.segments[1]!.end + TAIL_SECONDS, 2);
    await expect(voiceScript([{ text: ' ', scene: { kind: 'cta' } }], { voice: 'en-us' }, (r) => fakeVoice(r))).rejects.toThrow(/empty/);
  });
});
