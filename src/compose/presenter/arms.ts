import { mix, rgba, shade } from './color.ts';
import type { PresenterLook } from './looks.ts';
import type { GestureState } from './motion.ts';
import { sleeveOf } from './outfits.ts';
import { capsule, lerp, type Ctx, type Geo, type Palette, type Pt } from './paint.ts';
import { DESK_Y, type PoseDef } from './pose.ts';

/*
 * Arms and hands, drawn live in figure space. A pose gives each arm a rest position (hanging
 * beside the body, on the desk, or out of sight below the half-body cut); a gesture moves it
 * to a keyframe (open hands, point toward the product), eased by the gesture's weight.
 */

export type HandShape = 'relaxed' | 'open' | 'point' | 'rest';

export interface ArmPose {
  elbow: Pt;
  wrist: Pt;
  hand: HandShape;
  /** Direction the hand extends in (radians, screen axes). */
  angle: number;
}

/** Upper arm and forearm radii (figure units) at the shoulder, elbow, wrist. */
const R_SHOULDER = 19;
const R_ELBOW = 15.5;
const R_WRIST = 11.5;
/** Hands a little larger than life read better at video sizes. */
const HAND_SCALE = 1.3;

export function shoulderOf(g: Geo, side: number): Pt {
  return [150 + side * (g.shoulder - 16), 292];
}

const add = (p: Pt, dx: number, dy: number): Pt => [p[0] + dx, p[1] + dy];
const mixPt = (a: Pt, b: Pt, k: number): Pt => [lerp(a[0], b[0], k), lerp(a[1], b[1], k)];
function mixAngle(a: number, b: number, k: number): number {
  let d = b - a;
  while (d > Math.PI) d -= Math.PI * 2;
  while (d < -Math.PI) d += Math.PI * 2;
  return a + d * k;
}

/** Where an arm rests in a pose; null where it is not drawn at rest (half body, side). */
function restArm(pose: PoseDef, g: Geo, side: number): ArmPose {
  const s = g.shoulder;
  const S = shoulderOf(g, side);
  switch (pose.id) {
    case 'full':
      return { elbow: [150 + side * (s + 2), 500], wrist: [150 + side * (s + 8), 688], hand: 'relaxed', angle: Math.PI / 2 - side * 0.08 };
    case 'seated':
      return { elbow: [150 + side * (s - 4), DESK_Y + 8], wrist: [150 + side * 46, DESK_Y + 20], hand: 'rest', angle: side < 0 ? 0.15 : Math.PI - 0.15 };
    default:
      // Out of sight below the cut, hanging along the body.
      return { elbow: add(S, side * 8, 190), wrist: add(S, side * 2, 360), hand: 'relaxed', angle: Math.PI / 2 };
  }
}

function openArm(pose: PoseDef, g: Geo, side: number): ArmPose {
  const s = g.shoulder;
  const up = -Math.PI / 2 + side * 0.42;
  switch (pose.id) {
    case 'full':
      return { elbow: [150 + side * (s + 18), 486], wrist: [150 + side * (s + 44), 388], hand: 'open', angle: up + side * 0.15 };
    case 'seated':
      return { elbow: [150 + side * (s - 4), DESK_Y + 6], wrist: [150 + side * 74, 300], hand: 'open', angle: up };
    default:
      return { elbow: [150 + side * (s - 6), 432], wrist: [150 + side * 66, 334], hand: 'open', angle: up };
  }
}

/** Pointing keyframes for the arm on `side`, u = 0 (straight up) … 1 (level, outward). */
function pointArm(pose: PoseDef, g: Geo, side: number, u: number): ArmPose {
  const S = shoulderOf(g, side);
  const k = Math.max(0, Math.min(1.2, u));
  const x = (v: number): number => side * v;
  let upE: Pt;
  let upW: Pt;
  let outE: Pt;
  let outW: Pt;
  switch (pose.id) {
    case 'full':
      upE = add(S, x(50), -40);
      upW = add(S, x(60), -196);
      outE = add(S, x(104), 14);
      outW = add(S, x(226), -26);
      break;
    case 'seated':
      upE = add(S, x(14), DESK_Y + 6 - S[1]);
      upW = add(S, x(18), -66);
      outE = add(S, x(22), DESK_Y + 6 - S[1]);
      outW = add(S, x(96), -12);
      break;
    default:
      upE = add(S, x(50), 48);
      upW = add(S, x(30), -84);
      outE = add(S, x(44), 72);
      outW = add(S, x(112), 8);
  }
  return { elbow: mixPt(upE, outE, k), wrist: mixPt(upW, outW, k), hand: 'point', angle: mixAngle(-Math.PI / 2, side > 0 ? 0 : Math.PI, k) };
}

/**
 * Both arms for a gesture state (figure space), or null where an arm is not drawn. `target`
 * is where the product is, in figure space.
 */
