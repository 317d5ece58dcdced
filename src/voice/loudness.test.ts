import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../workers/tts/espeak-engine.ts';
import { integratedLoudness, limitTruePeak, normalizeLoudness, truePeak } from './loudness.ts';
import { encodeWav } from './wav.ts';

const dir = mkdtempSync(join(tmpdir(), 'loudness-'));

/** Debian ffmpeg's EBU R128 measurement of a mono WAV: integrated LUFS and true peak dBTP. */
function ffmpegEbur128(pcm: Float32Array, sampleRate: number, name: string): { I: number; TP: number } {
  const file = join(dir, `${name}.wav`);
  writeFileSync(file, encodeWav(pcm, sampleRate));
  // ffmpeg prints the summary on stderr.
  const err = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
  const summary = err.slice(err.lastIndexOf('Summary:'));
  const I = Number(/I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)![1]);
  const TP = Number(/Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)![1]);
  return { I, TP };
}

function sine(freq: number, amp: number, seconds: number, sampleRate: number, phase = 0): Float32Array {
  const x = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * freq * i) / sampleRate + phase);
  return x;
}

describe('BS.1770 loudness', () => {
  it('a full-scale 1 kHz sine on one channel measures -3.01 LUFS (the standard calibration)', () => {
    expect(integratedLoudness(sine(1000, 1, 5, 48000), 48000)).toBeCloseTo(-3.01, 1);
    expect(integratedLoudness(sine(1000, 0.1, 5, 44100), 44100)).toBeCloseTo(-23.01, 1);
  });

  it('silence is -inf, and the true peak finds peaks between samples', () => {
    expect(integratedLoudness(new Float32Array(48000), 48000)).toBe(-Infinity);
    // fs/4 sine at 45°: every sample is ±0.707 but the waveform reaches 1.0 between them.
    const x = sine(12000, 1, 1, 48000, Math.PI / 4);
    let sp = 0;
    for (const v of x) sp = Math.max(sp, Math.abs(v));
    expect(20 * Math.log10(sp)).toBeCloseTo(-3.01, 1);
    expect(truePeak(x)).toBeGreaterThan(-0.5);
  });

  it('agrees with ffmpeg ebur128 on real speech at 22.05 kHz', async () => {
    const s = await synthesize({ text: 'Meet the bottle that keeps your water cold all day, and your coffee hot all morning.', voice: 'en-us+f3' });
    const mine = integratedLoudness(s.pcm, s.sampleRate);
    const ref = ffmpegEbur128(s.pcm, s.sampleRate, 'speech');
    console.log(`speech: ours ${mine.toFixed(2)} LUFS, ffmpeg ${ref.I} LUFS; TP ours ${truePeak(s.pcm).toFixed(2)}, ffmpeg ${ref.TP}`);
    expect(Math.abs(mine - ref.I)).toBeLessThan(0.3);
    expect(Math.abs(truePeak(s.pcm) - ref.TP)).toBeLessThan(0.5);
  });

  it('normalises speech to -16 LUFS with the true peak under -1 dBTP (checked by ffmpeg)', async () => {
    const s = await synthesize({ text: 'Three colours, one price. Order yours today and feel the difference from the first sip.', voice: 'en-us+m3', rate: 190 });
    const quiet = s.pcm.map((v) => v * 0.05);
    const r = normalizeLoudness(quiet, s.sampleRate);
    const ref = ffmpegEbur128(r.pcm, s.sampleRate, 'normalised');
    console.log(`normalised: in ${r.inputLufs.toFixed(2)} → out ${r.outputLufs.toFixed(2)} LUFS, TP ${r.truePeak.toFixed(2)}; ffmpeg I ${ref.I} TP ${ref.TP}`);
    expect(r.inputLufs).toBeLessThan(-35);
    expect(Math.abs(ref.I - -16)).toBeLessThan(0.5);
    expect(ref.TP).toBeLessThan(-1);
  });

  it('the limiter never lets a sample above the ceiling and leaves quiet audio alone', () => {
    const x = sine(440, 1.5, 1, 48000);
    const y = limitTruePeak(x, 48000, -1);
    expect(truePeak(y)).toBeLessThan(-0.9);
    const q = sine(440, 0.1, 1, 48000);
    expect(limitTruePeak(q, 48000, -1)).toEqual(q);
  });
});
