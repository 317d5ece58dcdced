import { mix, rgba, shade } from './color.ts';
import type { BottomKind, OutfitCategory, OutfitStyle, PresenterLook } from './looks.ts';
import { fract, noShadow, pxScale, setShadow, softBlob, type Ctx, type Geo, type Palette, type Pt } from './paint.ts';
import { SOLE_Y } from './pose.ts';

/*
 * The body: neck, garment and (full-body pose) legs and shoes, in figure space. The torso
 * garment ends at g.hem: the half-body cut (412, below the box) or the hips (600).
 */

/** Which library filter each outfit falls under. */
export const OUTFIT_CATEGORY: Record<OutfitStyle, OutfitCategory> = {
  blazer: 'business', suit: 'business', shirt: 'business', blouse: 'business', turtleneck: 'business',
  knit: 'casual', hoodie: 'casual', tee: 'casual', denim: 'casual', polo: 'casual',
  scrubs: 'uniform', labcoat: 'uniform', chef: 'uniform', apron: 'uniform', hivis: 'uniform',
  track: 'sport', tank: 'sport', jersey: 'sport',
};

export const OUTFIT_LABEL: Record<OutfitStyle, string> = {
  blazer: 'blazer', suit: 'suit and tie', shirt: 'shirt', blouse: 'blouse', turtleneck: 'turtleneck', knit: 'knit sweater',
  hoodie: 'hoodie', tee: 't-shirt', denim: 'denim jacket', polo: 'polo shirt', scrubs: 'scrubs', labcoat: 'lab coat',
  chef: "chef's jacket", apron: 'apron', hivis: 'hi-vis vest', track: 'track jacket', tank: 'tank top', jersey: 'jersey',
};

export interface Sleeve {
  kind: 'long' | 'short' | 'none';
  color: string;
  /** Shirt cuff showing at the wrist (jackets). */
  cuff?: string;
}

/** What the arms wear. */
export function sleeveOf(look: PresenterLook): Sleeve {
  const o = look.outfit;
  switch (o.style) {
    case 'blazer':
      return { kind: 'long', color: o.primary };
    case 'suit':
    case 'labcoat':
      return { kind: 'long', color: o.primary, cuff: o.secondary };
    case 'tee':
    case 'polo':
    case 'scrubs':
    case 'jersey':
      return { kind: 'short', color: o.primary };
    case 'apron':
    case 'hivis':
      return { kind: 'short', color: o.secondary };
    case 'tank':
      return { kind: 'none', color: o.primary };
    case 'denim':
      return { kind: 'long', color: o.primary };
    default:
      return { kind: 'long', color: o.primary };
  }
}

/** Legs and shoes of the full-body pose (defaults follow the outfit). */
export function bottomsOf(look: PresenterLook): { kind: BottomKind; color: string; shoes: string } {
  const o = look.outfit;
  const cat = OUTFIT_CATEGORY[o.style];
  const kind: BottomKind = o.bottom?.kind ?? (cat === 'sport' ? 'joggers' : cat === 'casual' ? 'jeans' : 'trousers');
  const color = o.bottom?.color ?? (kind === 'jeans' ? '#3d5a80' : o.style === 'scrubs' ? o.primary : kind === 'joggers' ? '#2c2f36' : '#2e3340');
  const shoes = o.shoes ?? (cat === 'sport' || kind === 'jeans' || kind === 'shorts' ? '#f1f1ee' : '#221d1f');
  return { kind, color, shoes };
}

// ---------------------------------------------------------------------------------------------

