import { describe, expect, it } from 'vitest';
import { synthesize } from '../../workers/tts/espeak-engine.ts';
import { speechFromRecording } from './user-voiceover.ts';

describe('a recording as the voiceover', () => {
  it('follows the audio: visemes from the sound, words over it, segment spans in order', async () => {
    const segs = [{ text: 'Meet the bottle that keeps water cold.' }, { text: '' }, { text: 'Order yours today!' }];
    const s = await synthesize({ text: 'Meet the bottle that keeps water cold. Order yours today!', voice: 'en-us+m3' });
    const { speech, spans } = speechFromRecording(s.pcm, s.sampleRate, segs, { captions: true });
    expect(speech.duration).toBeCloseTo(s.duration, 6);
    expect(speech.words.map((w) => w.text)).toEqual(['Meet', 'the', 'bottle', 'that', 'keeps', 'water', 'cold.', 'Order', 'yours', 'today!']);
    expect(speech.phonemes.length).toBeGreaterThan(10);
    expect(spans).toHaveLength(2);
    expect(spans[0]![0]).toBe(0);
    expect(spans[1]![1]).toBeCloseTo(s.duration, 6);
    expect(spans[1]![0]).toBeGreaterThanOrEqual(spans[0]![1]);
    // The second sentence starts after espeak's pause between the sentences (± 0.25 s).
    const order = s.words.find((w) => w.text === 'Order')!;
    expect(Math.abs(spans[1]![0] - order.start)).toBeLessThan(0.25);
    const none = speechFromRecording(s.pcm, s.sampleRate, segs, { captions: false });
    expect(none.speech.words).toEqual([]);
    expect(none.spans).toEqual(spans);
  });
});
