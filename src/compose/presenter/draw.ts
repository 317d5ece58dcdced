import type { MouthShape } from '../../lipsync/types.ts';
import { armPoses, drawArms } from './arms.ts';
import { mix, rgba, shade } from './color.ts';
import { flatShine, hairDef, type HairDef, type Region } from './hair.ts';
import type { PresenterLook } from './looks.ts';
import type { GestureState, PresenterState } from './motion.ts';
import { paintBody } from './outfits.ts';
import {
  ellipse, facePath, fract, geoOf, lerp, paletteOf, pxScale, setShadow, softBlob, yawScales,
  type Ctx, type Geo, type Palette,
} from './paint.ts';
import { POSES, poseOf, type PoseDef } from './pose.ts';
import { paintBackdrop, paintDesk, type BackdropMode } from './scenery.ts';
import { finishLayer, styleOf, styledContext, type StyleDef } from './style.ts';

/*
 * The built-in presenter, drawn in code: a parametric figure (face shape, eyes, brows, nose,
 * mouth, hair, skin, outfit, pose, accessories) in one of three art styles (style.ts).
 *
 * Everything is drawn in a 300×400 "unit" space (3:4) fitted into the caller's box; the pose
 * (pose.ts) places the figure in it. The head is drawn in head-local units around HEAD (its
 * centre, between the eyes and the mouth). Static parts (backdrop, hair back, body, face, hair
 * front, desk) are painted once per look and pixel scale into OffscreenCanvas layers and then
 * blitted; the moving parts (eyes, brows, nose, mouth, glasses, arms) are drawn live each frame
 * with a little 2.5D parallax.
 */

export interface PresenterBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Unit space of the figure's box. */
export const UNIT_W = 300;
export const UNIT_H = 400;
/** Where the head's origin sits in figure space. */
const HEAD_X = 150;
const HEAD_Y = 138;
/** Head rotation pivot (head-local), about the top of the neck. */
const PIVOT_Y = 62;

// ---------------------------------------------------------------------------------------------
// Face, ears, facial hair (the static head layer)
// ---------------------------------------------------------------------------------------------

/** The far ear hides once the head is turned; the near one slides toward the face. */
function earsOf(g: Geo): Array<{ side: number; dx: number }> {
  const out: Array<{ side: number; dx: number }> = [];
  for (const side of [-1, 1]) {
    const far = g.yaw !== 0 && Math.sign(g.yaw) === side;
    if (far && Math.abs(g.yaw) > 0.25) continue;
    out.push({ side, dx: g.yaw * 7 });
  }
  return out;
}

function earPath(c: Ctx, side: number, g: Geo, dx: number): void {
  const x0 = g.female ? 58 : 60;
  c.moveTo(side * x0 + dx, -16);
  c.bezierCurveTo(side * (x0 + 9) + dx, -25, side * (x0 + 18) + dx, -17, side * (x0 + 16) + dx, -1);
  c.bezierCurveTo(side * (x0 + 15) + dx, 13, side * (x0 + 9) + dx, 25, side * (x0 + 1) + dx, 28);
  c.closePath();
}

function paintEars(c: Ctx, p: Palette, g: Geo): void {
  for (const { side, dx } of earsOf(g)) {
    c.beginPath();
    earPath(c, side, g, dx);
    const gr = c.createLinearGradient(side * 58 + dx, 0, side * 76 + dx, 0);
    gr.addColorStop(0, p.skinShadow);
    gr.addColorStop(0.6, p.skin);
    gr.addColorStop(1, p.skinShadow);
    c.fillStyle = gr;
    c.fill();
    // Inner fold.
    const x0 = (g.female ? 58 : 60) + 0;
    c.beginPath();
    c.moveTo(side * (x0 + 5) + dx, -11);
    c.bezierCurveTo(side * (x0 + 12) + dx, -14, side * (x0 + 12) + dx, 4, side * (x0 + 7) + dx, 10);
    c.bezierCurveTo(side * (x0 + 5) + dx, 13, side * (x0 + 6) + dx, 17, side * (x0 + 4) + dx, 20);
    c.strokeStyle = rgba(p.skinDeep, 0.55);
    c.lineWidth = 2;
    c.lineCap = 'round';
    c.stroke();
  }
}