export function neckPath(c: Ctx, g: Geo): void {
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

/** Hip half-width of the full-body torso. */
const hipHalf = (g: Geo): number => g.shoulder - (g.female ? 24 : 30);

export function bodyPath(c: Ctx, g: Geo): void {
  const n = g.neckW;
  const s = g.shoulder;
  const B = g.hem;
  c.beginPath();
  c.moveTo(150 - n - 4, 246);
  c.bezierCurveTo(150 - n - 14, 264, 150 - s + 40, 268, 150 - s + 14, 280);
  c.bezierCurveTo(150 - s - 4, 288, 150 - s - 12, 310, 150 - s - 14, 340);
  if (!g.full) {
    c.lineTo(150 - s - 18, B);
    c.lineTo(150 + s + 18, B);
    c.lineTo(150 + s + 14, 340);
  } else {
    const w = s - (g.female ? 38 : 28);
    const h = hipHalf(g);
    c.bezierCurveTo(150 - s - 15, 392, 150 - w - 12, 450, 150 - w, 500);
    c.bezierCurveTo(150 - w + 2, 540, 150 - h, 565, 150 - h, B);
    c.lineTo(150 + h, B);
    c.bezierCurveTo(150 + h, 565, 150 + w - 2, 540, 150 + w, 500);
    c.bezierCurveTo(150 + w + 12, 450, 150 + s + 15, 392, 150 + s + 14, 340);
  }
  c.bezierCurveTo(150 + s + 12, 310, 150 + s + 4, 288, 150 + s - 14, 280);
  c.bezierCurveTo(150 + s - 40, 268, 150 + n + 14, 264, 150 + n + 4, 246);
  c.closePath();
}

/** Clip to everything but `cut` (evenodd), for garments open at the neck. */
function clipOut(c: Ctx, g: Geo, cut?: (c: Ctx) => void): void {
  if (!cut) return;
  c.beginPath();
  c.rect(-60, 100, 420, g.hem + 60);
  cut(c);
  c.clip('evenodd');
}

/** Fill the garment silhouette, leaving `cut` (a path builder) open to show what is beneath. */
function fillGarment(c: Ctx, g: Geo, fill: string | CanvasGradient, cut?: (c: Ctx) => void): void {
  c.save();
  clipOut(c, g, cut);
  bodyPath(c, g);
  c.fillStyle = fill;
  c.fill();
  c.restore();
}

function garmentShading(c: Ctx, p: Palette, g: Geo, cut?: (c: Ctx) => void): void {
  c.save();
  clipOut(c, g, cut);
  bodyPath(c, g);
  c.clip();
  const B = g.hem;
  const h = c.createLinearGradient(150 - g.shoulder - 15, 0, 150 + g.shoulder + 15, 0);
  h.addColorStop(0, 'rgba(255,255,255,0.10)');
  h.addColorStop(0.35, 'rgba(255,255,255,0)');
  h.addColorStop(0.7, 'rgba(0,0,0,0)');
  h.addColorStop(1, 'rgba(0,0,0,0.22)');
  c.fillStyle = h;
  c.fillRect(0, 200, 300, B - 190);
  const v = c.createLinearGradient(0, 260, 0, B);
  v.addColorStop(0, 'rgba(255,255,255,0.05)');
  v.addColorStop(1, 'rgba(0,0,0,0.16)');
  c.fillStyle = v;
  c.fillRect(0, 240, 300, B - 230);
  // Shadow of the head and neck on the chest; light on the near shoulder.
  softBlob(c, 150, 268, 62, 26, '#000000', 0.2);
  softBlob(c, 150 - g.shoulder + 34, 292, 44, 22, '#ffffff', 0.1);
  if (!g.full) {
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
  } else {
    // The waist in shade under the chest.
    softBlob(c, 150, 470, 70, 40, '#000000', 0.08);
  }
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

/** A plain garment: fill, shading, and optionally a neckline cut. */
function plain(c: Ctx, p: Palette, g: Geo, color: string, cut?: (c: Ctx) => void): void {
  fillGarment(c, g, clothGradient(c, color, g), cut);
  garmentShading(c, p, g, cut);
}

/** The body layer: legs (full body), neck, garment; clipped at `bottom` (figure y). */
export function paintBody(c: Ctx, look: PresenterLook, p: Palette, g: Geo, bottom: number): void {
  c.save();
  c.beginPath();
  c.rect(-300, 0, 900, bottom);
  c.clip();
  if (g.full) paintLegs(c, look, p, g);
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
  } else if (style === 'blazer' || style === 'suit' || style === 'labcoat' || style === 'denim') {
    // The jacket's collar rolls up behind the neck.
    c.beginPath();
    c.moveTo(150 - n - 14, 262);
    c.bezierCurveTo(150 - n - 12, 240, 150 - n + 2, 228, 150, 228);
    c.bezierCurveTo(150 + n - 2, 228, 150 + n + 12, 240, 150 + n + 14, 262);
    c.closePath();
    c.fillStyle = shade(p.cloth, -0.35);
    c.fill();
  } else if (style === 'shirt' || style === 'polo') {
    c.beginPath();
    c.moveTo(150 - n - 9, 256);
    c.bezierCurveTo(150 - n - 8, 236, 150 - n, 226, 150, 226);
    c.bezierCurveTo(150 + n, 226, 150 + n + 8, 236, 150 + n + 9, 256);
    c.closePath();
    c.fillStyle = shade(style === 'polo' ? p.cloth : p.cloth2, -0.15);
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
      plain(c, p, g, p.cloth, cut);
      strokeCrew(c, n + 12, 30, p.cloth2, 5, g);
      strokeCrew(c, n + 12, 30.8, rgba(p.clothDark, 0.35), 1, g);
      hemBand(c, p, g, p.cloth, 6);
      break;
    }
    case 'knit': {
      const cut = crewCut(n + 10, 26);
      fillGarment(c, g, clothGradient(c, p.cloth, g), cut);
      paintKnitTexture(c, p, g, cut);
      garmentShading(c, p, g, cut);
      paintRibbedCrew(c, p, n + 10, 26, g);
      hemBand(c, p, g, p.cloth2, 16, true);
      break;
    }
    case 'turtleneck': {
      fillGarment(c, g, clothGradient(c, p.cloth, g));
      paintKnitTexture(c, p, g);
      garmentShading(c, p, g);
      paintTurtleCollar(c, p, g);
      hemBand(c, p, g, p.cloth, 14, true);
      break;
    }
    case 'shirt':
      paintShirt(c, p, g);
      belt(c, p, g);
      break;
    case 'blazer':
      paintBlazer(c, p, g, false);
      break;
    case 'suit':
      paintBlazer(c, p, g, true);
      break;
    case 'hoodie':
      paintHoodie(c, p, g);
      break;
    case 'blouse':
      paintBlouse(c, p, g);
      break;
    case 'polo':
      paintPolo(c, p, g);
      break;
    case 'denim':
      paintDenim(c, p, g);
      break;
    case 'scrubs':
      paintScrubs(c, p, g);
      break;
    case 'labcoat':
      paintLabcoat(c, p, g);
      break;
    case 'chef':
      paintChef(c, p, g);
      break;
    case 'apron':
      paintApron(c, p, g);
      break;
    case 'hivis':
      paintHivis(c, p, g);
      break;
    case 'track':
      paintTrack(c, p, g);
      break;
    case 'tank':
      paintTank(c, p, g);
      break;
    case 'jersey':
      paintJersey(c, p, g);
      break;
  }
}

/** A band at the hem of the full-body torso (ribbed for knits), nothing on the half body. */
function hemBand(c: Ctx, p: Palette, g: Geo, color: string, h: number, ribbed = false): void {
  if (!g.full) return;
  c.save();
  bodyPath(c, g);
  c.clip();
  c.fillStyle = shade(color, -0.08);
  c.fillRect(0, g.hem - h, 300, h + 2);
  c.strokeStyle = rgba(shade(color, -0.4), 0.5);
  c.lineWidth = 1;
  c.beginPath();
  c.moveTo(0, g.hem - h);
  c.lineTo(300, g.hem - h);
  c.stroke();
  if (ribbed) {
    c.strokeStyle = rgba(shade(color, -0.35), 0.35);
    c.beginPath();
    for (let x = 40; x < 262; x += 4) {
      c.moveTo(x, g.hem - h + 1);
      c.lineTo(x, g.hem);
    }
    c.stroke();
  }
  c.restore();
  void p;
}

/** A belt over a tucked-in top (full body only). */
function belt(c: Ctx, p: Palette, g: Geo): void {
  if (!g.full) return;
  const h = hipHalf(g);
  c.fillStyle = '#2a2222';
  c.beginPath();
  c.roundRect(150 - h - 1, g.hem - 14, 2 * h + 2, 12, 3);
  c.fill();
  c.fillStyle = '#c9b27a';
  c.beginPath();
  c.roundRect(150 - 9, g.hem - 15, 18, 14, 3);
  c.fill();
  c.fillStyle = '#2a2222';
  c.fillRect(150 - 5, g.hem - 11, 10, 6);
  void p;
}

