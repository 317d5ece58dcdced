import { describe, expect, it } from 'vitest';
import { cachedSynthesize } from './voice-cache.ts';
import type { Speech, VoiceRequest } from '../../voice/types.ts';

const speech = (text: string): Speech => ({ pcm: new Float32Array(text.length), sampleRate: 22050, duration: text.length / 22050, words: [], phonemes: [] });

describe('cachedSynthesize', () => {
  it('voices each distinct line once, forgets failures, and evicts the oldest', async () => {
    const calls: string[] = [];
    let fail = true;
    const synth = cachedSynthesize(async (req: VoiceRequest) => {
      calls.push(req.text);
      if (req.text === 'bad' && fail) throw new Error('engine crashed');
      return speech(req.text);
    }, 2);
    await synth({ voice: 'en', text: 'one' }, {});
    await synth({ voice: 'en', text: 'one' }, {});
    expect(calls).toEqual(['one']);
    expect(synth.hits()).toBe(1);
    await synth({ voice: 'en-gb', text: 'one' }, {});
    expect(calls).toEqual(['one', 'one']);
    await expect(synth({ voice: 'en', text: 'bad' }, {})).rejects.toThrow('engine crashed');
    fail = false;
    await synth({ voice: 'en', text: 'bad' }, {});
    expect(calls.filter((c) => c === 'bad')).toHaveLength(2);
    // Capacity 2: "one"/en was evicted by now.
    await synth({ voice: 'en', text: 'one' }, {});
    expect(calls.filter((c) => c === 'one')).toHaveLength(3);
  });
});
