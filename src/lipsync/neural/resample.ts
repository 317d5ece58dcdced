/**
 * Band-limited resampling to Wav2Lip's 16 kHz (librosa resamples with a Kaiser-windowed sinc;
 * this is the same kind of filter, evaluated directly). The voice speaks at 22.05 kHz.
 */
const HALF_TAPS = 24;
const KAISER_BETA = 8.6;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

const TABLE = 4096;
let table: Float64Array | null = null;

/** The Kaiser window over |r| in 0..1, tabulated once (Bessel sums per tap are slow). */
function kaiserTable(): Float64Array {
  if (table) return table;
  const i0Beta = besselI0(KAISER_BETA);
  table = new Float64Array(TABLE + 2);
  for (let i = 0; i <= TABLE + 1; i++) {
    const r = Math.min(1, i / TABLE);
    table[i] = besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
  }
  return table;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function resample(pcm: Float32Array, fromRate: number, toRate: number, signal?: AbortSignal): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError(`Sample rates must be positive (${fromRate} → ${toRate}).`);
  if (fromRate === toRate) return pcm.slice();
  const ratio = toRate / fromRate;
  const outLen = Math.ceil(pcm.length * ratio);
  const out = new Float32Array(outLen);
  // Downsampling: cut off below the new Nyquist so nothing aliases; a little roll-off margin.
  const cutoff = Math.min(1, ratio) * 0.95;
  const half = Math.ceil(HALF_TAPS / cutoff);
  const taps = 2 * half;
  const window = kaiserTable();
  const h = (x: number): number => {
    const r = x / half;
    if (r <= -1 || r >= 1) return 0;
    const f = Math.abs(r) * TABLE;
    const j = Math.floor(f);
    const w = window[j]! + (window[j + 1]! - window[j]!) * (f - j);
    const arg = Math.PI * cutoff * x;
    return cutoff * (x === 0 ? 1 : Math.sin(arg) / arg) * w;
  };
  // Integer rates (22050 → 16000 is 441 → 320) repeat L filter phases: tabulate them once.
  const g = Number.isInteger(fromRate) && Number.isInteger(toRate) ? gcd(fromRate, toRate) : 0;
  const L = g ? toRate / g : 0;
  const M = g ? fromRate / g : 0;
  const phases = L > 0 && L <= 2048 ? new Float32Array(L * taps) : null;
  if (phases) {
    for (let ph = 0; ph < L; ph++) {
      const frac = ph / L;
      for (let j = 0; j < taps; j++) phases[ph * taps + j] = h(frac + half - 1 - j);
    }
  }
  for (let n = 0; n < outLen; n++) {
    if ((n & 16383) === 0) signal?.throwIfAborted();
    let center: number;
    let coef: Float32Array | null = null;
    let co = 0;
    if (phases) {
      const num = n * M;
      center = Math.floor(num / L);
      co = (num - center * L) * taps;
      coef = phases;
    } else {
      center = Math.floor(n / ratio);
    }
    const t = n / ratio;
    let acc = 0;
    const k0 = center - half + 1;
    for (let j = 0; j < taps; j++) {
      const k = k0 + j;
      if (k < 0 || k >= pcm.length) continue;
      acc += pcm[k]! * (coef ? coef[co + j]! : h(t - k));
    }
    out[n] = acc;
  }
  return out;
}
