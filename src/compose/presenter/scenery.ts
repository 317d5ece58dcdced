import { mix, rgba, shade } from './color.ts';
import type { Background, PresenterLook } from './looks.ts';
import { softBlob, type Ctx, type Geo } from './paint.ts';
import { DESK_Y, type PoseDef } from './pose.ts';

/*
 * What surrounds the figure: the background scene (unit space, behind everything), the chair
 * of the seated pose (behind the body) and its desk (in front of the body, under the arms).
 */

export type BackdropMode = 'panel' | 'fill' | 'none';

/**
 * The panel a scene shows through in a video: an arch behind the head and shoulders (or a
 * framed card behind a full-body figure), so the product around it stays visible.
 */
export function panelPath(c: Ctx, pose: PoseDef): void {
  c.beginPath();
  if (pose.id === 'full') {
    c.roundRect(52, 2, 196, pose.ground + 14, [98, 98, 18, 18]);
  } else {
    const x0 = 18;
    const x1 = 282;
    const r = (x1 - x0) / 2;
    c.moveTo(x0, 400 + 4);
    c.lineTo(x0, 14 + r);
    c.arc(150, 14 + r, r, Math.PI, 0);
    c.lineTo(x1, 400 + 4);
    c.closePath();
  }
}

/** Paint the scene into the box (unit space, 0..300 × 0..400). */
export function paintBackdrop(c: Ctx, look: PresenterLook, pose: PoseDef, g: Geo, mode: BackdropMode): void {
  const bg = look.background;
  if (bg && bg.kind !== 'none' && mode !== 'none') {
    c.save();
    if (mode === 'panel') {
      panelPath(c, pose);
      c.save();
      c.shadowColor = 'rgba(0,0,0,0.35)';
      c.shadowBlur = 18 * Math.hypot(c.getTransform().a, c.getTransform().b);
      c.shadowOffsetY = 4 * Math.hypot(c.getTransform().a, c.getTransform().b);
      c.fillStyle = bg.base;
      c.fill();
      c.restore();
      panelPath(c, pose);
      c.clip();
    } else {
      c.beginPath();
      c.rect(-2, -2, 304, 404);
      c.clip();
    }
    paintScene(c, bg, pose);
    c.restore();
    if (mode === 'panel') {
      panelPath(c, pose);
      c.strokeStyle = 'rgba(255,255,255,0.55)';
      c.lineWidth = 2.2;
      c.stroke();
    }
  }
  if (pose.id === 'seated') {
    c.save();
    c.translate(pose.tx, pose.ty);
    c.scale(pose.scale, pose.scale);
    paintChair(c, g);
    c.restore();
  }
}

