import type { Geo, Palette } from './paint.ts';
import type { HairStyle } from './looks.ts';
import { rgba, shade } from './color.ts';

/*
 * Hair styles in head-local units (the face spans about x ±61, y -87 … +78; the hairline sits
 * near y -55). Each style has an optional back layer (behind head and body) and a front layer
 * (over the face edges), whose path also casts the soft shadow on the forehead.
 */

type Ctx = OffscreenCanvasRenderingContext2D;

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HairDef {
  /** Paints the back layer. */
  back?: (c: Ctx, p: Palette) => void;
  backRegion: Region;
  /** Builds (beginPath included) the front layer's outline. */
  front: (c: Ctx) => void;
  /** Fills the current path with the hair's base shading. */
  fill: (c: Ctx, p: Palette) => void;
  /** Strands and sheen, drawn clipped to the front outline (soft style). */
  detail?: (c: Ctx, p: Palette) => void;
  /** Hard-edged highlights for the flat styles (default: a shine on the crown). */
  flat?: (c: Ctx, p: Palette) => void;
  frontRegion: Region;
}

const R = (x: number, y: number, w: number, h: number): Region => ({ x, y, w, h });

function hairGradient(c: Ctx, p: Palette, top: number, bottom: number): CanvasGradient {
  const g = c.createLinearGradient(-40, top, 30, bottom);
  g.addColorStop(0, p.hairHi);
  g.addColorStop(0.35, p.hair);
  g.addColorStop(1, p.hairDark);
  return g;
}

function fillWith(top: number, bottom: number): (c: Ctx, p: Palette) => void {
  return (c, p) => {
    c.fillStyle = hairGradient(c, p, top, bottom);
    c.fill();
  };
}

type Curve = readonly [number, number, number, number, number, number, number, number];
type Pt = readonly [number, number];

/** Strands: cubic curves (x0,y0, c1x,c1y, c2x,c2y, x1,y1), alternately light and dark. */
function strands(c: Ctx, p: Palette, curves: readonly Curve[], width = 1.3, alpha = 0.4): void {
  c.save();
  c.lineCap = 'round';
  // A touch of blur keeps long, nearly parallel strands from stair-stepping.
  const m = c.getTransform();
  c.filter = `blur(${(0.45 * Math.hypot(m.a, m.b)).toFixed(2)}px)`;
  // Four groups (light/dark × thin/thick), each stroked once.
  for (const light of [true, false]) {
    for (const thick of [true, false]) {
      c.beginPath();
      curves.forEach((k, i) => {
        if ((i % 2 === 0) !== light || (i % 3 === 0) !== thick) return;
        c.moveTo(k[0], k[1]);
        c.bezierCurveTo(k[2], k[3], k[4], k[5], k[6], k[7]);
      });
      c.strokeStyle = light ? rgba(p.hairHi, alpha) : rgba(p.hairDark, alpha * 0.9);
      c.lineWidth = thick ? width * 1.4 : width;
      c.stroke();
    }
  }
  c.restore();
}

/** A soft sheen band across the crown. */
function sheen(c: Ctx, p: Palette, x: number, y: number, rx: number, ry: number, a = 0.35): void {
  c.save();
  c.translate(x, y);
  c.scale(1, ry / rx);
  const g = c.createRadialGradient(0, 0, 0, 0, 0, rx);
  g.addColorStop(0, rgba(shade(p.hairHi, 0.25), a));
  g.addColorStop(1, rgba(p.hairHi, 0));
  c.fillStyle = g;
  c.beginPath();
  c.arc(0, 0, rx, 0, Math.PI * 2);
  c.fill();
  c.restore();
}

/** Darken a band of the hair (around the hairline), fading in from y0 and out past y1. */
function innerShade(c: Ctx, y0: number, y1: number, a = 0.3): void {
  const y2 = y1 + (y1 - y0) * 0.6;
  const g = c.createLinearGradient(0, y0, 0, y2);
  g.addColorStop(0, 'rgba(0,0,0,0)');
  g.addColorStop((y1 - y0) / (y2 - y0), `rgba(0,0,0,${a})`);
  g.addColorStop(1, 'rgba(0,0,0,0)');
  c.fillStyle = g;
  c.fillRect(-140, y0, 280, y2 - y0);
}

// ---------------------------------------------------------------------------------------------

function shortCut(g: Geo): HairDef {
  const t = g.female ? 0 : -2;
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      c.moveTo(-59, -2);
      c.bezierCurveTo(-67, -30, -70, -64, -52, -86 + t);
      c.bezierCurveTo(-38, -101 + t, -14, -108 + t, 10, -107 + t);
      c.bezierCurveTo(42, -105 + t, 67, -88, 69, -56);
      c.bezierCurveTo(70, -36, 65, -16, 61, -2);
      c.lineTo(57, -4);
      c.bezierCurveTo(57, -22, 56, -36, 51, -46);
      c.bezierCurveTo(40, -58, 22, -58, 4, -60);
      c.bezierCurveTo(-10, -61, -22, -63, -30, -59);
      c.bezierCurveTo(-44, -52, -53, -40, -55, -22);
      c.lineTo(-56, -2);
      c.closePath();
    },
    fill: fillWith(-108, -20),
    detail: (c, p) => {
      const curves: Curve[] = [];
      for (let i = 0; i < 9; i++) {
        const x = -24 + i * 2.2;
        curves.push([x, -104, x + 20, -100 - i, 40 + i * 2, -84 + i * 2, 58 - i * 0.5, -50 + i * 2]);
      }
      for (let i = 0; i < 5; i++) {
        const x = -26 - i * 2;
        curves.push([x, -103, x - 14, -98, -52 - i, -82, -60 - i, -40 + i * 4]);
      }
      strands(c, p, curves, 1.2, 0.35);
      sheen(c, p, 6, -94, 30, 8, 0.35);
      // Side part.
      c.beginPath();
      c.moveTo(-26, -104);
      c.quadraticCurveTo(-27, -88, -30, -70);
      c.strokeStyle = rgba(p.hairDark, 0.7);
      c.lineWidth = 1.3;
      c.stroke();
      innerShade(c, -70, -44, 0.3);
    },
    frontRegion: R(-80, -125, 160, 130),
  };
}

