import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FFT } from './fft.ts';
import { chunkStart, wav2lipChunkCount, writeMelChunk, MEL_STEP } from './chunks.ts';
import { hannPeriodic, hzToMel, melFilterbank, melToHz, reflectPad, wav2lipMel } from './mel.ts';
import { resample } from './resample.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A python with numpy: $PYTHON, else python3 (Debian's python3-numpy on CI, see .ci/run). */
function pythonWithNumpy(): string {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3', 'python'].filter((c): c is string => !!c);
  for (const c of candidates) {
    try {
      execFileSync(c, ['-c', 'import numpy'], { stdio: 'ignore' });
      return c;
    } catch {
      /* try the next one */
    }
  }
  throw new Error('These tests need python3 with numpy (apt-get install python3-numpy) for the reference mel.');
}

/** Deterministic speech-like test signal: harmonics with a moving pitch, noise bursts and silence. */
function testSignal(seconds: number, seed = 1): Float32Array {
  const sr = 16000;
  const n = Math.round(seconds * sr);
  const x = new Float32Array(n);
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    const f0 = 120 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    phase += (2 * Math.PI * f0) / sr;
    const env = Math.max(0, Math.sin(2 * Math.PI * 1.3 * t));
    let v = 0;
    for (let h = 1; h <= 12; h++) v += Math.sin(h * phase) / h;
    const fric = (Math.floor(t * 4) % 3 === 1 ? 0.3 : 0) * rnd();
    x[i] = 0.25 * env * v + fric;
  }
  // A stretch of digital silence exercises the -100 dB floor.
  x.fill(0, Math.floor(n * 0.8), Math.floor(n * 0.85));
  return x;
}

function reference(pcm: Float32Array, fps: number): { mel: Float32Array; starts: Int32Array } {
  const py = pythonWithNumpy();
  const wav = join(dir, 'in.f32');
  const melOut = join(dir, 'mel.f32');
  const startsOut = join(dir, 'starts.i32');
  writeFileSync(wav, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  execFileSync(py, [join(here, 'mel-reference.py'), wav, melOut, String(fps), startsOut]);
  const m = readFileSync(melOut);
  const s = readFileSync(startsOut);
  return {
    mel: new Float32Array(m.buffer.slice(m.byteOffset, m.byteOffset + m.byteLength)),
    starts: new Int32Array(s.buffer.slice(s.byteOffset, s.byteOffset + s.byteLength)),
  };
}

describe('FFT', () => {
  it('matches a direct DFT for n = 800 (2^5 * 5^2) and odd sizes', () => {
    for (const n of [800, 45, 12, 7]) {
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + (i % 5) * 0.1);
      const re = new Float64Array(n);
      const im = new Float64Array(n);
      new FFT(n).transform(x, null, re, im);
      let err = 0;
      for (let k = 0; k < n; k++) {
        let r = 0;
        let m = 0;
        for (let j = 0; j < n; j++) {
          r += x[j]! * Math.cos((-2 * Math.PI * j * k) / n);
          m += x[j]! * Math.sin((-2 * Math.PI * j * k) / n);
        }
        err = Math.max(err, Math.abs(r - re[k]!), Math.abs(m - im[k]!));
      }
      expect(err).toBeLessThan(1e-9);
    }
  });
});

