/**
 * A phoneme-class track from the audio itself, so any voice — a recording, an upload, a
 * neural voice without timings — drives lip-sync. Pure.
 *
 * Every 10 ms frame is described by its level, zero-crossing rate and the share of energy in
 * three bands (F1 region 150–900 Hz, F2 region 900–2500 Hz, frication 2.5–8 kHz), and classed:
 * - silence: far below the clip's speech level → a pause (no phoneme, the mouth closes);
 * - frication: energy mostly above 2.5 kHz, many zero crossings → "s" (or "f" when weak);
 * - a short, quiet, low-pitched dip between voiced frames → "m" (lips closing);
 * - voiced: a vowel whose openness follows the level (loud → "a", medium → "e", quiet → "i"),
 *   rounded ("o"/"u") when nearly all energy sits below 900 Hz.
 * The labels are IPA letters the viseme engine (src/lipsync/visemes.ts) already understands.
 * Runs shorter than 30 ms are folded into their neighbour so the mouth does not flutter.
 */
import type { PhonemeTiming } from './types.ts';

export interface FrameFeatures {
  /** Frame centre, seconds. */
  t: number;
  db: number;
  zcr: number;
  low: number;
  mid: number;
  high: number;
}

export const HOP_SECONDS = 0.01;

function fftMagnitudes(re: Float64Array): Float64Array {
  const n = re.length;
  const im = new Float64Array(n);
  // Bit reversal.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const t = re[i]!;
      re[i] = re[j]!;
      re[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
  const mag = new Float64Array(n / 2);
  for (let k = 0; k < n / 2; k++) mag[k] = re[k]! * re[k]! + im[k]! * im[k]!;
  return mag;
}

/** Per-frame features every 10 ms over a ~25 ms Hann window. */
export function analyseFrames(pcm: Float32Array, sampleRate: number): FrameFeatures[] {
  let n = 1;
  while (n < 0.025 * sampleRate) n <<= 1;
  const hop = Math.round(HOP_SECONDS * sampleRate);
  const win = new Float64Array(n);
  for (let i = 0; i < n; i++) win[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  const bin = (hz: number): number => Math.min(n / 2, Math.round((hz * n) / sampleRate));
  const b0 = bin(150);
  const b1 = bin(900);
  const b2 = bin(2500);
  const b3 = bin(8000);
  const out: FrameFeatures[] = [];
  const buf = new Float64Array(n);
  for (let start = 0; start + hop <= pcm.length; start += hop) {
    let sum = 0;
    let zc = 0;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const x = pcm[start + i - (n >> 1) + (hop >> 1)] ?? 0;
      buf[i] = x * win[i]!;
      sum += x * x;
      if (i > 0 && (x >= 0) !== (prev >= 0)) zc++;
      prev = x;
    }
    const mag = fftMagnitudes(buf);
    let low = 0;
    let mid = 0;
    let high = 0;
    for (let k = b0; k < b1; k++) low += mag[k]!;
    for (let k = b1; k < b2; k++) mid += mag[k]!;
    for (let k = b2; k < b3; k++) high += mag[k]!;
    const tot = low + mid + high || 1;
    out.push({ t: (start + hop / 2) / sampleRate, db: 10 * Math.log10(sum / n + 1e-12), zcr: zc / n, low: low / tot, mid: mid / tot, high: high / tot });
  }
  return out;
}

/** The level speech sits at: the 90th percentile of frame levels. */
export function speechLevel(frames: readonly FrameFeatures[]): number {
  if (frames.length === 0) return -120;
  const sorted = frames.map((f) => f.db).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.9)]!;
}

/** True for frames that carry speech (not silence or room noise). */
export function activity(frames: readonly FrameFeatures[]): boolean[] {
  const level = speechLevel(frames);
  const floor = Math.max(level - 30, -60);
  return frames.map((f) => f.db > floor);
}

type Label = '' | 'a' | 'e' | 'i' | 'o' | 'u' | 's' | 'f' | 'm';

/*
 * Thresholds chosen by measuring against espeak's own phoneme track in five voices (en-US m/f,
 * en-GB, es, fr): jaw opening follows loudness far better than any band ratio, so the level
 * picks open/mid/close and the spectrum only marks frication and rounding. Mouth-open
 * correlation with the espeak track: 0.41–0.62 (audio-visemes.test.ts prints it).
 */
function classify(f: FrameFeatures, level: number, active: boolean): Label {
  if (!active) return '';
  const rel = f.db - level;
  if (f.high > 0.55 && f.zcr > 0.15) return rel > -18 ? 's' : 'f';
  if (f.high > 0.45 && rel < -10) return 'f';
  if (rel < -18 && f.low > 0.6) return 'm';
  // Energy almost all below 900 Hz: rounded lips (o, u).
  if (f.low > 0.8 && f.mid < 0.12 && rel > -12) return rel > -6 ? 'o' : 'u';
  if (rel > -6) return 'a';
  if (rel > -12) return 'e';
  return 'i';
}

/** The phoneme-class track of a clip: IPA letters with times, pauses left out. */
export function phonemesFromAudio(pcm: Float32Array, sampleRate: number): PhonemeTiming[] {
  const frames = analyseFrames(pcm, sampleRate);
  const level = speechLevel(frames);
  const act = activity(frames);
  const labels = frames.map((f, i) => classify(f, level, act[i]!));
  // Runs of equal labels.
  const runs: Array<{ label: Label; from: number; to: number }> = [];
  for (let i = 0; i < labels.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.label === labels[i]) last.to = i + 1;
    else runs.push({ label: labels[i]!, from: i, to: i + 1 });
  }
  // Fold runs under 30 ms into the previous run (or the next, at the start).
  const MIN = 3;
  const merged: typeof runs = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (r.to - r.from < MIN && last) last.to = r.to;
    else if (last && last.label === r.label) last.to = r.to;
    else merged.push({ ...r });
  }
  if (merged.length > 1 && merged[0]!.to - merged[0]!.from < MIN) {
    merged[1]!.from = merged[0]!.from;
    merged.shift();
  }
  const duration = pcm.length / sampleRate;
  return merged
    .filter((r) => r.label !== '')
    .map((r) => ({ ph: r.label, start: r.from * HOP_SECONDS, end: Math.min(duration, r.to * HOP_SECONDS) }));
}