function textured(_g: Geo): HairDef {
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      c.moveTo(-59, -2);
      c.bezierCurveTo(-66, -26, -70, -50, -64, -66);
      c.quadraticCurveTo(-66, -86, -50, -94);
      c.quadraticCurveTo(-44, -110, -26, -110);
      c.quadraticCurveTo(-14, -122, 4, -116);
      c.quadraticCurveTo(22, -122, 34, -110);
      c.quadraticCurveTo(54, -108, 58, -92);
      c.quadraticCurveTo(72, -80, 66, -60);
      c.bezierCurveTo(68, -38, 64, -16, 61, -2);
      c.lineTo(57, -4);
      c.bezierCurveTo(57, -22, 56, -36, 51, -46);
      c.quadraticCurveTo(44, -52, 38, -50);
      c.quadraticCurveTo(32, -58, 22, -55);
      c.quadraticCurveTo(14, -61, 4, -57);
      c.quadraticCurveTo(-6, -62, -16, -57);
      c.quadraticCurveTo(-28, -62, -38, -54);
      c.quadraticCurveTo(-52, -46, -55, -22);
      c.lineTo(-56, -2);
      c.closePath();
    },
    fill: fillWith(-118, -30),
    detail: (c, p) => {
      const curves: Curve[] = [];
      for (let i = 0; i < 14; i++) {
        const x = -50 + i * 7.5;
        const lean = 8 + (i % 3) * 3;
        curves.push([x - lean * 0.4, -56, x - 2, -80, x + lean * 0.6, -96, x + lean, -110 + (i % 2) * 6]);
      }
      strands(c, p, curves, 1.4, 0.45);
      sheen(c, p, -4, -98, 34, 10, 0.3);
      innerShade(c, -72, -48, 0.35);
    },
    frontRegion: R(-82, -130, 164, 134),
  };
}

function buzz(g: Geo): HairDef {
  // The skull's outline (as draw.ts's face path), grown by 4% so the crop hugs the head.
  const k = 1.04;
  const [t, a, b, e]: [number, Pt, Pt, Pt] = g.female
    ? [-87, [36, -87], [60, -65], [61, -28]]
    : [-89, [38, -89], [63, -67], [63, -28]];
  const top = t * k;
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      c.moveTo(-e[0] * k + 1, -4);
      c.lineTo(-e[0] * k, e[1] * k);
      c.bezierCurveTo(-b[0] * k, b[1] * k, -a[0] * k, a[1] * k, 0, top);
      c.bezierCurveTo(a[0] * k, a[1] * k, b[0] * k, b[1] * k, e[0] * k, e[1] * k);
      c.lineTo(e[0] * k - 1, -4);
      c.lineTo(56.5, -6);
      c.bezierCurveTo(56, -30, 52, -46, 44, -53);
      c.quadraticCurveTo(22, -61, 0, -59);
      c.quadraticCurveTo(-22, -61, -44, -53);
      c.bezierCurveTo(-52, -46, -56, -30, -56.5, -6);
      c.closePath();
    },
    fill: (c, p) => {
      // A hint of blur softens the cropped edge and hairline.
      const k = Math.hypot(c.getTransform().a, c.getTransform().b);
      c.save();
      c.filter = `blur(${(0.5 * k).toFixed(2)}px)`;
      c.fillStyle = p.hair;
      c.fill();
      c.restore();
    },
    detail: (c, p) => {
      // Stipple of short hairs, lighter on the crown.
      for (let i = 0; i < 1400; i++) {
        const u = fract(Math.sin(i * 91.7) * 43758.55);
        const v = fract(Math.sin(i * 17.3) * 24634.63);
        c.fillStyle = i % 2 ? rgba(p.hairHi, 0.35) : rgba(p.hairDark, 0.5);
        c.fillRect(-66 + u * 132, top + v * 92, 0.8, 0.8);
      }
      sheen(c, p, -8, -82, 34, 12, 0.3);
      // Soft hairline: fade the lowest band toward the skin.
      innerShade(c, -64, -50, 0.15);
    },
    frontRegion: R(-72, -104, 144, 104),
  };
}

function sleekCap(c: Ctx, top: number): void {
  c.beginPath();
  c.moveTo(-59, -4);
  c.bezierCurveTo(-68, -46, -52, top + 1, 0, top);
  c.bezierCurveTo(52, top + 1, 68, -46, 59, -4);
  c.lineTo(55.5, -8);
  c.bezierCurveTo(56, -30, 50, -46, 40, -54);
  c.bezierCurveTo(26, -62, 10, -62, 0, -61);
  c.bezierCurveTo(-10, -62, -26, -62, -40, -54);
  c.bezierCurveTo(-50, -46, -56, -30, -55.5, -8);
  c.closePath();
}

function combedLines(c: Ctx, p: Palette, toX: number, toY: number): void {
  const curves: Curve[] = [];
  for (let i = 0; i <= 16; i++) {
    const a = Math.PI * (1.05 + (i / 16) * 0.9);
    const x = Math.cos(a) * 58;
    const y = -30 + Math.sin(a) * 30 - 4;
    curves.push([x, y, x * 0.9, y - 26, toX + x * 0.3, toY + 20, toX + x * 0.05, toY]);
  }
  strands(c, p, curves, 1.1, 0.35);
}

