import { describe, it, expect } from 'vitest';
import type { PhonemeTiming } from '../voice/types.ts';
import { VISEMES, type MouthShape, type Viseme } from './types.ts';
import { mouthAt, phonemeToViseme, speakingLevel, visemeTrack, VISEME_SHAPES } from './visemes.ts';

/** Phonemes laid end to end from `t0`, each `dur` seconds unless given as [ph, dur]. */
function seq(items: (string | [string, number])[], t0 = 0, dur = 0.09): PhonemeTiming[] {
  let t = t0;
  return items.map((it) => {
    const [ph, d] = typeof it === 'string' ? [it, dur] : it;
    const p = { ph, start: t, end: t + d };
    t += d;
    return p;
  });
}

const CHANNELS: (keyof MouthShape)[] = ['open', 'wide', 'round', 'press', 'lipBite', 'teeth', 'tongue'];

describe('phonemeToViseme', () => {
  const table: [string, Viseme][] = [
    // English consonants.
    ['p', 'PP'], ['b', 'PP'], ['m', 'PP'],
    ['f', 'FF'], ['v', 'FF'],
    ['θ', 'TH'], ['ð', 'TH'],
    ['t', 'DD'], ['d', 'DD'], ['ɾ', 'DD'],
    ['k', 'kk'], ['ɡ', 'kk'], ['g', 'kk'], ['ŋ', 'kk'], ['h', 'kk'],
    ['tʃ', 'CH'], ['dʒ', 'CH'], ['ʃ', 'CH'], ['ʒ', 'CH'],
    ['s', 'SS'], ['z', 'SS'],
    ['n', 'nn'], ['l', 'nn'], ['ld', 'nn'], ['n̩', 'nn'], ['ɫ', 'nn'],
    ['r', 'RR'], ['ɹ', 'RR'], ['ɚ', 'RR'], ['ɜː', 'RR'],
    ['w', 'ou'], ['j', 'ih'],
    // English vowels with stress and length marks, diphthongs by their first sound.
    ['ə', 'E'], ['ˈɑː', 'aa'], ['æ', 'aa'], ['ʌ', 'aa'], ['ɐ', 'aa'], ['aɪ', 'aa'], ['ˌaʊ', 'aa'],
    ['ɛ', 'E'], ['ˈeɪ', 'E'], ['e', 'E'],
    ['iː', 'ih'], ['ɪ', 'ih'], ['ᵻ', 'ih'], ['ˈi', 'ih'],
    ['ˈoʊ', 'oh'], ['ɔː', 'oh'], ['ɔɪ', 'oh'], ['ɒ', 'oh'], ['əʊ', 'E'],
    ['uː', 'ou'], ['ʊ', 'ou'], ['ˈʊə', 'ou'],
    // French, Spanish, German and others.
    ['y', 'ou'], ['ø', 'oh'], ['œ', 'oh'], ['ɑ̃', 'aa'], ['ɔ̃', 'oh'], ['ɛ̃', 'E'], ['ʁ', 'kk'], ['ɥ', 'ou'],
    ['β', 'PP'], ['ɣ', 'kk'], ['x', 'kk'], ['ɲ', 'nn'], ['ʎ', 'nn'], ['rr', 'RR'],
    ['ç', 'SS'], ['ts', 'SS'], ['pf', 'PP'], ['ʏ', 'ou'], ['ɔʏ', 'oh'], ['aː', 'aa'],
    ['ɕ', 'CH'], ['ɯ', 'ih'], ['ɨ', 'ih'], ['tɕ', 'CH'],
    // Pauses and junk.
    ['_', 'sil'], ['_:', 'sil'], ['', 'sil'], ['ˈ', 'sil'], ['?', 'sil'], ['||', 'sil'],
  ];
  for (const [ph, v] of table) {
    it(`${JSON.stringify(ph)} → ${v}`, () => expect(phonemeToViseme(ph)).toBe(v));
  }

  it('covers all 15 visemes', () => {
    const seen = new Set(table.map(([ph]) => phonemeToViseme(ph)));
    for (const v of VISEMES) expect(seen.has(v)).toBe(true);
  });
});

describe('visemeTrack', () => {
  it('merges neighbours with the same viseme', () => {
    const track = visemeTrack(seq(['p', 'b', 'aː']));
    expect(track.map((k) => k.viseme)).toEqual(['PP', 'aa']);
    expect(track[0]).toMatchObject({ start: 0, end: expect.closeTo(0.18, 6) });
  });

  it('fills gaps of 80 ms or more with silence, bridges shorter ones', () => {
    const a = seq(['h', 'ə'], 0.5);
    const b = seq(['l', 'oʊ'], a[1]!.end + 0.2);
    const c = seq(['w'], b[1]!.end + 0.03);
    const track = visemeTrack([...a, ...b, ...c]);
    expect(track.map((k) => k.viseme)).toEqual(['sil', 'kk', 'E', 'sil', 'nn', 'oh', 'ou']);
    expect(track[0]).toMatchObject({ start: 0, end: 0.5 });
    // Contiguous: each key starts where the previous ends.
    for (let i = 1; i < track.length; i++) expect(track[i]!.start).toBeCloseTo(track[i - 1]!.end, 9);
  });

  it('merges explicit pauses with gap silence and sorts its input', () => {
    const ph: PhonemeTiming[] = [
      { ph: 'a', start: 0.3, end: 0.4 },
      { ph: 'm', start: 0, end: 0.1 },
      { ph: '_', start: 0.1, end: 0.2 },
    ];
    expect(visemeTrack(ph).map((k) => [k.viseme, k.start, k.end])).toEqual([
      ['PP', 0, 0.1],
      ['sil', 0.1, 0.3],
      ['aa', 0.3, 0.4],
    ]);
  });

  it('returns an empty track for no phonemes', () => {
    expect(visemeTrack([])).toEqual([]);
  });
});

