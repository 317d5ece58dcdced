/**
 * Spectral features for aligning two renderings of one text (src/voice/dtw.ts). Pure.
 *
 * Per 10 ms frame (centred, zero-padded at the edges): pre-emphasis 0.97, periodic Hann window
 * of ~23 ms, power spectrum, 26 Slaney mel bands 80 Hz – 7.6 kHz, log, DCT-II → cepstra 1..8
 * (c0, the overall level, is replaced by a log energy), every dimension normalised to zero mean
 * and unit variance over the utterance (CMVN), then their deltas (slope over ±2 frames).
 *
 * Why these choices (measured with scripts/bench/align.ts and a held-out set of French,
 * Italian, Portuguese and English sentences, female vs male voice at 0.85–1.4x speed):
 * - The mean removal (standard for comparing speakers) takes out the steady part of what differs
 *   between two voices and channels; between two espeak voices it made little difference, but
 *   a neural voice's channel and level differ from espeak's far more.
 * - Only the low cepstra: the higher ones describe the speaker's formant fine structure (a male
 *   and a female voice differ there most); with 12 the p95 word-onset error was ~3x larger.
 * - Log energy weighted 3x: pauses and syllable nuclei are where two voices agree best.
 * - Deltas: transitions between sounds are more alike across voices than the sounds' spectra.
 */
import { hannPeriodic, melFilterbank } from '../lipsync/neural/mel.ts';

export const FEATURE_HOP_SECONDS = 0.01;
const N_MELS = 26;
const N_CEPS = 8;
const ENERGY_WEIGHT = 3;
const STATIC_DIMS = N_CEPS + 1;
/** Log energy + c1..c8, and their deltas. */
export const FEATURE_DIMS = 2 * STATIC_DIMS;

export interface Features {
  /** data[frame * dims + d] */
  data: Float32Array;
  dims: number;
  frames: number;
  /** Seconds between frame centres (hop samples / sample rate, close to 10 ms). */
  hop: number;
}

/**
 * In-place iterative radix-2 FFT with precomputed twiddles and bit reversal: 5x faster here
 * than the general mixed-radix FFT of src/lipsync/neural/fft.ts (which Wav2Lip's n_fft of 800
 * needs), and a 60 s script has 6000 frames per side.
 */
class Radix2 {
  private readonly rev: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  constructor(readonly n: number) {
    const bits = Math.log2(n);
    this.rev = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cos = new Float64Array(n / 2);
    this.sin = new Float64Array(n / 2);
    for (let k = 0; k < n / 2; k++) {
      this.cos[k] = Math.cos((-2 * Math.PI * k) / n);
      this.sin[k] = Math.sin((-2 * Math.PI * k) / n);
    }
  }