describe('hand-derived facts', () => {
  it('Slaney mel scale: 1 kHz is mel 15, linear below, log above', () => {
    expect(hzToMel(1000)).toBeCloseTo(15, 12);
    expect(hzToMel(200)).toBeCloseTo(3, 12);
    expect(hzToMel(6400)).toBeCloseTo(42, 12); // 15 + 27 (one log step of 6.4x is 27 mels)
    for (const f of [55, 700, 1000, 3000, 7600]) expect(melToHz(hzToMel(f))).toBeCloseTo(f, 9);
  });
  it('filterbank: 80 triangles over 401 bins, zero outside 55–7600 Hz', () => {
    const fb = melFilterbank();
    expect(fb.length).toBe(80);
    expect(fb[0]!.length).toBe(401);
    // Bin k is k*20 Hz; bin 2 (40 Hz) lies below fmin, bin 381 (7620 Hz) above fmax.
    expect(fb.every((row) => row[2] === 0 && row[381] === 0)).toBe(true);
    // Slaney normalisation: each triangle's area in Hz is 1 (height 2/width, width = 2 spacings).
    const area = fb[40]!.reduce((a, w) => a + w * 20, 0);
    expect(area).toBeCloseTo(1, 1);
  });
  it('periodic Hann and numpy reflect padding', () => {
    const w = hannPeriodic(4);
    expect(Array.from(w)).toEqual([0, 0.5, 1, 0.5].map((v, i) => (i === 0 ? 0 : v)).map((v) => expect.closeTo(v, 12)));
    expect(Array.from(reflectPad([1, 2, 3], 2))).toEqual([3, 2, 1, 2, 3, 2, 1]);
  });
  it('digital silence normalises to -4 everywhere (the -100 dB floor)', () => {
    const mel = wav2lipMel(new Float32Array(3200));
    expect(mel.frames).toBe(17); // 1 + 3200 / 200 with centred frames
    expect(mel.data.every((v) => v === -4)).toBe(true);
  });
  it('chunk starts follow int(i * 80 / fps) and end with the final 16 columns', () => {
    // 25 fps: 3.2 columns per frame. Frame 10 → 32; frame 7 → int(22.4) = 22.
    expect(chunkStart(10, 25, 1000)).toBe(32);
    expect(chunkStart(7, 25, 1000)).toBe(22);
    // 30 fps: frame 3 → int(8.000000000000002)? 3 * 2.6666… = 8 exactly in doubles.
    expect(chunkStart(3, 30, 1000)).toBe(Math.trunc(3 * (80 / 30)));
    expect(chunkStart(1000, 25, 100)).toBe(84);
    expect(wav2lipChunkCount(25, 100)).toBe(28); // int(27 * 3.2) = 86, 86 + 16 > 100
  });
  it('pads audio shorter than one window with silence', () => {
    const mel = wav2lipMel(testSignal(0.05));
    expect(mel.frames).toBeLessThan(MEL_STEP);
    const out = new Float32Array(80 * 16);
    writeMelChunk(mel, 0, 30, out);
    expect(out[15]).toBe(-4);
    expect(out[0]).toBe(mel.data[0]);
  });
});

describe('Wav2Lip mel against the numpy reference (to 1e-3)', () => {
  for (const [seconds, fps] of [[3.01, 25], [2.5, 30], [0.6, 29.97]] as const) {
    it(`${seconds} s at ${fps} fps`, () => {
      const pcm = testSignal(seconds, Math.round(seconds * 100));
      const ours = wav2lipMel(pcm);
      const ref = reference(pcm, fps);
      expect(ref.mel.length).toBe(ours.data.length);
      let maxErr = 0;
      for (let i = 0; i < ref.mel.length; i++) maxErr = Math.max(maxErr, Math.abs(ref.mel[i]! - ours.data[i]!));
      expect(maxErr).toBeLessThan(1e-3);
      // The signal really spans the range (not all clipped), so the comparison means something.
      const min = Math.min(...ours.data);
      const max = Math.max(...ours.data);
      expect(min).toBe(-4);
      expect(max).toBeGreaterThan(0);
      const count = wav2lipChunkCount(fps, ours.frames);
      expect(count).toBe(ref.starts.length);
      for (let i = 0; i < count; i++) expect(chunkStart(i, fps, ours.frames)).toBe(ref.starts[i]);
      // And a chunk holds exactly those columns.
      const out = new Float32Array(80 * 16);
      const i = Math.floor(count / 2);
      writeMelChunk(ours, i, fps, out);
      const s = ref.starts[i]!;
      for (const b of [0, 39, 79]) for (const j of [0, 15]) expect(out[b * 16 + j]).toBeCloseTo(ref.mel[b * ours.frames + s + j]!, 3);
    });
  }
});

describe('resample', () => {
  it('keeps a 1 kHz tone at 1 kHz going 22050 → 16000 Hz, and length scales', () => {
    const sr = 22050;
    const x = Float32Array.from({ length: sr }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / sr));
    const y = resample(x, sr, 16000);
    expect(y.length).toBe(16000);
    let err = 0;
    for (let i = 1000; i < 15000; i++) err = Math.max(err, Math.abs(y[i]! - Math.sin((2 * Math.PI * 1000 * i) / 16000)));
    expect(err).toBeLessThan(0.01);
  });
  it('removes content above the new Nyquist (10 kHz tone does not alias into 16 kHz audio)', () => {
    const sr = 22050;
    const x = Float32Array.from({ length: sr }, (_, i) => Math.sin((2 * Math.PI * 10000 * i) / sr));
    const y = resample(x, sr, 16000);
    let peak = 0;
    for (let i = 1000; i < 15000; i++) peak = Math.max(peak, Math.abs(y[i]!));
    expect(peak).toBeLessThan(0.01);
  });
});
