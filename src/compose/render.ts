import { mouthAt, REST_MOUTH, speakingLevel } from '../lipsync/visemes.ts';
import { drawPresenter, gestureAt, groundOf, presenterById, presenterStateAt, unitPoint } from './presenter/index.ts';
import { backdropFor, cardShadow, SHADOW_PAD, type RenderAssets } from './assets.ts';
import { easeInOut, layoutAt, sceneIndexAt, type Layout, type Rect } from './layout.ts';
import { DESIGN_SIZE, type CaptionLine, type Timeline } from './types.ts';

type Ctx = OffscreenCanvasRenderingContext2D;

/** Inter for Latin, the bundled Noto fonts for every other script the app writes (see workers/render/fonts.ts). */
export const FONT_FAMILY =
  'Inter, "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Hebrew", "Noto Sans SC", "Noto Sans JP", "Noto Sans KR", "Liberation Sans", "DejaVu Sans", sans-serif';
/** Japanese text (it has kana) takes the Japanese forms of the Han characters it shares with Chinese. */
const FONT_FAMILY_JA = FONT_FAMILY.replace('"Noto Sans SC", "Noto Sans JP"', '"Noto Sans JP", "Noto Sans SC"');
const familyCache = new WeakMap<Timeline, string>();
let family = FONT_FAMILY;

function familyFor(tl: Timeline): string {
  let f = familyCache.get(tl);
  if (!f) {
    const kana = tl.captions.some((c) => c.words.some((w) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w.text)));
    f = kana || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(tl.productName) ? FONT_FAMILY_JA : FONT_FAMILY;
    familyCache.set(tl, f);
  }
  return f;
}
const CROSSFADE = 0.45;

/**
 * Draws the creative at time t (seconds) into ctx, whose canvas is any size of the timeline's
 * ratio. Preview and export both call this, so what the user previews is what they export.
 */
export function renderFrame(ctx: Ctx, tl: Timeline, assets: RenderAssets, t: number): void {
  const design = DESIGN_SIZE[tl.ratio];
  const k = ctx.canvas.width / design.w;
  family = familyFor(tl);
  ctx.save();
  ctx.setTransform(k, 0, 0, k, 0, 0);
  const layout = layoutAt(tl, t);
  const si = sceneIndexAt(tl, t);
  drawBackdrop(ctx, tl, assets, t, si, design);
  drawCard(ctx, tl, assets, t, si, layout.card);
  if (tl.presenter !== false) drawPresenterLayer(ctx, tl, t, layout.presenter, layout.card);
  if (layout.endCard > 0.01) drawEndCard(ctx, tl, layout, design);
  drawCaptions(ctx, tl, t, layout);
  drawChrome(ctx, tl, t, design);
  ctx.restore();
}

function drawBackdrop(ctx: Ctx, tl: Timeline, a: RenderAssets, t: number, si: number, d: { w: number; h: number }): void {
  const scene = tl.scenes[si]!;
  const prev = tl.scenes[si - 1];
  const fade = prev && prev.image !== scene.image ? Math.min(1, (t - scene.start) / CROSSFADE) : 1;
  // Backdrops are blitted in device pixels, outside the design-space transform.
  const dw = ctx.canvas.width;
  const dh = ctx.canvas.height;
  const current = backdropFor(a, scene.image, tl.ratio, dw, dh);
  if (fade < 1 || !current) {
    const g = ctx.createLinearGradient(0, 0, 0, d.h);
    g.addColorStop(0, tl.theme.bgTop);
    g.addColorStop(1, tl.theme.bgBottom);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, d.w, d.h);
  }
  const older = fade < 1 && prev ? backdropFor(a, prev.image, tl.ratio, dw, dh) : null;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (older) ctx.drawImage(older, 0, 0);
  if (current) {
    ctx.globalAlpha = fade;
    ctx.drawImage(current, 0, 0);
  }
  ctx.restore();
}

function roundRectPath(ctx: Ctx, r: Rect, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, radius);
}

/** Draws img to cover rect r, zoomed by z and panned by (px, py) in -1..1. */
function drawCover(ctx: Ctx, img: ImageBitmap, r: Rect, z: number, px: number, py: number): void {
  const s = Math.max(r.w / img.width, r.h / img.height) * z;
  const w = img.width * s;
  const h = img.height * s;
  const x = r.x + (r.w - w) / 2 + ((w - r.w) / 2) * px;
  const y = r.y + (r.h - h) / 2 + ((h - r.h) / 2) * py;
  ctx.drawImage(img, x, y, w, h);
}