export function armPoses(pose: PoseDef, g: Geo, gesture: GestureState | undefined): [ArmPose | null, ArmPose | null] {
  const w = gesture && gesture.kind !== 'nod' ? Math.min(1, Math.max(0, gesture.weight)) : 0;
  const out: [ArmPose | null, ArmPose | null] = [null, null];
  const target = gesture?.target ?? [-200, 0];
  // The arm nearer the product points; open hands use both.
  const pointSide = target[0] <= 150 ? -1 : 1;
  for (const [i, side] of [[0, -1], [1, 1]] as const) {
    const rest = restArm(pose, g, side);
    let pose2: ArmPose | null = null;
    if (w > 0 && gesture) {
      if (gesture.kind === 'open') pose2 = openArm(pose, g, side);
      else if (gesture.kind === 'point' && side === pointSide) {
        const S = shoulderOf(g, side);
        const dx = target[0] - S[0];
        const dy = target[1] - S[1];
        const u = 1 + Math.atan2(dy, side * dx) / (Math.PI / 2);
        pose2 = pointArm(pose, g, side, u);
        // Aim the finger at the product, within what a wrist can do.
        const aim = Math.atan2(target[1] - pose2.wrist[1], target[0] - pose2.wrist[0]);
        let d = aim - pose2.angle;
        while (d > Math.PI) d -= Math.PI * 2;
        while (d < -Math.PI) d += Math.PI * 2;
        pose2.angle += Math.max(-0.9, Math.min(0.9, d));
        // A small emphasis beat while the finger is out.
        const beat = Math.sin((gesture.time ?? 0) * Math.PI * 2 * 1.6) * 3 * Math.max(0, 1 - (gesture.time ?? 0) / 1.4);
        pose2.wrist = add(pose2.wrist, Math.cos(pose2.angle) * beat, Math.sin(pose2.angle) * beat);
      }
    }
    if (!pose2) {
      out[i] = pose.arms ? rest : null;
      continue;
    }
    const e = w * w * (3 - 2 * w);
    out[i] = {
      elbow: mixPt(rest.elbow, pose2.elbow, e),
      wrist: mixPt(rest.wrist, pose2.wrist, e),
      angle: mixAngle(rest.angle, pose2.angle, e),
      hand: e > 0.45 ? pose2.hand : rest.hand,
    };
  }
  return out;
}

/**
 * A segment of sleeve or skin with light from the upper left: a flat fill plus a shade band on
 * the far side and a sheen on the near side (solid strokes: far cheaper than a gradient over the
 * whole limb in a software canvas).
 */