function paintFace(c: Ctx, look: PresenterLook, p: Palette, g: Geo, hair: HairDef, st: StyleDef): void {
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
  const [kR, kL] = yawScales(g.yaw);
  const fx = g.yaw * 11;
  // Eye sockets, under-brow shade, cheekbones, forehead and chin highlights.
  for (const s of [-1, 1]) {
    const k = s < 0 ? kL : kR;
    softBlob(c, s * 25 * k + fx, -13, 17 * k, 9, p.skinDeep, 0.16);
    softBlob(c, s * 30 * k + fx, 12, 14 * k, 9, p.skinHi, 0.28);
    softBlob(c, s * 32 * k + fx, 22, 17 * k, 11, p.blush, g.female ? 0.32 : 0.16);
  }
  softBlob(c, -6 + fx, -52, 30, 18, p.skinHi, 0.45);
  softBlob(c, 0 + fx, 68, 12, 6, p.skinHi, 0.3);
  // Soft shade under the lower lip.
  softBlob(c, 0 + fx, 60, 13, 4.5, p.skinDeep, 0.18);
  // Philtrum.
  softBlob(c, 0 + fx, 33, 3.5, 5, p.skinShadow, 0.25);
  if (!st.soft) {
    // Flat styles: rosy cheeks as clean shapes.
    for (const s of [-1, 1]) {
      const k = s < 0 ? kL : kR;
      c.fillStyle = rgba(p.blush, st.id === 'cartoon' ? 0.45 : 0.35);
      c.beginPath();
      ellipse(c, s * 33 * k + fx, 20, 10 * k, 6);
      c.fill();
    }
  }
  paintAgeLines(c, p, g, fx, kL, kR);
  // The fringe/hairline casts a soft shadow on the forehead.
  if (st.soft) {
    c.save();
    setShadow(c, rgba(p.skinDeep, 0.55), 7, 0, 1000 + 3.5);
    c.translate(0, -1000);
    hair.front(c);
    c.fillStyle = '#000';
    c.fill();
    c.restore();
  }
  c.restore();
  // Facial hair has a little volume past the jaw line.
  if (look.facialHair) paintFacialHair(c, look.facialHair.style, look.facialHair.color, p, g);
}

/** Laugh lines and crow's feet (mature), forehead lines (senior). */
function paintAgeLines(c: Ctx, p: Palette, g: Geo, fx: number, kL: number, kR: number): void {
  if (g.age !== 'mature' && g.age !== 'senior') return;
  const a = g.age === 'senior' ? 0.34 : 0.22;
  c.save();
  c.lineCap = 'round';
  c.strokeStyle = rgba(p.skinDeep, a);
  c.lineWidth = 1.3;
  for (const s of [-1, 1]) {
    const k = s < 0 ? kL : kR;
    // Nose to mouth corner.
    c.beginPath();
    c.moveTo(s * 11 * k + fx, 24);
    c.bezierCurveTo(s * 19 * k + fx, 30, s * 24 * k + fx, 40, s * 23 * k + fx, 52);
    c.stroke();
    // Crow's feet.
    for (const [dy, len] of [[-6, 6], [-1, 7], [4, 5]] as const) {
      c.beginPath();
      c.moveTo(s * 41 * k + fx, dy - 4);
      c.lineTo(s * (41 + len) * k + fx, dy - 4 + dy * 0.3);
      c.stroke();
    }
    // Under the eye.
    c.beginPath();
    c.moveTo(s * 16 * k + fx, 5);
    c.quadraticCurveTo(s * 25 * k + fx, 9, s * 34 * k + fx, 5);
    c.stroke();
  }
  if (g.age === 'senior') {
    for (const y of [-46, -39]) {
      c.beginPath();
      c.moveTo(-20 + fx, y);
      c.quadraticCurveTo(fx, y - 3, 20 + fx, y);
      c.stroke();
    }
  }
  c.restore();
}

