/*
 * Photo avatars: the mesh warp that opens the jaw and shapes the lips. A grid over the lower
 * face is displaced by a smooth field driven by the mouth shape (open drops the jaw and lower
 * lip, wide pulls the corners out, round draws them in); the renderer draws each grid triangle
 * of the photo through the affine map from its rest to its displaced position, then paints the
 * inner mouth and teeth into the gap. Pure geometry here; drawing is in draw.ts.
 */
import type { Point } from '../../avatar/types.ts';

export interface FaceGeometry {
  /** Mouth centre (between the lips). */
  mouth: Point;
  /** Eye distance in px: the unit of every size here. */
  d: number;
  /** Head roll in radians (the mesh follows the eye line). */
  roll: number;
}

export interface MouthPose {
  open: number;
  wide: number;
  round: number;
}

export interface Mesh {
  cols: number;
  rows: number;
  /** Rest positions, row-major, (cols+1)*(rows+1) points. */
  rest: Point[];
  /** Displaced positions, same order. */
  moved: Point[];
}

/** Half width of the mouth and the jaw drop at full openness, in eye distances. */
export const MOUTH_HALF_WIDTH = 0.42;
export const MAX_JAW_DROP = 0.32;

const smooth = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

/** Displacement of a point given in face coordinates (u across, v down, in eye distances from the mouth centre). */
export function displacement(u: number, v: number, pose: MouthPose): Point {
  const drop = MAX_JAW_DROP * pose.open;
  // Across: full effect over the jaw, fading out by 1.1 eye distances from the centre.
  const across = 1 - smooth((Math.abs(u) - 0.45) / 0.65);
  // Down: below the lip line the jaw moves as one piece; it fades out below the chin into the neck.
  const below = smooth((v + 0.02) / 0.08) * (1 - smooth((v - 0.75) / 0.5));
  // The upper lip lifts a little; nothing above the nose moves.
  const above = (1 - smooth((v + 0.02) / 0.08)) * (1 - smooth((-v - 0.05) / 0.3));
  let dy = drop * below * across - drop * 0.12 * above * across;
  // Corners: wide pulls out, round pulls in (strongest at the corners, near the lip line).
  const corner = Math.exp(-(((Math.abs(u) - MOUTH_HALF_WIDTH) / 0.3) ** 2) - (v / 0.25) ** 2);
  const dx = Math.sign(u) * corner * 0.12 * (pose.wide - pose.round * 0.8);
  // Round also pushes the lips a little forward-down.
  dy += pose.round * 0.03 * Math.exp(-((u / 0.4) ** 2) - (v / 0.3) ** 2);
  return [dx, dy];
}

/** A grid over the lower face (from below the nose to below the chin), rest and displaced. */
export function buildMesh(g: FaceGeometry, pose: MouthPose, cols = 12, rows = 12): Mesh {
  const rest: Point[] = [];
  const moved: Point[] = [];
  const cos = Math.cos(g.roll);
  const sin = Math.sin(g.roll);
  const toImage = (u: number, v: number): Point => [g.mouth[0] + (u * cos - v * sin) * g.d, g.mouth[1] + (u * sin + v * cos) * g.d];
  for (let r = 0; r <= rows; r++) {
    const v = -0.55 + (1.85 * r) / rows;
    for (let c = 0; c <= cols; c++) {
      const u = -1.25 + (2.5 * c) / cols;
      rest.push(toImage(u, v));
      const [du, dv] = displacement(u, v, pose);
      moved.push(toImage(u + du, v + dv));
    }
  }
  return { cols, rows, rest, moved };
}

/** The affine map [a, b, c, d, e, f] (canvas setTransform order) taking triangle s to triangle t. */
export function affineFromTriangles(s: [Point, Point, Point], t: [Point, Point, Point]): [number, number, number, number, number, number] | null {
  const [[x0, y0], [x1, y1], [x2, y2]] = s;
  const [[u0, v0], [u1, v1], [u2, v2]] = t;
  const det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(det) < 1e-9) return null;
  const a = ((u1 - u0) * (y2 - y0) - (u2 - u0) * (y1 - y0)) / det;
  const c = ((u2 - u0) * (x1 - x0) - (u1 - u0) * (x2 - x0)) / det;
  const b = ((v1 - v0) * (y2 - y0) - (v2 - v0) * (y1 - y0)) / det;
  const d = ((v2 - v0) * (x1 - x0) - (v1 - v0) * (x2 - x0)) / det;
  const e = u0 - a * x0 - c * y0;
  const f = v0 - b * x0 - d * y0;
  return [a, b, c, d, e, f];
}

/**
 * The inner mouth outline once opened: from corner to corner along the upper lip (lifted a
 * little) and back along the lower lip (dropped with the jaw). Empty when the mouth is closed.
 */
export function innerMouth(g: FaceGeometry, pose: MouthPose, steps = 10): Point[] {
  if (pose.open < 0.04) return [];
  const cos = Math.cos(g.roll);
  const sin = Math.sin(g.roll);
  const toImage = (u: number, v: number): Point => [g.mouth[0] + (u * cos - v * sin) * g.d, g.mouth[1] + (u * sin + v * cos) * g.d];
  const half = (MOUTH_HALF_WIDTH * 0.82) * (1 + 0.25 * (pose.wide - pose.round * 0.8));
  const drop = MAX_JAW_DROP * pose.open;
  const pts: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const u = -half + (2 * half * i) / steps;
    const k = 1 - (u / half) ** 2;
    pts.push(toImage(u, -drop * 0.12 * k - 0.01));
  }
  for (let i = steps; i >= 0; i--) {
    const u = -half + (2 * half * i) / steps;
    const k = 1 - (u / half) ** 2;
    pts.push(toImage(u, drop * Math.pow(k, 0.8) * 0.92 + 0.01));
  }
  return pts;
}
