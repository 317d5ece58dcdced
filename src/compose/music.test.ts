import { describe, expect, it } from 'vitest';
import { mixMusicChannels, type MusicMix } from './music.ts';

/** Mono music in, the one mixed channel out. */
const mixMusic = (voice: Float32Array, music: Float32Array, rate: number, mix?: MusicMix, volume?: number) => mixMusicChannels(voice, [music], rate, mix, volume)[0]!;

const RATE = 8000;
const rms = (a: Float32Array, t0: number, t1: number) => {
  let s = 0;
  const i0 = Math.round(t0 * RATE);
  const i1 = Math.round(t1 * RATE);
  for (let i = i0; i < i1; i++) s += a[i]! ** 2;
  return Math.sqrt(s / (i1 - i0));
};

describe('mixMusicChannels, mono', () => {
  // 6 s: silence, 2 s of "voice" (a 200 Hz tone) from 2 to 4 s, silence.
  const voice = new Float32Array(6 * RATE);
  for (let i = 2 * RATE; i < 4 * RATE; i++) voice[i] = 0.5 * Math.sin((2 * Math.PI * 200 * i) / RATE);
  // 1.5 s of "music" (a 440 Hz tone) at a low level: it loops and is normalised.
  const music = new Float32Array(1.5 * RATE);
  for (let i = 0; i < music.length; i++) music[i] = 0.1 * Math.sin((2 * Math.PI * 440 * i) / RATE);

  it('keeps the voice length, loops the music, and ducks it under speech', () => {
    const out = mixMusic(voice, music, RATE);
    expect(out.length).toBe(voice.length);
    // Music alone where nobody speaks (after the fade in), louder than under the voice.
    const bed = rms(out, 1.2, 1.9);
    expect(bed).toBeGreaterThan(0.15);
    // Under speech: subtract the voice to see the music level.
    const under = new Float32Array(out.length);
    for (let i = 0; i < out.length; i++) under[i] = out[i]! - voice[i]!;
    expect(rms(under, 2.5, 3.9)).toBeLessThan(bed * 0.4);
    // It comes back after the voice stops (release), looping past the 1.5 s file.
    expect(rms(out, 4.8, 5.0)).toBeGreaterThan(0.15);
    // Fades in from silence and out to silence.
    expect(Math.abs(out[0]!)).toBeLessThan(1e-6);
    expect(rms(out, 5.97, 6)).toBeLessThan(0.02);
  });

  it('never clips and leaves the voice alone without music', () => {
    const loud = new Float32Array(voice.length).fill(0.98);
    const out = mixMusic(loud, music, RATE);
    expect(Math.max(...out.map(Math.abs))).toBeLessThanOrEqual(0.99 + 1e-6);
    expect(mixMusic(voice, new Float32Array(0), RATE)).toEqual(voice);
  });
});

describe('mixMusicChannels volume', () => {
  it('scales the music, 0 leaving the voice alone', () => {
    const voice = new Float32Array(8000);
    const music = new Float32Array(8000).map((_, i) => Math.sin(i / 3));
    const full = mixMusic(voice, music, 8000);
    const half = mixMusic(voice, music, 8000, undefined, 0.5);
    expect(half[4000]!).toBeCloseTo(full[4000]! / 2, 5);
    expect(mixMusic(voice, music, 8000, undefined, 0).every((x) => x === 0)).toBe(true);
  });
});

describe('mixMusicChannels', () => {
  it('puts the voice in every channel and ducks both channels alike', () => {
    const rate = 8000;
    const voice = new Float32Array(3 * rate);
    for (let i = rate; i < 2 * rate; i++) voice[i] = 0.5 * Math.sin(i / 5);
    const left = new Float32Array(rate).map((_, i) => 0.3 * Math.sin(i / 7));
    const right = new Float32Array(rate).map((_, i) => 0.6 * Math.sin(i / 11));
    const [l, r] = mixMusicChannels(voice, [left, right], rate);
    expect([l!.length, r!.length]).toEqual([voice.length, voice.length]);
    // The louder channel sets the normalisation: the right channel's music is twice the left's.
    const musicOnly = (ch: Float32Array, i: number) => ch[i]! - voice[i]!;
    const at = Math.round(0.9 * rate);
    expect(musicOnly(r!, at) / (0.6 * Math.sin((at % rate) / 11))).toBeCloseTo(musicOnly(l!, at) / (0.3 * Math.sin((at % rate) / 7)), 4);
    // Same ducking envelope: under speech both channels' music drop by the same factor.
    const under = Math.round(1.5 * rate);
    expect(musicOnly(l!, under) / left[under % rate]!).toBeCloseTo(musicOnly(r!, under) / right[under % rate]!, 4);
    expect(mixMusicChannels(voice, [new Float32Array(0)], rate)).toEqual([voice]);
  });
});