function paintKnitTexture(c: Ctx, p: Palette, g: Geo, cut?: (c: Ctx) => void): void {
  c.save();
  clipOut(c, g, cut);
  bodyPath(c, g);
  c.clip();
  c.lineWidth = 1;
  c.strokeStyle = rgba(p.clothDark, 0.2);
  for (let x = 150 - g.shoulder - 20; x < 150 + g.shoulder + 20; x += 6) {
    c.beginPath();
    for (let y = 236; y < g.hem + 2; y += 5) {
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

/** Shirt-style collar wings either side of an open neck, in `color`. */
function collarWings(c: Ctx, p: Palette, g: Geo, color: string, line: string, spread = 0): void {
  const n = g.neckW;
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (n + 2), 226);
    c.bezierCurveTo(150 + s * (n + 1), 244, 150 + s * (14 + spread), 270, 150 + s * (6 + spread), 290);
    c.lineTo(150 + s * (n + 30 + spread), 282);
    c.bezierCurveTo(150 + s * (n + 26 + spread), 268, 150 + s * (n + 16), 250, 150 + s * (n + 10), 236);
    c.closePath();
    const gr = c.createLinearGradient(150 + s * n, 230, 150 + s * (n + 28), 288);
    gr.addColorStop(0, shade(color, 0.1));
    gr.addColorStop(1, color);
    c.fillStyle = gr;
    setShadow(c, 'rgba(0,0,0,0.22)', 5, 0, 2.5);
    c.fill();
    noShadow(c);
    c.strokeStyle = line;
    c.lineWidth = 0.9;
    c.stroke();
  }
  void p;
}

function buttons(c: Ctx, x: number, from: number, to: number, step: number, color: string, line: string, r = 2.2): void {
  for (let y = from; y < to; y += step) {
    c.beginPath();
    c.arc(x, y, r, 0, Math.PI * 2);
    c.fillStyle = color;
    c.fill();
    c.strokeStyle = line;
    c.lineWidth = 0.8;
    c.stroke();
  }
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
  plain(c, p, g, p.cloth, vCut);
  // Placket and buttons.
  c.strokeStyle = rgba(p.cloth2Dark, 0.55);
  c.lineWidth = 1;
  for (const dx of [-3.5, 3.5]) {
    c.beginPath();
    c.moveTo(150 + dx, 304);
    c.lineTo(150 + dx * 1.05, g.hem + 2);
    c.stroke();
  }
  buttons(c, 150, 326, g.hem - 8, 32, p.cloth2, rgba(p.cloth2Dark, 0.8));
  collarWings(c, p, g, p.cloth, rgba(p.cloth2Dark, 0.55));
}

function paintBlazer(c: Ctx, p: Palette, g: Geo, suit: boolean): void {
  const n = g.neckW;
  const B = g.hem;
  // What shows in the V: a crew-neck top, or (suit) a collared shirt and a tie.
  if (suit) {
    const open = (cc: Ctx): void => {
      cc.moveTo(150 - n + 2, 200);
      cc.lineTo(150 - n + 3, 240);
      cc.quadraticCurveTo(150 - 6, 262, 150, 270);
      cc.quadraticCurveTo(150 + 6, 262, 150 + n - 3, 240);
      cc.lineTo(150 + n - 2, 200);
      cc.closePath();
    };
    plain(c, p, g, p.cloth2, open);
  } else {
    const crew = crewCut(n + 10, 22);
    plain(c, p, g, p.cloth2, crew);
    strokeCrew(c, n + 10, 22, shade(p.cloth2, -0.06), 3.5, g);
  }
  // The jacket, open in a deep V (closing at a button at the waist on the full body).
  const vy = g.full ? 478 : 414;
  const w0 = suit ? n + 2 : n + 6;
  const vOpen = (cc: Ctx): void => {
    cc.moveTo(150 - w0, 200);
    cc.lineTo(150 - w0, 252);
    cc.bezierCurveTo(150 - w0 + 4, 300, 150 - 12, vy - 54, 150 - 4, vy);
    cc.lineTo(150 + 4, vy);
    cc.bezierCurveTo(150 + 12, vy - 54, 150 + w0 - 4, 300, 150 + w0, 252);
    cc.lineTo(150 + w0, 200);
    cc.closePath();
  };
  if (suit) {
    // Shirt collar points and the tie.
    collarWings(c, p, g, p.cloth2, rgba(p.cloth2Dark, 0.7), -6);
    const tieBottom = g.full ? 520 : 420;
    c.beginPath();
    c.moveTo(150 - 6, 252);
    c.lineTo(150 + 6, 252);
    c.lineTo(150 + 4.5, 264);
    c.lineTo(150 - 4.5, 264);
    c.closePath();
    c.fillStyle = shade(p.accent, -0.1);
    c.fill();
    c.beginPath();
    c.moveTo(150 - 4.5, 264);
    c.lineTo(150 + 4.5, 264);
    c.lineTo(150 + 11, tieBottom - 14);
    c.lineTo(150, tieBottom);
    c.lineTo(150 - 11, tieBottom - 14);
    c.closePath();
    const tg = c.createLinearGradient(140, 0, 160, 0);
    tg.addColorStop(0, shade(p.accent, 0.12));
    tg.addColorStop(1, shade(p.accent, -0.15));
    c.fillStyle = tg;
    c.fill();
    c.strokeStyle = rgba(shade(p.accent, -0.45), 0.5);
    c.lineWidth = 0.8;
    c.stroke();
  }
  plain(c, p, g, p.cloth, vOpen);
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
  // Breast pocket square (suit).
  if (suit) {
    c.fillStyle = shade(p.cloth2, 0.1);
    c.beginPath();
    c.moveTo(150 + 58, 318);
    c.lineTo(150 + 64, 308);
    c.lineTo(150 + 70, 316);
    c.lineTo(150 + 76, 309);
    c.lineTo(150 + 80, 318);
    c.closePath();
    c.fill();
    c.strokeStyle = rgba(shade(p.cloth, -0.45), 0.6);
    c.lineWidth = 1;
    c.beginPath();
    c.moveTo(150 + 54, 318);
    c.lineTo(150 + 84, 318);
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
  c.fillRect(100, 250, 100, B - 240);
  c.restore();
  if (g.full) {
    // Closed below the V: the front edge, a button, and the hem opening a little.
    c.strokeStyle = rgba(shade(p.cloth, -0.45), 0.7);
    c.lineWidth = 1.2;
    c.beginPath();
    c.moveTo(150 + 2, vy);
    c.bezierCurveTo(150 + 2, vy + 50, 150 + 8, B - 30, 150 + 22, B);
    c.stroke();
    buttons(c, 150 + 1, vy + 10, vy + 12, 40, shade(p.cloth, -0.3), rgba('#000000', 0.4), 3);
  }
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
  plain(c, p, g, p.cloth, cut);
  if (g.full) {
    // Kangaroo pocket and ribbed hem.
    c.beginPath();
    c.moveTo(150 - 56, 600 - 18);
    c.lineTo(150 - 44, 520);
    c.lineTo(150 + 44, 520);
    c.lineTo(150 + 56, 600 - 18);
    c.strokeStyle = rgba(p.clothDark, 0.7);
    c.lineWidth = 1.4;
    c.stroke();
    hemBand(c, p, g, p.cloth, 16, true);
  }
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

function paintBlouse(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const cut = crewCut(n + 8, 22);
  plain(c, p, g, p.cloth, cut);
  // Soft gathers under the yoke.
  c.save();
  bodyPath(c, g);
  c.clip();
  c.strokeStyle = rgba(p.clothDark, 0.28);
  c.lineWidth = 1.2;
  c.lineCap = 'round';
  for (const dx of [-34, -22, -10, 10, 22, 34]) {
    c.beginPath();
    c.moveTo(150 + dx, 300);
    c.quadraticCurveTo(150 + dx * 1.1, 330, 150 + dx * 1.25, 372);
    c.stroke();
  }
  c.restore();
  // A Peter Pan collar in the second colour.
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * 1, 270);
    c.bezierCurveTo(150 + s * 8, 292, 150 + s * 34, 294, 150 + s * 44, 276);
    c.bezierCurveTo(150 + s * 50, 266, 150 + s * (n + 14), 248, 150 + s * (n + 9), 240);
    c.bezierCurveTo(150 + s * (n + 2), 256, 150 + s * 16, 266, 150 + s * 1, 270);
    c.closePath();
    c.fillStyle = p.cloth2;
    setShadow(c, 'rgba(0,0,0,0.2)', 4, 0, 2);
    c.fill();
    noShadow(c);
    c.strokeStyle = rgba(p.cloth2Dark, 0.7);
    c.lineWidth = 0.9;
    c.stroke();
  }
  buttons(c, 150, 300, 300 + 70, 26, p.cloth2, rgba(p.cloth2Dark, 0.8), 2);
  belt(c, p, g);
}

function paintPolo(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const cut = (cc: Ctx): void => {
    cc.moveTo(150 - n - 1, 220);
    cc.lineTo(150 - n + 1, 248);
    cc.quadraticCurveTo(150 - 8, 262, 150 - 7, 268);
    cc.lineTo(150 + 7, 268);
    cc.quadraticCurveTo(150 + 8, 262, 150 + n - 1, 248);
    cc.lineTo(150 + n + 1, 220);
    cc.closePath();
  };
  plain(c, p, g, p.cloth, cut);
  // Placket with two buttons.
  c.fillStyle = shade(p.cloth, -0.05);
  c.beginPath();
  c.roundRect(150 - 7, 262, 14, 60, 2);
  c.fill();
  c.strokeStyle = rgba(p.clothDark, 0.6);
  c.lineWidth = 1;
  c.stroke();
  buttons(c, 150, 284, 320, 22, p.cloth2, rgba(p.cloth2Dark, 0.8), 2.1);
  // Flat knit collar in the trim colour.
  collarWings(c, p, g, p.cloth2, rgba(p.cloth2Dark, 0.6), 4);
  // A small logo on the chest.
  c.fillStyle = p.accent;
  c.beginPath();
  c.arc(150 + 58, 318, 6, 0, Math.PI * 2);
  c.fill();
  hemBand(c, p, g, p.cloth, 8);
}

function paintDenim(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const B = g.hem;
  // A tee underneath.
  const crew = crewCut(n + 10, 24);
  plain(c, p, g, p.cloth2, crew);
  strokeCrew(c, n + 10, 24, shade(p.cloth2, -0.08), 3.5, g);
  const open = (cc: Ctx): void => {
    cc.moveTo(150 - n - 4, 200);
    cc.lineTo(150 - n - 4, 252);
    cc.bezierCurveTo(150 - n + 2, 320, 150 - 20, 380, 150 - 18, B + 2);
    cc.lineTo(150 + 18, B + 2);
    cc.bezierCurveTo(150 + 20, 380, 150 + n - 2, 320, 150 + n + 4, 252);
    cc.lineTo(150 + n + 4, 200);
    cc.closePath();
  };
  plain(c, p, g, p.cloth, open);
  const stitch = p.accent;
  c.save();
  c.beginPath();
  c.rect(-60, 100, 420, B + 60);
  open(c);
  c.clip('evenodd');
  bodyPath(c, g);
  c.clip();
  // Yoke seams, chest pockets with flaps, front edge stitching.
  c.setLineDash([3, 2.5]);
  c.strokeStyle = rgba(stitch, 0.8);
  c.lineWidth = 1;
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (n + 6), 300);
    c.quadraticCurveTo(150 + s * 70, 306, 150 + s * (g.shoulder + 16), 296);
    c.stroke();
    c.beginPath();
    c.roundRect(150 + s * 56 - 17, 318, 34, 36, 4);
    c.stroke();
  }
  c.setLineDash([]);
  for (const s of [-1, 1]) {
    c.fillStyle = shade(p.cloth, -0.06);
    c.beginPath();
    c.moveTo(150 + s * 56 - 19, 316);
    c.lineTo(150 + s * 56 + 19, 316);
    c.lineTo(150 + s * 56 + 17, 330);
    c.lineTo(150 + s * 56, 336);
    c.lineTo(150 + s * 56 - 17, 330);
    c.closePath();
    c.fill();
    c.strokeStyle = rgba(shade(p.cloth, -0.4), 0.6);
    c.stroke();
    c.fillStyle = '#c8a96a';
    c.beginPath();
    c.arc(150 + s * 56, 330, 2.4, 0, Math.PI * 2);
    c.fill();
  }
  c.restore();
  collarWings(c, p, g, shade(p.cloth, 0.04), rgba(shade(p.cloth, -0.45), 0.6), 6);
}

