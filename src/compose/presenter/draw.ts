import type { MouthShape } from '../../lipsync/types.ts';
import { mix, rgba, shade } from './color.ts';
import { hairDef, type HairDef, type Region } from './hair.ts';
import type { PresenterLook } from './looks.ts';
import type { PresenterState } from './motion.ts';

/*
 * The built-in presenter, drawn in code: a half-body figure in a soft-shaded flat style.
 *
 * Everything is drawn in a 300×400 "unit" space (3:4) fitted into the caller's box. The head is
 * drawn in head-local units around HEAD (its centre, between the eyes and the mouth). Static
 * parts (hair back, body, face, hair front) are painted once per look and pixel scale into
 * OffscreenCanvas layers and then blitted with the head transform; the moving parts (eyes,
 * brows, nose, mouth, glasses) are drawn live each frame with a little 2.5D parallax.
 */

type Ctx = OffscreenCanvasRenderingContext2D;

export interface PresenterBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Unit space of the figure. */
export const UNIT_W = 300;
export const UNIT_H = 400;
/** Where the head's origin sits in unit space. */
const HEAD_X = 150;
const HEAD_Y = 138;
/** Head rotation pivot (head-local), about the top of the neck. */
const PIVOT_Y = 62;

// ---------------------------------------------------------------------------------------------
// Palette and geometry per look
// ---------------------------------------------------------------------------------------------

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
  mouthIn: string;
  mouthDeep: string;
  tongue: string;
  teeth: string;
  teethShade: string;
}

export interface Geo {
  female: boolean;
  /** Half width of the neck. */
  neckW: number;
  /** Half width of the shoulders (unit space). */
  shoulder: number;
  /** Half width of the mouth at rest. */
  mouthW: number;
  upperLip: number;
  lowerLip: number;
  /** Eye scale. */
  eye: number;
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
    mouthIn: '#4a1d20',
    mouthDeep: '#210b0c',
    tongue: '#b9474f',
    teeth: '#fbf8f3',
    teethShade: '#d8cfc6',
  };
  palettes.set(look, p);
  return p;
}

export function geoOf(look: PresenterLook): Geo {
  const f = look.gender === 'female';
  return {
    female: f,
    neckW: f ? 21.5 : 26.5,
    shoulder: f ? 116 : 128,
    mouthW: f ? 16.5 : 17.5,
    upperLip: f ? 5.2 : 4.2,
    lowerLip: f ? 6.6 : 5.6,
    eye: f ? 1 : 0.94,
  };
}

// ---------------------------------------------------------------------------------------------
// Small path helpers
// ---------------------------------------------------------------------------------------------

type Pt = readonly [number, number];
/** A cubic segment: two controls and the end point. */
type Seg = readonly [Pt, Pt, Pt];

/**
 * A path symmetric about x=0: from `top`, through the right-half segments, then back up the
 * mirrored left half.
 */
function mirrorPath(c: Ctx, top: Pt, segs: readonly Seg[]): void {
  c.moveTo(top[0], top[1]);
  for (const [a, b, e] of segs) c.bezierCurveTo(a[0], a[1], b[0], b[1], e[0], e[1]);
  for (let i = segs.length - 1; i >= 0; i--) {
    const [a, b] = segs[i]!;
    const start = i > 0 ? segs[i - 1]![2] : top;
    c.bezierCurveTo(-b[0], b[1], -a[0], a[1], -start[0], start[1]);
  }
  c.closePath();
}

function ellipse(c: Ctx, x: number, y: number, rx: number, ry: number, rot = 0): void {
  c.moveTo(x + rx * Math.cos(rot), y + rx * Math.sin(rot));
  c.ellipse(x, y, Math.max(0.01, rx), Math.max(0.01, ry), rot, 0, Math.PI * 2);
}

