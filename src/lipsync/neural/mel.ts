/**
 * Wav2Lip's audio features, exactly as its `audio.py` computes them (librosa 0.7 defaults):
 * 16 kHz mono → pre-emphasis 0.97 → STFT (n_fft 800, hop 200, periodic Hann 800, centred with
 * reflect padding) → |X| → 80 Slaney mel bands 55–7600 Hz (area-normalised) → dB with a 1e-5
 * floor, minus 20 dB → clip(8 * ((S + 100) / 100) - 4, -4, 4).
 * The model was trained on exactly these numbers; any drift changes the lips it draws.
 */
import { FFT } from './fft.ts';

export const MEL_SAMPLE_RATE = 16_000;
export const N_FFT = 800;
export const HOP = 200;
export const N_MELS = 80;
export const FMIN = 55;
export const FMAX = 7600;
export const PREEMPHASIS = 0.97;
const REF_LEVEL_DB = 20;
const MIN_LEVEL_DB = -100;
const MAX_ABS = 4;

/** A mel spectrogram laid out like numpy's (n_mels, frames) array: band-major. */
export interface MelSpectrogram {
  /** data[band * frames + t] */
  data: Float32Array;
  bands: number;
  frames: number;
}

/** librosa's hz_to_mel with htk=False (Slaney): linear below 1 kHz, logarithmic above. */
export function hzToMel(f: number): number {
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logStep = Math.log(6.4) / 27;
  return f >= minLogHz ? minLogMel + Math.log(f / minLogHz) / logStep : f / fSp;
}

export function melToHz(m: number): number {
  const fSp = 200 / 3;
  const minLogHz = 1000;
  const minLogMel = minLogHz / fSp;
  const logStep = Math.log(6.4) / 27;
  return m >= minLogMel ? minLogHz * Math.exp(logStep * (m - minLogMel)) : fSp * m;
}

/** librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax) with Slaney area normalisation: [n_mels][1 + n_fft/2]. */
export function melFilterbank(sr = MEL_SAMPLE_RATE, nFft = N_FFT, nMels = N_MELS, fmin = FMIN, fmax = FMAX): Float64Array[] {
  const nBins = 1 + Math.floor(nFft / 2);
  const fftFreqs = Float64Array.from({ length: nBins }, (_, i) => (i * sr) / 2 / (nBins - 1));
  const mMin = hzToMel(fmin);
  const mMax = hzToMel(fmax);
  const melF = Float64Array.from({ length: nMels + 2 }, (_, i) => melToHz(mMin + ((mMax - mMin) * i) / (nMels + 1)));
  const weights: Float64Array[] = [];
  for (let i = 0; i < nMels; i++) {
    const row = new Float64Array(nBins);
    const lowDiff = melF[i + 1]! - melF[i]!;
    const highDiff = melF[i + 2]! - melF[i + 1]!;
    const enorm = 2 / (melF[i + 2]! - melF[i]!);
    for (let k = 0; k < nBins; k++) {
      const lower = (fftFreqs[k]! - melF[i]!) / lowDiff;
      const upper = (melF[i + 2]! - fftFreqs[k]!) / highDiff;
      row[k] = Math.max(0, Math.min(lower, upper)) * enorm;
    }
    weights.push(row);
  }
  return weights;
}

/** scipy.signal.get_window('hann', n, fftbins=True): the periodic Hann window. */
export function hannPeriodic(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
}

/** numpy.pad(x, pad, mode='reflect') (edge sample not repeated). */
export function reflectPad(x: ArrayLike<number>, pad: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n + 2 * pad);
  for (let i = 0; i < out.length; i++) {
    let j = i - pad;
    // Reflect repeatedly so very short inputs still pad like numpy does.
    if (n === 1) j = 0;
    else {
      const period = 2 * (n - 1);
      j = ((j % period) + period) % period;
      if (j >= n) j = period - j;
    }
    out[i] = x[j]!;
  }
  return out;
}

let cachedBank: Float64Array[] | null = null;
let cachedFft: FFT | null = null;
let cachedWindow: Float64Array | null = null;

/**
 * Wav2Lip's `melspectrogram(wav)` for 16 kHz mono PCM. Throws a RangeError on an empty signal
 * (numpy's reflect padding needs at least one sample too).
 */
export function wav2lipMel(pcm16k: Float32Array, signal?: AbortSignal): MelSpectrogram {
  if (pcm16k.length === 0) throw new RangeError('No audio: the mel spectrogram needs at least one sample.');
  const bank = (cachedBank ??= melFilterbank());
  const fft = (cachedFft ??= new FFT(N_FFT));
  const win = (cachedWindow ??= hannPeriodic(N_FFT));
  const pre = new Float64Array(pcm16k.length);
  pre[0] = pcm16k[0]!;
  for (let i = 1; i < pcm16k.length; i++) pre[i] = pcm16k[i]! - PREEMPHASIS * pcm16k[i - 1]!;
  const padded = reflectPad(pre, N_FFT / 2);
  const frames = 1 + Math.floor((padded.length - N_FFT) / HOP);
  const nBins = N_FFT / 2 + 1;
  const data = new Float32Array(N_MELS * frames);
  const frame = new Float64Array(N_FFT);
  const re = new Float64Array(N_FFT);
  const im = new Float64Array(N_FFT);
  const mag = new Float64Array(nBins);
  const floor = Math.pow(10, MIN_LEVEL_DB / 20);
  for (let t = 0; t < frames; t++) {
    if ((t & 255) === 0) signal?.throwIfAborted();
    const start = t * HOP;
    for (let i = 0; i < N_FFT; i++) frame[i] = padded[start + i]! * win[i]!;
    fft.transform(frame, null, re, im);
    for (let k = 0; k < nBins; k++) mag[k] = Math.hypot(re[k]!, im[k]!);
    for (let b = 0; b < N_MELS; b++) {
      const w = bank[b]!;
      let s = 0;
      for (let k = 0; k < nBins; k++) s += w[k]! * mag[k]!;
      const db = 20 * Math.log10(Math.max(floor, s)) - REF_LEVEL_DB;
      const norm = 2 * MAX_ABS * ((db - MIN_LEVEL_DB) / -MIN_LEVEL_DB) - MAX_ABS;
      data[b * frames + t] = Math.min(MAX_ABS, Math.max(-MAX_ABS, norm));
    }
  }
  return { data, bands: N_MELS, frames };
}