function paintScrubs(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const v = (cc: Ctx): void => {
    cc.moveTo(150 - n - 6, 200);
    cc.lineTo(150 - n - 6, 246);
    cc.lineTo(150, 300);
    cc.lineTo(150 + n + 6, 246);
    cc.lineTo(150 + n + 6, 200);
    cc.closePath();
  };
  plain(c, p, g, p.cloth, v);
  // V trim.
  c.beginPath();
  c.moveTo(150 - n - 7, 244);
  c.lineTo(150, 300);
  c.lineTo(150 + n + 7, 244);
  c.strokeStyle = shade(p.cloth, -0.15);
  c.lineWidth = 5;
  c.lineJoin = 'round';
  c.stroke();
  // Chest pocket with a pen.
  c.fillStyle = p.accent;
  c.fillRect(150 + 52, 308, 3.5, 22);
  c.beginPath();
  c.rect(150 + 40, 318, 34, 34);
  c.fillStyle = shade(p.cloth, -0.04);
  c.fill();
  c.strokeStyle = rgba(p.clothDark, 0.7);
  c.lineWidth = 1;
  c.stroke();
  hemBand(c, p, g, p.cloth, 6);
}

function paintLabcoat(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const B = g.hem;
  // A shirt and tie-less collar underneath.
  const open = (cc: Ctx): void => {
    cc.moveTo(150 - n + 2, 200);
    cc.lineTo(150 - n + 3, 240);
    cc.quadraticCurveTo(150 - 6, 262, 150, 276);
    cc.quadraticCurveTo(150 + 6, 262, 150 + n - 3, 240);
    cc.lineTo(150 + n - 2, 200);
    cc.closePath();
  };
  plain(c, p, g, p.cloth2, open);
  collarWings(c, p, g, p.cloth2, rgba(p.cloth2Dark, 0.7), -6);
  const vOpen = (cc: Ctx): void => {
    cc.moveTo(150 - n - 4, 200);
    cc.lineTo(150 - n - 4, 252);
    cc.bezierCurveTo(150 - n + 2, 300, 150 - 16, 360, 150 - 12, B + 2);
    cc.lineTo(150 + 12, B + 2);
    cc.bezierCurveTo(150 + 16, 360, 150 + n - 2, 300, 150 + n + 4, 252);
    cc.lineTo(150 + n + 4, 200);
    cc.closePath();
  };
  plain(c, p, g, p.cloth, vOpen);
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (n + 1), 236);
    c.bezierCurveTo(150 + s * (n + 4), 256, 150 + s * (n + 2), 300, 150 + s * (n - 4), 340);
    c.lineTo(150 + s * (n + 34), 300);
    c.lineTo(150 + s * (n + 26), 292);
    c.bezierCurveTo(150 + s * (n + 22), 272, 150 + s * (n + 15), 254, 150 + s * (n + 10), 238);
    c.closePath();
    c.fillStyle = shade(p.cloth, -0.03);
    setShadow(c, 'rgba(0,0,0,0.22)', 5, s * 1.5, 2);
    c.fill();
    noShadow(c);
    c.strokeStyle = rgba(shade(p.cloth, -0.35), 0.6);
    c.lineWidth = 0.9;
    c.stroke();
  }
  // Breast pocket with pens.
  c.fillStyle = p.accent;
  c.fillRect(150 - 66, 322, 3, 18);
  c.fillStyle = '#2b3a55';
  c.fillRect(150 - 60, 324, 3, 16);
  c.beginPath();
  c.rect(150 - 78, 332, 36, 34);
  c.fillStyle = shade(p.cloth, -0.02);
  c.fill();
  c.strokeStyle = rgba(shade(p.cloth, -0.35), 0.7);
  c.lineWidth = 1;
  c.stroke();
  c.fillStyle = rgba(p.clothDark, 0.0);
}