function paintScene(c: Ctx, bg: Background, pose: PoseDef): void {
  const floorY = pose.id === 'full' ? pose.ground - 4 : 330;
  switch (bg.kind) {
    case 'studio': {
      const gr = c.createRadialGradient(150, 150, 10, 150, 190, 260);
      gr.addColorStop(0, shade(bg.base, 0.22));
      gr.addColorStop(0.6, bg.base);
      gr.addColorStop(1, shade(bg.base, -0.3));
      c.fillStyle = gr;
      c.fillRect(-2, -2, 304, 404);
      // Seamless floor sweep.
      const fl = c.createLinearGradient(0, floorY - 30, 0, 404);
      fl.addColorStop(0, rgba(bg.accent, 0));
      fl.addColorStop(0.35, rgba(bg.accent, 0.55));
      fl.addColorStop(1, rgba(shade(bg.accent, -0.2), 0.9));
      c.fillStyle = fl;
      c.fillRect(-2, floorY - 30, 304, 434 - floorY);
      softBlob(c, 150, 110, 120, 90, '#ffffff', 0.22);
      break;
    }
    case 'office': {
      const wall = c.createLinearGradient(0, 0, 0, 400);
      wall.addColorStop(0, shade(bg.base, 0.1));
      wall.addColorStop(1, shade(bg.base, -0.12));
      c.fillStyle = wall;
      c.fillRect(-2, -2, 304, 404);
      // A window on the right with a skyline.
      const wx = 196;
      const wy = 40;
      const ww = 120;
      const wh = 230;
      const sky = c.createLinearGradient(0, wy, 0, wy + wh);
      sky.addColorStop(0, '#9fc9ee');
      sky.addColorStop(1, '#dcecf7');
      c.fillStyle = sky;
      c.fillRect(wx, wy, ww, wh);
      c.fillStyle = mix(bg.accent, '#9fb6cc', 0.5);
      const towers: Array<[number, number, number]> = [[0, 120, 22], [24, 80, 18], [44, 150, 26], [72, 100, 20], [94, 130, 28]];
      for (const [dx, h, w] of towers) c.fillRect(wx + dx, wy + wh - h, w, h);
      c.fillStyle = rgba('#ffffff', 0.35);
      for (const [dx, h, w] of towers) {
        for (let y = wy + wh - h + 8; y < wy + wh - 6; y += 12) c.fillRect(wx + dx + 4, y, w - 8, 3);
      }
      c.strokeStyle = shade(bg.base, -0.35);
      c.lineWidth = 6;
      c.strokeRect(wx, wy, ww, wh);
      c.lineWidth = 3;
      c.beginPath();
      c.moveTo(wx + ww / 2, wy);
      c.lineTo(wx + ww / 2, wy + wh);
      c.stroke();
      // A shelf with books and a plant on the left.
      c.fillStyle = shade(bg.accent, -0.1);
      c.fillRect(-4, 150, 92, 7);
      const books = ['#d46a4c', '#3f6c8f', '#e0b34a', '#6b8f5a', '#8a5a8f'];
      books.forEach((col, i) => {
        c.fillStyle = col;
        c.fillRect(4 + i * 11, 150 - (26 + (i % 3) * 6), 9, 26 + (i % 3) * 6);
      });
      c.fillStyle = '#b4805a';
      c.fillRect(62, 136, 16, 14);
      c.fillStyle = '#4f8a52';
      for (const [x, y, r] of [[66, 128, 8], [74, 124, 9], [70, 118, 7]] as const) {
        c.beginPath();
        c.arc(x, y, r, 0, Math.PI * 2);
        c.fill();
      }
      break;
    }
    case 'home': {
      const wall = c.createLinearGradient(0, 0, 300, 400);
      wall.addColorStop(0, shade(bg.base, 0.12));
      wall.addColorStop(1, shade(bg.base, -0.1));
      c.fillStyle = wall;
      c.fillRect(-2, -2, 304, 404);
      // Framed picture.
      c.fillStyle = '#f7f1e6';
      c.fillRect(10, 54, 64, 50);
      c.fillStyle = mix(bg.accent, '#e8b86a', 0.4);
      c.beginPath();
      c.moveTo(16, 98);
      c.lineTo(36, 70);
      c.lineTo(50, 86);
      c.lineTo(60, 76);
      c.lineTo(68, 98);
      c.closePath();
      c.fill();
      c.strokeStyle = '#5a4636';
      c.lineWidth = 3;
      c.strokeRect(10, 54, 64, 50);
      // Floor lamp with a glowing shade on the right.
      softBlob(c, 262, 96, 60, 50, '#fff4d0', 0.55);
      c.strokeStyle = '#3b3432';
      c.lineWidth = 3;
      c.beginPath();
      c.moveTo(262, 110);
      c.lineTo(262, 404);
      c.stroke();
      c.fillStyle = '#f3e3bf';
      c.beginPath();
      c.moveTo(244, 110);
      c.lineTo(280, 110);
      c.lineTo(272, 80);
      c.lineTo(252, 80);
      c.closePath();
      c.fill();
      // Sofa back along the bottom.
      c.fillStyle = bg.accent;
      c.beginPath();
      c.roundRect(-10, 300, 320, 120, 26);
      c.fill();
      c.fillStyle = rgba('#000000', 0.12);
      c.fillRect(-10, 336, 320, 4);
      break;
    }
    case 'outdoor': {
      const sky = c.createLinearGradient(0, 0, 0, 300);
      sky.addColorStop(0, shade(bg.base, -0.08));
      sky.addColorStop(1, shade(bg.base, 0.45));
      c.fillStyle = sky;
      c.fillRect(-2, -2, 304, 404);
      softBlob(c, 232, 70, 70, 70, '#fff6d8', 0.6);
      // Hills and trees.
      c.fillStyle = shade(bg.accent, 0.15);
      c.beginPath();
      c.moveTo(-4, 250);
      c.quadraticCurveTo(80, 200, 160, 240);
      c.quadraticCurveTo(240, 270, 304, 226);
      c.lineTo(304, 404);
      c.lineTo(-4, 404);
      c.closePath();
      c.fill();
      c.fillStyle = bg.accent;
      c.beginPath();
      c.moveTo(-4, 290);
      c.quadraticCurveTo(120, 262, 304, 300);
      c.lineTo(304, 404);
      c.lineTo(-4, 404);
      c.closePath();
      c.fill();
      for (const [x, y, r] of [[22, 200, 30], [48, 214, 22], [276, 190, 32], [252, 212, 22]] as const) {
        c.fillStyle = '#6b4a34';
        c.fillRect(x - 3, y, 6, 70);
        c.fillStyle = shade(bg.accent, -0.18);
        c.beginPath();
        c.arc(x, y, r, 0, Math.PI * 2);
        c.fill();
        softBlob(c, x - r * 0.3, y - r * 0.3, r * 0.6, r * 0.5, '#ffffff', 0.15);
      }
      break;
    }
    default: {
      const gr = c.createRadialGradient(150, 160, 20, 150, 200, 270);
      gr.addColorStop(0, shade(bg.base, 0.12));
      gr.addColorStop(1, shade(bg.base, -0.12));
      c.fillStyle = gr;
      c.fillRect(-2, -2, 304, 404);
    }
  }
  if (pose.id === 'full' && bg.kind !== 'outdoor') {
    // Floor under the full-body figure.
    const fl = c.createLinearGradient(0, floorY, 0, floorY + 60);
    fl.addColorStop(0, rgba(shade(bg.accent, -0.1), 0.75));
    fl.addColorStop(1, rgba(shade(bg.accent, -0.3), 0.9));
    c.fillStyle = fl;
    c.fillRect(-2, floorY, 304, 404 - floorY);
  }
}