function bun(_g: Geo): HairDef {
  return {
    back: (c, p) => {
      // The bun on the crown, with a twist.
      c.beginPath();
      c.arc(0, -110, 25, 0, Math.PI * 2);
      const g = c.createRadialGradient(-8, -120, 3, 0, -108, 27);
      g.addColorStop(0, p.hairHi);
      g.addColorStop(0.5, p.hair);
      g.addColorStop(1, p.hairDark);
      c.fillStyle = g;
      c.fill();
      c.lineCap = 'round';
      for (let i = 0; i < 6; i++) {
        c.beginPath();
        c.arc(0, -110, 6 + i * 3.4, Math.PI * (0.9 + i * 0.3), Math.PI * (1.9 + i * 0.3));
        c.strokeStyle = i % 2 ? rgba(p.hairHi, 0.45) : rgba(p.hairDark, 0.55);
        c.lineWidth = 1.3;
        c.stroke();
      }
      // Hair at the back of the head, seen beside the neck below the ears.
      c.beginPath();
      c.moveTo(-60, -10);
      c.bezierCurveTo(-64, 20, -50, 42, -30, 50);
      c.lineTo(30, 50);
      c.bezierCurveTo(50, 42, 64, 20, 60, -10);
      c.closePath();
      c.fillStyle = p.hairDark;
      c.fill();
    },
    backRegion: R(-70, -140, 140, 195),
    front: (c) => sleekCap(c, -97),
    fill: fillWith(-97, -20),
    detail: (c, p) => {
      combedLines(c, p, 0, -100);
      sheen(c, p, -12, -84, 30, 10, 0.4);
      innerShade(c, -68, -50, 0.25);
    },
    frontRegion: R(-72, -104, 144, 104),
  };
}

function ponytail(_g: Geo): HairDef {
  const tail = (c: Ctx): void => {
    c.moveTo(58, 48);
    c.bezierCurveTo(72, 54, 84, 80, 86, 112);
    c.bezierCurveTo(88, 140, 80, 166, 70, 182);
    c.bezierCurveTo(72, 160, 70, 136, 64, 116);
    c.bezierCurveTo(60, 96, 54, 74, 48, 62);
    c.closePath();
  };
  return {
    back: (c, p) => {
      c.beginPath();
      c.moveTo(-60, -10);
      c.bezierCurveTo(-66, -60, -40, -100, 0, -100);
      c.bezierCurveTo(40, -100, 76, -60, 76, -10);
      c.bezierCurveTo(76, 20, 70, 44, 60, 58);
      c.lineTo(40, 56);
      c.bezierCurveTo(20, 48, -40, 40, -60, -10);
      c.closePath();
      c.fillStyle = hairGradient(c, p, -100, 60);
      c.fill();
    },
    backRegion: R(-72, -108, 156, 172),
    front: (c) => {
      sleekCap(c, -98);
      // A sweep of fringe to one side.
      c.moveTo(-60, -6);
      c.bezierCurveTo(-62, -44, -44, -70, -4, -72);
      c.bezierCurveTo(14, -73, 30, -66, 42, -52);
      c.bezierCurveTo(20, -60, -10, -56, -30, -44);
      c.bezierCurveTo(-44, -36, -50, -24, -52, -6);
      c.closePath();
      tail(c);
    },
    fill: fillWith(-98, 180),
    detail: (c, p) => {
      combedLines(c, p, 22, -96);
      const curves: Curve[] = [];
      for (let i = 0; i < 7; i++) {
        curves.push([56 + i * 2, 54, 74 + i, 80, 78 - i * 0.5, 130, 70 + i * 0.6, 176]);
      }
      strands(c, p, curves, 1.2, 0.4);
      sheen(c, p, -10, -86, 30, 10, 0.4);
      sheen(c, p, 74, 100, 8, 30, 0.3);
      innerShade(c, -66, -46, 0.25);
    },
    frontRegion: R(-72, -106, 164, 292),
  };
}