function paintChef(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  plain(c, p, g, p.cloth);
  // Mandarin collar with piping.
  c.beginPath();
  c.moveTo(150 - n - 3, 226);
  c.quadraticCurveTo(150, 236, 150 + n + 3, 226);
  c.lineTo(150 + n + 6, 252);
  c.quadraticCurveTo(150, 264, 150 - n - 6, 252);
  c.closePath();
  c.fillStyle = shade(p.cloth, -0.04);
  setShadow(c, 'rgba(0,0,0,0.2)', 4, 0, 2);
  c.fill();
  noShadow(c);
  c.beginPath();
  c.moveTo(150 - n - 6, 252);
  c.quadraticCurveTo(150, 264, 150 + n + 6, 252);
  c.strokeStyle = p.accent;
  c.lineWidth = 2.2;
  c.stroke();
  // The double-breasted front: a diagonal overlap edge and two columns of knot buttons.
  c.beginPath();
  c.moveTo(150 + 18, 258);
  c.bezierCurveTo(150 + 30, 300, 150 + 34, 350, 150 + 34, g.hem + 2);
  c.strokeStyle = rgba(p.clothDark, 0.7);
  c.lineWidth = 1.4;
  c.stroke();
  for (const dx of [-18, 52]) buttons(c, 150 + dx, 300, g.hem - 10, 34, shade(p.cloth2, -0.05), rgba(shade(p.cloth2, -0.4), 0.9), 3.2);
}

