/**
 * Mixed-radix complex FFT for any length whose prime factors are small (Wav2Lip's n_fft is
 * 800 = 2^5 * 5^2, not a power of two, so the usual radix-2 FFT does not apply).
 */
export class FFT {
  readonly n: number;
  private readonly factors: number[];
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly tmpRe: Float64Array;
  private readonly tmpIm: Float64Array;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`FFT length must be a positive integer, got ${n}`);
    this.n = n;
    this.factors = [];
    let rest = n;
    for (const p of [4, 2, 3, 5, 7]) {
      while (rest % p === 0) {
        this.factors.push(p);
        rest /= p;
      }
    }
    // Any remaining prime is handled as one direct DFT stage (slow but correct).
    if (rest > 1) this.factors.push(rest);
    this.cos = new Float64Array(n);
    this.sin = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * j) / n;
      this.cos[j] = Math.cos(a);
      this.sin[j] = Math.sin(a);
    }
    const maxP = Math.max(1, ...this.factors);
    this.tmpRe = new Float64Array(maxP);
    this.tmpIm = new Float64Array(maxP);
  }

  /** Forward transform of (inRe, inIm) into (outRe, outIm); all of length n. */
  transform(inRe: ArrayLike<number>, inIm: ArrayLike<number> | null, outRe: Float64Array, outIm: Float64Array): void {
    this.rec(inRe, inIm, 0, 1, this.n, outRe, outIm, 0, 0);
  }

  private rec(
    inRe: ArrayLike<number>,
    inIm: ArrayLike<number> | null,
    off: number,
    stride: number,
    n: number,
    outRe: Float64Array,
    outIm: Float64Array,
    outOff: number,
    fi: number,
  ): void {
    if (n === 1) {
      outRe[outOff] = inRe[off]!;
      outIm[outOff] = inIm ? inIm[off]! : 0;
      return;
    }
    const p = this.factors[fi]!;
    const m = n / p;
    for (let r = 0; r < p; r++) this.rec(inRe, inIm, off + r * stride, stride * p, m, outRe, outIm, outOff + r * m, fi + 1);
    // Butterfly: X[k + q*m] = sum_r W_n^{r(k + q m)} Y_r[k], with W_n = W_N^(N/n).
    const N = this.n;
    const tw = N / n;
    const tRe = this.tmpRe;
    const tIm = this.tmpIm;
    for (let k = 0; k < m; k++) {
      for (let r = 0; r < p; r++) {
        tRe[r] = outRe[outOff + r * m + k]!;
        tIm[r] = outIm[outOff + r * m + k]!;
      }
      for (let q = 0; q < p; q++) {
        const idx = k + q * m;
        let sr = 0;
        let si = 0;
        for (let r = 0; r < p; r++) {
          const j = ((r * idx) % n) * tw;
          const c = this.cos[j]!;
          const s = this.sin[j]!;
          sr += tRe[r]! * c - tIm[r]! * s;
          si += tRe[r]! * s + tIm[r]! * c;
        }
        outRe[outOff + idx] = sr;
        outIm[outOff + idx] = si;
      }
    }
  }
}