/** The bearded area: sideburns, jaw and chin, around the mouth (the mustache is drawn live). */
function beardPath(c: Ctx, g: Geo, trim: number): void {
  const w = g.female ? 58.5 : 62.5;
  const chin = g.chin + 3;
  const [kR, kL] = yawScales(g.yaw);
  const X = (x: number): number => (x < 0 ? x * kL : x * kR);
  const fx = g.yaw * 8;
  c.beginPath();
  c.moveTo(X(-w), -6);
  c.bezierCurveTo(X(-w - 1), 24, X(-w + 4), 54, X(-34), 74 + trim + (chin - 84) * 0.6);
  c.quadraticCurveTo(fx, chin + 8 + trim, X(34), 74 + trim + (chin - 84) * 0.6);
  c.bezierCurveTo(X(w - 4), 54, X(w + 1), 24, X(w), -6);
  c.lineTo(X(w - 6 - trim), -6);
  c.bezierCurveTo(X(w - 6 - trim), 10, X(w - 12), 24, X(38), 31 + trim);
  c.bezierCurveTo(X(29) + fx, 36, X(24) + fx, 42, X(23) + fx, 49);
  c.bezierCurveTo(X(21) + fx, 55, X(11) + fx, 56, fx, 56);
  c.bezierCurveTo(X(-11) + fx, 56, X(-21) + fx, 55, X(-23) + fx, 49);
  c.bezierCurveTo(X(-24) + fx, 42, X(-29) + fx, 36, X(-38), 31 + trim);
  c.bezierCurveTo(X(-(w - 12)), 24, X(-(w - 6 - trim)), 10, X(-(w - 6 - trim)), -6);
  c.closePath();
}