/** Fill a soft radial blob (colour at alpha → transparent). */
function softBlob(c: Ctx, x: number, y: number, rx: number, ry: number, color: string, alpha: number): void {
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

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/** Pixels per unit of the current transform (shadow blur and offsets are in pixels). */
function pxScale(c: Ctx): number {
  const m = c.getTransform();
  return Math.hypot(m.a, m.b) || 1;
}

/** A drop shadow sized in units (canvas shadows ignore the transform). */
function setShadow(c: Ctx, color: string, blur: number, dx = 0, dy = 0): void {
  const k = pxScale(c);
  c.shadowColor = color;
  c.shadowBlur = blur * k;
  c.shadowOffsetX = dx * k;
  c.shadowOffsetY = dy * k;
}

function noShadow(c: Ctx): void {
  c.shadowColor = 'rgba(0,0,0,0)';
  c.shadowBlur = 0;
  c.shadowOffsetX = 0;
  c.shadowOffsetY = 0;
}

// ---------------------------------------------------------------------------------------------
// Face, ears, facial hair (the static head layer)
// ---------------------------------------------------------------------------------------------

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

export function facePath(c: Ctx, g: Geo): void {
  const f = g.female ? FACE_F : FACE_M;
  c.beginPath();
  mirrorPath(c, f.top, f.segs);
}

function earPath(c: Ctx, side: number, g: Geo): void {
  const x0 = g.female ? 58 : 60;
  c.moveTo(side * x0, -16);
  c.bezierCurveTo(side * (x0 + 9), -25, side * (x0 + 18), -17, side * (x0 + 16), -1);
  c.bezierCurveTo(side * (x0 + 15), 13, side * (x0 + 9), 25, side * (x0 + 1), 28);
  c.closePath();
}

function paintEars(c: Ctx, p: Palette, g: Geo): void {
  for (const side of [-1, 1]) {
    c.beginPath();
    earPath(c, side, g);
    const gr = c.createLinearGradient(side * 58, 0, side * 76, 0);
    gr.addColorStop(0, p.skinShadow);
    gr.addColorStop(0.6, p.skin);
    gr.addColorStop(1, p.skinShadow);
    c.fillStyle = gr;
    c.fill();
    // Inner fold.
    const x0 = g.female ? 58 : 60;
    c.beginPath();
    c.moveTo(side * (x0 + 5), -11);
    c.bezierCurveTo(side * (x0 + 12), -14, side * (x0 + 12), 4, side * (x0 + 7), 10);
    c.bezierCurveTo(side * (x0 + 5), 13, side * (x0 + 6), 17, side * (x0 + 4), 20);
    c.strokeStyle = rgba(p.skinDeep, 0.55);
    c.lineWidth = 2;
    c.lineCap = 'round';
    c.stroke();
  }
}

function paintFace(c: Ctx, look: PresenterLook, p: Palette, g: Geo, hair: HairDef): void {
  paintEars(c, p, g);
  // Skin: light from the upper left.
  facePath(c, g);
  const base = c.createRadialGradient(-14, -26, 6, -4, -6, 100);
  base.addColorStop(0, p.skinHi);
  base.addColorStop(0.42, p.skin);
  base.addColorStop(0.85, mix(p.skin, p.skinShadow, 0.7));
  base.addColorStop(1, p.skinShadow);
  c.fillStyle = base;
  c.fill();

  c.save();
  facePath(c, g);
  c.clip();
  // Turned-away side and jaw in shade.
  const side = c.createLinearGradient(-64, 0, 64, 0);
  side.addColorStop(0, rgba(p.skinShadow, 0.25));
  side.addColorStop(0.3, rgba(p.skinShadow, 0));
  side.addColorStop(0.68, rgba(p.skinShadow, 0));
  side.addColorStop(1, rgba(p.skinDeep, 0.45));
  c.fillStyle = side;
  c.fillRect(-70, -100, 140, 190);
  const jaw = c.createLinearGradient(0, 30, 0, 82);
  jaw.addColorStop(0, rgba(p.skinShadow, 0));
  jaw.addColorStop(1, rgba(p.skinShadow, 0.35));
  c.fillStyle = jaw;
  c.fillRect(-70, 30, 140, 60);
  // Eye sockets, under-brow shade, cheekbones, forehead and chin highlights.
  for (const s of [-1, 1]) {
    softBlob(c, s * 25, -13, 17, 9, p.skinDeep, 0.16);
    softBlob(c, s * 30, 12, 14, 9, p.skinHi, 0.28);
    softBlob(c, s * 32, 22, 17, 11, p.blush, g.female ? 0.32 : 0.16);
  }
  softBlob(c, -6, -52, 30, 18, p.skinHi, 0.45);
  softBlob(c, 0, 68, 12, 6, p.skinHi, 0.3);
  // Soft shade under the lower lip.
  softBlob(c, 0, 60, 13, 4.5, p.skinDeep, 0.18);
  // Philtrum.
  softBlob(c, 0, 33, 3.5, 5, p.skinShadow, 0.25);
  // The fringe/hairline casts a soft shadow on the forehead.
  c.save();
  setShadow(c, rgba(p.skinDeep, 0.55), 7, 0, 1000 + 3.5);
  c.translate(0, -1000);
  hair.front(c);
  c.fillStyle = '#000';
  c.fill();
  c.restore();
  c.restore();
  // Facial hair has a little volume past the jaw line.
  if (look.facialHair) paintFacialHair(c, look.facialHair.style, look.facialHair.color, p, g);
}

/** The bearded area: sideburns, jaw and chin, around the mouth (the mustache is drawn live). */
function beardPath(c: Ctx, g: Geo, trim: number): void {
  const w = g.female ? 58.5 : 62.5;
  const chin = g.female ? 80 : 84;
  c.beginPath();
  c.moveTo(-w, -6);
  c.bezierCurveTo(-w - 1, 24, -w + 4, 54, -34, 74 + trim);
  c.quadraticCurveTo(0, chin + 8 + trim, 34, 74 + trim);
  c.bezierCurveTo(w - 4, 54, w + 1, 24, w, -6);
  c.lineTo(w - 6 - trim, -6);
  c.bezierCurveTo(w - 6 - trim, 10, w - 12, 24, 38, 31 + trim);
  c.bezierCurveTo(29, 36, 24, 42, 23, 49);
  c.bezierCurveTo(21, 55, 11, 56, 0, 56);
  c.bezierCurveTo(-11, 56, -21, 55, -23, 49);
  c.bezierCurveTo(-24, 42, -29, 36, -38, 31 + trim);
  c.bezierCurveTo(-(w - 12), 24, -(w - 6 - trim), 10, -(w - 6 - trim), -6);
  c.closePath();
}

function paintFacialHair(c: Ctx, style: 'stubble' | 'beard', color: string, p: Palette, g: Geo): void {
  c.save();
  const k = pxScale(c);
  if (style === 'beard') {
    // A trimmed beard: feathered edges, denser on the chin, short curved hairs on top.
    beardPath(c, g, 0);
    c.filter = `blur(${(1.2 * k).toFixed(2)}px)`;
    const gr = c.createLinearGradient(0, -6, 0, 88);
    gr.addColorStop(0, rgba(color, 0.6));
    gr.addColorStop(0.25, rgba(color, 0.45));
    gr.addColorStop(0.55, rgba(color, 0.85));
    gr.addColorStop(1, rgba(color, 0.95));
    c.fillStyle = gr;
    c.fill();
    c.filter = 'none';
    beardPath(c, g, 0);
    c.clip();
    c.lineCap = 'round';
    c.lineWidth = 0.8;
    for (let i = 0; i < 700; i++) {
      const u = fract(Math.sin(i * 12.9898) * 43758.5453);
      const v = fract(Math.sin(i * 78.233) * 12543.1234);
      const x = -64 + u * 128;
      const y = -6 + v * 96;
      c.strokeStyle = i % 3 === 0 ? rgba(p.hairHi, 0.45) : rgba(shade(color, -0.5), 0.4);
      c.beginPath();
      c.moveTo(x, y);
      c.lineTo(x + (x > 0 ? 0.9 : -0.9) + x * 0.012, y + 2.4);
      c.stroke();
    }
    // Light catches the beard on the lit side.
    softBlob(c, -30, 50, 24, 18, p.hairHi, 0.25);
  } else {
    facePath(c, g);
    c.clip();
    beardPath(c, g, 2);
    c.filter = `blur(${(2 * k).toFixed(2)}px)`;
    c.fillStyle = rgba(color, 0.2);
    c.fill();
    c.filter = 'none';
    c.clip();
    for (let i = 0; i < 1400; i++) {
      const u = fract(Math.sin(i * 12.9898) * 43758.5453);
      const v = fract(Math.sin(i * 78.233) * 12543.1234);
      c.fillStyle = rgba(color, 0.2);
      c.fillRect(-64 + u * 128, -6 + v * 96, 0.6, 0.6);
    }
  }
  c.restore();
}

const fract = (x: number): number => x - Math.floor(x);

function paintEarrings(c: Ctx, look: PresenterLook, g: Geo): void {
  const e = look.earrings;
  if (!e) return;
  const x0 = (g.female ? 58 : 60) + 5;
  for (const side of [-1, 1]) {
    const x = side * x0;
    if (e.kind === 'hoop') {
      c.beginPath();
      c.arc(x, 33, 6.5, 0, Math.PI * 2);
      c.lineWidth = 1.9;
      c.strokeStyle = shade(e.color, -0.15);
      c.stroke();
      c.beginPath();
      c.arc(x, 33, 6.5, Math.PI * 0.75, Math.PI * 1.35);
      c.strokeStyle = shade(e.color, 0.45);
      c.lineWidth = 1;
      c.stroke();
    } else {
      const gr = c.createRadialGradient(x - 0.8, 24.2, 0.2, x, 25, 2.6);
      gr.addColorStop(0, '#ffffff');
      gr.addColorStop(0.4, e.color);
      gr.addColorStop(1, shade(e.color, -0.35));
      c.fillStyle = gr;
      c.beginPath();
      c.arc(x, 25, 2.4, 0, Math.PI * 2);
      c.fill();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Body (neck, outfit): the static body layer, in unit space
// ---------------------------------------------------------------------------------------------

function neckPath(c: Ctx, g: Geo): void {
  const n = g.neckW;
  c.beginPath();
  c.moveTo(150 - n, 160);
  c.lineTo(150 - n + 0.5, 232);
  c.bezierCurveTo(150 - n + 1, 252, 150 - n - 16, 262, 150 - n - 46, 270);
  c.lineTo(150 - n - 46, 360);
  c.lineTo(150 + n + 46, 360);
  c.lineTo(150 + n + 46, 270);
  c.bezierCurveTo(150 + n + 16, 262, 150 + n - 1, 252, 150 + n - 0.5, 232);
  c.lineTo(150 + n, 160);
  c.closePath();
}

function bodyPath(c: Ctx, g: Geo): void {
  const n = g.neckW;
  const s = g.shoulder;
  c.beginPath();
  c.moveTo(150 - n - 4, 246);
  c.bezierCurveTo(150 - n - 14, 264, 150 - s + 40, 268, 150 - s + 14, 280);
  c.bezierCurveTo(150 - s - 4, 288, 150 - s - 12, 310, 150 - s - 14, 340);
  c.lineTo(150 - s - 18, 412);
  c.lineTo(150 + s + 18, 412);
  c.lineTo(150 + s + 14, 340);
  c.bezierCurveTo(150 + s + 12, 310, 150 + s + 4, 288, 150 + s - 14, 280);
  c.bezierCurveTo(150 + s - 40, 268, 150 + n + 14, 264, 150 + n + 4, 246);
  c.closePath();
}

/** Fill the garment silhouette, leaving `cut` (a path builder) open to show what is beneath. */
function fillGarment(c: Ctx, g: Geo, fill: string | CanvasGradient, cut?: (c: Ctx) => void): void {
  c.save();
  if (cut) {
    c.beginPath();
    c.rect(-20, 100, 340, 340);
    cut(c);
    c.clip('evenodd');
  }
  bodyPath(c, g);
  c.fillStyle = fill;
  c.fill();
  c.restore();
}

function garmentShading(c: Ctx, p: Palette, g: Geo, cut?: (c: Ctx) => void): void {
  c.save();
  if (cut) {
    c.beginPath();
    c.rect(-20, 100, 340, 340);
    cut(c);
    c.clip('evenodd');
  }
  bodyPath(c, g);
  c.clip();
  const h = c.createLinearGradient(150 - g.shoulder - 15, 0, 150 + g.shoulder + 15, 0);
  h.addColorStop(0, 'rgba(255,255,255,0.10)');
  h.addColorStop(0.35, 'rgba(255,255,255,0)');
  h.addColorStop(0.7, 'rgba(0,0,0,0)');
  h.addColorStop(1, 'rgba(0,0,0,0.22)');
  c.fillStyle = h;
  c.fillRect(0, 200, 300, 220);
  const v = c.createLinearGradient(0, 260, 0, 410);
  v.addColorStop(0, 'rgba(255,255,255,0.05)');
  v.addColorStop(1, 'rgba(0,0,0,0.16)');
  c.fillStyle = v;
  c.fillRect(0, 240, 300, 180);
  // Shadow of the head and neck on the chest; light on the near shoulder.
  softBlob(c, 150, 268, 62, 26, '#000000', 0.2);
  softBlob(c, 150 - g.shoulder + 34, 292, 44, 22, '#ffffff', 0.1);
  // Arms hang beside the torso: a soft fold from the armpit down.
  c.lineCap = 'round';
  c.save();
  c.filter = `blur(${(2.5 * pxScale(c)).toFixed(2)}px)`;
  for (const s of [-1, 1]) {
    const x = 150 + s * (g.shoulder - 24);
    c.strokeStyle = 'rgba(0,0,0,0.16)';
    c.lineWidth = 3;
    c.beginPath();
    c.moveTo(x + s * 6, 326);
    c.bezierCurveTo(x + s * 1, 346, x - s * 1, 376, x - s * 0.5, 416);
    c.stroke();
  }
  c.restore();
  c.restore();
}

function crewCut(w: number, depth: number): (c: Ctx) => void {
  return (c) => {
    c.moveTo(150 - w, 200);
    c.lineTo(150 - w, 246);
    c.bezierCurveTo(150 - w + 2, 246 + depth * 0.7, 150 - w * 0.5, 246 + depth, 150, 246 + depth);
    c.bezierCurveTo(150 + w * 0.5, 246 + depth, 150 + w - 2, 246 + depth * 0.7, 150 + w, 246);
    c.lineTo(150 + w, 200);
    c.closePath();
  };
}

function strokeCrew(c: Ctx, w: number, depth: number, color: string, width: number, g: Geo): void {
  c.save();
  bodyPath(c, g);
  c.clip();
  c.beginPath();
  c.moveTo(150 - w - 0.5, 242);
  c.bezierCurveTo(150 - w + 2, 246 + depth * 0.7, 150 - w * 0.5, 246 + depth, 150, 246 + depth);
  c.bezierCurveTo(150 + w * 0.5, 246 + depth, 150 + w - 2, 246 + depth * 0.7, 150 + w + 0.5, 242);
  c.strokeStyle = color;
  c.lineWidth = width;
  c.lineCap = 'round';
  c.stroke();
  c.restore();
}

function clothGradient(c: Ctx, base: string, g: Geo): CanvasGradient {
  const gr = c.createLinearGradient(150 - g.shoulder, 250, 150 + g.shoulder, 410);
  gr.addColorStop(0, shade(base, 0.08));
  gr.addColorStop(0.5, base);
  gr.addColorStop(1, shade(base, -0.12));
  return gr;
}

function paintBody(c: Ctx, look: PresenterLook, p: Palette, g: Geo): void {
  c.save();
  // The figure ends at the box's bottom edge (plus the 1.1 units that breathing lifts it).
  c.beginPath();
  c.rect(-40, 0, UNIT_W + 80, UNIT_H + 1.2);
  c.clip();
  paintBodyParts(c, look, p, g);
  c.restore();
}

function paintBodyParts(c: Ctx, look: PresenterLook, p: Palette, g: Geo): void {
  const style = look.outfit.style;
  const n = g.neckW;
  // Behind the neck.
  if (style === 'hoodie') {
    c.beginPath();
    c.moveTo(150 - n - 44, 276);
    c.bezierCurveTo(150 - n - 40, 238, 150 - 30, 218, 150, 218);
    c.bezierCurveTo(150 + 30, 218, 150 + n + 40, 238, 150 + n + 44, 276);
    c.closePath();
    const gr = c.createLinearGradient(0, 218, 0, 276);
    gr.addColorStop(0, shade(p.cloth, -0.45));
    gr.addColorStop(1, shade(p.cloth, -0.2));
    c.fillStyle = gr;
    c.fill();
  } else if (style === 'blazer') {
    // The jacket's collar rolls up behind the neck.
    c.beginPath();
    c.moveTo(150 - n - 14, 262);
    c.bezierCurveTo(150 - n - 12, 240, 150 - n + 2, 228, 150, 228);
    c.bezierCurveTo(150 + n - 2, 228, 150 + n + 12, 240, 150 + n + 14, 262);
    c.closePath();
    c.fillStyle = shade(p.cloth, -0.35);
    c.fill();
  } else if (style === 'shirt') {
    c.beginPath();
    c.moveTo(150 - n - 9, 256);
    c.bezierCurveTo(150 - n - 8, 236, 150 - n, 226, 150, 226);
    c.bezierCurveTo(150 + n, 226, 150 + n + 8, 236, 150 + n + 9, 256);
    c.closePath();
    c.fillStyle = shade(p.cloth2, -0.15);
    c.fill();
  }

  // Neck and upper chest.
  neckPath(c, g);
  const ng = c.createLinearGradient(150 - n - 10, 0, 150 + n + 10, 0);
  ng.addColorStop(0, mix(p.skin, p.skinShadow, 0.3));
  ng.addColorStop(0.45, mix(p.skin, p.skinShadow, 0.15));
  ng.addColorStop(1, mix(p.skinShadow, p.skinDeep, 0.5));
  c.fillStyle = ng;
  c.fill();
  c.save();
  neckPath(c, g);
  c.clip();
  // The head's shadow under the jaw, and the collarbone dip.
  softBlob(c, 150, 206, 46, 30, p.skinDeep, 0.85);
  softBlob(c, 150, 264, 16, 8, p.skinDeep, 0.22);
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * 10, 266);
    c.quadraticCurveTo(150 + s * 30, 262, 150 + s * 52, 268);
    c.strokeStyle = rgba(p.skinDeep, 0.18);
    c.lineWidth = 2;
    c.stroke();
  }
  c.restore();

  switch (style) {
    case 'tee': {
      const cut = crewCut(n + 12, 30);
      fillGarment(c, g, clothGradient(c, p.cloth, g), cut);
      garmentShading(c, p, g, cut);
      strokeCrew(c, n + 12, 30, p.cloth2, 5, g);
      strokeCrew(c, n + 12, 30.8, rgba(p.clothDark, 0.35), 1, g);
      break;
    }
    case 'knit': {
      const cut = crewCut(n + 10, 26);
      fillGarment(c, g, clothGradient(c, p.cloth, g), cut);
      paintKnitTexture(c, p, g, cut);
      garmentShading(c, p, g, cut);
      paintRibbedCrew(c, p, n + 10, 26, g);
      break;
    }
    case 'turtleneck': {
      fillGarment(c, g, clothGradient(c, p.cloth, g));
      paintKnitTexture(c, p, g);
      garmentShading(c, p, g);
      paintTurtleCollar(c, p, g);
      break;
    }
    case 'shirt':
      paintShirt(c, p, g);
      break;
    case 'blazer':
      paintBlazer(c, p, g);
      break;
    case 'hoodie':
      paintHoodie(c, p, g);
      break;
  }
}

function paintKnitTexture(c: Ctx, p: Palette, g: Geo, cut?: (c: Ctx) => void): void {
  c.save();
  if (cut) {
    c.beginPath();
    c.rect(-20, 100, 340, 340);
    cut(c);
    c.clip('evenodd');
  }
  bodyPath(c, g);
  c.clip();
  c.lineWidth = 1;
  c.strokeStyle = rgba(p.clothDark, 0.2);
  for (let x = 150 - g.shoulder - 20; x < 150 + g.shoulder + 20; x += 6) {
    c.beginPath();
    for (let y = 236; y < 414; y += 5) {
      c.moveTo(x - 1.6, y);
      c.lineTo(x, y + 2.4);
      c.lineTo(x + 1.6, y);
    }
    c.stroke();
  }
  c.restore();
}

function paintRibbedCrew(c: Ctx, p: Palette, w: number, depth: number, g: Geo): void {
  strokeCrew(c, w, depth, p.cloth2, 9, g);
  // Ribs across the band.
  c.lineWidth = 0.9;
  c.strokeStyle = rgba(shade(p.cloth2, -0.35), 0.5);
  for (let i = 0; i <= 28; i++) {
    const t = i / 28;
    const [x, y, nx, ny] = crewPoint(w, depth, t);
    c.beginPath();
    c.moveTo(x - nx * 4, y - ny * 4);
    c.lineTo(x + nx * 4, y + ny * 4);
    c.stroke();
  }
  strokeCrew(c, w, depth - 4.5, rgba(shade(p.cloth2, -0.3), 0.5), 1, g);
}

/** A point on the crew neckline (t 0..1 left to right) and its normal. */
function crewPoint(w: number, depth: number, t: number): [number, number, number, number] {
  const seg = t < 0.5 ? 0 : 1;
  const u = seg === 0 ? t * 2 : t * 2 - 1;
  const P: Pt[] =
    seg === 0
      ? [[150 - w - 0.5, 242], [150 - w + 2, 246 + depth * 0.7], [150 - w * 0.5, 246 + depth], [150, 246 + depth]]
      : [[150, 246 + depth], [150 + w * 0.5, 246 + depth], [150 + w - 2, 246 + depth * 0.7], [150 + w + 0.5, 242]];
  const [p0, p1, p2, p3] = P as [Pt, Pt, Pt, Pt];
  const m = 1 - u;
  const x = m * m * m * p0[0] + 3 * m * m * u * p1[0] + 3 * m * u * u * p2[0] + u * u * u * p3[0];
  const y = m * m * m * p0[1] + 3 * m * m * u * p1[1] + 3 * m * u * u * p2[1] + u * u * u * p3[1];
  const dx = 3 * m * m * (p1[0] - p0[0]) + 6 * m * u * (p2[0] - p1[0]) + 3 * u * u * (p3[0] - p2[0]);
  const dy = 3 * m * m * (p1[1] - p0[1]) + 6 * m * u * (p2[1] - p1[1]) + 3 * u * u * (p3[1] - p2[1]);
  const l = Math.hypot(dx, dy) || 1;
  return [x, y, -dy / l, dx / l];
}

function paintTurtleCollar(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW + 5;
  c.beginPath();
  c.moveTo(150 - n, 212);
  c.quadraticCurveTo(150, 220, 150 + n, 212);
  c.lineTo(150 + n + 4, 252);
  c.bezierCurveTo(150 + n + 6, 266, 150 + 20, 272, 150, 272);
  c.bezierCurveTo(150 - 20, 272, 150 - n - 6, 266, 150 - n - 4, 252);
  c.closePath();
  const gr = c.createLinearGradient(150 - n - 4, 0, 150 + n + 4, 0);
  gr.addColorStop(0, shade(p.cloth, -0.1));
  gr.addColorStop(0.35, shade(p.cloth, 0.08));
  gr.addColorStop(1, shade(p.cloth, -0.3));
  c.fillStyle = gr;
  setShadow(c, 'rgba(0,0,0,0.25)', 6, 0, 3);
  c.fill();
  noShadow(c);
  c.save();
  c.clip();
  c.lineWidth = 1;
  c.strokeStyle = rgba(p.clothDark, 0.35);
  for (let x = 150 - n - 6; x <= 150 + n + 6; x += 4) {
    c.beginPath();
    c.moveTo(x, 210);
    c.lineTo(x + (x - 150) * 0.08, 274);
    c.stroke();
  }
  // Chin shadow and the fold.
  softBlob(c, 150, 214, 34, 12, '#000000', 0.35);
  c.beginPath();
  c.moveTo(150 - n - 2, 236);
  c.quadraticCurveTo(150, 246, 150 + n + 2, 236);
  c.strokeStyle = rgba(p.clothDark, 0.6);
  c.lineWidth = 1.6;
  c.stroke();
  c.restore();
}

function paintShirt(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const vCut = (cc: Ctx): void => {
    cc.moveTo(150 - n - 1, 220);
    cc.lineTo(150 - n + 1, 250);
    cc.quadraticCurveTo(150 - 8, 282, 150, 304);
    cc.quadraticCurveTo(150 + 8, 282, 150 + n - 1, 250);
    cc.lineTo(150 + n + 1, 220);
    cc.closePath();
  };
  fillGarment(c, g, clothGradient(c, p.cloth, g), vCut);
  garmentShading(c, p, g, vCut);
  // Placket and buttons.
  c.strokeStyle = rgba(p.cloth2Dark, 0.55);
  c.lineWidth = 1;
  for (const dx of [-3.5, 3.5]) {
    c.beginPath();
    c.moveTo(150 + dx, 304);
    c.lineTo(150 + dx * 1.05, 414);
    c.stroke();
  }
  for (const y of [326, 358, 390]) {
    c.beginPath();
    c.arc(150, y, 2.2, 0, Math.PI * 2);
    c.fillStyle = p.cloth2;
    c.fill();
    c.strokeStyle = rgba(p.cloth2Dark, 0.8);
    c.lineWidth = 0.8;
    c.stroke();
  }
  // Collar wings.
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (n + 2), 226);
    c.bezierCurveTo(150 + s * (n + 1), 244, 150 + s * 14, 270, 150 + s * 6, 290);
    c.lineTo(150 + s * (n + 30), 282);
    c.bezierCurveTo(150 + s * (n + 26), 268, 150 + s * (n + 16), 250, 150 + s * (n + 10), 236);
    c.closePath();
    const gr = c.createLinearGradient(150 + s * n, 230, 150 + s * (n + 28), 288);
    gr.addColorStop(0, shade(p.cloth, 0.1));
    gr.addColorStop(1, p.cloth);
    c.fillStyle = gr;
    setShadow(c, 'rgba(0,0,0,0.22)', 5, 0, 2.5);
    c.fill();
    noShadow(c);
    c.strokeStyle = rgba(p.cloth2Dark, 0.55);
    c.lineWidth = 0.9;
    c.stroke();
  }
}