function paintChair(c: Ctx, g: Geo): void {
  const s = g.shoulder;
  c.beginPath();
  c.roundRect(150 - s - 8, 236, 2 * s + 16, DESK_Y - 180, [36, 36, 8, 8]);
  const gr = c.createLinearGradient(150 - s, 0, 150 + s, 0);
  gr.addColorStop(0, '#4a4d57');
  gr.addColorStop(0.5, '#3a3c44');
  gr.addColorStop(1, '#26272d');
  c.fillStyle = gr;
  c.fill();
  c.strokeStyle = rgba('#000000', 0.25);
  c.lineWidth = 2;
  c.beginPath();
  c.roundRect(150 - s + 4, 248, 2 * s - 8, DESK_Y - 200, 28);
  c.stroke();
}

/** The desk of the seated pose (unit space): top, front edge, a mug. */
export function paintDesk(c: Ctx, look: PresenterLook, pose: PoseDef): void {
  const top = pose.ty + DESK_Y * pose.scale;
  const kind = look.background?.kind ?? 'none';
  const wood = kind === 'home' ? '#a8774f' : kind === 'office' ? '#caa27a' : '#eceae6';
  const front = kind === 'home' || kind === 'office' ? shade(wood, -0.25) : '#3b4152';
  c.beginPath();
  c.moveTo(-30, top + 4);
  c.lineTo(330, top + 4);
  c.lineTo(340, top + 26);
  c.lineTo(-40, top + 26);
  c.closePath();
  const tg = c.createLinearGradient(0, top, 0, top + 26);
  tg.addColorStop(0, shade(wood, 0.1));
  tg.addColorStop(1, shade(wood, -0.06));
  c.fillStyle = tg;
  c.fill();
  c.beginPath();
  c.rect(-40, top + 26, 380, 400 - top);
  const fg = c.createLinearGradient(0, top + 26, 0, 404);
  fg.addColorStop(0, front);
  fg.addColorStop(1, shade(front, -0.25));
  c.fillStyle = fg;
  c.fill();
  c.fillStyle = rgba('#ffffff', 0.35);
  c.fillRect(-40, top + 26, 380, 1.6);
  // A mug on the right.
  const mx = 252;
  const my = top + 6;
  c.beginPath();
  c.roundRect(mx - 12, my - 26, 24, 28, 4);
  c.fillStyle = look.outfit.accent ?? '#e9e4da';
  c.fill();
  c.beginPath();
  c.arc(mx + 14, my - 13, 7, -Math.PI / 2, Math.PI / 2);
  c.strokeStyle = look.outfit.accent ?? '#e9e4da';
  c.lineWidth = 3.5;
  c.stroke();
  softBlob(c, mx - 5, my - 14, 4, 10, '#ffffff', 0.4);
}
