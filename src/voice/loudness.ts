/**
 * Loudness per ITU-R BS.1770-4 / EBU R128 for mono PCM, and a normaliser that brings a
 * voiceover to a target integrated loudness (-16 LUFS, the usual level for online video)
 * with its true peak held below a ceiling. Pure: no DOM, unit-tested against Debian ffmpeg's
 * `ebur128` filter.
 *
 * - K-weighting: the two biquads of BS.1770 (high shelf + RLB high-pass), with coefficients
 *   derived for any sample rate from the analogue prototype (as libebur128 does), so 22.05 kHz
 *   espeak output and 44.1/48 kHz recordings are measured alike.
 * - Integrated loudness: 400 ms blocks with 75 % overlap, absolute gate -70 LUFS, relative gate
 *   -10 LU below the ungated mean.
 * - True peak: 4x oversampling with a 48-tap windowed-sinc interpolator (BS.1770 Annex 2 asks
 *   for at least 4x below 96 kHz).
 * - Limiting: a look-ahead gain curve that is, by construction, never above the gain a sample
 *   needs (min-hold over L samples, then a moving average over L), with a slow release, so
 *   speech is not pumped.
 */

export interface LoudnessReport {
  /** Integrated loudness, LUFS (-Infinity for silence). */
  integrated: number;
  /** True peak, dBTP (-Infinity for silence). */
  truePeak: number;
}

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

function kWeighting(fs: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const G = 3.999843853973347;
  let Q = 0.7071752369554196;
  let K = Math.tan((Math.PI * f0) / fs);
  const Vh = Math.pow(10, G / 20);
  const Vb = Math.pow(Vh, 0.4996667741545416);
  let a0 = 1 + K / Q + K * K;
  const shelf: Biquad = {
    b0: (Vh + (Vb * K) / Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / Q + K * K) / a0,
  };
  f0 = 38.13547087602444;
  Q = 0.5003270373238773;
  K = Math.tan((Math.PI * f0) / fs);
  a0 = 1 + K / Q + K * K;
  const highpass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (K * K - 1)) / a0, a2: (1 - K / Q + K * K) / a0 };
  return [shelf, highpass];
}

function filter(x: Float32Array | Float64Array, q: Biquad): Float64Array {
  const y = new Float64Array(x.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const x0 = x[i]!;
    const y0 = q.b0 * x0 + q.b1 * x1 + q.b2 * x2 - q.a1 * y1 - q.a2 * y2;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
    y[i] = y0;
  }
  return y;
}

const ABSOLUTE_GATE = -70;
const blockLoudness = (meanSquare: number): number => -0.691 + 10 * Math.log10(meanSquare);

/** Integrated loudness (LUFS) of mono PCM; -Infinity when everything is gated out. */
export function integratedLoudness(pcm: Float32Array, sampleRate: number): number {
  const [shelf, hp] = kWeighting(sampleRate);
  const y = filter(filter(pcm, shelf), hp);
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  if (y.length < block) return -Infinity;
  // Prefix sums of squares make each block O(1).
  const cum = new Float64Array(y.length + 1);
  for (let i = 0; i < y.length; i++) cum[i + 1] = cum[i]! + y[i]! * y[i]!;
  const blocks: number[] = [];
  for (let s = 0; s + block <= y.length; s += hop) blocks.push((cum[s + block]! - cum[s]!) / block);
  const gated = (threshold: number): number[] => blocks.filter((z) => blockLoudness(z) > threshold);
  const abs = gated(ABSOLUTE_GATE);
  if (abs.length === 0) return -Infinity;
  const mean = (zs: number[]): number => zs.reduce((a, b) => a + b, 0) / zs.length;
  const relative = blockLoudness(mean(abs)) - 10;
  const rel = gated(Math.max(ABSOLUTE_GATE, relative));
  return rel.length === 0 ? -Infinity : blockLoudness(mean(rel));
}

const OS = 4;
const TAPS_PER_PHASE = 12;
/** Polyphase 4x interpolator: PHASES[p][k] weights x[i - k + TAPS/2] for output i + p/4. */
const PHASES: Float64Array[] = (() => {
  const out: Float64Array[] = [];
  const N = OS * TAPS_PER_PHASE;
  for (let p = 0; p < OS; p++) {
    const h = new Float64Array(TAPS_PER_PHASE);
    for (let k = 0; k < TAPS_PER_PHASE; k++) {
      // Tap position in input samples relative to the output instant i + p/OS.
      const t = k - TAPS_PER_PHASE / 2 + 1 - p / OS;
      const n = t * OS + N / 2; // position within the full window
      const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / N); // Hann
      h[k] = sinc * w;
    }
    out.push(h);
  }
  return out;
})();