function paintBlazer(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  // The top underneath, with a crew neck.
  const crew = crewCut(n + 10, 22);
  fillGarment(c, g, clothGradient(c, p.cloth2, g), crew);
  garmentShading(c, p, g, crew);
  strokeCrew(c, n + 10, 22, shade(p.cloth2, -0.06), 3.5, g);
  // The jacket, open in a deep V.
  const vOpen = (cc: Ctx): void => {
    cc.moveTo(150 - n - 6, 200);
    cc.lineTo(150 - n - 6, 252);
    cc.bezierCurveTo(150 - n - 2, 300, 150 - 12, 360, 150 - 4, 414);
    cc.lineTo(150 + 4, 414);
    cc.bezierCurveTo(150 + 12, 360, 150 + n + 2, 300, 150 + n + 6, 252);
    cc.lineTo(150 + n + 6, 200);
    cc.closePath();
  };
  fillGarment(c, g, clothGradient(c, p.cloth, g), vOpen);
  garmentShading(c, p, g, vOpen);
  // Lapels.
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (n + 1), 236);
    c.bezierCurveTo(150 + s * (n + 4), 250, 150 + s * (n + 4), 290, 150 + s * (n - 2), 320);
    c.bezierCurveTo(150 + s * 14, 360, 150 + s * 8, 390, 150 + s * 5, 412);
    c.lineTo(150 + s * 22, 380);
    c.lineTo(150 + s * (n + 40), 312);
    c.lineTo(150 + s * (n + 30), 304);
    c.lineTo(150 + s * (n + 32), 294);
    c.bezierCurveTo(150 + s * (n + 24), 276, 150 + s * (n + 15), 256, 150 + s * (n + 10), 238);
    c.closePath();
    const gr = c.createLinearGradient(150 + s * n, 250, 150 + s * (n + 36), 380);
    gr.addColorStop(0, shade(p.cloth, 0.12));
    gr.addColorStop(1, shade(p.cloth, -0.05));
    c.fillStyle = gr;
    setShadow(c, 'rgba(0,0,0,0.3)', 6, s * 1.5, 2.5);
    c.fill();
    noShadow(c);
    c.strokeStyle = rgba(shade(p.cloth, -0.4), 0.5);
    c.lineWidth = 0.9;
    c.stroke();
  }
  // Shadow inside the V on the top.
  c.save();
  c.beginPath();
  vOpen(c);
  c.clip();
  const gr = c.createLinearGradient(150 - 30, 0, 150 + 30, 0);
  gr.addColorStop(0, 'rgba(0,0,0,0.18)');
  gr.addColorStop(0.3, 'rgba(0,0,0,0)');
  gr.addColorStop(0.7, 'rgba(0,0,0,0)');
  gr.addColorStop(1, 'rgba(0,0,0,0.22)');
  c.fillStyle = gr;
  c.fillRect(100, 250, 100, 170);
  c.restore();
}