function longWavy(_g: Geo): HairDef {
  return {
    back: (c, p) => {
      c.beginPath();
      c.moveTo(0, -106);
      c.bezierCurveTo(52, -106, 84, -72, 84, -22);
      c.bezierCurveTo(84, 22, 80, 50, 88, 84);
      c.bezierCurveTo(96, 116, 104, 150, 92, 178);
      c.bezierCurveTo(80, 196, 50, 196, 30, 188);
      c.lineTo(-30, 188);
      c.bezierCurveTo(-50, 196, -80, 196, -92, 178);
      c.bezierCurveTo(-104, 150, -96, 116, -88, 84);
      c.bezierCurveTo(-80, 50, -84, 22, -84, -22);
      c.bezierCurveTo(-84, -72, -52, -106, 0, -106);
      c.closePath();
      c.fillStyle = hairGradient(c, p, -106, 190);
      c.fill();
      // Darker inside, where the head shadows it.
      c.save();
      c.clip();
      const g = c.createRadialGradient(0, 40, 10, 0, 40, 90);
      g.addColorStop(0, 'rgba(0,0,0,0.45)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      c.fillStyle = g;
      c.fillRect(-110, -110, 220, 310);
      c.restore();
    },
    backRegion: R(-110, -112, 220, 312),
    front: (c) => {
      c.beginPath();
      c.moveTo(20, -106);
      // Left: the bigger side of a side part, sweeping over the forehead and down the front.
      c.bezierCurveTo(-20, -110, -62, -92, -74, -56);
      c.bezierCurveTo(-84, -24, -76, 14, -78, 44);
      c.bezierCurveTo(-80, 80, -92, 110, -90, 140);
      c.bezierCurveTo(-88, 160, -80, 172, -72, 182);
      c.bezierCurveTo(-70, 160, -66, 140, -64, 118);
      c.bezierCurveTo(-62, 90, -56, 60, -57, 30);
      c.bezierCurveTo(-58, 6, -57, -14, -52, -30);
      // The fringe's edge rises across the forehead toward the part.
      c.bezierCurveTo(-44, -50, -20, -63, 6, -66);
      c.bezierCurveTo(24, -68, 40, -60, 49, -47);
      // Right side down, tip, back up the outside.
      c.bezierCurveTo(56, -34, 57, -10, 56, 20);
      c.bezierCurveTo(56, 60, 62, 100, 70, 140);
      c.bezierCurveTo(72, 156, 76, 166, 82, 176);
      c.bezierCurveTo(92, 150, 90, 120, 84, 90);
      c.bezierCurveTo(78, 60, 80, 30, 78, 0);
      c.bezierCurveTo(78, -50, 64, -96, 20, -106);
      c.closePath();
    },
    fill: fillWith(-106, 180),
    detail: (c, p) => {
      const curves: Curve[] = [];
      // From the part, sweeping left over the forehead and down.
      for (let i = 0; i < 10; i++) {
        const d = i * 3.2;
        curves.push([18 - d * 0.2, -104, -12 - d, -100, -50 - d * 0.2, -78 + d, -66 - d * 0.25, -30 + d * 1.6]);
        curves.push([-62 - d * 0.35, -20 + d * 2, -58 - d * 0.2, 40, -88 - d * 0.1, 100, -76 - d * 0.3, 176]);
      }
      // And right, behind the ear.
      for (let i = 0; i < 7; i++) {
        const d = i * 3;
        curves.push([22 + d * 0.2, -104, 50 + d * 0.6, -92, 64 + d * 0.3, -50, 62 + d * 0.4, 0 + d]);
        curves.push([60 + d * 0.35, 0 + d, 60 + d * 0.2, 70, 86 + d * 0.05, 110, 78 + d * 0.1, 172]);
      }
      strands(c, p, curves, 1.2, 0.4);
      // The fringe's front edge curls under: darker band just above it.
      c.save();
      c.beginPath();
      c.moveTo(-60, -16);
      c.bezierCurveTo(-48, -48, -20, -60, 6, -62);
      c.bezierCurveTo(24, -64, 40, -56, 50, -42);
      c.strokeStyle = 'rgba(0,0,0,0.18)';
      c.lineWidth = 7;
      c.filter = `blur(${(3 * Math.hypot(c.getTransform().a, c.getTransform().b)).toFixed(2)}px)`;
      c.stroke();
      c.restore();
      // Part line.
      c.beginPath();
      c.moveTo(20, -106);
      c.quadraticCurveTo(18, -96, 12, -86);
      c.strokeStyle = rgba(p.hairDark, 0.75);
      c.lineWidth = 1.4;
      c.stroke();
      sheen(c, p, -34, -84, 26, 14, 0.45);
      sheen(c, p, -80, 70, 8, 34, 0.3);
      sheen(c, p, 74, 60, 7, 28, 0.2);
    },
    frontRegion: R(-100, -112, 200, 296),
  };
}

function straightLong(_g: Geo): HairDef {
  const half = (c: Ctx, s: number): void => {
    // From the part outward and down, then back up the inner edge (for s = -1, left).
    c.moveTo(0, -97);
    c.bezierCurveTo(s * 34, -97, s * 64, -78, s * 70, -42);
    c.bezierCurveTo(s * 74, -10, s * 72, 40, s * 74, 90);
    c.bezierCurveTo(s * 75, 130, s * 78, 160, s * 80, 180);
    c.lineTo(s * 62, 182);
    c.bezierCurveTo(s * 60, 150, s * 58, 110, s * 57, 70);
    c.bezierCurveTo(s * 56, 30, s * 57, -10, s * 52, -34);
    c.bezierCurveTo(s * 44, -58, s * 22, -76, 0, -84);
    c.closePath();
  };
  return {
    back: (c, p) => {
      c.beginPath();
      c.moveTo(0, -104);
      c.bezierCurveTo(50, -104, 80, -74, 80, -30);
      c.lineTo(84, 184);
      c.lineTo(-84, 184);
      c.lineTo(-80, -30);
      c.bezierCurveTo(-80, -74, -50, -104, 0, -104);
      c.closePath();
      c.fillStyle = hairGradient(c, p, -104, 184);
      c.fill();
      c.save();
      c.clip();
      const g = c.createRadialGradient(0, 40, 10, 0, 40, 90);
      g.addColorStop(0, 'rgba(0,0,0,0.45)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      c.fillStyle = g;
      c.fillRect(-90, -110, 180, 300);
      c.restore();
    },
    backRegion: R(-90, -110, 180, 300),
    front: (c) => {
      c.beginPath();
      half(c, -1);
      half(c, 1);
    },
    fill: fillWith(-97, 182),
    detail: (c, p) => {
      const curves: Curve[] = [];
      for (const s of [-1, 1]) {
        for (let i = 0; i < 8; i++) {
          const d = i * 2.4;
          curves.push([s * 2, -94, s * (40 + d), -90, s * (62 + d * 0.3), -50, s * (60 + d * 0.4), 0]);
          curves.push([s * (59 + d * 0.4), 0, s * (58 + d * 0.3), 60, s * (62 + d * 0.3), 120, s * (64 + d * 0.3), 178]);
        }
      }
      strands(c, p, curves, 1.1, 0.35);
      sheen(c, p, -36, -78, 20, 12, 0.5);
      sheen(c, p, 36, -78, 20, 12, 0.35);
      // Centre part.
      c.beginPath();
      c.moveTo(0, -96);
      c.lineTo(0, -84);
      c.strokeStyle = rgba(p.hairDark, 0.8);
      c.lineWidth = 1.4;
      c.stroke();
    },
    frontRegion: R(-86, -104, 172, 290),
  };
}

function bob(_g: Geo): HairDef {
  return {
    back: (c, p) => {
      c.beginPath();
      c.moveTo(0, -106);
      c.bezierCurveTo(52, -106, 80, -72, 80, -30);
      c.bezierCurveTo(82, 10, 80, 44, 74, 64);
      c.bezierCurveTo(50, 74, 20, 72, 0, 72);
      c.bezierCurveTo(-20, 72, -50, 74, -74, 64);
      c.bezierCurveTo(-80, 44, -82, 10, -80, -30);
      c.bezierCurveTo(-80, -72, -52, -106, 0, -106);
      c.closePath();
      c.fillStyle = hairGradient(c, p, -106, 72);
      c.fill();
      c.save();
      c.clip();
      const g = c.createRadialGradient(0, 30, 10, 0, 30, 70);
      g.addColorStop(0, 'rgba(0,0,0,0.45)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      c.fillStyle = g;
      c.fillRect(-90, -110, 180, 190);
      c.restore();
    },
    backRegion: R(-86, -110, 172, 190),
    front: (c) => {
      c.beginPath();
      c.moveTo(0, -106);
      c.bezierCurveTo(-42, -106, -74, -82, -78, -40);
      c.bezierCurveTo(-82, -4, -80, 32, -76, 60);
      c.bezierCurveTo(-70, 70, -60, 72, -50, 68);
      c.bezierCurveTo(-52, 40, -54, 10, -56, -10);
      c.bezierCurveTo(-57, -24, -56, -32, -53, -38);
      c.quadraticCurveTo(-46, -35, -38, -38);
      c.quadraticCurveTo(-29, -34, -19, -38);
      c.quadraticCurveTo(-9, -34, 1, -38);
      c.quadraticCurveTo(11, -34, 21, -38);
      c.quadraticCurveTo(31, -34, 40, -39);
      c.quadraticCurveTo(48, -36, 53, -39);
      c.bezierCurveTo(56, -32, 57, -24, 56, -10);
      c.bezierCurveTo(54, 10, 52, 40, 50, 68);
      c.bezierCurveTo(60, 72, 70, 70, 76, 60);
      c.bezierCurveTo(80, 32, 82, -4, 78, -40);
      c.bezierCurveTo(74, -82, 42, -106, 0, -106);
      c.closePath();
    },
    fill: fillWith(-106, 70),
    detail: (c, p) => {
      const curves: Curve[] = [];
      for (let i = 0; i < 18; i++) {
        const x = -52 + i * 6.2;
        curves.push([x * 0.35, -104, x * 0.8, -90, x * 0.98, -60, x + (x > 0 ? 1 : -1), -37]);
      }
      for (const s of [-1, 1]) {
        for (let i = 0; i < 6; i++) {
          const d = i * 3;
          curves.push([s * (62 + d * 0.5), -60, s * (72 + d * 0.3), -20, s * (70 + d * 0.2), 30, s * (56 + d * 0.8), 66]);
        }
      }
      strands(c, p, curves, 1.2, 0.38);
      sheen(c, p, -14, -84, 38, 11, 0.42);
      innerShade(c, -60, -36, 0.3);
    },
    frontRegion: R(-86, -110, 172, 186),
  };
}

interface Curl {
  x: number;
  y: number;
  r: number;
}

function curlRing(cx: number, cy: number, rx: number, ry: number, from: number, to: number, n: number, r0: number, r1: number, salt: number): Curl[] {
  const out: Curl[] = [];
  for (let i = 0; i < n; i++) {
    const a = from + ((to - from) * i) / Math.max(1, n - 1);
    const j = fract(Math.sin((i + salt) * 127.1) * 43758.5);
    out.push({ x: cx + Math.cos(a) * rx, y: cy + Math.sin(a) * ry, r: r0 + (r1 - r0) * j });
  }
  return out;
}

function curlsPath(c: Ctx, curls: readonly Curl[]): void {
  for (const k of curls) {
    c.moveTo(k.x + k.r, k.y);
    c.arc(k.x, k.y, k.r, 0, Math.PI * 2);
  }
}

/** Coil texture: many small partial circles, light and dark, scattered over an area. */
function coils(c: Ctx, p: Palette, x0: number, y0: number, w: number, h: number, n: number, salt: number): void {
  c.lineCap = 'round';
  for (let i = 0; i < n; i++) {
    const u = fract(Math.sin((i + salt) * 12.9898) * 43758.5453);
    const v = fract(Math.sin((i + salt) * 78.233) * 12543.1234);
    const r = 2.6 + 3 * fract(Math.sin((i + salt) * 39.41) * 9631.7);
    const a = fract(Math.sin((i + salt) * 3.7) * 1234.5) * Math.PI * 2;
    c.beginPath();
    c.arc(x0 + u * w, y0 + v * h, r, a, a + Math.PI * 1.3);
    c.strokeStyle = i % 2 ? rgba(p.hairHi, 0.55) : rgba(p.hairDark, 0.55);
    c.lineWidth = 1.3;
    c.stroke();
  }
}

function curly(_g: Geo): HairDef {
  // The silhouette: a soft cloud of bumps around the head, ending at the jaw.
  const rim: Curl[] = curlRing(0, -38, 84, 78, Math.PI * 0.72, Math.PI * 2.28, 26, 11, 15, 1);
  const cloud = (c: Ctx): void => {
    c.beginPath();
    c.moveTo(84, -38);
    c.ellipse(0, -38, 84, 78, 0, 0, Math.PI * 2);
    curlsPath(c, rim);
  };
  // The front: a bumpy hairline over the forehead and temples.
  const edge: Curl[] = curlRing(0, -30, 60, 36, Math.PI * 1.0, Math.PI * 2.0, 15, 6, 8, 9);
  const front = (c: Ctx): void => {
    c.beginPath();
    c.moveTo(-64, 4);
    c.bezierCurveTo(-62, -20, -58, -48, -40, -62);
    c.bezierCurveTo(-24, -72, 24, -72, 40, -62);
    c.bezierCurveTo(58, -48, 62, -20, 64, 4);
    c.lineTo(76, 4);
    c.bezierCurveTo(80, -60, 50, -112, 0, -112);
    c.bezierCurveTo(-50, -112, -80, -60, -76, 4);
    c.closePath();
    curlsPath(
      c,
      edge.map((k) => ({ x: k.x * 1.02, y: k.y - 30 + Math.abs(k.x) * 0.1 - (Math.abs(k.x) > 50 ? 0 : 6), r: k.r })),
    );
  };
  return {
    back: (c, p) => {
      cloud(c);
      c.fillStyle = hairGradient(c, p, -120, 40);
      c.fill();
      c.save();
      cloud(c);
      c.clip();
      coils(c, p, -100, -130, 200, 180, 520, 3);
      const g = c.createRadialGradient(0, -10, 20, 0, -10, 90);
      g.addColorStop(0, 'rgba(0,0,0,0.45)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      c.fillStyle = g;
      c.fillRect(-110, -140, 220, 200);
      sheen(c, p, -34, -92, 34, 20, 0.35);
      c.restore();
    },
    backRegion: R(-104, -136, 208, 196),
    front,
    fill: (c, p) => {
      c.fillStyle = hairGradient(c, p, -112, 0);
      c.fill();
    },
    detail: (c, p) => {
      coils(c, p, -80, -116, 160, 124, 260, 77);
      sheen(c, p, -30, -92, 30, 14, 0.35);
      innerShade(c, -80, -52, 0.3);
    },
    frontRegion: R(-84, -120, 168, 130),
  };
}

const fract = (x: number): number => x - Math.floor(x);

function fringe(_g: Geo): HairDef {
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      c.moveTo(-59, -2);
      c.bezierCurveTo(-68, -30, -70, -70, -50, -92);
      c.bezierCurveTo(-34, -108, -6, -112, 18, -108);
      c.bezierCurveTo(46, -104, 68, -84, 68, -52);
      c.bezierCurveTo(68, -32, 64, -14, 61, -2);
      c.lineTo(57, -6);
      c.bezierCurveTo(57, -20, 56, -30, 52, -40);
      c.quadraticCurveTo(46, -42, 40, -38);
      c.quadraticCurveTo(36, -46, 28, -41);
      c.quadraticCurveTo(22, -48, 14, -39);
      c.quadraticCurveTo(8, -48, -2, -40);
      c.quadraticCurveTo(-8, -48, -18, -41);
      c.quadraticCurveTo(-24, -48, -34, -43);
      c.quadraticCurveTo(-42, -47, -50, -41);
      c.bezierCurveTo(-54, -30, -56, -16, -56, -2);
      c.closePath();
    },
    fill: fillWith(-110, -30),
    detail: (c, p) => {
      const tips = [40, 28, 14, -2, -18, -34, -50];
      const curves: Curve[] = [];
      for (const [i, tx] of tips.entries()) {
        for (let j = 0; j < 3; j++) {
          const x0 = 10 + (tx - 10) * 0.25 + j * 3;
          curves.push([x0, -106, x0 + (tx - x0) * 0.4 + 4, -90, tx + 6 - j * 2, -60, tx + 2 - j * 2.5, -40 - (i % 2) * 2]);
        }
      }
      strands(c, p, curves, 1.2, 0.45);
      sheen(c, p, -6, -92, 34, 10, 0.4);
      innerShade(c, -64, -38, 0.3);
    },
    frontRegion: R(-80, -125, 160, 130),
  };
}


/** A flat-style shine: a crisp crescent of highlight across the crown. */
export function flatShine(c: Ctx, p: Palette, x = -12, y = -88, rx = 30, ry = 9, rot = -0.12): void {
  c.save();
  c.translate(x, y);
  c.rotate(rot);
  c.fillStyle = rgba(shade(p.hairHi, 0.2), 0.5);
  c.beginPath();
  c.moveTo(-rx, ry * 0.4);
  c.quadraticCurveTo(0, -ry * 1.4, rx, ry * 0.4);
  c.quadraticCurveTo(0, -ry * 0.35, -rx, ry * 0.4);
  c.closePath();
  c.fill();
  c.restore();
}

function bald(g: Geo): HairDef {
  const patch = (c: Ctx, s: number): void => {
    c.moveTo(s * 63, -2);
    c.bezierCurveTo(s * 66, -20, s * 66, -36, s * 60, -50);
    c.bezierCurveTo(s * 57, -40, s * 55, -22, s * 56.5, -4);
    c.closePath();
  };
  void g;
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      patch(c, -1);
      patch(c, 1);
    },
    fill: (c, p) => {
      c.fillStyle = rgba(p.hair, 0.85);
      c.fill();
    },
    detail: (c, p) => {
      for (let i = 0; i < 500; i++) {
        const u = fract(Math.sin(i * 91.7) * 43758.55);
        const v = fract(Math.sin(i * 17.3) * 24634.63);
        c.fillStyle = i % 2 ? rgba(p.hairHi, 0.35) : rgba(p.hairDark, 0.5);
        c.fillRect(-68 + u * 136, -52 + v * 52, 0.8, 0.8);
      }
    },
    flat: () => undefined,
    frontRegion: R(-72, -56, 144, 58),
  };
}