/** |x| at each sample and at the 3 instants between it and the next (4x oversampled), maxed. */
function interSamplePeaks(x: Float32Array): Float32Array {
  const n = x.length;
  const out = new Float32Array(n);
  const half = TAPS_PER_PHASE / 2;
  // Where every tap lies inside x the bounds checks are skipped (all but a few samples).
  const first = half - 1;
  const last = n - half;
  for (let i = 0; i < n; i++) {
    let m = Math.abs(x[i]!);
    const inside = i >= first && i < last;
    for (let p = 1; p < OS; p++) {
      const h = PHASES[p]!;
      let s = 0;
      if (inside) {
        const j0 = i - half + 1;
        for (let k = 0; k < TAPS_PER_PHASE; k++) s += h[k]! * x[j0 + k]!;
      } else {
        for (let k = 0; k < TAPS_PER_PHASE; k++) {
          const j = i + k - half + 1;
          if (j >= 0 && j < n) s += h[k]! * x[j]!;
        }
      }
      const a = Math.abs(s);
      if (a > m) m = a;
    }
    out[i] = m;
  }
  return out;
}

/** True peak of mono PCM, dBTP. */
export function truePeak(pcm: Float32Array): number {
  const p = interSamplePeaks(pcm);
  let m = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > m) m = p[i]!;
  return m > 0 ? 20 * Math.log10(m) : -Infinity;
}

export function measureLoudness(pcm: Float32Array, sampleRate: number): LoudnessReport {
  return { integrated: integratedLoudness(pcm, sampleRate), truePeak: truePeak(pcm) };
}

/**
 * Holds the true peak of `x` below `ceilingDb`: a gain curve that reaches each needed gain
 * `lookaheadS` before the peak and releases over `releaseS`. `peaks`: interSamplePeaks(x), when
 * the caller has them.
 */
export function limitTruePeak(x: Float32Array, sampleRate: number, ceilingDb: number, lookaheadS = 0.005, releaseS = 0.08, peaks = interSamplePeaks(x)): Float32Array {
  const ceiling = Math.pow(10, ceilingDb / 20);
  const n = x.length;
  const need = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const g = peaks[i]! > ceiling ? ceiling / peaks[i]! : 1;
    need[i] = g;
    if (g < 1) any = true;
  }
  if (!any) return x.slice();
  const L = Math.max(1, Math.round(lookaheadS * sampleRate));
  // m[k] = min(need[k .. k+L-1]) (monotone deque), then a[i] = mean(m[i-L+1 .. i]) <= need[i].
  const m = new Float64Array(n);
  const dq: number[] = [];
  let head = 0;
  for (let j = n - 1; j >= 0; j--) {
    while (dq.length > head && need[dq[dq.length - 1]!]! >= need[j]!) dq.pop();
    dq.push(j);
    while (dq[head]! > j + L - 1) head++;
    m[j] = need[dq[head]!]!;
    if (head > 4096) {
      dq.splice(0, head);
      head = 0;
    }
  }
  const out = new Float32Array(n);
  const rel = 1 - Math.exp(-1 / (releaseS * sampleRate));
  // Before the start the window is padded with m[0] (the min over the first L samples, which
  // covers every i < L), so the bound holds from the first sample.
  let sum = (L - 1) * m[0]!;
  let g = 1;
  for (let i = 0; i < n; i++) {
    sum += m[i]!;
    const drop = i - L;
    if (drop >= 0) sum -= m[drop]!;
    else if (drop > -L) sum -= m[0]!;
    const avg = sum / L;
    // Release: come back up slowly, but never above what the look-ahead allows.
    g = Math.min(avg, g + (1 - g) * rel);
    out[i] = x[i]! * g;
  }
  return out;
}

export interface NormalizeResult {
  pcm: Float32Array;
  /** Loudness before and after, LUFS. */
  inputLufs: number;
  outputLufs: number;
  truePeak: number;
}

/**
 * Brings `pcm` to `targetLufs` (default -16) with the true peak under `ceilingDb` (default -2
 * dBTP, leaving 1 dB for AAC encoding to stay under -1 dBTP). Silence is returned unchanged.
 */
export function normalizeLoudness(pcm: Float32Array, sampleRate: number, targetLufs = -16, ceilingDb = -2): NormalizeResult {
  const inputLufs = integratedLoudness(pcm, sampleRate);
  if (!Number.isFinite(inputLufs)) return { pcm: pcm.slice(), inputLufs, outputLufs: inputLufs, truePeak: truePeak(pcm) };
  let gainDb = targetLufs - inputLufs;
  let out = pcm;
  let lufs = inputLufs;
  // The interpolator is linear, so the scaled signal's peaks are the input's scaled: computed
  // once, not once a pass (they are most of the work: 36 multiply-adds a sample).
  const peaks = interSamplePeaks(pcm);
  // Limiting lowers loudness a little: correct the gain and limit again (converges in 2–3).
  for (let pass = 0; pass < 4; pass++) {
    const g = Math.pow(10, gainDb / 20);
    const scaled = new Float32Array(pcm.length);
    const scaledPeaks = new Float32Array(pcm.length);
    for (let i = 0; i < pcm.length; i++) {
      scaled[i] = pcm[i]! * g;
      scaledPeaks[i] = peaks[i]! * g;
    }
    out = limitTruePeak(scaled, sampleRate, ceilingDb, undefined, undefined, scaledPeaks);
    lufs = integratedLoudness(out, sampleRate);
    if (Math.abs(lufs - targetLufs) < 0.15) break;
    gainDb += targetLufs - lufs;
  }
  return { pcm: out, inputLufs, outputLufs: lufs, truePeak: truePeak(out) };
}
