/**
 * Dynamic time warping of two feature sequences (src/voice/mfcc.ts), banded so a long script
 * stays fast. Pure.
 *
 * - Sakoe-Chiba band around the *scaled* diagonal (row i of the reference is expected near
 *   column i·(M−1)/(N−1) of the target: two voices reading one text differ mostly by a steady
 *   change of pace), `band` columns either side. Only the band is stored (Float32Array costs,
 *   Uint8Array step codes).
 * - Pairs longer than a few seconds are warped twice: 4x-coarser frames in the band, then the
 *   full-rate frames within 12 frames of that path. A 60 s pair (6000 × 6000 frames) then needs
 *   ~0.5 M cells instead of 3 M for the band or 36 M for the full matrix.
 * - Step pattern "symmetric2" (a diagonal step costs 2·d, a horizontal or vertical one d): the
 *   total is normalised by path length, so the path is not pulled towards the diagonal.
 * - Both ends are pinned (first frames match, last frames match): both renderings start and
 *   end at the edges of their audio.
 */
import type { Features } from './mfcc.ts';

export interface WarpPath {
  /** For each reference frame, the first and last target frame the path pairs with it. */
  first: Int32Array;
  last: Int32Array;
  /** Total cost along the path / (N + M): lower is a closer match. */
  cost: number;
}

const DIAG = 0;
const UP = 1; // from (i-1, j): the reference advances, the target waits
const LEFT = 2; // from (i, j-1)

/**
 * The band half-width (frames) used when none is given: 15 % of the longer sequence, at least
 * 0.5 s, at most 2.5 s (how far a word may sit from where a steady change of pace puts it).
 */
export function defaultBand(n: number, m: number): number {
  return Math.round(Math.min(250, Math.max(50, 0.15 * Math.max(n, m))));
}

export function dtw(ref: Features, target: Features, band = defaultBand(ref.frames, target.frames)): WarpPath {
  if (ref.dims !== target.dims) throw new RangeError(`Feature sizes differ (${ref.dims} vs ${target.dims}).`);
  const N = ref.frames;
  const M = target.frames;
  if (Math.min(N, M) < 4 * COARSE * COARSE) return warp(ref, target, bandWindow(N, M, band));
  // Long pairs: warp 4x-coarser frames in the band first, then the full-rate frames only near
  // that path (FastDTW's idea; ~10x fewer cells for a 60 s script, same path in practice).
  const coarse = warp(downsample(ref), downsample(target), bandWindow(Math.ceil(N / COARSE), Math.ceil(M / COARSE), Math.ceil(band / COARSE)));
  const lo = new Int32Array(N);
  const hi = new Int32Array(N);
  const last = coarse.first.length - 1;
  for (let i = 0; i < N; i++) {
    const c = Math.floor(i / COARSE);
    const a = Math.max(0, c - 1);
    const b = Math.min(last, c + 1);
    lo[i] = Math.max(0, coarse.first[a]! * COARSE - RADIUS);
    hi[i] = Math.min(M - 1, (coarse.last[b]! + 1) * COARSE - 1 + RADIUS);
  }
  return warp(ref, target, connect(lo, hi, M));
}

/** Coarse frames per full-rate frame, and how far (frames) the fine pass may leave the coarse path. */
const COARSE = 4;
const RADIUS = 12;

function downsample(f: Features): Features {
  const frames = Math.ceil(f.frames / COARSE);
  const data = new Float32Array(frames * f.dims);
  for (let t = 0; t < frames; t++) {
    const a = t * COARSE;
    const b = Math.min(f.frames, a + COARSE);
    for (let d = 0; d < f.dims; d++) {
      let s = 0;
      for (let k = a; k < b; k++) s += f.data[k * f.dims + d]!;
      data[t * f.dims + d] = s / (b - a);
    }
  }
  return { data, dims: f.dims, frames, hop: f.hop * COARSE };
}

/** Sakoe-Chiba band around the scaled diagonal. */
function bandWindow(N: number, M: number, band: number): { lo: Int32Array; hi: Int32Array } {
  const slope = N > 1 ? (M - 1) / (N - 1) : 0;
  const lo = new Int32Array(N);
  const hi = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const c = Math.round(i * slope);
    lo[i] = Math.max(0, c - band);
    hi[i] = Math.min(M - 1, c + band);
  }
  return connect(lo, hi, M);
}

