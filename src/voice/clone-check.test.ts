import { describe, expect, it } from 'vitest';
import { synthesize } from '../../workers/tts/espeak-engine.ts';
import { checkCloneMaterial, checkName, clippedFraction, durationRange, reverbTime, verdict, type CloneMaterial } from './clone-check.ts';

/** Deterministic noise. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

async function speech(seconds: number): Promise<{ pcm: Float32Array; sampleRate: number }> {
  const line = 'This bottle keeps your water cold all day. It comes in three colours. Order yours today, and enjoy it everywhere you go. ';
  const parts: Float32Array[] = [];
  let total = 0;
  let sampleRate = 22050;
  while (total < seconds * sampleRate) {
    const s = await synthesize({ text: line, voice: 'en-us+f3' });
    sampleRate = s.sampleRate;
    parts.push(s.pcm);
    total += s.pcm.length;
  }
  const pcm = new Float32Array(Math.round(seconds * sampleRate));
  let o = 0;
  for (const p of parts) {
    pcm.set(p.subarray(0, Math.min(p.length, pcm.length - o)), o);
    o += p.length;
    if (o >= pcm.length) break;
  }
  // A real microphone always hears a little room noise.
  const r = rng(7);
  for (let i = 0; i < pcm.length; i++) pcm[i]! += r() * 0.0004;
  return { pcm, sampleRate };
}

const base = (pcm: Float32Array, sampleRate: number): CloneMaterial => ({ name: 'my_voice-1', bytes: pcm.length * 2, sourceSampleRate: 44100, pcm, sampleRate, language: 'en' });
const status = (m: CloneMaterial, id: string): string => checkCloneMaterial(m).find((i) => i.id === id)!.status;

describe('voice clone material check', () => {
  it('passes a clean 15 s clip on every item', async () => {
    const { pcm, sampleRate } = await speech(15);
    const items = checkCloneMaterial(base(pcm, sampleRate));
    console.log(items.map((i) => `${i.id}: ${i.status} (${i.value})`).join('\n'));
    expect(verdict(items)).toBe('pass');
  });

  it('fails clipping, noise, reverb, length, size, rate and name, each with its value', async () => {
    const { pcm, sampleRate } = await speech(15);
    const loud = pcm.map((v) => Math.max(-1, Math.min(1, v * 12)));
    expect(clippedFraction(loud)).toBeGreaterThan(0.001);
    expect(status(base(loud, sampleRate), 'clipping')).toBe('fail');

    const r = rng(3);
    const noisy = pcm.map((v) => v + r() * 0.1);
    expect(status(base(noisy, sampleRate), 'noise')).toBe('fail');

    // A 1.2 s exponential reverb tail (RT60 1.2 s): convolve with decaying noise.
    const ir = new Float32Array(Math.round(1.2 * sampleRate));
    const rn = rng(11);
    for (let i = 0; i < ir.length; i++) ir[i] = rn() * Math.pow(10, (-60 * (i / sampleRate)) / 1.2 / 20) * 0.12;
    ir[0] = 1;
    const wet = new Float32Array(pcm.length);
    // Sparse convolution: every 8th tap is plenty for a diffuse tail.
    for (let k = 0; k < ir.length; k += 8) {
      const g = k === 0 ? 1 : ir[k]! * 2.8;
      if (Math.abs(g) < 1e-5) continue;
      for (let i = k; i < pcm.length; i++) wet[i]! += g * pcm[i - k]!;
    }
    const dry = reverbTime(pcm, sampleRate)!;
    const rev = reverbTime(wet, sampleRate)!;
    console.log(`RT60 estimate: dry ${dry.toFixed(2)} s, with a 1.2 s tail ${rev.toFixed(2)} s`);
    expect(dry).toBeLessThan(0.35);
    expect(rev).toBeGreaterThan(0.6);
    expect(status(base(wet, sampleRate), 'reverb')).toBe('fail');

    const short = pcm.subarray(0, 5 * sampleRate);
    expect(status(base(short, sampleRate), 'duration')).toBe('fail');
    expect(status({ ...base(pcm, sampleRate), bytes: 21_000_000 }, 'size')).toBe('fail');
    expect(status({ ...base(pcm, sampleRate), sourceSampleRate: 16000 }, 'sample-rate')).toBe('fail');
    expect(checkName('a').status).toBe('fail');
    expect(checkName('my voice').status).toBe('fail');
    expect(checkName('x'.repeat(51)).status).toBe('fail');
    expect(checkName('Stimme_2-Ü').status).toBe('pass');
  });

  it('less common languages may use up to 90 s', () => {
    expect(durationRange('en-US')).toEqual([10, 30]);
    expect(durationRange('tr')).toEqual([10, 90]);
  });
});
