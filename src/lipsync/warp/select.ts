/*
 * Video avatars: which source frame lends its mouth to each output frame. Per output frame the
 * viseme track wants a mouth (open, wide); each candidate source frame has a measured mouth. A
 * Viterbi pass picks the sequence that matches the wanted shapes while avoiding jumps between
 * unrelated frames (playing on from frame j to j+1, or holding j, costs nothing extra), so the
 * pasted mouth moves smoothly instead of flickering between look-alike frames.
 */
import type { MouthFeatures } from '../../avatar/types.ts';

export interface WantedMouth {
  open: number;
  wide: number;
}

export interface SelectOptions {
  /** Cost of switching to a frame that does not continue the previous choice. */
  jump?: number;
  /** Weight of the width match against the openness match. */
  wideWeight?: number;
}

/** Maps measured features onto 0..1 by their own 5th–95th percentile range. */
export function normalise(values: readonly number[]): number[] {
  if (!values.length) return [];
  const s = [...values].sort((a, b) => a - b);
  const lo = s[Math.floor((s.length - 1) * 0.05)]!;
  const hi = s[Math.ceil((s.length - 1) * 0.95)]!;
  const span = hi - lo;
  return values.map((v) => (span > 1e-6 ? Math.min(1, Math.max(0, (v - lo) / span)) : 0));
}

/**
 * Picks one candidate index (into `candidates`, indices of source frames) per wanted frame.
 * Returns source frame indices.
 */
export function selectMouths(wanted: readonly WantedMouth[], features: MouthFeatures, candidates: readonly number[], opts: SelectOptions = {}): number[] {
  const n = wanted.length;
  const k = candidates.length;
  if (!n) return [];
  if (!k) throw new Error('selectMouths needs at least one candidate frame');
  const jump = opts.jump ?? 0.08;
  const ww = opts.wideWeight ?? 0.35;
  const open = normalise(features.open);
  const wide = normalise(features.wide);
  const co = candidates.map((j) => open[j] ?? 0);
  const cw = candidates.map((j) => wide[j] ?? 0);
  const match = (t: number, c: number): number => {
    const w = wanted[t]!;
    return (w.open - co[c]!) ** 2 + ww * (w.wide - cw[c]!) ** 2;
  };
  let cost = new Float64Array(k);
  for (let c = 0; c < k; c++) cost[c] = match(0, c);
  const back = new Int32Array(n * k);
  for (let t = 1; t < n; t++) {
    // Best previous state overall (for a jump) — O(k) per step instead of O(k²) for the jump term.
    let bestPrev = 0;
    for (let c = 1; c < k; c++) if (cost[c]! < cost[bestPrev]!) bestPrev = c;
    const next = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      let from = bestPrev;
      let base = cost[bestPrev]! + jump;
      // Holding the same frame, or playing on from the frame before it, is free.
      if (cost[c]! < base) {
        base = cost[c]!;
        from = c;
      }
      if (c > 0 && candidates[c - 1] === candidates[c]! - 1 && cost[c - 1]! < base) {
        base = cost[c - 1]!;
        from = c - 1;
      }
      next[c] = base + match(t, c);
      back[t * k + c] = from;
    }
    cost = next;
  }
  let c = 0;
  for (let i = 1; i < k; i++) if (cost[i]! < cost[c]!) c = i;
  const out = new Array<number>(n);
  for (let t = n - 1; t >= 0; t--) {
    out[t] = candidates[c]!;
    c = back[t * k + c]!;
  }
  return out;
}