function paintApron(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const B = g.hem;
  const crew = crewCut(n + 12, 28);
  plain(c, p, g, p.cloth2, crew);
  strokeCrew(c, n + 12, 28, shade(p.cloth2, -0.1), 4, g);
  // Neck strap.
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (n + 8), 250);
    c.lineTo(150 + s * 44, 310);
    c.strokeStyle = shade(p.cloth, -0.1);
    c.lineWidth = 6;
    c.stroke();
  }
  // The bib.
  c.beginPath();
  c.moveTo(150 - 48, 306);
  c.lineTo(150 + 48, 306);
  c.bezierCurveTo(150 + 50, 340, 150 + 62, 370, 150 + (g.full ? 84 : 96), B + 2);
  c.lineTo(150 - (g.full ? 84 : 96), B + 2);
  c.bezierCurveTo(150 - 62, 370, 150 - 50, 340, 150 - 48, 306);
  c.closePath();
  const ag = c.createLinearGradient(100, 300, 200, B);
  ag.addColorStop(0, shade(p.cloth, 0.08));
  ag.addColorStop(1, shade(p.cloth, -0.12));
  c.fillStyle = ag;
  setShadow(c, 'rgba(0,0,0,0.22)', 5, 0, 2);
  c.fill();
  noShadow(c);
  c.strokeStyle = rgba(p.clothDark, 0.6);
  c.lineWidth = 1;
  c.stroke();
  // Logo and a pocket with a pen.
  c.fillStyle = p.accent;
  c.beginPath();
  c.arc(150, 334, 9, 0, Math.PI * 2);
  c.fill();
  c.strokeStyle = shade(p.cloth, 0.3);
  c.lineWidth = 1.4;
  c.beginPath();
  c.arc(150, 334, 5, Math.PI * 0.2, Math.PI * 1.2);
  c.stroke();
  c.strokeStyle = rgba(p.clothDark, 0.7);
  c.lineWidth = 1;
  c.beginPath();
  c.rect(150 + 14, 360, 30, 26);
  c.stroke();
  c.fillStyle = '#2b2b33';
  c.fillRect(150 + 36, 350, 3, 14);
}

function paintHivis(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const B = g.hem;
  const crew = crewCut(n + 10, 26);
  plain(c, p, g, p.cloth2, crew);
  strokeCrew(c, n + 10, 26, shade(p.cloth2, -0.1), 4, g);
  const open = (cc: Ctx): void => {
    cc.moveTo(150 - n - 16, 200);
    cc.lineTo(150 - n - 16, 252);
    cc.bezierCurveTo(150 - n - 10, 300, 150 - 12, 340, 150 - 8, B + 2);
    cc.lineTo(150 + 8, B + 2);
    cc.bezierCurveTo(150 + 12, 340, 150 + n + 10, 300, 150 + n + 16, 252);
    cc.lineTo(150 + n + 16, 200);
    cc.closePath();
    // Armholes: the tee's sleeves show at the sides.
    for (const s of [-1, 1]) {
      cc.moveTo(150 + s * (g.shoulder + 30), 270);
      cc.lineTo(150 + s * (g.shoulder - 22), 272);
      cc.bezierCurveTo(150 + s * (g.shoulder - 30), 300, 150 + s * (g.shoulder - 28), 350, 150 + s * (g.shoulder - 14), 372);
      cc.lineTo(150 + s * (g.shoulder + 30), 380);
      cc.closePath();
    }
  };
  plain(c, p, g, p.cloth, open);
  // Reflective tape: two bands round the body, braces over the shoulders.
  c.save();
  c.beginPath();
  c.rect(-60, 100, 420, B + 60);
  open(c);
  c.clip('evenodd');
  bodyPath(c, g);
  c.clip();
  const tape = (draw: () => void): void => {
    c.strokeStyle = '#d9dde0';
    c.lineWidth = 9;
    draw();
    c.strokeStyle = rgba('#8a9096', 0.55);
    c.lineWidth = 1;
    draw();
  };
  for (const y of g.full ? [430, 480] : [350, 388]) {
    tape(() => {
      c.beginPath();
      c.moveTo(0, y);
      c.lineTo(300, y);
      c.stroke();
    });
  }
  for (const s of [-1, 1]) {
    tape(() => {
      c.beginPath();
      c.moveTo(150 + s * (n + 24), 258);
      c.lineTo(150 + s * (n + 34), B);
      c.stroke();
    });
  }
  c.restore();
}

function paintTrack(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  plain(c, p, g, p.cloth);
  // Stripes down the sleeves (the outer edges of the half-body silhouette).
  c.save();
  bodyPath(c, g);
  c.clip();
  for (const s of [-1, 1]) {
    for (const k of [0, 1]) {
      c.beginPath();
      c.moveTo(150 + s * (g.shoulder - 18 + k * 7), 276);
      c.bezierCurveTo(150 + s * (g.shoulder + 2 + k * 7), 300, 150 + s * (g.shoulder + 8 + k * 7), 350, 150 + s * (g.shoulder + 8 + k * 7), 420);
      c.strokeStyle = k ? p.accent : p.cloth2;
      c.lineWidth = 4;
      c.stroke();
    }
  }
  c.restore();
  // Stand-up collar, zip and pull.
  c.beginPath();
  c.moveTo(150 - n - 4, 222);
  c.lineTo(150 - n - 8, 256);
  c.quadraticCurveTo(150, 268, 150 + n + 8, 256);
  c.lineTo(150 + n + 4, 222);
  c.quadraticCurveTo(150, 230, 150 - n - 4, 222);
  c.closePath();
  c.fillStyle = shade(p.cloth, -0.06);
  setShadow(c, 'rgba(0,0,0,0.22)', 4, 0, 2);
  c.fill();
  noShadow(c);
  c.beginPath();
  c.moveTo(150, 228);
  c.lineTo(150, g.hem + 2);
  c.strokeStyle = p.cloth2;
  c.lineWidth = 2.4;
  c.stroke();
  c.fillStyle = '#d7d9dc';
  c.beginPath();
  c.roundRect(150 - 3, 262, 6, 14, 2);
  c.fill();
  c.strokeStyle = rgba('#000000', 0.35);
  c.lineWidth = 0.8;
  c.stroke();
  hemBand(c, p, g, p.cloth2, 14, true);
}

