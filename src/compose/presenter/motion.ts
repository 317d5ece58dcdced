import type { MouthShape } from '../../lipsync/types.ts';

/** Everything that moves on a presenter at one instant. A pure function of time (see below). */
export interface PresenterState {
  mouth: MouthShape;
  /** Eyelids: 0 open … 1 closed. */
  blink: number;
  /** Where the eyes look, -1..1 (right/down positive, from the viewer's side). */
  gazeX: number;
  gazeY: number;
  /** Head roll in radians (positive = clockwise on screen). */
  headTilt: number;
  /** Head yaw, -1..1 (positive = face turns toward the viewer's right). */
  headTurn: number;
  /** Head pitch, -1..1 (positive = chin down). */
  headNod: number;
  /** Head offset from its rest place, in fractions of the presenter box height. */
  headX: number;
  headY: number;
  /** Breathing, -1 (out) … 1 (in): shoulders and chest rise on 1. */
  breath: number;
  /** Eyebrow lift, 0..1. */
  browRaise: number;
  /** Smile, 0..1 (corners of the mouth up, cheeks lift). */
  smile: number;
  /** The gesture under way, if any (arms, or a nod already folded into headNod). */
  gesture?: GestureState;
}

/** Gestures placed at script beats (see the Timeline's gesture track). */
export type GestureKind = 'point' | 'open' | 'nod';

export interface GestureKey {
  kind: GestureKind;
  start: number;
  end: number;
}

export interface GestureState {
  kind: GestureKind;
  /** 0..1: eases in at the start, out after the end. */
  weight: number;
  /** Seconds since the gesture started. */
  time: number;
  /** Where the product is, in the presenter box's units (300×400), for pointing and glancing. */
  target?: readonly [number, number];
}

/** Seconds a gesture takes to reach its pose, and to return from it. */
export const GESTURE_IN = 0.4;
export const GESTURE_OUT = 0.5;

/** The strongest gesture at t (null between gestures). Tracks are short: a linear scan. */
export function gestureAt(track: readonly GestureKey[] | undefined, t: number): GestureState | null {
  if (!track) return null;
  let best: GestureState | null = null;
  for (const k of track) {
    if (t < k.start || t > k.end + GESTURE_OUT) continue;
    const w = t > k.end ? 1 - smooth((t - k.end) / GESTURE_OUT) : smooth((t - k.start) / GESTURE_IN);
    if (w > 0 && (!best || w > best.weight)) best = { kind: k.kind, weight: w, time: t - k.start };
  }
  return best;
}

/** A deterministic hash of (seed, n, salt) to [0, 1). */
export function hash01(seed: number, n: number, salt = 0): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (n | 0) ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ Math.imul(salt | 0, 0x27d4eb2f) ^ (h >>> 16), 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

const TAU = Math.PI * 2;
const smooth = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/** Mean spacing of blinks (s); each is jittered ±BLINK_JITTER, so gaps fall in 2–6 s. */
export const BLINK_PERIOD = 4;
const BLINK_JITTER = 1;
/** Blink: lids close in 60 ms, stay 20 ms, open in 90 ms. */
const BLINK_CLOSE = 0.06;
const BLINK_HOLD = 0.02;
const BLINK_OPEN = 0.09;
/** Chance that a blink is a double blink (a second one 300 ms later). */
const DOUBLE_BLINK = 0.12;

function blinkShape(dt: number): number {
  if (dt < 0) return 0;
  if (dt < BLINK_CLOSE) return smooth(dt / BLINK_CLOSE);
  if (dt < BLINK_CLOSE + BLINK_HOLD) return 1;
  const o = dt - BLINK_CLOSE - BLINK_HOLD;
  return o < BLINK_OPEN ? 1 - smooth(o / BLINK_OPEN) : 0;
}

/** The start time of the n-th blink (n ≥ 0) for this seed. */
export function blinkStart(seed: number, n: number): number {
  return 1.2 + n * BLINK_PERIOD + (hash01(seed, n, 1) * 2 - 1) * BLINK_JITTER;
}

/** Eyelid closure at t: blinks every 2–6 s, about 170 ms each, sometimes doubled. */
export function blinkAt(t: number, seed: number): number {
  const n0 = Math.floor((t - 1.2) / BLINK_PERIOD);
  let v = 0;
  for (let n = Math.max(0, n0 - 1); n <= n0 + 1; n++) {
    const s = blinkStart(seed, n);
    v = Math.max(v, blinkShape(t - s));
    if (hash01(seed, n, 2) < DOUBLE_BLINK) v = Math.max(v, blinkShape(t - s - 0.3));
  }
  return v;
}

/** Gaze: holds a point for 1.3–2.5 s, then jumps (a 70 ms saccade); mostly at the camera. */
function gazeAt(t: number, seed: number, speaking: number): [number, number] {
  const slot = 1.9;
  const n = Math.floor(t / slot);
  const target = (k: number): [number, number] => {
    const away = hash01(seed, k, 11) < 0.15 * (1 - 0.6 * speaking);
    const r = away ? 0.55 : 0.18;
    return [(hash01(seed, k, 12) * 2 - 1) * r, (hash01(seed, k, 13) * 2 - 1) * r * 0.6];
  };
  const switchAt = (k: number): number => k * slot + hash01(seed, k, 14) * 0.6;
  const cur = t >= switchAt(n) ? n : n - 1;
  const a = target(cur - 1);
  const b = target(cur);
  const k = smooth((t - switchAt(cur)) / 0.07);
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
}