  /** Real input `x` → spectrum in (re, im). */
  transform(x: Float64Array, re: Float64Array, im: Float64Array): void {
    const { n, rev, cos, sin } = this;
    for (let i = 0; i < n; i++) {
      re[rev[i]!] = x[i]!;
      im[i] = 0;
    }
    for (let len = 2; len <= n; len <<= 1) {
      const half = len >> 1;
      const stride = n / len;
      for (let i = 0; i < n; i += len) {
        for (let k = 0; k < half; k++) {
          const wr = cos[k * stride]!;
          const wi = sin[k * stride]!;
          const a = i + k;
          const b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }
}

interface Setup {
  nFft: number;
  fft: Radix2;
  win: Float64Array;
  /** Sparse mel bank: per band, first bin and weights. */
  bank: Array<{ first: number; w: Float64Array }>;
  dct: Float64Array;
}

const setups = new Map<number, Setup>();

function setup(sampleRate: number): Setup {
  const have = setups.get(sampleRate);
  if (have) return have;
  // A power of two of at least 20 ms (512 at 22.05 kHz, 23 ms).
  let nFft = 256;
  while (nFft < 0.02 * sampleRate) nFft *= 2;
  const dense = melFilterbank(sampleRate, nFft, N_MELS, 80, Math.min(7600, sampleRate / 2 - 1));
  const bank = dense.map((row) => {
    let a = 0;
    while (a < row.length && row[a] === 0) a++;
    let b = row.length;
    while (b > a && row[b - 1] === 0) b--;
    return { first: a, w: row.slice(a, b) };
  });
  const dct = new Float64Array(N_CEPS * N_MELS);
  for (let k = 1; k <= N_CEPS; k++) for (let m = 0; m < N_MELS; m++) dct[(k - 1) * N_MELS + m] = Math.cos((Math.PI * k * (m + 0.5)) / N_MELS);
  const s: Setup = { nFft, fft: new Radix2(nFft), win: hannPeriodic(nFft), bank, dct };
  setups.set(sampleRate, s);
  return s;
}

/** MFCC-style features of mono PCM, one frame per ~10 ms (frame i centred at i * hop). */
export function speechFeatures(pcm: Float32Array, sampleRate: number): Features {
  const { nFft, fft, win, bank, dct } = setup(sampleRate);
  const hopSamples = Math.max(1, Math.round(FEATURE_HOP_SECONDS * sampleRate));
  const frames = Math.max(1, Math.ceil(pcm.length / hopSamples));
  const dims = STATIC_DIMS;
  const data = new Float32Array(frames * dims);
  const frame = new Float64Array(nFft);
  const re = new Float64Array(nFft);
  const im = new Float64Array(nFft);
  const power = new Float64Array(nFft / 2 + 1);
  const logMel = new Float64Array(N_MELS);
  const half = nFft >> 1;
  for (let t = 0; t < frames; t++) {
    const start = t * hopSamples - half;
    let energy = 0;
    for (let i = 0; i < nFft; i++) {
      const k = start + i;
      const x = k >= 0 && k < pcm.length ? pcm[k]! - (k > 0 ? 0.97 * pcm[k - 1]! : 0) : 0;
      const v = x * win[i]!;
      frame[i] = v;
      energy += v * v;
    }
    fft.transform(frame, re, im);
    for (let k = 0; k <= half; k++) power[k] = re[k]! * re[k]! + im[k]! * im[k]!;
    for (let m = 0; m < N_MELS; m++) {
      const { first, w } = bank[m]!;
      let s = 0;
      for (let k = 0; k < w.length; k++) s += w[k]! * power[first + k]!;
      // The floor is far below any speech but keeps digital silence finite.
      logMel[m] = Math.log(s + 1e-10);
    }
    const o = t * dims;
    data[o] = Math.log(energy + 1e-10);
    for (let k = 0; k < N_CEPS; k++) {
      let c = 0;
      const row = k * N_MELS;
      for (let m = 0; m < N_MELS; m++) c += dct[row + m]! * logMel[m]!;
      data[o + 1 + k] = c;
    }
  }
  normalise(data, frames, dims);
  for (let t = 0; t < frames; t++) data[t * dims] = data[t * dims]! * ENERGY_WEIGHT;
  const out = new Float32Array(frames * FEATURE_DIMS);
  for (let t = 0; t < frames; t++) {
    const o = t * FEATURE_DIMS;
    const prev = Math.max(0, t - 2) * dims;
    const next = Math.min(frames - 1, t + 2) * dims;
    for (let d = 0; d < dims; d++) {
      out[o + d] = data[t * dims + d]!;
      out[o + dims + d] = 0.5 * (data[next + d]! - data[prev + d]!);
    }
  }
  return { data: out, dims: FEATURE_DIMS, frames, hop: hopSamples / sampleRate };
}

/** Zero mean, unit variance per dimension (a constant dimension stays 0). */
function normalise(data: Float32Array, frames: number, dims: number): void {
  for (let d = 0; d < dims; d++) {
    let mean = 0;
    for (let t = 0; t < frames; t++) mean += data[t * dims + d]!;
    mean /= frames;
    let v = 0;
    for (let t = 0; t < frames; t++) {
      const x = data[t * dims + d]! - mean;
      v += x * x;
    }
    const inv = v > 1e-12 ? 1 / Math.sqrt(v / frames) : 0;
    for (let t = 0; t < frames; t++) data[t * dims + d] = (data[t * dims + d]! - mean) * inv;
  }
}