function limb(c: Ctx, a: Pt, b: Pt, ra: number, rb: number, color: string, soft: boolean): void {
  c.beginPath();
  capsule(c, a[0], a[1], b[0], b[1], ra, rb);
  c.fillStyle = color;
  c.fill();
  if (!soft) return;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l = Math.hypot(dx, dy) || 1;
  // Unit normal pointing away from the light (toward the lower right).
  let nx = -dy / l;
  let ny = dx / l;
  if (nx + ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  const r = Math.min(ra, rb);
  const band = (off: number, w: number, style: string): void => {
    c.beginPath();
    c.moveTo(a[0] + nx * off * ra + (dx / l) * ra * 0.3, a[1] + ny * off * ra + (dy / l) * ra * 0.3);
    c.lineTo(b[0] + nx * off * rb - (dx / l) * rb * 0.2, b[1] + ny * off * rb - (dy / l) * rb * 0.2);
    c.strokeStyle = style;
    c.lineWidth = w * r;
    c.lineCap = 'butt';
    c.stroke();
  };
  band(0.62, 0.62, rgba(shade(color, -0.45), 0.32));
  band(-0.5, 0.4, rgba(shade(color, 0.35), 0.22));
}

export function drawArms(c: Ctx, look: PresenterLook, p: Palette, g: Geo, arms: readonly (ArmPose | null)[], soft: boolean): void {
  const sleeve = sleeveOf(look);
  c.lineCap = 'round';
  c.lineJoin = 'round';
  arms.forEach((arm, i) => {
    if (!arm) return;
    const side = i === 0 ? -1 : 1;
    const S = shoulderOf(g, side);
    const { elbow, wrist } = arm;
    const skin = p.skin;
    const cloth = sleeve.color;
    // Upper arm.
    if (sleeve.kind === 'none') limb(c, S, elbow, R_SHOULDER - 2, R_ELBOW - 1, skin, soft);
    else if (sleeve.kind === 'short') {
      limb(c, S, elbow, R_SHOULDER - 2, R_ELBOW - 1, skin, soft);
      const mid = mixPt(S, elbow, 0.5);
      limb(c, S, mid, R_SHOULDER + 1, R_SHOULDER, cloth, soft);
    } else limb(c, S, elbow, R_SHOULDER, R_ELBOW + 0.5, cloth, soft);
    // Forearm.
    if (sleeve.kind === 'long') {
      limb(c, elbow, wrist, R_ELBOW + 0.5, R_WRIST + 1.5, cloth, soft);
    } else limb(c, elbow, wrist, R_ELBOW - 1, R_WRIST - 1.5, skin, soft);
    // Cuff, then the hand out of it.
    if (sleeve.kind === 'long') {
      const back = [wrist[0] - Math.cos(arm.angle) * 5, wrist[1] - Math.sin(arm.angle) * 5] as const;
      c.beginPath();
      capsule(c, back[0], back[1], wrist[0] - Math.cos(arm.angle) * 1, wrist[1] - Math.sin(arm.angle) * 1, R_WRIST + 2, R_WRIST + 2);
      c.fillStyle = sleeve.cuff ?? shade(cloth, -0.08);
      c.fill();
    }
    drawHand(c, p, wrist, arm.angle, arm.hand, side, soft);
  });
}

/**
 * A hand at the wrist, extending along `angle`. `side` says which hand (-1 = on the viewer's
 * left), so thumbs sit on the right side.
 */
function drawHand(c: Ctx, p: Palette, wrist: Pt, angle: number, shape: HandShape, side: number, soft: boolean): void {
  c.save();
  c.translate(wrist[0], wrist[1]);
  c.rotate(angle);
  c.scale(HAND_SCALE, HAND_SCALE);
  // Local frame: +x along the hand; mirror so the thumb is on the body's side.
  const up = Math.sin(angle) < 0;
  c.scale(1, (up ? -side : side) || 1);
  const skin = p.skin;
  // All of a hand is one path filled once (nonzero: overlapping parts merge), then its creases.
  const finger = (x: number, y: number, a: number, len: number, r: number): void => {
    capsule(c, x, y, x + Math.cos(a) * len, y + Math.sin(a) * len, r, r * 0.85);
  };
  const creases: Array<[number, number, number, number, number, number]> = [];
  c.beginPath();
  switch (shape) {
    case 'open': {
      // Palm toward the viewer, fingers a little apart, thumb out.
      finger(10, 13, 0.85, 22, 5.6);
      for (const [x, y, a, len] of [[34, -13, -0.2, 22], [36, -4.5, -0.06, 27], [36, 4.5, 0.06, 26], [33, 12.5, 0.2, 20]] as const) finger(x, y, a, len, 4.6);
      c.moveTo(-2, -11);
      c.bezierCurveTo(10, -16, 30, -18, 38, -14);
      c.lineTo(38, 15);
      c.bezierCurveTo(28, 18, 10, 17, -2, 11);
      c.closePath();
      creases.push([12, 8, 22, 0, 34, -8], [16, 12, 26, 8, 34, 6]);
      break;
    }
    case 'point': {
      // A loose fist with the index finger out along the hand, the thumb across the fingers.
      finger(30, -9, 0, 34, 5);
      c.roundRect(0, -13, 38, 28, 10);
      finger(8, 12, -0.25, 22, 5.2);
      creases.push([26, -1, 34, 0, 36, 3], [26, 6, 34, 7, 36, 10]);
      break;
    }
    case 'rest': {
      // Back of the hand on the desk, fingers together.
      c.moveTo(-2, -12);
      c.bezierCurveTo(18, -16, 44, -14, 52, -6);
      c.quadraticCurveTo(58, 2, 50, 8);
      c.bezierCurveTo(40, 14, 16, 14, -2, 12);
      c.closePath();
      finger(8, 12, 0.5, 18, 5);
      creases.push([34, -5, 43, -4.5, 52, -4], [34, 1.5, 43, 2, 52, 2.5]);
      break;
    }
    default: {
      // Relaxed, seen from the side: fingers together, curling a little.
      c.moveTo(-2, -12);
      c.bezierCurveTo(16, -15, 38, -13, 52, -4);
      c.quadraticCurveTo(58, 4, 48, 9);
      c.bezierCurveTo(36, 14, 14, 14, -2, 12);
      c.closePath();
      finger(10, 10, 0.7, 16, 5);
      creases.push([38, -8, 46, -2, 44, 6]);
    }
  }
  if (soft) {
    const gr = c.createLinearGradient(0, -20, 0, 20);
    gr.addColorStop(0, mix(skin, p.skinHi, 0.35));
    gr.addColorStop(0.55, skin);
    gr.addColorStop(1, mix(skin, p.skinShadow, 0.8));
    c.fillStyle = gr;
  } else c.fillStyle = skin;
  c.fill();
  c.beginPath();
  for (const [x0, y0, cx, cy, x1, y1] of creases) {
    c.moveTo(x0, y0);
    c.quadraticCurveTo(cx, cy, x1, y1);
  }
  c.strokeStyle = rgba(p.skinDeep, 0.4);
  c.lineWidth = 1;
  c.stroke();
  c.restore();
}
