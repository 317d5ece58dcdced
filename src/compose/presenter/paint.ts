import { mix, rgba, shade } from './color.ts';
import type { AgeLook, EyeShape, FaceShape, PresenterLook } from './looks.ts';
import { poseOf } from './pose.ts';
import { styleOf } from './style.ts';

/** Shared types and small painting helpers of the presenter drawer. */

export type Ctx = OffscreenCanvasRenderingContext2D;
export type Pt = readonly [number, number];
/** A cubic segment: two controls and the end point. */
export type Seg = readonly [Pt, Pt, Pt];

export interface Palette {
  skin: string;
  skinShadow: string;
  skinDeep: string;
  skinHi: string;
  blush: string;
  lip: string;
  lipDark: string;
  lipHi: string;
  hair: string;
  hairHi: string;
  hairDark: string;
  brow: string;
  lash: string;
  iris: string;
  irisDark: string;
  irisLight: string;
  cloth: string;
  clothHi: string;
  clothDark: string;
  cloth2: string;
  cloth2Dark: string;
  accent: string;
  mouthIn: string;
  mouthDeep: string;
  tongue: string;
  teeth: string;
  teethShade: string;
  /** Outline colour of the cartoon style. */
  ink: string;
}

export interface Geo {
  female: boolean;
  /** Half width of the neck. */
  neckW: number;
  /** Half width of the shoulders (figure space). */
  shoulder: number;
  /** Half width of the mouth at rest. */
  mouthW: number;
  upperLip: number;
  lowerLip: number;
  /** Eye scale. */
  eye: number;
  /** Eye opening height factor (eye shape). */
  eyeOpen: number;
  eyeShape: EyeShape;
  /** Nose width factor. */
  nose: number;
  /** Face outline, right half (head-local units). */
  face: { top: Pt; segs: Seg[] };
  faceShape: FaceShape;
  /** Chin y (head-local), for beards. */
  chin: number;
  /** Base head yaw of the pose (-1..1, negative = toward the viewer's left). */
  yaw: number;
  /** Figure y where the torso ends (half-body cut, or the hips of the full-body pose). */
  hem: number;
  full: boolean;
  age: AgeLook;
}

const palettes = new WeakMap<PresenterLook, Palette>();

export function paletteOf(look: PresenterLook): Palette {
  let p = palettes.get(look);
  if (p) return p;
  const s = look.skin;
  const lip = mix(s.lip, '#c2566a', look.lipTint ?? 0);
  p = {
    skin: s.base,
    skinShadow: s.shadow,
    skinDeep: shade(s.shadow, -0.25),
    skinHi: s.highlight,
    blush: s.blush,
    lip,
    lipDark: shade(lip, -0.22),
    lipHi: mix(lip, s.highlight, 0.55),
    hair: look.hair.color,
    hairHi: look.hair.highlight,
    hairDark: shade(look.hair.color, -0.35),
    brow: look.brows.color,
    lash: mix(shade(look.brows.color, -0.5), '#120c0a', 0.5),
    iris: look.eyes.iris,
    irisDark: shade(look.eyes.iris, -0.55),
    irisLight: shade(look.eyes.iris, 0.35),
    cloth: look.outfit.primary,
    clothHi: shade(look.outfit.primary, 0.14),
    clothDark: shade(look.outfit.primary, -0.28),
    cloth2: look.outfit.secondary,
    cloth2Dark: shade(look.outfit.secondary, -0.2),
    accent: look.outfit.accent ?? shade(look.outfit.secondary, -0.35),
    mouthIn: '#4a1d20',
    mouthDeep: '#210b0c',
    tongue: '#b9474f',
    teeth: '#fbf8f3',
    teethShade: '#d8cfc6',
    ink: mix(shade(s.shadow, -0.72), '#1c1424', 0.55),
  };
  palettes.set(look, p);
  return p;
}

const FACE_F: { top: Pt; segs: Seg[] } = {
  top: [0, -87],
  segs: [
    [[36, -87], [60, -65], [61, -28]],
    [[62, -4], [59, 18], [53, 36]],
    [[45, 58], [26, 76], [0, 78]],
  ],
};
const FACE_M: { top: Pt; segs: Seg[] } = {
  top: [0, -89],
  segs: [
    [[38, -89], [63, -67], [63, -28]],
    [[64, -2], [62, 22], [57, 41]],
    [[51, 62], [31, 80], [0, 81]],
  ],
};

/** Face shapes change the cheeks, jaw and chin only: the skull (and so every hair style) stays. */
function shapedFace(base: { top: Pt; segs: Seg[] }, shape: FaceShape): { top: Pt; segs: Seg[] } {
  const [s1, s2, s3] = base.segs as [Seg, Seg, Seg];
  const add = (p: Pt, dx: number, dy: number): Pt => [p[0] + dx, p[1] + dy];
  switch (shape) {
    case 'round':
      return { top: base.top, segs: [s1, [add(s2[0], 1, 0), add(s2[1], 2, 0), add(s2[2], 3, 2)], [add(s3[0], 6, 3), add(s3[1], 6, 1), add(s3[2], 0, -2)]] };
    case 'square':
      return { top: base.top, segs: [s1, [s2[0], add(s2[1], 1, 0), add(s2[2], 4, 5)], [add(s3[0], 10, 6), add(s3[1], 8, 2), add(s3[2], 0, 0)]] };
    case 'heart':
      return { top: base.top, segs: [s1, [add(s2[0], 1, 0), add(s2[1], -1, -2), add(s2[2], -3, -3)], [add(s3[0], -5, 0), add(s3[1], -7, 2), add(s3[2], 0, 2)]] };
    case 'long':
      return { top: base.top, segs: [s1, [s2[0], add(s2[1], -1, 4), add(s2[2], -2, 6)], [add(s3[0], -2, 7), add(s3[1], -2, 7), add(s3[2], 0, 6)]] };
    default:
      return base;
  }
}

