import { describe, expect, it } from 'vitest';
import { joinSpeech, normalizePeak, padSpeech } from './join.ts';
import type { Speech } from './types.ts';

const part = (seconds: number, word: string): Speech => {
  const sampleRate = 1000;
  const pcm = new Float32Array(seconds * sampleRate).fill(0.25);
  return { pcm, sampleRate, duration: seconds, words: [{ text: word, start: 0.1, end: seconds - 0.1 }], phonemes: [{ ph: 'a', start: 0.1, end: seconds - 0.1 }] };
};

describe('joinSpeech', () => {
  it('offsets every timing by the segment start and keeps the spans exact', () => {
    const { speech, spans } = joinSpeech([part(1, 'one'), part(2, 'two')], 0.5, 0.25);
    expect(speech.duration).toBeCloseTo(0.25 + 1 + 0.5 + 2, 6);
    expect(spans).toEqual([[0.25, 1.25], [1.75, 3.75]]);
    expect(speech.words.map((w) => [w.text, w.start])).toEqual([['one', 0.35], ['two', 1.85]]);
    expect(speech.pcm[0]).toBe(0); // lead-in silence
    expect(speech.pcm[Math.round(1.5 * 1000)]).toBe(0); // gap silence
    expect(speech.pcm[Math.round(2 * 1000)]).toBe(0.25);
  });

  it('normalises the peak to -1 dBFS and pads silence at the end', () => {
    const out = normalizePeak(new Float32Array([0.1, -0.5, 0.2]));
    expect(Math.max(...out.map(Math.abs))).toBeCloseTo(Math.pow(10, -1 / 20), 5);
    const padded = padSpeech(part(1, 'x'), 0.5);
    expect(padded.duration).toBeCloseTo(1.5, 6);
    expect(padded.pcm[1200]).toBe(0);
  });
});