function paintTank(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const s = g.shoulder;
  // Bare shoulders and arms.
  bodyPath(c, g);
  const sk = c.createLinearGradient(150 - s, 0, 150 + s, 0);
  sk.addColorStop(0, mix(p.skin, p.skinShadow, 0.2));
  sk.addColorStop(0.5, p.skin);
  sk.addColorStop(1, mix(p.skin, p.skinShadow, 0.6));
  c.fillStyle = sk;
  c.fill();
  c.save();
  bodyPath(c, g);
  c.clip();
  for (const side of [-1, 1]) {
    softBlob(c, 150 + side * (s - 14), 300, 22, 30, p.skinHi, 0.3);
    softBlob(c, 150 + side * (s - 34), 340, 10, 50, p.skinDeep, 0.3);
  }
  c.restore();
  // The tank.
  c.beginPath();
  c.moveTo(150 - n - 8, 250);
  c.lineTo(150 - n - 24, 252);
  c.bezierCurveTo(150 - n - 30, 290, 150 - s + 26, 330, 150 - s + 22, 372);
  c.lineTo(150 - s + (g.full ? 30 : 20), g.hem + 2);
  c.lineTo(150 + s - (g.full ? 30 : 20), g.hem + 2);
  c.lineTo(150 + s - 22, 372);
  c.bezierCurveTo(150 + s - 26, 330, 150 + n + 30, 290, 150 + n + 24, 252);
  c.lineTo(150 + n + 8, 250);
  c.bezierCurveTo(150 + n + 4, 280, 150 + 20, 300, 150, 302);
  c.bezierCurveTo(150 - 20, 300, 150 - n - 4, 280, 150 - n - 8, 250);
  c.closePath();
  const tg = clothGradient(c, p.cloth, g);
  c.fillStyle = tg;
  c.fill();
  c.save();
  c.clip();
  softBlob(c, 150, 330, 60, 20, '#000000', 0.12);
  // Contrast trim.
  c.restore();
  c.beginPath();
  c.moveTo(150 - n - 8, 250);
  c.bezierCurveTo(150 - n - 4, 280, 150 - 20, 300, 150, 302);
  c.bezierCurveTo(150 + 20, 300, 150 + n + 4, 280, 150 + n + 8, 250);
  c.moveTo(150 - n - 24, 252);
  c.bezierCurveTo(150 - n - 30, 290, 150 - s + 26, 330, 150 - s + 22, 372);
  c.moveTo(150 + n + 24, 252);
  c.bezierCurveTo(150 + n + 30, 290, 150 + s - 26, 330, 150 + s - 22, 372);
  c.strokeStyle = p.cloth2;
  c.lineWidth = 3;
  c.stroke();
}

function paintJersey(c: Ctx, p: Palette, g: Geo): void {
  const n = g.neckW;
  const v = (cc: Ctx): void => {
    cc.moveTo(150 - n - 6, 200);
    cc.lineTo(150 - n - 6, 246);
    cc.lineTo(150, 286);
    cc.lineTo(150 + n + 6, 246);
    cc.lineTo(150 + n + 6, 200);
    cc.closePath();
  };
  plain(c, p, g, p.cloth, v);
  // Side panels and sleeve bands in the second colour.
  c.save();
  bodyPath(c, g);
  c.clip();
  c.fillStyle = p.cloth2;
  for (const s of [-1, 1]) {
    c.beginPath();
    c.moveTo(150 + s * (g.shoulder - 30), 300);
    c.bezierCurveTo(150 + s * (g.shoulder - 40), 340, 150 + s * (g.shoulder - 40), 380, 150 + s * (g.shoulder - 36), g.hem + 2);
    c.lineTo(150 + s * (g.shoulder + 30), g.hem + 2);
    c.lineTo(150 + s * (g.shoulder + 30), 300);
    c.closePath();
    c.fill();
  }
  c.restore();
  c.beginPath();
  c.moveTo(150 - n - 7, 244);
  c.lineTo(150, 286);
  c.lineTo(150 + n + 7, 244);
  c.strokeStyle = p.accent;
  c.lineWidth = 6;
  c.lineJoin = 'round';
  c.stroke();
  // A chest number in block strokes.
  c.strokeStyle = p.cloth2;
  c.lineWidth = 6;
  c.lineCap = 'square';
  c.beginPath();
  const x0 = 150 + 40;
  c.moveTo(x0, 318);
  c.lineTo(x0, 352);
  c.moveTo(x0 + 14, 318);
  c.lineTo(x0 + 30, 318);
  c.lineTo(x0 + 30, 352);
  c.lineTo(x0 + 14, 352);
  c.closePath();
  c.stroke();
  hemBand(c, p, g, p.cloth2, 8);
}

// ---------------------------------------------------------------------------------------------
// Legs (full-body pose)
// ---------------------------------------------------------------------------------------------

const WAIST_Y = 574;
const CROTCH_Y = 700;
const KNEE_Y = 890;
const ANKLE_Y = 1126;

function legPath(c: Ctx, g: Geo, s: number, cuff: number, to = ANKLE_Y): void {
  const h = hipHalf(g) + 2;
  const kneeOut = g.female ? 58 : 64;
  const ankleOut = g.female ? 50 : 56;
  const ankleIn = 150 - (ankleOut - cuff);
  c.moveTo(150 + s * h, WAIST_Y);
  c.bezierCurveTo(150 + s * (h + 6), 660, 150 + s * (kneeOut + 10), 800, 150 + s * kneeOut, KNEE_Y);
  c.bezierCurveTo(150 + s * (kneeOut - 2), 980, 150 + s * ankleOut, 1060, 150 + s * ankleOut, to);
  c.lineTo(150 + s * (150 - ankleIn), to);
  c.bezierCurveTo(150 + s * 14, 1040, 150 + s * 10, 960, 150 + s * 10, KNEE_Y);
  c.bezierCurveTo(150 + s * 8, 800, 150 + s * 4, 740, 150, CROTCH_Y);
  c.lineTo(150, WAIST_Y);
  c.closePath();
}