/** Eyebrow lifts for emphasis while talking: about one every 3–6 s, 0.8 s long. */
function browLiftAt(t: number, seed: number): number {
  const slot = 3.1;
  const n = Math.floor(t / slot);
  let v = 0;
  for (let k = n - 1; k <= n; k++) {
    if (hash01(seed, k, 21) > 0.6) continue;
    const start = k * slot + hash01(seed, k, 22) * (slot - 0.9);
    const x = (t - start) / 0.85;
    if (x > 0 && x < 1) v = Math.max(v, Math.sin(Math.PI * x) ** 2 * (0.6 + 0.4 * hash01(seed, k, 23)));
  }
  return v;
}

/** A seeded, smooth wobble: sum of two sines with seeded phases. */
function wobble(t: number, seed: number, salt: number, f1: number, f2: number): number {
  const p1 = hash01(seed, salt, 31) * TAU;
  const p2 = hash01(seed, salt, 32) * TAU;
  return 0.65 * Math.sin(TAU * f1 * t + p1) + 0.35 * Math.sin(TAU * f2 * t + p2);
}

/**
 * The presenter's pose at time t (seconds). Deterministic in (t, mouth, seed, speaking): blinks
 * at natural seeded intervals, breathing (~0.25 Hz), small head tilt/nod/sway that gets livelier
 * while speaking, eye saccades, eyebrow lifts on emphasis.
 *
 * `speaking` may be a boolean or a 0..1 level; pass a smooth level (lipsync's `speakingLevel`)
 * so that the livelier motion fades in and out instead of switching.
 */
export function presenterStateAt(
  t: number,
  mouth: MouthShape,
  seed: number,
  speaking: boolean | number,
  gesture?: GestureState | null,
): PresenterState {
  const s = typeof speaking === 'number' ? Math.min(1, Math.max(0, speaking)) : speaking ? 1 : 0;
  const deg = Math.PI / 180;
  const breath = Math.sin(TAU * 0.25 * t + hash01(seed, 0, 41) * TAU);
  // Talking nods follow the syllables a little (open vowels push the head), never a bobblehead.
  const talkNod = s * (0.35 * wobble(t, seed, 5, 0.9, 1.7) + 0.35 * mouth.open);
  const headTilt = (1.6 * wobble(t, seed, 1, 0.07, 0.13) + s * 1.1 * wobble(t, seed, 2, 0.45, 0.8)) * deg;
  const headTurn = 0.3 * wobble(t, seed, 3, 0.05, 0.11) + s * 0.22 * wobble(t, seed, 4, 0.3, 0.55);
  const headNod = 0.2 * wobble(t, seed, 6, 0.09, 0.21) + talkNod;
  let [gazeX, gazeY] = gazeAt(t, seed, s);
  let turn = headTurn;
  let nod = headNod;
  let brow = Math.min(1, s * (0.75 * browLiftAt(t, seed) + 0.12 * mouth.open));
  let smile = 0.55 - 0.2 * s;
  const g = gesture && gesture.weight > 0 ? gesture : undefined;
  if (g) {
    const w = g.weight;
    if (g.kind === 'nod') {
      // Two unhurried nods: chin down and back, twice in about 1.2 s.
      const x = Math.min(1, g.time / 1.2);
      nod += w * 0.75 * Math.sin(Math.PI * 2 * x) ** 2 * (1 - 0.35 * x);
      smile += 0.15 * w;
    } else if (g.target) {
      // Glance and turn a little toward the product, then back to the camera.
      const dx = g.target[0] - 150;
      const dy = g.target[1] - 138;
      const l = Math.hypot(dx, dy) || 1;
      const glance = g.kind === 'point' ? w * (1 - smooth((g.time - 0.7) / 0.4)) : 0;
      gazeX += (0.85 * dx / l - gazeX) * glance;
      gazeY += (0.6 * dy / l - gazeY) * glance;
      turn += w * (g.kind === 'point' ? 0.22 : 0.05) * Math.sign(dx);
      brow = Math.min(1, brow + 0.35 * w);
      smile += 0.1 * w;
    }
  }
  return {
    mouth,
    blink: blinkAt(t, seed),
    // Eyes counter-rotate a little against head turn, so the presenter keeps eye contact.
    gazeX: gazeX - turn * 0.35,
    gazeY: gazeY - nod * 0.15,
    headTilt,
    headTurn: turn,
    headNod: nod,
    headX: 0.006 * wobble(t, seed, 7, 0.06, 0.15) + s * 0.003 * wobble(t, seed, 8, 0.4, 0.7),
    headY: -0.0025 * breath + 0.004 * nod,
    breath,
    browRaise: brow,
    smile,
    ...(g ? { gesture: g } : {}),
  };
}
