import { describe, expect, it } from 'vitest';
import { phonemize } from '../../workers/tts/espeak-engine.ts';
import { parsePiperConfig, phonemeIds, piperScales, scaleTimings, testPhonemeMap } from './piper.ts';

const config = { audio: { sample_rate: 22050 }, espeak: { voice: 'en-us' }, inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 }, phoneme_id_map: { _: [0], '^': [1], $: [2], ' ': [3], h: [20], ə: [59], l: [24], 'ˈ': [120], o: [27], ʊ: [100] }, num_speakers: 1 };

describe('Piper voice contract', () => {
  it('validates the config and fills defaults', () => {
    const c = parsePiperConfig({ audio: { sample_rate: 16000 }, espeak: { voice: 'de' }, phoneme_id_map: { _: [0], '^': [1], $: [2] } });
    expect(c.inference.length_scale).toBe(1);
    expect(() => parsePiperConfig({ audio: { sample_rate: 16000 }, espeak: { voice: 'de' }, phoneme_id_map: { _: [0] } })).toThrow(/no "\^"/);
    expect(() => parsePiperConfig({ espeak: { voice: 'de' } })).toThrow(/not a Piper voice config/);
  });

  it('turns espeak IPA into ids: BOS, each phoneme then pad, EOS; unknown symbols skipped', () => {
    const c = parsePiperConfig(config);
    expect(phonemeIds('həlˈoʊ', c.phoneme_id_map)).toEqual({ ids: [1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 2], skipped: 0 });
    expect(phonemeIds('hx', c.phoneme_id_map).skipped).toBe(1);
  });

  it('every symbol espeak writes for a real sentence is in the generated test map', async () => {
    const ipa = await phonemize('Meet the bottle that keeps your water cold all day. Order yours today!', 'en-us');
    const { ids, skipped } = phonemeIds(ipa, testPhonemeMap());
    expect(skipped).toBe(0);
    expect(ids.length).toBe(2 * [...ipa.normalize('NFD')].length + 3);
  });

  it('speed maps to length_scale, timings scale into the new duration', () => {
    expect([...piperScales(parsePiperConfig(config), 2)]).toEqual([expect.closeTo(0.667, 5), 0.5, expect.closeTo(0.8, 5)]);
    const t = scaleTimings([{ text: 'a', start: 1, end: 2 }], [{ ph: 'a', start: 1, end: 2 }], 4, 2);
    expect(t.words[0]).toMatchObject({ start: 0.5, end: 1 });
  });
});