function paintLegs(c: Ctx, look: PresenterLook, p: Palette, g: Geo): void {
  const b = bottomsOf(look);
  const female = g.female;
  const skirt = b.kind === 'skirt';
  const shorts = b.kind === 'shorts';
  // Bare legs under a skirt or shorts.
  if (skirt || shorts) {
    for (const s of [-1, 1]) {
      c.beginPath();
      const top = skirt ? 800 : 740;
      const x = 150 + s * (female ? 34 : 40);
      c.moveTo(x - 22, top);
      c.bezierCurveTo(x - 22, KNEE_Y - 20, x - 16, KNEE_Y + 20, x - 16, 980);
      c.bezierCurveTo(x - 15, 1040, x - 10, 1100, x - 10, ANKLE_Y + 4);
      c.lineTo(x + 10, ANKLE_Y + 4);
      c.bezierCurveTo(x + 10, 1100, x + 17, 1040, x + 18, 980);
      c.bezierCurveTo(x + 22, 940, x + 22, KNEE_Y - 20, x + 22, top);
      c.closePath();
      const lg = c.createLinearGradient(x - 22, 0, x + 22, 0);
      lg.addColorStop(0, mix(p.skin, p.skinShadow, 0.35));
      lg.addColorStop(0.4, p.skin);
      lg.addColorStop(1, mix(p.skin, p.skinShadow, 0.7));
      c.fillStyle = lg;
      c.fill();
      softBlob(c, x, KNEE_Y + 6, 12, 8, p.skinHi, 0.35);
      if (shorts) {
        // Sport socks.
        c.fillStyle = '#f4f4f1';
        c.beginPath();
        c.roundRect(x - 11, ANKLE_Y - 26, 22, 32, 4);
        c.fill();
      }
    }
  }
  // Trousers, jeans, joggers, shorts or a skirt.
  const bg = (x0: number, x1: number): CanvasGradient => {
    const gr = c.createLinearGradient(x0, 0, x1, 0);
    gr.addColorStop(0, shade(b.color, 0.1));
    gr.addColorStop(0.45, b.color);
    gr.addColorStop(1, shade(b.color, -0.22));
    return gr;
  };
  if (skirt) {
    const h = hipHalf(g) + 2;
    c.beginPath();
    c.moveTo(150 - h, WAIST_Y);
    c.lineTo(150 + h, WAIST_Y);
    c.bezierCurveTo(150 + h + 6, 640, 150 + h + 16, 760, 150 + h + 20, 830);
    c.quadraticCurveTo(150, 842, 150 - h - 20, 830);
    c.bezierCurveTo(150 - h - 16, 760, 150 - h - 6, 640, 150 - h, WAIST_Y);
    c.closePath();
    c.fillStyle = bg(150 - h, 150 + h);
    c.fill();
    c.strokeStyle = rgba(shade(b.color, -0.4), 0.45);
    c.lineWidth = 1.2;
    c.beginPath();
    c.moveTo(150 + 20, 660);
    c.lineTo(150 + 26, 828);
    c.stroke();
  } else {
    const cuff = b.kind === 'joggers' ? 16 : 0;
    for (const s of [-1, 1]) {
      c.beginPath();
      legPath(c, g, s, cuff, shorts ? 760 : ANKLE_Y);
      c.fillStyle = bg(150 - 100, 150 + 100);
      c.fill();
    }
    c.save();
    c.beginPath();
    for (const s of [-1, 1]) legPath(c, g, s, cuff, shorts ? 760 : ANKLE_Y);
    c.clip();
    // Crease and inseam shading.
    for (const s of [-1, 1]) {
      softBlob(c, 150 + s * 12, 780, 10, 80, '#000000', 0.18);
      c.strokeStyle = rgba(shade(b.color, b.kind === 'jeans' ? 0.35 : -0.35), b.kind === 'jeans' ? 0.55 : 0.35);
      c.lineWidth = 1;
      if (b.kind === 'jeans') c.setLineDash([3, 2.5]);
      c.beginPath();
      c.moveTo(150 + s * 38, 640);
      c.lineTo(150 + s * 36, shorts ? 760 : ANKLE_Y);
      c.stroke();
      c.setLineDash([]);
    }
    if (cuff) {
      c.fillStyle = shade(b.color, -0.12);
      for (const s of [-1, 1]) c.fillRect(150 + s * 34 - 20, ANKLE_Y - 16, 40, 16);
    }
    c.restore();
  }
  // Shoes.
  const heels = skirt && female;
  for (const s of [-1, 1]) {
    const x = 150 + s * (female ? 36 : 38);
    c.beginPath();
    if (heels) {
      c.moveTo(x - s * 12, ANKLE_Y);
      c.bezierCurveTo(x + s * 2, ANKLE_Y + 6, x + s * 24, SOLE_Y - 14, x + s * 30, SOLE_Y - 4);
      c.quadraticCurveTo(x + s * 16, SOLE_Y, x - s * 4, SOLE_Y - 6);
      c.lineTo(x - s * 10, SOLE_Y);
      c.lineTo(x - s * 15, SOLE_Y);
      c.lineTo(x - s * 16, ANKLE_Y + 10);
      c.closePath();
    } else {
      c.moveTo(x - s * 20, ANKLE_Y - 4);
      c.lineTo(x + s * 14, ANKLE_Y - 4);
      c.bezierCurveTo(x + s * 22, ANKLE_Y + 6, x + s * 36, SOLE_Y - 22, x + s * 36, SOLE_Y - 8);
      c.quadraticCurveTo(x + s * 36, SOLE_Y, x + s * 24, SOLE_Y);
      c.lineTo(x - s * 20, SOLE_Y);
      c.quadraticCurveTo(x - s * 26, SOLE_Y - 16, x - s * 20, ANKLE_Y - 4);
      c.closePath();
    }
    const sg = c.createLinearGradient(0, ANKLE_Y, 0, SOLE_Y);
    sg.addColorStop(0, shade(b.shoes, 0.12));
    sg.addColorStop(1, shade(b.shoes, -0.2));
    c.fillStyle = sg;
    c.fill();
    if (!heels) {
      // Sole.
      c.fillStyle = b.shoes === '#f1f1ee' || b.shoes.toLowerCase() > '#c' ? '#d9d9d4' : '#0f0d0e';
      c.fillRect(x - (s > 0 ? 20 : 36), SOLE_Y - 7, 56, 7);
    }
    softBlob(c, x + s * 4, ANKLE_Y + 10, 12, 5, '#ffffff', 0.25);
  }
}

/** A deterministic pseudo-random 0..1 (for textures). */
export function noise(i: number): number {
  return fract(Math.sin(i * 12.9898) * 43758.5453);
}