function afro(_g: Geo): HairDef {
  const rim: Curl[] = curlRing(0, -52, 98, 86, Math.PI * 0.7, Math.PI * 2.3, 30, 13, 18, 5);
  const cloud = (c: Ctx): void => {
    c.beginPath();
    c.moveTo(98, -52);
    c.ellipse(0, -52, 98, 86, 0, 0, Math.PI * 2);
    curlsPath(c, rim);
  };
  const edge: Curl[] = curlRing(0, -30, 58, 34, Math.PI * 1.0, Math.PI * 2.0, 15, 6, 8, 13);
  return {
    back: (c, p) => {
      cloud(c);
      c.fillStyle = hairGradient(c, p, -150, 40);
      c.fill();
      c.save();
      cloud(c);
      c.clip();
      coils(c, p, -116, -150, 232, 190, 700, 21);
      const g = c.createRadialGradient(0, -20, 20, 0, -20, 100);
      g.addColorStop(0, 'rgba(0,0,0,0.45)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      c.fillStyle = g;
      c.fillRect(-120, -160, 240, 220);
      sheen(c, p, -40, -104, 40, 22, 0.35);
      c.restore();
    },
    backRegion: R(-122, -160, 244, 210),
    front: (c) => {
      c.beginPath();
      c.moveTo(-62, -4);
      c.bezierCurveTo(-62, -24, -58, -50, -42, -62);
      c.bezierCurveTo(-24, -72, 24, -72, 42, -62);
      c.bezierCurveTo(58, -50, 62, -24, 62, -4);
      c.lineTo(72, -4);
      c.bezierCurveTo(78, -64, 48, -116, 0, -116);
      c.bezierCurveTo(-48, -116, -78, -64, -72, -4);
      c.closePath();
      curlsPath(c, edge.map((k) => ({ x: k.x * 1.02, y: k.y - 32 + Math.abs(k.x) * 0.12 - (Math.abs(k.x) > 50 ? 0 : 5), r: k.r })));
    },
    fill: (c, p) => {
      c.fillStyle = hairGradient(c, p, -116, 0);
      c.fill();
    },
    detail: (c, p) => {
      coils(c, p, -80, -118, 160, 124, 260, 91);
      innerShade(c, -80, -54, 0.3);
    },
    flat: (c, p) => flatShine(c, p, -20, -96, 26, 8),
    frontRegion: R(-84, -124, 168, 126),
  };
}

function pixie(_g: Geo): HairDef {
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      c.moveTo(-58, 6);
      c.bezierCurveTo(-68, -24, -70, -64, -50, -90);
      c.bezierCurveTo(-32, -110, 8, -114, 34, -104);
      c.bezierCurveTo(60, -94, 70, -70, 66, -40);
      c.bezierCurveTo(66, -24, 64, -10, 61, 2);
      c.lineTo(57, -2);
      c.bezierCurveTo(57, -18, 56, -30, 52, -40);
      // The swept fringe: from the right temple across, tips falling to the left brow.
      c.bezierCurveTo(40, -58, 14, -60, -6, -52);
      c.quadraticCurveTo(-22, -46, -34, -34);
      c.quadraticCurveTo(-36, -44, -42, -46);
      c.quadraticCurveTo(-50, -38, -52, -26);
      c.bezierCurveTo(-54, -14, -55, -4, -55, 6);
      c.closePath();
    },
    fill: fillWith(-112, -30),
    detail: (c, p) => {
      const curves: Curve[] = [];
      for (let i = 0; i < 12; i++) {
        const d = i * 3.4;
        curves.push([40 - d * 0.3, -104 + d * 0.2, 20 - d, -96, -10 - d * 0.6, -70 + d * 0.4, -30 - d * 0.4, -40 + d * 0.2]);
      }
      for (let i = 0; i < 5; i++) curves.push([44 + i * 3, -96, 60 + i, -70, 62, -40, 60 - i * 0.5, -6]);
      strands(c, p, curves, 1.2, 0.42);
      sheen(c, p, 4, -92, 30, 10, 0.4);
      innerShade(c, -64, -40, 0.28);
    },
    flat: (c, p) => flatShine(c, p, 6, -92, 28, 8, -0.25),
    frontRegion: R(-80, -122, 160, 132),
  };
}

