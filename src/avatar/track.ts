/*
 * Face tracking helpers (pure): per-frame statistics for the self-check, temporal smoothing of a
 * track, and the ping-pong base loop of a video avatar.
 */
import type { FaceStats } from './checks.ts';
import { percentile, poseOf } from './signal.ts';
import type { AvatarLoop, Box, Face, Point, TrackedFace } from './types.ts';

export interface FrameFaces {
  faces: Face[];
  /** Laplacian variance of the (single) face, when measured. */
  sharpness?: number | null;
  /**
   * false: only a window around the known face was searched (tracking), so the frame says
   * nothing about how many faces there are; it still counts for size, position and pose.
   */
  counted?: boolean;
}

/** Detector score above which a second face in the picture counts as a person. */
export const SURE_FACE = 0.75;

/** Counts, sizes, edge cuts, pose and sharpness over sampled frames of `width` x `height`. */
export function faceStats(frames: readonly FrameFaces[], width: number, height: number): FaceStats {
  let none = 0;
  let one = 0;
  let many = 0;
  let cut = 0;
  let upright = 0;
  const ratios: number[] = [];
  const yaws: number[] = [];
  const rolls: number[] = [];
  const sharp: number[] = [];
  let counted = 0;
  for (const f of frames) {
    if (f.counted !== false) {
      counted++;
      // A second face counts only when the detector is sure of it (background clutter, a
      // poster on the wall, can score a little).
      const n = f.faces.filter((x, i) => i === 0 || x.score >= SURE_FACE).length;
      if (n === 0) none++;
      else if (n === 1) one++;
      else many++;
    }
    const face = f.faces[0];
    if (!face) continue;
    const [x, y, w, h] = face.box;
    ratios.push(w / width);
    // BlazeFace's box is the inner face; the head reaches further (hair, chin): 15 % margin.
    const mx = w * 0.15;
    const my = h * 0.15;
    if (x - mx < 0 || y - my < 0 || x + w + mx > width || y + h + my > height) cut++;
    const pose = poseOf(face.keypoints);
    yaws.push(Math.abs(pose.yaw));
    rolls.push(Math.abs(pose.roll));
    if (pose.upright) upright++;
    if (f.sharpness != null) sharp.push(f.sharpness);
  }
  const withFace = frames.filter((f) => f.faces.length > 0).length;
  return {
    frames: counted,
    none,
    one,
    many,
    widthRatio: ratios.length ? percentile(ratios, 50) : null,
    cutShare: withFace ? cut / withFace : 0,
    // The 80th percentile: sustained turns and tilts, not one frame of detector jitter.
    yaw: yaws.length ? percentile(yaws, 80) : null,
    roll: rolls.length ? percentile(rolls, 80) : null,
    uprightShare: withFace ? upright / withFace : 0,
    sharpness: sharp.length ? percentile(sharp, 50) : null,
  };
}

/**
 * Smooths a track with a centred moving average over ±radius frames (gaps stay gaps and are not
 * averaged across), which removes the detector's frame-to-frame jitter without lagging.
 */
export function smoothTrack(frames: readonly TrackedFace[], radius = 2): TrackedFace[] {
  return frames.map((f, i) => {
    if (!f) return null;
    const box: Box = [0, 0, 0, 0];
    const kps: Point[] = f.keypoints.map(() => [0, 0]);
    let n = 0;
    for (let j = i - radius; j <= i + radius; j++) {
      const g = frames[j];
      if (!g) continue;
      n++;
      for (let k = 0; k < 4; k++) box[k] = box[k]! + g.box[k]!;
      g.keypoints.forEach((p, k) => {
        if (kps[k]) {
          kps[k]![0] += p[0];
          kps[k]![1] += p[1];
        }
      });
    }
    return { box: box.map((v) => v / n) as Box, keypoints: kps.map(([x, y]) => [x / n, y / n] as Point) };
  });
}

/** Fills short gaps (≤ maxGap frames) by holding the nearest face, so one missed detection does not drop a frame. */
export function fillGaps(frames: readonly TrackedFace[], maxGap = 5): TrackedFace[] {
  const out = [...frames];
  for (let i = 0; i < out.length; i++) {
    if (out[i]) continue;
    let j = i;
    while (j < out.length && !out[j]) j++;
    const before = out[i - 1];
    const after = out[j];
    if (j - i <= maxGap && (before || after)) for (let k = i; k < j; k++) out[k] = (k - i < j - k ? before : after) ?? before ?? after ?? null;
    i = j;
  }
  return out;
}

/**
 * The base clip a video avatar loops (ping-pong): the leading closed-mouth silence when there is
 * at least a second of it, else the `seconds`-long window whose mouth is most closed and still.
 */
export function chooseLoop(open: readonly number[], fps: number, leadFrames: number, seconds = 3): AvatarLoop {
  const n = open.length;
  const len = Math.max(2, Math.min(n, Math.round(seconds * fps)));
  if (leadFrames >= fps) {
    const end = Math.min(n - 1, leadFrames - 1, len - 1);
    return { start: 0, end, mode: 'ping-pong' };
  }
  let best = 0;
  let bestCost = Infinity;
  for (let s = 0; s + len <= n; s++) {
    let cost = 0;
    for (let i = s; i < s + len; i++) cost += open[i]! + (i > s ? Math.abs(open[i]! - open[i - 1]!) : 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = s;
    }
  }
  return { start: best, end: best + len - 1, mode: 'ping-pong' };
}

/** The source frame of a ping-pong loop at output frame `i` (forward, then back, without repeating the ends). */
export function pingPong(loop: AvatarLoop, i: number): number {
  const len = loop.end - loop.start + 1;
  if (len <= 1) return loop.start;
  const period = 2 * (len - 1);
  const p = ((i % period) + period) % period;
  return loop.start + (p < len ? p : period - p);
}