function drawCard(ctx: Ctx, tl: Timeline, a: RenderAssets, t: number, si: number, card: Rect): void {
  const radius = Math.min(card.w, card.h) * 0.06;
  const pad = SHADOW_PAD * 1.1;
  ctx.drawImage(cardShadow(), card.x - card.w * pad, card.y - card.h * pad + card.h * 0.03, card.w * (1 + 2 * pad), card.h * (1 + 2 * pad));
  ctx.save();
  roundRectPath(ctx, card, radius);
  ctx.clip();
  const kenBurns = (sceneIdx: number, alpha: number) => {
    const scene = tl.scenes[sceneIdx]!;
    const img = a.images[scene.image];
    if (!img || alpha <= 0) return;
    const span = Math.max(0.001, scene.end - scene.start);
    const p = Math.min(1, Math.max(0, (t - scene.start) / span));
    // Alternate the direction of the slow push-in per scene so cuts feel intentional.
    const dir = sceneIdx % 2 === 0 ? 1 : -1;
    ctx.globalAlpha = alpha;
    drawCover(ctx, img, card, 1.02 + 0.08 * p, dir * (p - 0.5) * 0.8, -0.2 + 0.3 * p);
    ctx.globalAlpha = 1;
  };
  const scene = tl.scenes[si]!;
  const prev = tl.scenes[si - 1];
  const fade = prev && prev.image !== scene.image ? easeInOut(Math.min(1, (t - scene.start) / CROSSFADE)) : 1;
  if (fade < 1) kenBurns(si - 1, 1);
  kenBurns(si, fade);
  ctx.restore();
}

function drawPresenterLayer(ctx: Ctx, tl: Timeline, t: number, box: Rect, card: Rect): void {
  const look = presenterById(tl.presenterId);
  // 'display': no lip-sync, the presenter gestures toward the product.
  const display = tl.motionStyle === 'display';
  const gesture = gestureAt(tl.gestures, t);
  const state = presenterStateAt(
    t,
    display ? REST_MOUTH : mouthAt(tl.visemes, t),
    tl.seed,
    display ? 0 : speakingLevel(tl.visemes, t),
    gesture && { ...gesture, target: unitPoint(box, card.x + card.w / 2, card.y + card.h / 2) },
  );
  // A soft contact shadow grounds the presenter over the backdrop (at the feet of a full figure).
  const g = groundOf(box, look);
  ctx.save();
  ctx.translate(g.x, g.y);
  ctx.scale(1, g.flat);
  const sh = ctx.createRadialGradient(0, 0, 0, 0, 0, g.r);
  sh.addColorStop(0, 'rgba(0,0,0,0.35)');
  sh.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = sh;
  ctx.fillRect(-g.r, -g.r, 2 * g.r, 2 * g.r);
  ctx.restore();
  drawPresenter(ctx, look, state, box);
}

function font(size: number, weight = 800): string {
  return `${weight} ${Math.round(size)}px ${family}`;
}

/** The caption line on screen at t, or null between lines. */
export function captionAt(tl: Timeline, t: number): CaptionLine | null {
  let lo = 0;
  let hi = tl.captions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = tl.captions[mid]!;
    if (t < c.start) hi = mid - 1;
    else if (t >= c.end) lo = mid + 1;
    else return c;
  }
  return null;
}

/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…). */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Scripts written without spaces between words (Chinese, Japanese). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function drawCaptions(ctx: Ctx, tl: Timeline, t: number, layout: Layout): void {
  const line = captionAt(tl, t);
  if (!line) return;
  const size = tl.ratio === '16:9' ? 64 : 72;
  ctx.save();
  ctx.font = font(size);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  // Arabic and Hebrew lines run right to left: the first word sits at the right, and punctuation
  // goes to the left end of a word.
  const rtl = line.words.some((w) => RTL.test(w.text));
  ctx.direction = rtl ? 'rtl' : 'ltr';
  // Chinese and Japanese words sit close together, as the text is written.
  const tight = line.words.every((w) => UNSPACED.test(w.text) || !/\p{L}/u.test(w.text));
  const space = tight ? 0 : size * 0.04;
  const padX = tight ? size * 0.06 : size * 0.16;
  const words = line.words.map((w) => ({ ...w, width: ctx.measureText(w.text).width }));
  // Wrap into rows that fit the caption width.
  const rows: (typeof words)[] = [[]];
  let rowW = 0;
  for (const w of words) {
    const need = w.width + padX * 2 + (rows[rows.length - 1]!.length ? space : 0);
    if (rowW + need > layout.captionMaxW && rows[rows.length - 1]!.length) {
      rows.push([]);
      rowW = 0;
    }
    rows[rows.length - 1]!.push(w);
    rowW += need;
  }
  const lineH = size * 1.3;
  const cx = layout.captionX;
  const appear = easeInOut(Math.min(1, (t - line.start) / 0.12));
  rows.forEach((row, ri) => {
    const total = row.reduce((n, w, i) => n + w.width + padX * 2 + (i ? space : 0), 0);
    // Left to right from the left edge, or right to left from the right edge.
    let edge = rtl ? cx + total / 2 : cx - total / 2;
    const y = layout.captionY + (ri - (rows.length - 1) / 2) * lineH + (1 - appear) * 18;
    for (const w of row) {
      const active = t >= w.start && t < w.end + 0.05;
      const bw = w.width + padX * 2;
      const x = rtl ? edge - bw : edge;
      ctx.globalAlpha = appear;
      if (active) {
        ctx.fillStyle = tl.theme.accent;
        ctx.beginPath();
        ctx.roundRect(x, y - size * 0.62, bw, size * 1.24, size * 0.22);
        ctx.fill();
        ctx.fillStyle = tl.theme.accentInk;
        ctx.fillText(w.text, x + padX, y + size * 0.04);
      } else {
        ctx.lineJoin = 'round';
        ctx.lineWidth = size * 0.16;
        ctx.strokeStyle = 'rgba(10,12,24,0.85)';
        ctx.strokeText(w.text, x + padX, y + size * 0.04);
        ctx.fillStyle = t >= w.end ? '#ffffff' : 'rgba(255,255,255,0.92)';
        ctx.fillText(w.text, x + padX, y + size * 0.04);
      }
      ctx.globalAlpha = 1;
      edge = rtl ? edge - bw - space : edge + bw + space;
    }
  });
  ctx.restore();
}