function paintHoodie(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const cut = (cc: Ctx): void => {
    cc.moveTo(150 - n - 8, 200);
    cc.lineTo(150 - n - 8, 244);
    cc.bezierCurveTo(150 - n - 6, 268, 150 - 14, 288, 150, 288);
    cc.bezierCurveTo(150 + 14, 288, 150 + n + 6, 268, 150 + n + 8, 244);
    cc.lineTo(150 + n + 8, 200);
    cc.closePath();
  };
  fillGarment(c, g, clothGradient(c, p.cloth, g), cut);
  garmentShading(c, p, g, cut);
  // The hood's rim around the neckline, crossing at the front.
  c.lineCap = 'round';
  c.lineJoin = 'round';
  const rim = (w: number, col: string): void => {
    c.beginPath();
    c.moveTo(150 - n - 14, 246);
    c.bezierCurveTo(150 - n - 12, 274, 150 - 16, 292, 150 + 5, 296);
    c.moveTo(150 + n + 14, 246);
    c.bezierCurveTo(150 + n + 12, 274, 150 + 16, 292, 150 - 3, 298);
    c.strokeStyle = col;
    c.lineWidth = w;
    c.stroke();
  };
  setShadow(c, 'rgba(0,0,0,0.3)', 6, 0, 3);
  rim(13, shade(p.cloth, 0.05));
  noShadow(c);
  rim(1.2, rgba(p.clothDark, 0.6));
  // Drawstrings with aglets.
  for (const [s, len] of [[-1, 66], [1, 76]] as const) {
    const x0 = 150 + s * 11;
    c.beginPath();
    c.moveTo(x0, 292);
    c.bezierCurveTo(x0 + s * 1, 310, x0 + s * 5, 330, x0 + s * 4, 292 + len);
    c.strokeStyle = p.cloth2;
    c.lineWidth = 2.6;
    setShadow(c, 'rgba(0,0,0,0.25)', 3, 0, 1.5);
    c.stroke();
    noShadow(c);
    c.beginPath();
    c.moveTo(x0 + s * 4, 292 + len - 2);
    c.lineTo(x0 + s * 4, 292 + len + 7);
    c.strokeStyle = shade(p.cloth2, -0.45);
    c.lineWidth = 3.2;
    c.stroke();
  }
}