const geos = new WeakMap<PresenterLook, Geo>();

export function geoOf(look: PresenterLook): Geo {
  let g = geos.get(look);
  if (g) return g;
  const f = look.gender === 'female';
  const pose = poseOf(look);
  const shape = look.face?.shape ?? 'oval';
  const face = shapedFace(f ? FACE_F : FACE_M, shape);
  const lips = look.face?.lips ?? 1;
  const eyeShape = look.eyes.shape ?? 'almond';
  const st = styleOf(look);
  g = {
    female: f,
    neckW: f ? 21.5 : 26.5,
    shoulder: f ? 116 : 128,
    mouthW: f ? 16.5 : 17.5,
    upperLip: (f ? 5.2 : 4.2) * lips,
    lowerLip: (f ? 6.6 : 5.6) * lips,
    eye: (f ? 1 : 0.94) * (st.eyes === 'big' ? 1.12 : 1),
    eyeOpen: eyeShape === 'round' ? 1.14 : eyeShape === 'narrow' ? 0.8 : 1,
    eyeShape,
    nose: look.face?.nose ?? 1,
    face,
    faceShape: shape,
    chin: face.segs[2]![2][1],
    yaw: pose.yaw,
    hem: pose.hem,
    full: pose.id === 'full',
    age: look.age ?? 'adult',
  };
  geos.set(look, g);
  return g;
}

/**
 * A path symmetric about x=0: from `top`, through the right-half segments, then back up the
 * mirrored left half. kR/kL scale the right/left half horizontally (a turned head).
 */
export function mirrorPath(c: Ctx, top: Pt, segs: readonly Seg[], kR = 1, kL = 1): void {
  c.moveTo(top[0] * kR, top[1]);
  for (const [a, b, e] of segs) c.bezierCurveTo(a[0] * kR, a[1], b[0] * kR, b[1], e[0] * kR, e[1]);
  for (let i = segs.length - 1; i >= 0; i--) {
    const [a, b] = segs[i]!;
    const start = i > 0 ? segs[i - 1]![2] : top;
    c.bezierCurveTo(-b[0] * kL, b[1], -a[0] * kL, a[1], -start[0] * kL, start[1]);
  }
  c.closePath();
}

/** Horizontal scale of the right and left half of the face for a yaw (the far side narrows). */
export function yawScales(yaw: number): [number, number] {
  return [1 + (yaw < 0 ? 0.04 : -0.16) * Math.abs(yaw), 1 + (yaw < 0 ? -0.16 : 0.04) * Math.abs(yaw)];
}

export function facePath(c: Ctx, g: Geo): void {
  const [kR, kL] = yawScales(g.yaw);
  c.beginPath();
  mirrorPath(c, g.face.top, g.face.segs, kR, kL);
}

export function ellipse(c: Ctx, x: number, y: number, rx: number, ry: number, rot = 0): void {
  c.moveTo(x + rx * Math.cos(rot), y + rx * Math.sin(rot));
  c.ellipse(x, y, Math.max(0.01, rx), Math.max(0.01, ry), rot, 0, Math.PI * 2);
}

/** Fill a soft radial blob (colour at alpha → transparent). */
export function softBlob(c: Ctx, x: number, y: number, rx: number, ry: number, color: string, alpha: number): void {
  c.save();
  c.translate(x, y);
  c.scale(1, ry / rx);
  const g = c.createRadialGradient(0, 0, 0, 0, 0, rx);
  g.addColorStop(0, rgba(color, alpha));
  g.addColorStop(1, rgba(color, 0));
  c.fillStyle = g;
  c.beginPath();
  c.arc(0, 0, rx, 0, Math.PI * 2);
  c.fill();
  c.restore();
}

export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
export const fract = (x: number): number => x - Math.floor(x);

/** Pixels per unit of the current transform (shadow blur and offsets are in pixels). */
export function pxScale(c: Ctx): number {
  const m = c.getTransform();
  return Math.hypot(m.a, m.b) || 1;
}

/** A drop shadow sized in units (canvas shadows ignore the transform). */
export function setShadow(c: Ctx, color: string, blur: number, dx = 0, dy = 0): void {
  const k = pxScale(c);
  c.shadowColor = color;
  c.shadowBlur = blur * k;
  c.shadowOffsetX = dx * k;
  c.shadowOffsetY = dy * k;
}

export function noShadow(c: Ctx): void {
  c.shadowColor = 'rgba(0,0,0,0)';
  c.shadowBlur = 0;
  c.shadowOffsetX = 0;
  c.shadowOffsetY = 0;
}

/** A tapered capsule from a (radius ra) to b (radius rb). */
export function capsule(c: Ctx, ax: number, ay: number, bx: number, by: number, ra: number, rb: number): void {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy) || 1e-3;
  const a = Math.atan2(dy, dx);
  // Tangent offset for unequal radii.
  const k = Math.max(-0.99, Math.min(0.99, (ra - rb) / len));
  const phi = Math.acos(k);
  c.moveTo(ax + ra * Math.cos(a + phi), ay + ra * Math.sin(a + phi));
  c.arc(ax, ay, ra, a + phi, a - phi + Math.PI * 2, false);
  c.lineTo(bx + rb * Math.cos(a - phi), by + rb * Math.sin(a - phi));
  c.arc(bx, by, rb, a - phi, a + phi, false);
  c.closePath();
}