function braids(_g: Geo): HairDef {
  const bundle = (c: Ctx, s: number): void => {
    c.moveTo(s * 50, -40);
    c.bezierCurveTo(s * 66, -20, s * 70, 30, s * 72, 90);
    c.bezierCurveTo(s * 74, 130, s * 78, 160, s * 82, 186);
    c.lineTo(s * 58, 188);
    c.bezierCurveTo(s * 56, 150, s * 56, 100, s * 56, 60);
    c.bezierCurveTo(s * 56, 20, s * 56, -10, s * 50, -40);
    c.closePath();
  };
  return {
    back: (c, p) => {
      c.beginPath();
      c.moveTo(0, -104);
      c.bezierCurveTo(50, -104, 84, -74, 84, -30);
      c.lineTo(88, 190);
      c.lineTo(-88, 190);
      c.lineTo(-84, -30);
      c.bezierCurveTo(-84, -74, -50, -104, 0, -104);
      c.closePath();
      c.fillStyle = hairGradient(c, p, -104, 190);
      c.fill();
      c.save();
      c.clip();
      c.strokeStyle = rgba(p.hairDark, 0.7);
      c.lineWidth = 1.2;
      for (let x = -84; x <= 84; x += 9) {
        c.beginPath();
        for (let y = -20; y < 190; y += 7) {
          c.moveTo(x - 3.5, y);
          c.lineTo(x, y + 4);
          c.lineTo(x + 3.5, y);
        }
        c.stroke();
      }
      const g = c.createRadialGradient(0, 40, 10, 0, 40, 90);
      g.addColorStop(0, 'rgba(0,0,0,0.45)');
      g.addColorStop(1, 'rgba(0,0,0,0)');
      c.fillStyle = g;
      c.fillRect(-90, -110, 180, 310);
      c.restore();
    },
    backRegion: R(-92, -110, 184, 306),
    front: (c) => {
      sleekCap(c, -98);
      bundle(c, -1);
      bundle(c, 1);
    },
    fill: fillWith(-98, 190),
    detail: (c, p) => {
      combedLines(c, p, 0, -100);
      // Braid chevrons down the bundles.
      c.lineWidth = 1.3;
      for (const s of [-1, 1]) {
        for (const x0 of [58, 65, 72]) {
          c.beginPath();
          for (let y = -20; y < 186; y += 6.5) {
            const x = s * (x0 + (y + 20) * 0.05);
            c.moveTo(x - 3, y);
            c.lineTo(x, y + 3.6);
            c.lineTo(x + 3, y);
          }
          c.strokeStyle = rgba(p.hairHi, 0.5);
          c.stroke();
        }
      }
      sheen(c, p, -12, -86, 30, 10, 0.4);
      innerShade(c, -66, -48, 0.25);
    },
    flat: (c, p) => {
      flatShine(c, p, -14, -86, 26, 7);
      c.lineWidth = 1.4;
      c.strokeStyle = rgba(p.hairHi, 0.55);
      for (const s of [-1, 1]) {
        c.beginPath();
        for (let y = -10; y < 186; y += 9) {
          const x = s * (65 + (y + 20) * 0.05);
          c.moveTo(x - 4, y);
          c.lineTo(x, y + 5);
          c.lineTo(x + 4, y);
        }
        c.stroke();
      }
    },
    frontRegion: R(-92, -104, 184, 296),
  };
}