// ---------------------------------------------------------------------------------------------
// Live features: eyes, brows, nose, mouth, glasses
// ---------------------------------------------------------------------------------------------

function drawEyes(c: Ctx, p: Palette, g: Geo, st: PresenterState, ox: number, oy: number): void {
  const k = g.eye;
  const blink = Math.min(1, Math.max(0, st.blink));
  const lowerLift = st.smile * 1.2;
  for (const side of [-1, 1]) {
    const cx = side * 25 + ox;
    const cy = -6 + oy;
    const ix = cx - side * 13 * k;
    const iy = cy + 1.2;
    const oxr = cx + side * 13.4 * k;
    const oyr = cy - (g.female ? 1.4 : 0.6);
    // Upper lid control heights: open, and closed (a gentle downward arc).
    const openA = cy - 11.8 * k;
    const openB = cy - 11.2 * k;
    const shutA = cy + 4.4 * k;
    const shutB = cy + 4 * k;
    const ua = lerp(openA, shutA, blink);
    const ub = lerp(openB, shutB, blink);
    const la = cy + 7 * k - lowerLift;
    const lb = cy + 6.6 * k - lowerLift;
    const upper = (cc: Ctx): void => {
      cc.moveTo(ix, iy);
      cc.bezierCurveTo(cx - side * 7 * k, ua, cx + side * 6.5 * k, ub, oxr, oyr);
    };
    if (blink < 0.97) {
      c.save();
      c.beginPath();
      upper(c);
      c.bezierCurveTo(cx + side * 6.5 * k, lb, cx - side * 6.5 * k, la, ix, iy);
      c.closePath();
      c.clip();
      const sc = c.createLinearGradient(cx - 13, 0, cx + 13, 0);
      sc.addColorStop(0, '#e4d9d2');
      sc.addColorStop(0.5, '#fbf8f5');
      sc.addColorStop(1, '#e0d4cc');
      c.fillStyle = sc;
      c.fillRect(cx - 16, cy - 14, 32, 24);
      // Iris, pupil, catchlights.
      const gx = cx + Math.max(-1, Math.min(1, st.gazeX)) * 3.4 * k;
      const gy = cy - 0.6 + Math.max(-1, Math.min(1, st.gazeY)) * 1.8 * k;
      const r = 7.3 * k;
      const ir = c.createRadialGradient(gx, gy + 1.5, 0.5, gx, gy, r);
      ir.addColorStop(0, p.irisLight);
      ir.addColorStop(0.55, p.iris);
      ir.addColorStop(0.9, p.irisDark);
      ir.addColorStop(1, shade(p.irisDark, -0.4));
      c.fillStyle = ir;
      c.beginPath();
      c.arc(gx, gy, r, 0, Math.PI * 2);
      c.fill();
      c.fillStyle = '#100a08';
      c.beginPath();
      c.arc(gx, gy, 3.1 * k, 0, Math.PI * 2);
      c.fill();
      // The upper lid shades the eyeball.
      const lid = c.createLinearGradient(0, cy - 10 * k, 0, cy - 1);
      lid.addColorStop(0, 'rgba(40,20,15,0.45)');
      lid.addColorStop(1, 'rgba(40,20,15,0)');
      c.fillStyle = lid;
      c.fillRect(cx - 16, lerp(cy - 12, cy + 2, blink), 32, 12);
      c.fillStyle = 'rgba(255,255,255,0.95)';
      c.beginPath();
      c.arc(gx - 2.3 * k, gy - 2.4 * k, 1.7 * k, 0, Math.PI * 2);
      c.fill();
      c.fillStyle = 'rgba(255,255,255,0.55)';
      c.beginPath();
      c.arc(gx + 2.4 * k, gy + 2.2 * k, 0.8 * k, 0, Math.PI * 2);
      c.fill();
      c.restore();
      // Lower lash line.
      c.beginPath();
      c.moveTo(oxr, oyr);
      c.bezierCurveTo(cx + side * 6.5 * k, lb, cx - side * 6.5 * k, la, ix, iy);
      c.strokeStyle = rgba(p.lash, 0.3);
      c.lineWidth = 0.9;
      c.stroke();
    }
    // Crease above the lid.
    c.beginPath();
    c.moveTo(cx - side * 9.5 * k, cy - 9.8 * k);
    c.quadraticCurveTo(cx + side * 1 * k, cy - 16.5 * k, cx + side * 12 * k, cy - 8.2 * k);
    c.strokeStyle = rgba(p.skinDeep, 0.35);
    c.lineWidth = 1.1;
    c.lineCap = 'round';
    c.stroke();
    // Lash line along the lid edge (a closed arc when blinking), with a flick for lashes.
    c.beginPath();
    upper(c);
    if (g.female) c.quadraticCurveTo(oxr + side * 1.8, oyr - 0.6, oxr + side * 3.2, oyr - 2.4);
    c.strokeStyle = p.lash;
    c.lineWidth = g.female ? 2 : 1.5;
    c.lineJoin = 'round';
    c.stroke();
  }
}

function drawBrows(c: Ctx, look: PresenterLook, p: Palette, g: Geo, st: PresenterState, ox: number, oy: number): void {
  const th = 2.4 + 2.6 * look.brows.thickness;
  const arch = look.brows.arch;
  const raise = st.browRaise;
  c.fillStyle = p.brow;
  for (const side of [-1, 1]) {
    const inX = side * 11.5 + ox;
    const inY = -22.5 + oy - raise * 4.2 + (g.female ? 0 : 1);
    const outX = side * 38.5 + ox;
    const outY = -22 + oy - raise * 2.6 + (g.female ? 0.5 : 0.5);
    const peakX = side * (27 + arch * 2) + ox;
    const peakY = -26.5 - arch * 3.2 + oy - raise * 3.8 + (g.female ? 0 : 1.2);
    c.beginPath();
    // Lower edge, inner → outer.
    c.moveTo(inX, inY + th * 0.45);
    c.quadraticCurveTo(peakX, peakY + th * 0.7, outX, outY);
    // Upper edge back, tapering to the tail.
    c.quadraticCurveTo(peakX, peakY - th * 0.55, inX + side * 1, inY - th * 0.55);
    c.quadraticCurveTo(inX - side * 1.2, inY - th * 0.1, inX, inY + th * 0.45);
    c.closePath();
    c.fill();
  }
}