function paintFacialHair(c: Ctx, style: 'stubble' | 'beard' | 'mustache', color: string, p: Palette, g: Geo): void {
  if (style === 'mustache') return; // drawn live, with the mouth
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

function paintEarrings(c: Ctx, look: PresenterLook, g: Geo): void {
  const e = look.earrings;
  if (!e || look.hair.style === 'hijab') return;
  const x0 = (g.female ? 58 : 60) + 5;
  for (const { side, dx } of earsOf(g)) {
    const x = side * x0 + dx;
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
// Live features: eyes, brows, nose, mouth, glasses
// ---------------------------------------------------------------------------------------------

/** Horizontal scale of an eye on `side` for the head's yaw (the far eye narrows). */
function eyeScale(yaw: number, side: number): number {
  if (yaw === 0) return 1;
  return Math.sign(yaw) === side ? 1 - 0.3 * Math.abs(yaw) : 1 + 0.04 * Math.abs(yaw);
}

/** Where an eye sits (head-local x) for the head's yaw. */
function eyeX(g: Geo, side: number, ox: number): number {
  const [kR, kL] = yawScales(g.yaw);
  return side * 25 * (side < 0 ? kL : kR) + ox;
}

function drawEyes(c: Ctx, p: Palette, g: Geo, st: PresenterState, ox: number, oy: number, style: StyleDef): void {
  if (style.eyes === 'dot') return drawDotEyes(c, p, g, st, ox, oy);
  if (style.eyes === 'big') return drawBigEyes(c, p, g, st, ox, oy);
  const k = g.eye;
  const o = g.eyeOpen;
  const blink = Math.min(1, Math.max(0, st.blink));
  const lowerLift = st.smile * 1.2;
  for (const side of [-1, 1]) {
    const cx = eyeX(g, side, ox);
    const cy = -6 + oy;
    const kx = eyeScale(g.yaw, side);
    c.save();
    if (kx !== 1) {
      c.translate(cx, 0);
      c.scale(kx, 1);
      c.translate(-cx, 0);
    }
    const ix = cx - side * 13 * k;
    const iy = cy + 1.2;
    const oxr = cx + side * 13.4 * k;
    const oyr = cy - (g.female ? 1.4 : 0.6);
    // Upper lid control heights: open, and closed (a gentle downward arc).
    const openA = cy - 11.8 * k * o;
    const openB = cy - 11.2 * k * o;
    const shutA = cy + 4.4 * k;
    const shutB = cy + 4 * k;
    const ua = lerp(openA, shutA, blink);
    const ub = lerp(openB, shutB, blink);
    const la = cy + 7 * k * (0.6 + 0.4 * o) - lowerLift;
    const lb = cy + 6.6 * k * (0.6 + 0.4 * o) - lowerLift;
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
    c.moveTo(cx - side * 9.5 * k, cy - 9.8 * k * o);
    c.quadraticCurveTo(cx + side * 1 * k, cy - 16.5 * k * o, cx + side * 12 * k, cy - 8.2 * k * o);
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
    c.restore();
  }
}

/** Flat illustration: dark oval eyes with a catchlight; a lash arc when closed. */
function drawDotEyes(c: Ctx, p: Palette, g: Geo, st: PresenterState, ox: number, oy: number): void {
  const blink = Math.min(1, Math.max(0, st.blink));
  const dark = mix(p.irisDark, '#1a1210', 0.55);
  for (const side of [-1, 1]) {
    const kx = eyeScale(g.yaw, side);
    const cx = eyeX(g, side, ox) + Math.max(-1, Math.min(1, st.gazeX)) * 2.2;
    const cy = -5 + oy + Math.max(-1, Math.min(1, st.gazeY)) * 1.2;
    const open = (1 - blink) * g.eyeOpen * (1 - 0.12 * st.smile);
    if (open > 0.18) {
      c.fillStyle = dark;
      c.beginPath();
      ellipse(c, cx, cy, 5.4 * g.eye * kx, 6.6 * g.eye * open);
      c.fill();
      c.fillStyle = '#ffffff';
      c.beginPath();
      c.arc(cx - 1.8 * kx, cy - 2.3 * open, 1.7, 0, Math.PI * 2);
      c.fill();
    } else {
      c.beginPath();
      c.moveTo(cx - 6.5 * kx, cy - 0.5);
      c.quadraticCurveTo(cx, cy + 3.5, cx + 6.5 * kx, cy - 0.5);
      c.strokeStyle = dark;
      c.lineWidth = 2.2;
      c.lineCap = 'round';
      c.stroke();
    }
    if (g.female) {
      c.beginPath();
      c.moveTo(cx + side * 4.8 * kx, cy - 5.2 * Math.max(0.3, open));
      c.lineTo(cx + side * 8.6 * kx, cy - 8.2 * Math.max(0.3, open));
      c.strokeStyle = dark;
      c.lineWidth = 1.8;
      c.lineCap = 'round';
      c.stroke();
    }
  }
}

/** Bold cartoon: big white eyes with an ink lid line, large iris and catchlights. */
function drawBigEyes(c: Ctx, p: Palette, g: Geo, st: PresenterState, ox: number, oy: number): void {
  const blink = Math.min(1, Math.max(0, st.blink));
  const k = g.eye;
  for (const side of [-1, 1]) {
    const kx = eyeScale(g.yaw, side);
    const cx = eyeX(g, side, ox);
    const cy = -6 + oy;
    const rx = 11 * k * kx;
    const ry = 12 * k * g.eyeOpen * (1 - 0.1 * st.smile);
    const open = 1 - blink;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    if (open > 0.12) {
      const top = cy + ry * 0.15 - ry * open;
      c.save();
      c.beginPath();
      c.moveTo(cx - rx, cy);
      c.bezierCurveTo(cx - rx, top, cx + rx, top, cx + rx, cy);
      c.bezierCurveTo(cx + rx, cy + ry * 0.95, cx - rx, cy + ry * 0.95, cx - rx, cy);
      c.closePath();
      c.fillStyle = '#ffffff';
      c.fill();
      c.strokeStyle = p.ink;
      c.lineWidth = 1.4;
      c.stroke();
      c.clip();
      const gx = cx + Math.max(-1, Math.min(1, st.gazeX)) * 3.6 * k * kx;
      const gy = cy + 1 + Math.max(-1, Math.min(1, st.gazeY)) * 2 * k;
      c.fillStyle = p.iris;
      c.beginPath();
      ellipse(c, gx, gy, 7.6 * k * kx, 8 * k);
      c.fill();
      c.fillStyle = mix(p.irisDark, '#000000', 0.5);
      c.beginPath();
      ellipse(c, gx, gy, 3.8 * k * kx, 4.2 * k);
      c.fill();
      c.fillStyle = '#ffffff';
      c.beginPath();
      c.arc(gx - 2.6 * k, gy - 3 * k, 2.5 * k, 0, Math.PI * 2);
      c.fill();
      c.beginPath();
      c.arc(gx + 2.8 * k, gy + 2.6 * k, 1.1 * k, 0, Math.PI * 2);
      c.fill();
      c.restore();
      // Ink lid line along the top.
      c.beginPath();
      c.moveTo(cx - rx - 1, cy + 0.5);
      c.bezierCurveTo(cx - rx, top - 0.8, cx + rx, top - 0.8, cx + rx + 1, cy + 0.5);
      if (g.female) c.lineTo(cx + side * (rx + 4) * (side > 0 ? 1 : 1), cy - 3.2);
      c.strokeStyle = p.ink;
      c.lineWidth = 3;
      c.stroke();
    } else {
      c.beginPath();
      c.moveTo(cx - rx, cy + 1);
      c.quadraticCurveTo(cx, cy + 6, cx + rx, cy + 1);
      c.strokeStyle = p.ink;
      c.lineWidth = 2.6;
      c.stroke();
    }
  }
}

function drawBrows(c: Ctx, look: PresenterLook, p: Palette, g: Geo, st: PresenterState, ox: number, oy: number): void {
  const th = 2.4 + 2.6 * look.brows.thickness;
  const arch = look.brows.arch;
  const raise = st.browRaise;
  c.fillStyle = p.brow;
  for (const side of [-1, 1]) {
    const kx = eyeScale(g.yaw, side);
    const ex = eyeX(g, side, ox);
    const X = (x: number): number => ex + (x - side * 25) * kx;
    const inX = X(side * 11.5);
    const inY = -22.5 + oy - raise * 4.2 + (g.female ? 0 : 1);
    const outX = X(side * 38.5);
    const outY = -22 + oy - raise * 2.6 + (g.female ? 0.5 : 0.5);
    const peakX = X(side * (27 + arch * 2));
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

function drawNose(c: Ctx, p: Palette, g: Geo, ox: number, oy: number, style: StyleDef): void {
  const w = (g.female ? 1 : 1.12) * g.nose;
  if (style.id === 'flat') {
    c.fillStyle = mix(p.skin, p.skinShadow, 0.85);
    c.beginPath();
    c.moveTo(-6 * w + ox, 21 + oy);
    c.bezierCurveTo(-5 * w + ox, 27 + oy, 5 * w + ox, 27 + oy, 6 * w + ox, 21 + oy);
    c.bezierCurveTo(3 * w + ox, 23.5 + oy, -3 * w + ox, 23.5 + oy, -6 * w + ox, 21 + oy);
    c.closePath();
    c.fill();
    c.beginPath();
    c.moveTo(3 + ox, 0 + oy);
    c.quadraticCurveTo(5 + ox, 12 + oy, 6.5 * w + ox, 20 + oy);
    c.strokeStyle = rgba(p.skinShadow, 0.9);
    c.lineWidth = 1.6;
    c.lineCap = 'round';
    c.stroke();
    return;
  }
  if (style.id === 'cartoon') {
    c.beginPath();
    c.moveTo(2 + ox, 11 + oy);
    c.bezierCurveTo(8 * w + ox, 17 + oy, 7 * w + ox, 25 + oy, 0 + ox, 25 + oy);
    c.strokeStyle = p.ink;
    c.lineWidth = 1.7;
    c.lineCap = 'round';
    c.stroke();
    c.fillStyle = rgba(p.ink, 0.7);
    c.beginPath();
    ellipse(c, -4 * w + ox, 23.5 + oy, 1.6, 1);
    c.fill();
    return;
  }
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
  const round = gl.shape === 'round';
  const half = (round ? 15.5 : 17) * k;
  c.lineWidth = 2.1;
  c.strokeStyle = gl.frame;
  c.lineJoin = 'round';
  const ears = earsOf(g);
  const inner: number[] = [];
  for (const s of [-1, 1]) {
    const kx = eyeScale(g.yaw, s);
    const cx = eyeX(g, s, ox);
    const cy = -5 + oy;
    c.beginPath();
    if (round) ellipse(c, cx, cy, half * kx, 14 * k);
    else c.roundRect(cx - half * kx, cy - 11.5 * k, 2 * half * kx, 22 * k, 6 * kx);
    c.fillStyle = 'rgba(255,255,255,0.07)';
    c.fill();
    c.stroke();
    // Lens glint.
    c.save();
    c.clip();
    c.strokeStyle = 'rgba(255,255,255,0.28)';
    c.lineWidth = 3;
    c.beginPath();
    c.moveTo(cx - 12 * kx, cy + 8);
    c.lineTo(cx + 2 * kx, cy - 14);
    c.stroke();
    c.restore();
    // Arm toward the ear (hidden with the far ear).
    const ear = ears.find((e) => e.side === s);
    if (ear) {
      c.beginPath();
      c.moveTo(cx + s * half * kx, cy - 4);
      c.lineTo(s * 60 + ear.dx, -10 + oy * 0.3);
      c.stroke();
    }
    inner.push(cx - s * half * kx);
  }
  // Bridge.
  c.beginPath();
  c.moveTo(inner[0]!, -7 + oy);
  c.quadraticCurveTo((inner[0]! + inner[1]!) / 2, -12 + oy, inner[1]!, -7 + oy);
  c.stroke();
}

// ---------------------------------------------------------------------------------------------
// Layers and caching
// ---------------------------------------------------------------------------------------------

const FACE_REGION: Region = { x: -82, y: -100, w: 164, h: 200 };
/** How much the side pose narrows the body (the torso turned toward the product). */
const SIDE_SQUASH = 0.86;

interface Layer {
  canvas: OffscreenCanvas;
  region: Region;
  /** Pixels per unit it was painted at. */
  q: number;
}

interface LayerSet {
  /** Pixels per box unit. */
  q: number;
  backdrop: Map<BackdropMode, Layer | null>;
  front: Layer | null;
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

const pad = (r: Region, d: number): Region => (d > 0 ? { x: r.x - d, y: r.y - d, w: r.w + 2 * d, h: r.h + 2 * d } : r);

function makeLayer(region: Region, q: number, paint: (c: Ctx) => void, finish?: (canvas: OffscreenCanvas) => void): Layer {
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
  finish?.(canvas);
  return { canvas, region: { x, y, w: w / q, h: h / q }, q };
}

function bodyRegion(pose: PoseDef): Region {
  return { x: -8, y: 150, w: 316, h: pose.bodyBottom - 150 };
}

function paintBodyLayer(c: Ctx, look: PresenterLook, p: Palette, g: Geo, pose: PoseDef): void {
  if (pose.id === 'side') {
    c.translate(150, 0);
    c.scale(SIDE_SQUASH, 1);
    c.translate(-150, 0);
  }
  paintBody(c, look, p, g, pose.bodyBottom);
}

function buildLayers(look: PresenterLook, q: number): LayerSet {
  const p = paletteOf(look);
  const g = geoOf(look);
  const st = styleOf(look);
  const pose = poseOf(look);
  const hair = hairDef(look.hair.style, g);
  const qf = q * pose.scale;
  const qh = qf * st.head * pose.head;
  const d = st.outline + 1;
  const fin = (canvas: OffscreenCanvas, qq: number): void => finishLayer(canvas, st, qq, p.ink);
  const sc = (c: Ctx): Ctx => styledContext(c, st, p.ink);
  const deskTop = pose.ty + 366 * pose.scale;
  return {
    q,
    backdrop: new Map(),
    front: pose.id === 'seated'
      ? makeLayer({ x: -44, y: deskTop - 4, w: 388, h: 410 - deskTop }, q, (c) => paintDesk(sc(c), look, pose), (cv) => finishLayer(cv, { ...st, rim: null }, q, p.ink))
      : null,
    hairBack: hair.back ? makeLayer(pad(hair.backRegion, d), qh, (c) => hair.back?.(sc(c), p), (cv) => fin(cv, qh)) : null,
    body: makeLayer(pad(bodyRegion(pose), d), qf, (c) => paintBodyLayer(sc(c), look, p, g, pose), (cv) => fin(cv, qf)),
    face: makeLayer(pad(FACE_REGION, d), qh, (c) => {
      const s = sc(c);
      paintFace(s, look, p, g, hair, st);
      paintEarrings(s, look, g);
    }, (cv) => fin(cv, qh)),
    hairFront: makeLayer(pad(hair.frontRegion, d), qh, (c) => paintHairFront(sc(c), p, hair, st), (cv) => fin(cv, qh)),
    used: 0,
  };
}

function backdropLayer(set: LayerSet, look: PresenterLook, mode: BackdropMode): Layer | null {
  if (set.backdrop.has(mode)) return set.backdrop.get(mode)!;
  const pose = poseOf(look);
  const hasScene = !!look.background && look.background.kind !== 'none' && mode !== 'none';
  let layer: Layer | null = null;
  if (hasScene || pose.id === 'seated') {
    const st = styleOf(look);
    const p = paletteOf(look);
    const g = geoOf(look);
    layer = makeLayer({ x: -4, y: -4, w: 308, h: 408 }, set.q, (c) => paintBackdrop(styledContext(c, st, p.ink), look, pose, g, mode), (cv) =>
      finishLayer(cv, { ...st, rim: null, outline: mode === 'fill' ? 0 : st.outline }, set.q, p.ink),
    );
  }
  set.backdrop.set(mode, layer);
  return layer;
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

function paintHairFront(c: Ctx, p: Palette, hair: HairDef, st: StyleDef): void {
  hair.front(c);
  hair.fill(c, p);
  c.save();
  hair.front(c);
  c.clip();
  if (st.soft) hair.detail?.(c, p);
  else if (hair.flat) hair.flat(c, p);
  else flatShine(c, p);
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

/** Where the figure stands in a box: scale of unit space and its origin. */
function fit(box: PresenterBox): { s: number; ox: number; oy: number } {
  const s = Math.min(box.w / UNIT_W, box.h / UNIT_H);
  return { s, ox: box.x + (box.w - UNIT_W * s) / 2, oy: box.y + box.h - UNIT_H * s };
}

/**
 * The mouth's neighbourhood in a box, generous enough to hold it through head motion: for
 * effects and tests that need to know where the face talks. Right for every pose and style
 * (the half-body soft look when `look` is omitted).
 */
export function mouthRegion(box: PresenterBox, look?: PresenterLook): PresenterBox {
  const { s, ox, oy } = fit(box);
  const pose = look ? poseOf(look) : POSES.half;
  const hs = (look ? styleOf(look).head : 1) * pose.head;
  const yaw = pose.yaw;
  const k = s * pose.scale * hs;
  const cx = ox + (pose.tx + (HEAD_X + yaw * 12 * hs) * pose.scale) * s;
  const cy = oy + (pose.ty + (HEAD_Y + pose.headDy + 47 * hs) * pose.scale) * s;
  return { x: cx - 24 * k, y: cy - 12 * k, w: 48 * k, h: 30 * k };
}

/** The contact shadow's place in a box: centre, radius, vertical squash (flat at the feet). */
export function groundOf(box: PresenterBox, look?: PresenterLook): { x: number; y: number; r: number; flat: number } {
  const { s, ox, oy } = fit(box);
  const pose = look ? poseOf(look) : POSES.half;
  const full = pose.id === 'full';
  return { x: ox + 150 * s, y: oy + pose.ground * s, r: (full ? 70 : 180) * s, flat: full ? 0.22 : 1 };
}

/** A point of the frame in the box's units (300×400), e.g. where the product is. */
export function unitPoint(box: PresenterBox, x: number, y: number): [number, number] {
  const { s, ox, oy } = fit(box);
  return s > 0 ? [(x - ox) / s, (y - oy) / s] : [150, 0];
}

export interface DrawOptions {
  /**
   * The look's background scene: 'panel' (an arch behind the figure, for videos; the default),
   * 'fill' (the whole box, for the library) or 'none'.
   */
  backdrop?: BackdropMode;
}

/**
 * Draw the presenter at `state` into `box` (any transform on ctx applies). The figure fills the
 * box at 3:4 (centred, standing on its bottom edge), over its background scene if it has one.
 *
 * Head roll: the live features (eyes, brows, nose, mouth, glasses) rotate about the neck; the
 * cached head layers (face, hair) follow by translation only. For the small angles used (< 3°)
 * this reads as a tilt of the whole head and keeps every layer a straight copy.
 */
export function drawPresenter(ctx: Ctx, look: PresenterLook, state: PresenterState, box: PresenterBox, opts: DrawOptions = {}): void {
  const { s, ox, oy } = fit(box);
  if (!(s > 0) || !Number.isFinite(s)) return;
  const p = paletteOf(look);
  const g = geoOf(look);
  const st = styleOf(look);
  const pose = poseOf(look);
  const mode = opts.backdrop ?? 'panel';
  const m = ctx.getTransform();
  const devScale = s * Math.max(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
  const layers = layersFor(look, devScale);
  const hair = layers ? null : hairDef(look.hair.style, g);
  const sc = styledContext(ctx, st, p.ink);

  ctx.save();
  ctx.translate(ox, oy);
  ctx.scale(s, s);

  // Background scene and chair (unit space).
  if (layers) {
    const bd = backdropLayer(layers, look, mode);
    if (bd) blit(ctx, bd);
  } else paintBackdrop(sc, look, pose, g, mode);

  // Figure space.
  ctx.translate(pose.tx, pose.ty);
  ctx.scale(pose.scale, pose.scale);

  const hs = st.head * pose.head;
  const yaw = g.yaw;
  const turn = Math.max(-1, Math.min(1, state.headTurn));
  const nod = Math.max(-1, Math.min(1, state.headNod));
  const tilt = Math.max(-0.12, Math.min(0.12, state.headTilt));
  const hx = HEAD_X + state.headX * UNIT_H;
  const hy = HEAD_Y + pose.headDy + state.headY * UNIT_H;
  // Where the middle of the face goes when the head rolls about the neck.
  const arm = (PIVOT_Y + 10) * hs;
  const rollX = arm * Math.sin(tilt);
  const rollY = arm * (1 - Math.cos(tilt));
  const headTranslate = (): void => {
    ctx.translate(hx + rollX, hy + rollY);
    ctx.scale(hs, hs);
  };
  const headRotate = (): void => {
    ctx.translate(hx, hy + PIVOT_Y * hs);
    ctx.rotate(tilt);
    ctx.translate(0, -PIVOT_Y * hs);
    ctx.scale(hs, hs);
  };

  // Hair behind everything.
  ctx.save();
  if (layers) {
    headTranslate();
    if (layers.hairBack) blit(ctx, layers.hairBack, -turn * 1.5 - yaw * 6, 0);
  } else {
    headRotate();
    hair?.back?.(sc, p);
  }
  ctx.restore();

  // Body: shoulders and chest rise with each breath.
  ctx.save();
  ctx.translate(0, -1.1 * state.breath);
  if (layers) blit(ctx, layers.body);
  else paintBodyLayer(sc, look, p, g, pose);
  ctx.restore();

  // Face.
  ctx.save();
  if (layers) {
    headTranslate();
    blit(ctx, layers.face);
  } else if (hair) {
    headRotate();
    paintFace(sc, look, p, g, hair, st);
    paintEarrings(sc, look, g);
  }
  ctx.restore();

  // Live features, with a little 2.5D parallax for turns and nods.
  ctx.save();
  headRotate();
  const fx = turn * 3.2 + yaw * 11;
  const fy = nod * 2.6;
  drawBrows(sc, look, p, g, state, fx, fy - nod * 0.6);
  drawEyes(sc, p, g, state, fx, fy, st);
  drawNose(sc, p, g, turn * 5 + yaw * 16, nod * 3.2, st);
  const mx = turn * 4.2 + yaw * 12;
  const my = 45 + nod * 3;
  const lipTop = drawMouth(sc, p, g, state, mx, my);
  const fh = look.facialHair;
  if (fh && fh.style !== 'stubble') {
    const mg = mouthGeo(state.mouth, state.smile, g, my);
    drawMustache(sc, fh.color, mx, lipTop, mg.hw, mg.cy);
  }
  drawGlasses(sc, look, g, fx, fy);
  ctx.restore();

  // Hair in front.
  ctx.save();
  if (layers) {
    headTranslate();
    blit(ctx, layers.hairFront, turn * 1.6 + yaw * 5, -nod * 1.2);
  } else if (hair) {
    headRotate();
    paintHairFront(sc, p, hair, st);
  }
  ctx.restore();

  // The desk (seated), in unit space.
  if (pose.id === 'seated') {
    ctx.save();
    ctx.scale(1 / pose.scale, 1 / pose.scale);
    ctx.translate(-pose.tx, -pose.ty);
    if (layers?.front) blit(ctx, layers.front);
    else if (!layers) paintDesk(sc, look, pose);
    ctx.restore();
  }

  // Arms and hands: at rest (full body, seated) or gesturing.
  const gesture: GestureState | undefined = state.gesture
    ? {
        ...state.gesture,
        target: state.gesture.target
          ? [(state.gesture.target[0] - pose.tx) / pose.scale, (state.gesture.target[1] - pose.ty) / pose.scale]
          : [-200, 0],
      }
    : undefined;
  const arms = armPoses(pose, g, gesture);
  if (arms[0] || arms[1]) {
    ctx.save();
    if (pose.id === 'side') {
      ctx.translate(150, 0);
      ctx.scale(SIDE_SQUASH, 1);
      ctx.translate(-150, 0);
    }
    ctx.translate(0, -1.1 * state.breath);
    if (!pose.arms) {
      // Arms rising from below the half-body cut stay inside the box.
      ctx.beginPath();
      ctx.rect(-400, -400, 1100, UNIT_H + 400);
      ctx.clip();
    }
    drawArms(sc, look, p, g, arms, st.soft);
    ctx.restore();
  }

  ctx.restore();
}

