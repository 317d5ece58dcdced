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

/**
 * The measured width is that of the dark gap between the lips (signal.ts mouthOpening): a closed
 * mouth has no gap, so it measures 0 however its lips are spread. Frames without a gap therefore
 * carry no width (NaN) and the rest are normalised among themselves; comparing the 0 of a closed
 * mouth with the wanted spread (0.5 at rest) would make every closed frame lose to a half-open
 * one in each pause, and so the pasted mouth would never close (issue 19).
 */
export function gapWidths(open: readonly number[], wide: readonly number[]): number[] {
  const gap = open.map((o) => o > 0);
  const scaled = normalise(wide.filter((_, i) => gap[i]));
  let k = 0;
  return wide.map((_, i) => (gap[i] ? scaled[k++]! : Number.NaN));
}

/**
 * Openness as a rank: 0 for a closed mouth, else the share of the open mouths that are at most
 * this open (0..1]. The measured openness (rows of dark gap) and the viseme track's openness are
 * different units and not proportional: the teeth hide the gap of a half-open mouth, so the
 * measure stays near 0 until the mouth is well open and then climbs fast. Comparing the two on
 * a linear 0..1 scale paired every mid-open viseme with a frame that only shows teeth (issue 19);
 * ranks pair the n-th most open wanted mouth with the n-th most open recorded one, whatever the
 * curve between the units, as long as it rises.
 */
export function openRanks(values: readonly number[]): number[] {
  const open = values.map((v, i) => [v, i] as const).filter(([v]) => v > 0).sort((a, b) => a[0] - b[0]);
  const out = values.map(() => 0);
  for (let i = 0; i < open.length; ) {
    let j = i;
    while (j + 1 < open.length && open[j + 1]![0] === open[i]![0]) j++;
    // Equal values share their mean rank.
    const r = ((i + j) / 2 + 1) / open.length;
    for (let k = i; k <= j; k++) out[open[k]![1]] = r;
    i = j + 1;
  }
  return out;
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
  const open = openRanks(features.open);
  const want = openRanks(wanted.map((w) => w.open));
  const wide = gapWidths(features.open, features.wide);
  const co = candidates.map((j) => open[j] ?? 0);
  const cw = candidates.map((j) => wide[j] ?? Number.NaN);
  const match = (t: number, c: number): number => {
    const w = wanted[t]!;
    const o = (want[t]! - co[c]!) ** 2;
    // Width only between open mouths, and only as much as the wanted mouth is open: the spread
    // of a nearly closed mouth hardly shows, and a closed frame has no gap width to compare.
    return Number.isNaN(cw[c]!) ? o : o + ww * Math.min(1, 2 * want[t]!) * (w.wide - cw[c]!) ** 2;
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