function drawNose(c: Ctx, p: Palette, g: Geo, ox: number, oy: number): void {
  const w = g.female ? 1 : 1.12;
  // Bridge shade on the side away from the light, the tip's highlight, the shadow under it.
  softBlob(c, 5 + ox, 2 + oy, 3.4, 16, p.skinDeep, 0.16);
  softBlob(c, 0.5 + ox, 25 + oy, 8.5 * w, 3.2, p.skinDeep, 0.42);
  softBlob(c, -1.2 + ox, 17.5 + oy, 4.2 * w, 3.6, p.skinHi, 0.5);
  // Nostrils and the crease of each wing, short and apart so they never read as a ring.
  for (const s of [-1, 1]) {
    softBlob(c, s * 4.3 * w + ox, 24.2 + oy, 2.1, 1.1, p.skinDeep, 0.75);
    c.beginPath();
    c.moveTo(s * 7.8 * w + ox, 20 + oy);
    c.quadraticCurveTo(s * 9.4 * w + ox, 22.6 + oy, s * 7.4 * w + ox, 24.4 + oy);
    c.strokeStyle = rgba(p.skinDeep, s > 0 ? 0.4 : 0.22);
    c.lineWidth = 1.2;
    c.lineCap = 'round';
    c.stroke();
  }
}

/** Mouth geometry for a shape, in head-local units around (mx, my). */
interface MouthGeo {
  hw: number;
  ihw: number;
  cy: number;
  top: number;
  bottom: number;
  ut: number;
  lt: number;
  k: number;
}

function mouthGeo(m: MouthShape, smile: number, g: Geo, my: number): MouthGeo {
  const { open, wide, round, press, lipBite } = m;
  const hw = g.mouthW * (1 + 0.2 * wide - 0.36 * round - 0.06 * press) + smile * 1.2 * (1 - round);
  const oh = 21 * open * (1 - press);
  const up = oh * 0.3 + lipBite * 2.2;
  const down = Math.max(0, oh * 0.7 - lipBite * 1.8);
  const ut = g.upperLip * (1 - 0.45 * press) * (1 + 0.35 * round) * (1 - 0.15 * lipBite);
  const lt = g.lowerLip * (1 - 0.4 * press) * (1 + 0.3 * round) * (1 - 0.3 * lipBite) * (1 - 0.3 * open);
  return {
    hw,
    ihw: hw * (0.94 - 0.3 * round),
    cy: my - smile * 2.2 * (1 - round) * (1 - press * 0.6) + open * 1.2,
    top: my - up,
    bottom: my + down,
    ut,
    lt,
    k: 0.5 + 0.38 * round - 0.12 * wide,
  };
}

/** Control y so that a cubic with both controls at that y peaks at `peak`. */
const ctrlFor = (peak: number, ends: number): number => (peak - 0.25 * ends) / 0.75;

function drawMouth(c: Ctx, p: Palette, g: Geo, st: PresenterState, mx: number, my: number): number {
  const m = st.mouth;
  const G = mouthGeo(m, st.smile, g, my);
  const { hw, ihw, cy, top, bottom, ut, lt, k } = G;
  const Lx = mx - hw;
  const Rx = mx + hw;
  const iLx = mx - ihw;
  const iRx = mx + ihw;
  const icy = cy + 0.2;
  const innerTopC = ctrlFor(top, icy);
  const innerBotC = ctrlFor(bottom + 0.6, icy);
  const opening = bottom - top;

  const innerUpper = (cc: Ctx, reverse: boolean): void => {
    if (!reverse) cc.bezierCurveTo(iLx + ihw * k * 0.9, innerTopC, iRx - ihw * k * 0.9, innerTopC, iRx, icy);
    else cc.bezierCurveTo(iRx - ihw * k * 0.9, innerTopC, iLx + ihw * k * 0.9, innerTopC, iLx, icy);
  };
  const innerLower = (cc: Ctx, reverse: boolean): void => {
    if (!reverse) cc.bezierCurveTo(iLx + ihw * k, innerBotC, iRx - ihw * k, innerBotC, iRx, icy);
    else cc.bezierCurveTo(iRx - ihw * k, innerBotC, iLx + ihw * k, innerBotC, iLx, icy);
  };

  // Inner mouth, teeth and tongue.
  if (opening > 0.35) {
    c.save();
    c.beginPath();
    c.moveTo(iLx, icy);
    innerUpper(c, false);
    innerLower(c, true);
    c.closePath();
    const gi = c.createRadialGradient(mx, bottom, 0, mx, (top + bottom) / 2, ihw + 2);
    gi.addColorStop(0, p.mouthIn);
    gi.addColorStop(1, p.mouthDeep);
    c.fillStyle = gi;
    c.fill();
    c.clip();
    // Tongue: low in the mouth, raised for t/d/n/l/th.
    const tg = m.tongue;
    if (tg > 0.02 || opening > 6) {
      const tTop = lerp(bottom - opening * 0.28 - 1, top + opening * 0.45, tg * tg);
      const tr = c.createLinearGradient(0, tTop, 0, bottom + 3);
      tr.addColorStop(0, shade(p.tongue, 0.12));
      tr.addColorStop(1, shade(p.tongue, -0.25));
      c.fillStyle = tr;
      c.beginPath();
      ellipse(c, mx, tTop + (bottom + 6 - tTop) / 2, ihw * 0.72, Math.max(1, (bottom + 6 - tTop) / 2));
      c.fill();
    }
    // Lower teeth, when the jaw is nearly closed and the lips spread.
    const lowT = Math.max(0, m.teeth - 0.35) * 4.2 * Math.max(0, 1 - opening / 14);
    if (lowT > 0.2) {
      c.fillStyle = p.teethShade;
      c.beginPath();
      c.moveTo(mx - ihw * 0.8, bottom + 2);
      c.quadraticCurveTo(mx, bottom - lowT * 1.7, mx + ihw * 0.8, bottom + 2);
      c.closePath();
      c.fill();
    }
    // Upper teeth under the upper lip.
    const th = (1.6 + 5.4 * m.teeth) * Math.min(1, opening / 3.5) + m.lipBite * 2.5;
    if (m.teeth > 0.02 && th > 0.4) {
      drawUpperTeeth(c, p, mx, top, ihw, th);
    }
    // Tongue tip between the teeth for "th".
    if (tg > 0.75) {
      const k2 = (tg - 0.75) * 4;
      const ty = Math.min(top + th * 0.9, bottom - 1.2);
      const tgr = c.createLinearGradient(0, ty - 1, 0, bottom + 2);
      tgr.addColorStop(0, shade(p.tongue, 0.25));
      tgr.addColorStop(1, shade(p.tongue, -0.05));
      c.fillStyle = tgr;
      c.beginPath();
      ellipse(c, mx, bottom + 0.6, ihw * 0.52 * k2, Math.max(0.8, bottom + 0.6 - ty));
      c.fill();
    }
    c.restore();
  }

  // Soft shadow under the lower lip.
  softBlob(c, mx, bottom + lt + 1.2, hw * 0.55, 2.6, p.skinDeep, 0.22);

  // Upper lip.
  const upTop = top - ut;
  const bowC = ctrlFor(upTop, cy);
  c.beginPath();
  c.moveTo(Lx, cy);
  c.bezierCurveTo(Lx + hw * 0.25, lerp(cy, bowC, 0.55), mx - hw * 0.55, upTop - 0.4, mx - hw * 0.2, upTop - 0.2);
  c.quadraticCurveTo(mx - hw * 0.07, upTop - 0.2, mx, upTop + 1.3 * (1 - m.round * 0.6));
  c.quadraticCurveTo(mx + hw * 0.07, upTop - 0.2, mx + hw * 0.2, upTop - 0.2);
  c.bezierCurveTo(mx + hw * 0.55, upTop - 0.4, Rx - hw * 0.25, lerp(cy, bowC, 0.55), Rx, cy);
  c.lineTo(iRx, icy);
  innerUpper(c, true);
  c.lineTo(Lx, cy);
  c.closePath();
  const gu = c.createLinearGradient(0, upTop, 0, top + 0.5);
  gu.addColorStop(0, mix(p.lipDark, p.lip, 0.35));
  gu.addColorStop(1, p.lipDark);
  c.fillStyle = gu;
  c.fill();

  // Lower lip.
  const lowBot = bottom + lt;
  const lbC = ctrlFor(lowBot, cy);
  c.beginPath();
  c.moveTo(Lx, cy);
  c.lineTo(iLx, icy);
  innerLower(c, false);
  c.lineTo(Rx, cy);
  c.bezierCurveTo(Rx - hw * 0.2, lbC, Lx + hw * 0.2, lbC, Lx, cy);
  c.closePath();
  const gl = c.createLinearGradient(0, bottom, 0, lowBot);
  gl.addColorStop(0, m.lipBite > 0.3 ? mix(p.lip, p.lipDark, 0.8) : p.lip);
  gl.addColorStop(0.55, p.lip);
  gl.addColorStop(1, mix(p.lip, p.lipDark, 0.5));
  c.fillStyle = gl;
  c.fill();
  // Lower-lip sheen.
  softBlob(c, mx - hw * 0.12, bottom + lt * 0.42, hw * 0.36, Math.max(0.6, lt * 0.26), p.lipHi, 0.6);

  // Upper teeth resting on the lower lip for f/v.
  if (m.lipBite > 0.05 && m.teeth > 0.05) {
    c.save();
    c.globalAlpha = Math.min(1, m.lipBite * 1.4);
    drawUpperTeeth(c, p, mx, top, ihw * 0.78, bottom - top + 1.6 * m.lipBite);
    c.restore();
  }

  // Lip parting line when (nearly) closed, and the corners.
  const closedness = Math.max(0, 1 - opening / 2.5);
  if (closedness > 0) {
    c.beginPath();
    c.moveTo(iLx - 0.5, icy);
    c.bezierCurveTo(iLx + ihw * k, innerBotC, iRx - ihw * k, innerBotC, iRx + 0.5, icy);
    c.strokeStyle = rgba(p.mouthIn, 0.75 * closedness + 0.2 * m.press);
    c.lineWidth = 1.1 + 0.5 * m.press;
    c.lineCap = 'round';
    c.stroke();
  }
  // Corners: a small soft dimple, deeper with a smile.
  for (const s of [-1, 1]) {
    softBlob(c, mx + s * (hw + 0.6), cy - 0.4, 2.6, 1.8, p.skinDeep, 0.3 + 0.2 * st.smile * (1 - m.round));
  }
  return top - ut;
}