/** A head scarf framing the face; `hair.color` is the fabric. */
function hijab(g: Geo): HairDef {
  const chin = g.chin;
  const outline = (c: Ctx): void => {
    c.moveTo(0, -118);
    c.bezierCurveTo(56, -118, 86, -80, 84, -26);
    c.bezierCurveTo(84, 30, 88, 80, 102, 118);
    c.bezierCurveTo(110, 140, 112, 160, 104, 178);
    c.bezierCurveTo(60, 196, -60, 196, -104, 178);
    c.bezierCurveTo(-112, 160, -110, 140, -102, 118);
    c.bezierCurveTo(-88, 80, -84, 30, -84, -26);
    c.bezierCurveTo(-86, -80, -56, -118, 0, -118);
    c.closePath();
  };
  const opening = (c: Ctx): void => {
    c.moveTo(0, -66);
    c.bezierCurveTo(-30, -67, -52, -58, -57, -30);
    c.bezierCurveTo(-60, -4, -58, 22, -52, 40);
    c.bezierCurveTo(-44, 62, -24, chin + 1, 0, chin + 2);
    c.bezierCurveTo(24, chin + 1, 44, 62, 52, 40);
    c.bezierCurveTo(58, 22, 60, -4, 57, -30);
    c.bezierCurveTo(52, -58, 30, -67, 0, -66);
    c.closePath();
  };
  return {
    back: (c, p) => {
      c.beginPath();
      c.ellipse(0, -40, 92, 84, 0, 0, Math.PI * 2);
      c.fillStyle = shade(p.hair, -0.25);
      c.fill();
    },
    backRegion: R(-96, -128, 192, 176),
    front: (c) => {
      c.beginPath();
      outline(c);
      opening(c);
    },
    fill: (c, p) => {
      const gr = c.createLinearGradient(-90, -110, 80, 230);
      gr.addColorStop(0, shade(p.hair, 0.14));
      gr.addColorStop(0.45, p.hair);
      gr.addColorStop(1, shade(p.hair, -0.22));
      c.fillStyle = gr;
      c.fill('evenodd');
    },
    detail: (c, p) => {
      // Folds around the face and in the drape.
      c.lineCap = 'round';
      c.strokeStyle = rgba(shade(p.hair, -0.4), 0.35);
      c.lineWidth = 2.2;
      for (const s of [-1, 1]) {
        c.beginPath();
        c.moveTo(s * 64, -40);
        c.bezierCurveTo(s * 70, 0, s * 64, 50, s * 40, chin + 14);
        c.moveTo(s * 80, 40);
        c.bezierCurveTo(s * 84, 90, s * 94, 130, s * 98, 176);
        c.moveTo(s * 30, chin + 24);
        c.quadraticCurveTo(s * 56, 130, s * 62, 186);
        c.stroke();
      }
      c.strokeStyle = rgba(shade(p.hairHi, 0.2), 0.4);
      c.lineWidth = 3;
      c.beginPath();
      c.moveTo(-40, -96);
      c.quadraticCurveTo(-70, -70, -74, -20);
      c.stroke();
      sheen(c, p, -30, -90, 34, 14, 0.3);
      // Inner band framing the face.
      c.beginPath();
      opening(c);
      c.strokeStyle = rgba(shade(p.hair, -0.35), 0.55);
      c.lineWidth = 3.5;
      c.stroke();
    },
    flat: (c, p) => {
      c.beginPath();
      opening(c);
      c.strokeStyle = shade(p.hair, -0.18);
      c.lineWidth = 4;
      c.stroke();
      c.strokeStyle = rgba(shade(p.hair, -0.3), 0.6);
      c.lineWidth = 2;
      c.lineCap = 'round';
      for (const s of [-1, 1]) {
        c.beginPath();
        c.moveTo(s * 80, 50);
        c.bezierCurveTo(s * 84, 90, s * 94, 130, s * 96, 176);
        c.stroke();
      }
      flatShine(c, p, -30, -94, 30, 8, -0.4);
    },
    frontRegion: R(-122, -124, 244, 322),
  };
}