describe('mouthAt', () => {
  // "hello, people" with a pause, then a short "ma" and a long tail of silence.
  const phonemes = [
    ...seq(['h', 'ə', 'l', 'ˈoʊ'], 0.3),
    ...seq(['p', ['ˈiː', 0.12], 'p', 'ə', 'l'], 1.2, 0.07),
    ...seq([['m', 0.04], ['aː', 0.18], ['f', 0.05], ['uː', 0.2]], 2.2),
  ];
  const track = visemeTrack(phonemes);

  it('is closed at rest in silence and before speech', () => {
    for (const t of [0, 0.1, 0.2, 0.9, 1.0, 3.5, 10]) {
      const m = mouthAt(track, t);
      expect(m.open).toBeLessThan(0.01);
      for (const c of CHANNELS) expect(m[c]).toBeLessThan(0.01);
    }
    expect(mouthAt([], 1)).toEqual(VISEME_SHAPES.sil);
  });

  it('reaches rest inside a pause of 150 ms or more', () => {
    const tr = visemeTrack([...seq(['a'], 0), ...seq(['a'], 0.09 + 0.16)]);
    expect(tr.map((k) => k.viseme)).toEqual(['aa', 'sil', 'aa']);
    expect(mouthAt(tr, 0.09 + 0.08).open).toBeLessThan(0.02);
  });

  it('opens on vowels', () => {
    const ah = mouthAt(track, 2.24 + 0.09);
    expect(ah.open).toBeGreaterThan(0.7);
    const oh = mouthAt(track, 0.3 + 0.27 + 0.05);
    expect(oh.round).toBeGreaterThan(0.55);
    expect(oh.open).toBeGreaterThan(0.4);
    const ee = mouthAt(track, 1.27 + 0.06);
    expect(ee.wide).toBeGreaterThan(0.6);
    const oo = mouthAt(track, 2.2 + 0.04 + 0.18 + 0.05 + 0.12);
    expect(oo.round).toBeGreaterThan(0.8);
  });

  it('closes the lips for p/b/m even when short', () => {
    // The 70 ms "p" between "ə…ˈoʊ" and "ˈiː", and a 40 ms "m".
    expect(mouthAt(track, 1.2 + 0.035).press).toBeGreaterThan(0.95);
    expect(mouthAt(track, 1.2 + 0.035).open).toBeLessThan(0.05);
    expect(mouthAt(track, 1.39 + 0.035).press).toBeGreaterThan(0.95);
    expect(mouthAt(track, 2.2 + 0.02).press).toBeGreaterThan(0.95);
    // A 50 ms "f" bites the lip.
    expect(mouthAt(track, 2.2 + 0.04 + 0.18 + 0.025).lipBite).toBeGreaterThan(0.95);
  });

  it('moves continuously: bounded change between frames 1/30 s apart', () => {
    // Lips can close or open in about two frames (that is how fast real lips move), never in one.
    let worst = 0;
    let worstOpen = 0;
    for (let phase = 0; phase < 1 / 30; phase += 0.003) {
      let prev = mouthAt(track, phase);
      for (let f = 1; f < 30 * 4; f++) {
        const m = mouthAt(track, phase + f / 30);
        for (const c of CHANNELS) worst = Math.max(worst, Math.abs(m[c] - prev[c]));
        worstOpen = Math.max(worstOpen, Math.abs(m.open - prev.open));
        prev = m;
      }
    }
    expect(worst).toBeLessThan(0.8);
    expect(worstOpen).toBeLessThan(0.7);
    let prev = mouthAt(track, 0);
    // And finely sampled, there are no steps at all.
    let step = 0;
    for (let t = 0.001; t < 4; t += 0.001) {
      const m = mouthAt(track, t);
      for (const c of CHANNELS) step = Math.max(step, Math.abs(m[c] - prev[c]));
      prev = m;
    }
    expect(step).toBeLessThan(0.05);
  });

  it('stays within 0..1 and is deterministic', () => {
    for (let t = 0; t < 4; t += 0.013) {
      const m = mouthAt(track, t);
      expect(m).toEqual(mouthAt(track, t));
      for (const c of CHANNELS) {
        expect(m[c]).toBeGreaterThanOrEqual(0);
        expect(m[c]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is cheap: 60 s at 30 fps in well under a frame budget', () => {
    const long: PhonemeTiming[] = [];
    const cycle = ['h', 'ə', 'l', 'oʊ', 'w', 'ɜː', 'ld', '_', 'p', 'iː', 's', 'f', 'uː', 'tʃ', 'æ'];
    for (let i = 0; i < 900; i++) long.push({ ph: cycle[i % cycle.length]!, start: i * 0.066, end: (i + 1) * 0.066 });
    const tr = visemeTrack(long);
    const t0 = performance.now();
    for (let f = 0; f < 1800; f++) mouthAt(tr, f / 30);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('speakingLevel', () => {
  const track = visemeTrack([...seq(['h', 'a'], 1), ...seq(['a'], 4)]);
  it('is 1 while talking, 0 in long silence, smooth between', () => {
    expect(speakingLevel(track, 1.05)).toBe(1);
    expect(speakingLevel(track, 0.2)).toBe(0);
    expect(speakingLevel(track, 2.5)).toBe(0);
    const mid = speakingLevel(track, 1.18 + 0.2);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
    expect(speakingLevel([], 1)).toBe(0);
  });
});