function drawUpperTeeth(c: Ctx, p: Palette, mx: number, top: number, ihw: number, th: number): void {
  const gt = c.createLinearGradient(mx - ihw, 0, mx + ihw, 0);
  gt.addColorStop(0, p.teethShade);
  gt.addColorStop(0.3, p.teeth);
  gt.addColorStop(0.7, p.teeth);
  gt.addColorStop(1, p.teethShade);
  c.fillStyle = gt;
  c.beginPath();
  c.moveTo(mx - ihw, top - 3);
  c.lineTo(mx + ihw, top - 3);
  c.lineTo(mx + ihw * 0.86, top + th * 0.55);
  c.quadraticCurveTo(mx, top + th * 1.12, mx - ihw * 0.86, top + th * 0.55);
  c.closePath();
  c.fill();
  // A hint of the two front teeth.
  c.strokeStyle = 'rgba(150,130,120,0.35)';
  c.lineWidth = 0.6;
  c.beginPath();
  c.moveTo(mx, top + 0.3);
  c.lineTo(mx, top + th * 0.95);
  c.stroke();
}

function drawMustache(c: Ctx, color: string, mx: number, lipTop: number, hw: number, cy: number): void {
  const g = c.createLinearGradient(0, lipTop - 5, 0, lipTop + 1);
  g.addColorStop(0, rgba(color, 0.35));
  g.addColorStop(1, rgba(color, 0.85));
  c.fillStyle = g;
  c.beginPath();
  c.moveTo(mx - hw - 3, cy + 2.5);
  c.bezierCurveTo(mx - hw - 1, lipTop - 2, mx - 10, lipTop - 5, mx, lipTop - 4.2);
  c.bezierCurveTo(mx + 10, lipTop - 5, mx + hw + 1, lipTop - 2, mx + hw + 3, cy + 2.5);
  c.bezierCurveTo(mx + hw, cy - 0.5, mx + hw * 0.6, lipTop + 0.3, mx, lipTop + 0.2);
  c.bezierCurveTo(mx - hw * 0.6, lipTop + 0.3, mx - hw, cy - 0.5, mx - hw - 3, cy + 2.5);
  c.closePath();
  c.fill();
}

function drawGlasses(c: Ctx, look: PresenterLook, g: Geo, ox: number, oy: number): void {
  const gl = look.glasses;
  if (!gl) return;
  const k = g.eye;
  c.lineWidth = 2.1;
  c.strokeStyle = gl.frame;
  c.lineJoin = 'round';
  for (const s of [-1, 1]) {
    const cx = s * 25 + ox;
    const cy = -5 + oy;
    c.beginPath();
    if (gl.shape === 'round') ellipse(c, cx, cy, 15.5 * k, 14 * k);
    else c.roundRect(cx - 17 * k, cy - 11.5 * k, 34 * k, 22 * k, 6);
    c.fillStyle = 'rgba(255,255,255,0.07)';
    c.fill();
    c.stroke();
    // Lens glint.
    c.save();
    c.clip();
    c.strokeStyle = 'rgba(255,255,255,0.28)';
    c.lineWidth = 3;
    c.beginPath();
    c.moveTo(cx - 12, cy + 8);
    c.lineTo(cx + 2, cy - 14);
    c.stroke();
    c.restore();
    // Arm toward the ear.
    c.beginPath();
    c.moveTo(cx + s * (gl.shape === 'round' ? 15.5 : 17) * k, cy - 4);
    c.lineTo(s * 60, -10 + oy * 0.3);
    c.stroke();
  }
  // Bridge.
  c.beginPath();
  c.moveTo(-25 + ox + (gl.shape === 'round' ? 15.5 : 17) * k, -7 + oy);
  c.quadraticCurveTo(ox, -12 + oy, 25 + ox - (gl.shape === 'round' ? 15.5 : 17) * k, -7 + oy);
  c.stroke();
}

// ---------------------------------------------------------------------------------------------
// Layers and caching
// ---------------------------------------------------------------------------------------------

const BODY_REGION: Region = { x: -5, y: 150, w: 310, h: 252 };
const FACE_REGION: Region = { x: -82, y: -100, w: 164, h: 200 };

interface Layer {
  canvas: OffscreenCanvas;
  region: Region;
  /** Pixels per unit it was painted at. */
  q: number;
}

interface LayerSet {
  q: number;
  hairBack: Layer | null;
  body: Layer;
  face: Layer;
  hairFront: Layer;
  used: number;
}

interface LookCache {
  byScale: Map<number, LayerSet>;
  /** The scale asked for last time: a scale asked twice in a row gets layers of its own. */
  lastAsked: number;
}

let layerCache = new WeakMap<PresenterLook, LookCache>();
let useCounter = 0;
/** Scales kept per look (layouts move the presenter between a few sizes). */
const MAX_SCALES = 4;

function makeLayer(region: Region, q: number, paint: (c: Ctx) => void): Layer {
  // Snap the region to whole pixels so the layer's pixel grid lines up with unit multiples.
  const x = Math.floor(region.x * q) / q;
  const y = Math.floor(region.y * q) / q;
  const w = Math.max(1, Math.ceil((region.x + region.w - x) * q));
  const h = Math.max(1, Math.ceil((region.y + region.h - y) * q));
  const canvas = new OffscreenCanvas(w, h);
  const c = canvas.getContext('2d');
  if (!c) throw new Error('2D context unavailable');
  c.scale(q, q);
  c.translate(-x, -y);
  paint(c);
  return { canvas, region: { x, y, w: w / q, h: h / q }, q };
}