function slick(g: Geo): HairDef {
  const t = g.female ? 0 : -2;
  return {
    backRegion: R(0, 0, 1, 1),
    front: (c) => {
      c.beginPath();
      c.moveTo(-59, -4);
      c.bezierCurveTo(-68, -34, -66, -72, -46, -92 + t);
      c.bezierCurveTo(-30, -106 + t, 30, -106 + t, 46, -92 + t);
      c.bezierCurveTo(66, -72, 68, -34, 59, -4);
      c.lineTo(56, -6);
      c.bezierCurveTo(56, -26, 52, -44, 44, -56);
      c.bezierCurveTo(30, -66, 12, -64, 0, -63);
      c.bezierCurveTo(-12, -64, -30, -66, -44, -56);
      c.bezierCurveTo(-52, -44, -56, -26, -56, -6);
      c.closePath();
    },
    fill: fillWith(-106, -20),
    detail: (c, p) => {
      const curves: Curve[] = [];
      for (let i = 0; i <= 14; i++) {
        const x = -44 + i * 6.3;
        curves.push([x, -60, x * 0.95, -80, x * 0.6, -96, x * 0.35, -106]);
      }
      strands(c, p, curves, 1.1, 0.42);
      sheen(c, p, -6, -84, 34, 10, 0.45);
      innerShade(c, -66, -56, 0.25);
    },
    flat: (c, p) => flatShine(c, p, -4, -86, 30, 7, 0),
    frontRegion: R(-76, -114, 152, 114),
  };
}

const STYLES: Record<HairStyle, (g: Geo) => HairDef> = {
  fringe,
  long: longWavy,
  straight: straightLong,
  bob,
  bun,
  ponytail,
  curly,
  short: shortCut,
  textured,
  buzz,
  bald,
  afro,
  pixie,
  braids,
  hijab,
  slick,
};

export function hairDef(style: HairStyle, g: Geo): HairDef {
  return (STYLES[style] ?? shortCut)(g);
}