/** Rows must overlap for the path to stay connected; both ends pinned. */
function connect(lo: Int32Array, hi: Int32Array, M: number): { lo: Int32Array; hi: Int32Array } {
  const N = lo.length;
  lo[0] = 0;
  hi[N - 1] = M - 1;
  for (let i = 1; i < N; i++) if (lo[i]! < lo[i - 1]!) lo[i] = lo[i - 1]!;
  for (let i = N - 2; i >= 0; i--) if (hi[i]! > hi[i + 1]!) hi[i] = hi[i + 1]!;
  for (let i = 1; i < N; i++) if (lo[i]! > hi[i - 1]! + 1) lo[i] = hi[i - 1]! + 1;
  for (let i = 0; i < N; i++) if (hi[i]! < lo[i]!) hi[i] = lo[i]!;
  return { lo, hi };
}

/** DTW restricted to row i's columns lo[i]..hi[i]; only those cells are stored. */
function warp(ref: Features, target: Features, win: { lo: Int32Array; hi: Int32Array }): WarpPath {
  const N = ref.frames;
  const M = target.frames;
  const dims = ref.dims;
  const { lo, hi } = win;
  const off = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) off[i + 1] = off[i]! + (hi[i]! - lo[i]! + 1);
  const cost = new Float32Array(off[N]!).fill(Infinity);
  const step = new Uint8Array(off[N]!);
  const a = ref.data;
  const b = target.data;
  for (let i = 0; i < N; i++) {
    const row = off[i]!;
    const l = lo[i]!;
    const h = hi[i]!;
    const prow = i > 0 ? off[i - 1]! : 0;
    const pl = i > 0 ? lo[i - 1]! : 0;
    const ph = i > 0 ? hi[i - 1]! : -1;
    const oa = i * dims;
    for (let j = l; j <= h; j++) {
      // Euclidean distance between reference frame i and target frame j.
      let sq = 0;
      const ob = j * dims;
      for (let k = 0; k < dims; k++) {
        const x = a[oa + k]! - b[ob + k]!;
        sq += x * x;
      }
      const d = Math.sqrt(sq);
      let best = Infinity;
      let code = DIAG;
      if (i === 0 && j === 0) best = d;
      else {
        if (i > 0 && j - 1 >= pl && j - 1 <= ph) {
          const c = cost[prow + (j - 1 - pl)]! + 2 * d;
          if (c < best) best = c;
        }
        if (i > 0 && j >= pl && j <= ph) {
          const c = cost[prow + (j - pl)]! + d;
          if (c < best) {
            best = c;
            code = UP;
          }
        }
        if (j > l) {
          const c = cost[row + (j - 1 - l)]! + d;
          if (c < best) {
            best = c;
            code = LEFT;
          }
        }
      }
      cost[row + (j - l)] = best;
      step[row + (j - l)] = code;
    }
  }
  const total = cost[off[N - 1]! + (M - 1 - lo[N - 1]!)]!;
  if (!Number.isFinite(total)) throw new RangeError('The warping band is too narrow for these two recordings.');
  // Back-track from the last cell, recording each reference frame's span of target frames.
  const first = new Int32Array(N).fill(M);
  const last = new Int32Array(N).fill(-1);
  let i = N - 1;
  let j = M - 1;
  for (;;) {
    if (j < first[i]!) first[i] = j;
    if (j > last[i]!) last[i] = j;
    if (i === 0 && j === 0) break;
    const code = step[off[i]! + (j - lo[i]!)]!;
    if (code === DIAG) {
      i--;
      j--;
    } else if (code === UP) i--;
    else j--;
  }
  return { first, last, cost: total / (N + M) };
}

/**
 * Maps a reference time (seconds) to the target through the path: the middle of the target
 * frames paired with the reference frame, interpolated between frames.
 */
export function warpTime(path: WarpPath, refHop: number, targetHop: number, t: number): number {
  const N = path.first.length;
  const x = Math.min(N - 1, Math.max(0, t / refHop));
  const i0 = Math.floor(x);
  const i1 = Math.min(N - 1, i0 + 1);
  const mid = (i: number): number => (path.first[i]! + path.last[i]!) / 2;
  const f = x - i0;
  return (mid(i0) * (1 - f) + mid(i1) * f) * targetHop;
}