function buildLayers(look: PresenterLook, q: number): LayerSet {
  const p = paletteOf(look);
  const g = geoOf(look);
  const hair = hairDef(look.hair.style, g);
  return {
    q,
    hairBack: hair.back ? makeLayer(hair.backRegion, q, (c) => hair.back?.(c, p)) : null,
    body: makeLayer(BODY_REGION, q, (c) => paintBody(c, look, p, g)),
    face: makeLayer(FACE_REGION, q, (c) => {
      paintFace(c, look, p, g, hair);
      paintEarrings(c, look, g);
    }),
    hairFront: makeLayer(hair.frontRegion, q, (c) => paintHairFront(c, p, hair)),
    used: 0,
  };
}

/**
 * The static layers of a look for a pixel scale. Layers painted at exactly the drawing scale are
 * blitted pixel for pixel (the cheap path); while the size keeps changing (a layout animating)
 * a near existing scale is reused, resampled, instead of repainting every frame. A size asked
 * for twice in a row gets its own layers.
 */
function layersFor(look: PresenterLook, pxPerUnit: number): LayerSet | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const q = Math.max(0.02, pxPerUnit);
  // Scales within ~0.1% share layers (a layer is blitted 1:1 within that tolerance).
  const key = Number(q.toPrecision(4));
  let entry = layerCache.get(look);
  if (!entry) {
    entry = { byScale: new Map(), lastAsked: NaN };
    layerCache.set(look, entry);
  }
  let set = entry.byScale.get(key);
  if (!set && entry.lastAsked !== key) {
    // A size seen for the first time: borrow a near one (down to 0.7×, up to 1.12×) rather than
    // paint new layers, in case the size is only passing through (a layout animating).
    let best = Infinity;
    for (const v of entry.byScale.values()) {
      const r = v.q / q;
      if (r < 0.89 || r > 1.45) continue;
      const d = Math.abs(Math.log(r)) * (r < 1 ? 2 : 1);
      if (d < best) [best, set] = [d, v];
    }
  }
  if (!set) {
    set = buildLayers(look, q);
    entry.byScale.set(key, set);
    if (entry.byScale.size > MAX_SCALES) {
      let oldest: number | null = null;
      let oldestUse = Infinity;
      for (const [k, v] of entry.byScale) if (v.used < oldestUse && k !== key) [oldest, oldestUse] = [k, v.used];
      if (oldest !== null) entry.byScale.delete(oldest);
    }
  }
  entry.lastAsked = key;
  set.used = ++useCounter;
  return set;
}

function paintHairFront(c: Ctx, p: Palette, hair: HairDef): void {
  hair.front(c);
  hair.fill(c, p);
  c.save();
  hair.front(c);
  c.clip();
  hair.detail?.(c, p);
  c.restore();
}

/**
 * Draw a layer offset by (dx, dy) units. When the transform is a plain scale equal to the layer's
 * own, the layer is copied at a whole-pixel position: a straight blit, several times cheaper than
 * resampling in a software canvas (the sub-pixel snap is invisible; live features stay exact).
 */
function blit(c: Ctx, layer: Layer, dx = 0, dy = 0): void {
  const r = layer.region;
  const m = c.getTransform();
  const tol = layer.q * 1.5e-3;
  if (m.b === 0 && m.c === 0 && Math.abs(m.a - layer.q) < tol && Math.abs(m.d - layer.q) < tol) {
    const px = Math.round(m.a * (r.x + dx) + m.e);
    const py = Math.round(m.d * (r.y + dy) + m.f);
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.drawImage(layer.canvas, px, py);
    c.restore();
  } else {
    c.drawImage(layer.canvas, r.x + dx, r.y + dy, r.w, r.h);
  }
}

/** Forget the cached layers (e.g. after a look was edited in place). */
export function clearPresenterCache(look?: PresenterLook): void {
  if (look) layerCache.delete(look);
  else layerCache = new WeakMap();
}

// ---------------------------------------------------------------------------------------------
// The frame
// ---------------------------------------------------------------------------------------------

/**
 * Draw the presenter at `state` into `box` (any transform on ctx applies). The figure fills the
 * box at 3:4 (centred, standing on its bottom edge), on a transparent background.
 *
 * Head roll: the live features (eyes, brows, nose, mouth, glasses) rotate about the neck; the
 * cached head layers (face, hair) follow by translation only. For the small angles used (< 3°)
 * this reads as a tilt of the whole head and keeps every layer a straight copy.
 */
/**
 * The mouth's neighbourhood in a box, generous enough to hold it through head motion: for
 * effects and tests that need to know where the face talks.
 */
export function mouthRegion(box: PresenterBox): PresenterBox {
  const s = Math.min(box.w / UNIT_W, box.h / UNIT_H);
  const ox = box.x + (box.w - UNIT_W * s) / 2;
  const oy = box.y + box.h - UNIT_H * s;
  const cx = ox + HEAD_X * s;
  const cy = oy + (HEAD_Y + 47) * s;
  return { x: cx - 24 * s, y: cy - 12 * s, w: 48 * s, h: 30 * s };
}

export function drawPresenter(ctx: Ctx, look: PresenterLook, state: PresenterState, box: PresenterBox): void {
  const s = Math.min(box.w / UNIT_W, box.h / UNIT_H);
  if (!(s > 0) || !Number.isFinite(s)) return;
  const p = paletteOf(look);
  const g = geoOf(look);
  const m = ctx.getTransform();
  const devScale = s * Math.max(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
  const layers = layersFor(look, devScale);
  const hair = layers ? null : hairDef(look.hair.style, g);

  ctx.save();
  ctx.translate(box.x + (box.w - UNIT_W * s) / 2, box.y + box.h - UNIT_H * s);
  ctx.scale(s, s);

  const turn = Math.max(-1, Math.min(1, state.headTurn));
  const nod = Math.max(-1, Math.min(1, state.headNod));
  const tilt = Math.max(-0.12, Math.min(0.12, state.headTilt));
  const hx = HEAD_X + state.headX * UNIT_H;
  const hy = HEAD_Y + state.headY * UNIT_H;
  // Where the middle of the face goes when the head rolls about the neck.
  const arm = PIVOT_Y + 10;
  const rollX = arm * Math.sin(tilt);
  const rollY = arm * (1 - Math.cos(tilt));
  const headTranslate = (): void => ctx.translate(hx + rollX, hy + rollY);
  const headRotate = (): void => {
    ctx.translate(hx, hy + PIVOT_Y);
    ctx.rotate(tilt);
    ctx.translate(0, -PIVOT_Y);
  };

  // Hair behind everything.
  ctx.save();
  if (layers) {
    headTranslate();
    if (layers.hairBack) blit(ctx, layers.hairBack, -turn * 1.5, 0);
  } else {
    headRotate();
    hair?.back?.(ctx, p);
  }
  ctx.restore();

  // Body: shoulders and chest rise with each breath.
  ctx.save();
  ctx.translate(0, -1.1 * state.breath);
  if (layers) blit(ctx, layers.body);
  else paintBody(ctx, look, p, g);
  ctx.restore();

  // Face.
  ctx.save();
  if (layers) {
    headTranslate();
    blit(ctx, layers.face);
  } else if (hair) {
    headRotate();
    paintFace(ctx, look, p, g, hair);
    paintEarrings(ctx, look, g);
  }
  ctx.restore();

  // Live features, with a little 2.5D parallax for turns and nods.
  ctx.save();
  headRotate();
  const fx = turn * 3.2;
  const fy = nod * 2.6;
  drawBrows(ctx, look, p, g, state, fx, fy - nod * 0.6);
  drawEyes(ctx, p, g, state, fx, fy);
  drawNose(ctx, p, g, turn * 5, nod * 3.2);
  const mx = turn * 4.2;
  const my = 45 + nod * 3;
  const lipTop = drawMouth(ctx, p, g, state, mx, my);
  if (look.facialHair?.style === 'beard') {
    const mg = mouthGeo(state.mouth, state.smile, g, my);
    drawMustache(ctx, look.facialHair.color, mx, lipTop, mg.hw, mg.cy);
  }
  drawGlasses(ctx, look, g, fx, fy);
  ctx.restore();

  // Hair in front.
  ctx.save();
  if (layers) {
    headTranslate();
    blit(ctx, layers.hairFront, turn * 1.6, -nod * 1.2);
  } else if (hair) {
    headRotate();
    paintHairFront(ctx, p, hair);
  }
  ctx.restore();

  ctx.restore();
}
