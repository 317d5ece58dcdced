import { describe, expect, it } from 'vitest';
import { synthesize } from '../../workers/tts/espeak-engine.ts';
import { formatVoiceRows, voiceRows } from './list.ts';
import { tunedRequest, voiceById } from './voices.ts';

describe('speed and pitch of a built-in voice', () => {
  const v = voiceById('en-us-f')!;

  it('leaves an untuned voice as built and clamps out-of-range settings', () => {
    expect(tunedRequest(v)).toEqual({ voice: 'en-us+f3' });
    expect(tunedRequest(v, { speed: 1.5, pitch: 10 })).toEqual({ voice: 'en-us+f3', rate: 263, pitch: 60 });
    expect(tunedRequest(v, { speed: 9, pitch: -99 })).toEqual({ voice: 'en-us+f3', rate: 350, pitch: 20 });
    expect(tunedRequest(v, { speed: Number.NaN })).toEqual({ voice: 'en-us+f3' });
  });

  it('is heard: faster is shorter, higher pitch is higher (zero crossings of the voiced part)', async () => {
    const text = 'The bottle keeps your water cold all day.';
    const base = await synthesize({ ...tunedRequest(v), text });
    const fast = await synthesize({ ...tunedRequest(v, { speed: 1.6 }), text });
    expect(fast.duration / base.duration).toBeLessThan(0.75);
    const zc = (pcm: Float32Array): number => {
      let n = 0;
      for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0 && Math.abs(pcm[i]!) > 0.01) n++;
      return n / (pcm.length / 22050);
    };
    const high = await synthesize({ ...tunedRequest(v, { pitch: 30 }), text });
    const low = await synthesize({ ...tunedRequest(v, { pitch: -30 }), text });
    expect(zc(high.pcm)).toBeGreaterThan(zc(low.pcm));
  });

  it('lists voices for the command line', () => {
    expect(voiceRows('tr').map((r) => r.id)).toEqual(['tr-tr-f', 'tr-tr-m']);
    expect(voiceRows('xx')).toEqual([]);
    expect(formatVoiceRows(voiceRows('ja'))).toContain('Japanese has only the built-in voice');
    expect(formatVoiceRows(voiceRows('en'))).not.toContain('only the built-in voice');
  });
});