function drawEndCard(ctx: Ctx, tl: Timeline, layout: Layout, d: { w: number; h: number }): void {
  const a = layout.endCard;
  const card = layout.card;
  const wide = tl.ratio === '16:9';
  // Name and price sit under the card (9:16, 1:1) or beside it (16:9).
  const x = wide ? card.x + card.w + 70 : card.x;
  // Beside the card on wide frames, stopping short of the presenter.
  const maxW = wide
    ? Math.min(d.w - 80, layout.presenter.x + layout.presenter.w * 0.15) - x
    : Math.max(card.w, Math.min(d.w - 60, layout.presenter.x + layout.presenter.w * 0.1) - x);
  let y = wide ? card.y + 40 : card.y + card.h + 60;
  ctx.save();
  ctx.globalAlpha = a;
  ctx.textBaseline = 'top';
  // The whole name, on at most two rows: shrink the type rather than drop words.
  let nameSize = wide ? 76 : 68;
  let rows: string[];
  for (;;) {
    ctx.font = font(nameSize, 800);
    rows = wrapText(ctx, tl.productName, maxW);
    if ((rows.length <= 2 && rows.every((r) => ctx.measureText(r).width <= maxW)) || nameSize <= 36) break;
    nameSize -= 4;
  }
  ctx.fillStyle = '#ffffff';
  for (const row of rows.slice(0, 2)) {
    ctx.fillText(row, x, y, maxW);
    y += nameSize * 1.15;
  }
  if (tl.brand) {
    ctx.font = font(nameSize * 0.45, 600);
    ctx.fillStyle = 'rgba(255,255,255,0.75)';
    ctx.fillText(tl.brand.toUpperCase(), x, y + 6);
    y += nameSize * 0.75;
  }
  y += 18;
  const btnH = wide ? 96 : 92;
  let bx = x;
  if (tl.price) {
    ctx.font = font(btnH * 0.48, 800);
    const pw = ctx.measureText(tl.price).width + 56;
    ctx.fillStyle = 'rgba(255,255,255,0.14)';
    ctx.beginPath();
    ctx.roundRect(bx, y, pw, btnH, btnH / 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.textBaseline = 'middle';
    ctx.fillText(tl.price, bx + 28, y + btnH / 2 + 2);
    bx += pw + 20;
  }
  ctx.font = font(btnH * 0.42, 800);
  const label = `${tl.cta}  →`;
  const cw = ctx.measureText(label).width + 72;
  ctx.fillStyle = tl.theme.accent;
  ctx.beginPath();
  ctx.roundRect(bx, y, cw, btnH, btnH / 2);
  ctx.fill();
  ctx.fillStyle = tl.theme.accentInk;
  ctx.textBaseline = 'middle';
  ctx.fillText(label, bx + 36, y + btnH / 2 + 2);
  ctx.restore();
}

export function wrapText(ctx: Ctx, text: string, maxW: number): string[] {
  const rows: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (ctx.measureText(next).width > maxW && cur) {
      rows.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) rows.push(cur);
  return rows;
}

/** Story-style progress bar and a brand chip: small touches that make it look finished. */
function drawChrome(ctx: Ctx, tl: Timeline, t: number, d: { w: number; h: number }): void {
  const margin = tl.ratio === '9:16' ? 60 : 50;
  const y = tl.ratio === '9:16' ? 70 : 30;
  const w = d.w - margin * 2;
  ctx.fillStyle = 'rgba(255,255,255,0.25)';
  ctx.beginPath();
  ctx.roundRect(margin, y, w, 8, 4);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(margin, y, Math.max(8, (w * Math.min(t, tl.duration)) / tl.duration), 8, 4);
  ctx.fill();
  const label = (tl.brand || tl.productName).toUpperCase();
  if (tl.ratio !== '9:16') return; // the card sits under the bar on wider ratios
  ctx.font = font(30, 700);
  ctx.textBaseline = 'middle';
  const lw = Math.min(ctx.measureText(label).width, w - 80) + 48;
  ctx.fillStyle = 'rgba(10,12,24,0.45)';
  ctx.beginPath();
  ctx.roundRect(margin, y + 24, lw, 52, 26);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.fillText(label, margin + 24, y + 51, w - 80);
}
