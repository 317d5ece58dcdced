import { describe, expect, it } from 'vitest';
import { synthesize } from '../../workers/tts/espeak-engine.ts';
import { mouthAt, visemeTrack } from '../lipsync/visemes.ts';
import { alignWords, scriptWords, syllables } from './align.ts';
import { activity, analyseFrames, phonemesFromAudio } from './audio-visemes.ts';

/** Pearson correlation. */
function corr(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

// espeak's own phoneme and word timings are the ground truth the audio-only analysis is
// measured against: the analysis never sees them.
const TEXT = 'Meet the bottle that keeps water cold all day. Three colours, one price. Order yours today!';

describe('visemes and words from audio alone', () => {
  it('finds where the speech is and opens the mouth when espeak says it should', async () => {
    const s = await synthesize({ text: TEXT, voice: 'en-us+m3' });
    const ours = phonemesFromAudio(s.pcm, s.sampleRate);
    expect(ours.length).toBeGreaterThan(20);
    for (let i = 1; i < ours.length; i++) expect(ours[i]!.start).toBeGreaterThanOrEqual(ours[i - 1]!.end - 1e-9);
    const truth = visemeTrack(s.phonemes);
    const mine = visemeTrack(ours);
    const a: number[] = [];
    const b: number[] = [];
    for (let t = 0; t < s.duration; t += 0.02) {
      a.push(mouthAt(truth, t).open);
      b.push(mouthAt(mine, t).open);
    }
    const r = corr(a, b);
    // Speaking vs pause agreement, frame by frame.
    const frames = analyseFrames(s.pcm, s.sampleRate);
    const act = activity(frames);
    const voiced = (t: number): boolean => s.phonemes.some((p) => p.ph !== '' && t >= p.start && t < p.end);
    const agree = frames.filter((f, i) => voiced(f.t) === act[i]).length / frames.length;
    console.log(`mouth-open correlation with espeak's own track r=${r.toFixed(2)}, activity agreement ${(agree * 100).toFixed(1)} %`);
    expect(r).toBeGreaterThan(0.5);
    expect(agree).toBeGreaterThan(0.8);
  });

  it('aligns the script words to the recording close to where they were spoken', async () => {
    const s = await synthesize({ text: TEXT, voice: 'en-us+f3' });
    const words = scriptWords(TEXT);
    expect(words.map((w) => w.text).slice(0, 3)).toEqual(['Meet', 'the', 'bottle']);
    expect(words[8]!.text).toBe('day.');
    const act = activity(analyseFrames(s.pcm, s.sampleRate));
    const aligned = alignWords(words, act, s.duration);
    expect(aligned).toHaveLength(words.length);
    for (let i = 1; i < aligned.length; i++) expect(aligned[i]!.start).toBeGreaterThanOrEqual(aligned[i - 1]!.end);
    // espeak joins some words ("of the"); compare the words it kept separate, by text offset.
    const errs: number[] = [];
    for (const w of s.words) {
      const mine = aligned.find((a) => a.charStart === w.charStart);
      if (mine) errs.push(Math.abs(mine.start - w.start));
    }
    const mean = errs.reduce((x, y) => x + y, 0) / errs.length;
    console.log(`word start error vs espeak: mean ${(mean * 1000).toFixed(0)} ms over ${errs.length} words, max ${(Math.max(...errs) * 1000).toFixed(0)} ms`);
    expect(errs.length).toBeGreaterThan(10);
    expect(mean).toBeLessThan(0.25);
  });

  it('counts syllables and splits CJK text into words', () => {
    expect(syllables('bottle')).toBe(2);
    expect(syllables('keeps')).toBe(1);
    expect(scriptWords('你好，我是小明。', 'zh').length).toBeGreaterThanOrEqual(3);
    expect(alignWords(scriptWords('hello there'), new Array(100).fill(false), 1)).toEqual([]);
  });
});
