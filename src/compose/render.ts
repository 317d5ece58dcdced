import { mouthAt, REST_MOUTH, speakingLevel } from '../lipsync/visemes.ts';
import { drawPresenter, gestureAt, groundOf, mouthRegion, presenterById, presenterStateAt, unitPoint, UNIT_H, UNIT_W, type PresenterLook } from './presenter/index.ts';
import { backdropFor, cardShadow, deviceSprite, fillVertical, SHADOW_PAD, themeBackdrop, type RenderAssets } from './assets.ts';
import { creativeForTimeline, type CaptionStyle, type CreativeDef } from './creatives/index.ts';
import { inkFor } from './creatives/edits.ts';
import { easeInOut, layoutAt, sceneIndexAt, type Layout, type Rect } from './layout.ts';
import { DESIGN_SIZE, type CaptionLine, type Timeline } from './types.ts';
import { drawCustomAvatar } from '../lipsync/warp/draw.ts';
import { DEFAULT_FONT, videoFont } from './fonts.ts';
import { visualWordOrder } from './caption-bidi.ts';

type Ctx = OffscreenCanvasRenderingContext2D;

/** Inter for Latin, the bundled Noto fonts for every other script the app writes (see workers/render/fonts.ts). */
export const FONT_FAMILY =
  'Inter, "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Hebrew", "Noto Sans SC", "Noto Sans JP", "Noto Sans KR", "Liberation Sans", "DejaVu Sans", sans-serif';
/** Japanese text (it has kana) takes the Japanese forms of the Han characters it shares with Chinese. */
const FONT_FAMILY_JA = FONT_FAMILY.replace('"Noto Sans SC", "Noto Sans JP"', '"Noto Sans JP", "Noto Sans SC"');
const familyCache = new WeakMap<Timeline, string>();
let family = FONT_FAMILY;

/** The chosen typeface first (src/compose/fonts.ts), then the script fallbacks. */
function familyFor(tl: Timeline): string {
  let f = familyCache.get(tl);
  if (!f) {
    const kana = tl.captions.some((c) => c.words.some((w) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w.text)));
    f = kana || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(tl.productName) ? FONT_FAMILY_JA : FONT_FAMILY;
    if (tl.font && tl.font !== DEFAULT_FONT) f = `"${videoFont(tl.font).family}", ${f}`;
    familyCache.set(tl, f);
  }
  return f;
}
const CROSSFADE = 0.45;

/**
 * Draws the creative at time t (seconds) into ctx, whose canvas is any size of the timeline's
 * ratio. Preview and export both call this, so what the user previews is what they export.
 * The creative (src/compose/creatives) decides where each layer sits; see SceneFrame.
 */
export function renderFrame(ctx: Ctx, tl: Timeline, assets: RenderAssets, t: number): void {
  const design = DESIGN_SIZE[tl.ratio];
  const k = ctx.canvas.width / design.w;
  family = familyFor(tl);
  const def = creativeForTimeline(tl);
  ctx.save();
  ctx.setTransform(k, 0, 0, k, 0, 0);
  const layout = layoutAt(tl, t);
  const si = sceneIndexAt(tl, t);
  // A full-frame, opaque product photo hides the backdrop: skip drawing it.
  const bleed = layout.cardAlpha >= 1 && layout.card.x <= 0 && layout.card.y <= 0 && layout.card.x + layout.card.w >= design.w && layout.card.y + layout.card.h >= design.h;
  if (!bleed) drawBackdrop(ctx, tl, def, assets, t, si, design);
  if (layout.cardAlpha > 0.01) drawCard(ctx, tl, def, assets, t, si, layout, design);
  if (layout.scrim > 0.01) drawScrim(ctx, assets, layout.scrim, design);
  if (tl.presenter !== false && def.presenter) {
    if (layout.panel) drawPanel(ctx, tl, layout.panel);
    // A custom avatar (issue 7) replaces the drawn presenter when the timeline names it.
    if (assets.avatar && assets.avatar.presenterId === tl.presenterId) drawCustomAvatar(ctx, tl, assets.avatar, t, layout);
    else drawPresenterLayer(ctx, tl, assets, t, layout);
  }
  if (layout.endCard > 0.01) drawEndCard(ctx, tl, layout, design);
  drawCaptions(ctx, tl, t, layout, tl.captionStyle ?? def.captions);
  drawChrome(ctx, tl, t, design);
  ctx.restore();
}

function drawBackdrop(ctx: Ctx, tl: Timeline, def: CreativeDef, a: RenderAssets, t: number, si: number, d: { w: number; h: number }): void {
  const dw = ctx.canvas.width;
  const dh = ctx.canvas.height;
  if (def.backdrop === 'theme') {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(themeBackdrop(a, tl.theme, dw, dh), 0, 0);
    ctx.restore();
    return;
  }
  const scene = tl.scenes[si]!;
  const prev = tl.scenes[si - 1];
  const fade = prev && prev.image !== scene.image ? Math.min(1, (t - scene.start) / CROSSFADE) : 1;
  // Backdrops are blitted in device pixels, outside the design-space transform.
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
  if (radius > 0.5) ctx.roundRect(r.x, r.y, r.w, r.h, radius);
  else ctx.rect(r.x, r.y, r.w, r.h);
}

/** Draws img to cover rect r, zoomed by z and panned by (px, py) in -1..1. */
function drawCover(ctx: Ctx, img: ImageBitmap, r: Rect, z: number, px: number, py: number): void {
  const s = Math.max(r.w / img.width, r.h / img.height) * z;
  const w = img.width * s;
  const h = img.height * s;
  const x = r.x + (r.w - w) / 2 + ((w - r.w) / 2) * Math.max(-1, Math.min(1, px));
  const y = r.y + (r.h - h) / 2 + ((h - r.h) / 2) * Math.max(-1, Math.min(1, py));
  ctx.drawImage(img, x, y, w, h);
}

/** The product image layer: a rounded card or a full-bleed photo, with its Ken Burns move and transitions. */
function drawCard(ctx: Ctx, tl: Timeline, def: CreativeDef, a: RenderAssets, t: number, si: number, layout: Layout, d: { w: number; h: number }): void {
  const card = layout.card;
  if (card.w < 1 || card.h < 1) return;
  const radius = Math.min(card.w, card.h) * layout.cardRadius;
  const framed = radius > 0.5 && (card.w < d.w - 1 || card.h < d.h - 1);
  ctx.save();
  ctx.globalAlpha = layout.cardAlpha;
  if (framed) {
    const pad = SHADOW_PAD * 1.1;
    drawShadow(ctx, a, 'card-shadow', { x: card.x - card.w * pad, y: card.y - card.h * pad + card.h * 0.03, w: card.w * (1 + 2 * pad), h: card.h * (1 + 2 * pad) });
  }
  roundRectPath(ctx, card, radius);
  ctx.clip();
  const kb = def.kenBurns;
  /** Draws scene i's image at its Ken Burns instant, offset (dx, dy) and scaled by extra. */
  const kenBurns = (sceneIdx: number, alpha: number, dx = 0, extra = 1) => {
    const scene = tl.scenes[sceneIdx]!;
    const img = a.images[scene.image];
    if (!img || alpha <= 0) return;
    const span = Math.max(0.001, scene.end - scene.start);
    const p = Math.min(1, Math.max(0, (t - scene.start) / span));
    const dir = kb.alternate && sceneIdx % 2 === 1 ? -1 : 1;
    const z = (kb.from.zoom + (kb.to.zoom - kb.from.zoom) * p) * (scene.zoom ?? 1) * extra;
    const px = (scene.panX ?? 0) + dir * (kb.from.x + (kb.to.x - kb.from.x) * p);
    const py = (scene.panY ?? 0) + kb.from.y + (kb.to.y - kb.from.y) * p;
    ctx.globalAlpha = alpha * layout.cardAlpha;
    const r = dx ? { ...card, x: card.x + dx } : card;
    if (layout.fit === 'contain') {
      // The whole photo over a blurred copy of itself; the move is gentler (no crop to pan in).
      const bd = backdropFor(a, scene.image, tl.ratio, ctx.canvas.width, ctx.canvas.height);
      if (bd) ctx.drawImage(bd, r.x, r.y, r.w, r.h);
      const s = Math.min(r.w / img.width, r.h / img.height) * (1 + (z - 1) * 0.5);
      const w = img.width * s;
      const h = img.height * s;
      ctx.drawImage(img, r.x + (r.w - w) / 2 + px * r.w * 0.02, r.y + (r.h - h) / 2, w, h);
    } else drawCover(ctx, img, r, z, px, py);
  };
  const scene = tl.scenes[si]!;
  const prev = tl.scenes[si - 1];
  const changing = !!prev && prev.image !== scene.image;
  const k = changing ? easeInOut(Math.min(1, (t - scene.start) / def.transition.seconds)) : 1;
  if (k >= 1) kenBurns(si, 1);
  else {
    switch (def.transition.kind) {
      case 'slide':
        // The new shot pushes the old one out sideways.
        kenBurns(si - 1, 1, -card.w * k);
        kenBurns(si, 1, card.w * (1 - k));
        break;
      case 'zoom':
        kenBurns(si - 1, 1, 0, 1 + 0.25 * k);
        kenBurns(si, k, 0, 1.18 - 0.18 * k);
        break;
      case 'wipe': {
        kenBurns(si - 1, 1);
        ctx.save();
        ctx.beginPath();
        ctx.rect(card.x, card.y, card.w * k, card.h);
        ctx.clip();
        kenBurns(si, 1);
        ctx.restore();
        // A soft light edge on the wipe line.
        ctx.globalAlpha = 0.5 * (1 - Math.abs(2 * k - 1));
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(card.x + card.w * k - 3, card.y, 6, card.h);
        break;
      }
      default:
        kenBurns(si - 1, 1);
        kenBurns(si, k);
    }
  }
  ctx.restore();
}

/**
 * Draws a sprite that covers design-space rect r, as an unscaled blit once its size has settled:
 * r is rounded to device pixels, the sprite painted at that size once (assets.ts deviceSprite).
 * Only for soft content (shadows, gradients), where half a pixel of placement cannot be seen.
 */
function blitSprite(ctx: Ctx, a: RenderAssets, key: string, r: Rect, paint: (g: OffscreenCanvasRenderingContext2D, w: number, h: number) => void): void {
  const m = ctx.getTransform();
  const x = Math.round(m.a * r.x + m.e);
  const y = Math.round(m.d * r.y + m.f);
  const w = Math.round(m.a * r.w);
  const h = Math.round(m.d * r.h);
  if (w < 1 || h < 1) return;
  const sprite = deviceSprite(a, key, w, h, paint);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (sprite.exact) ctx.drawImage(sprite.canvas, x, y);
  else ctx.drawImage(sprite.canvas, x, y, w, h);
  ctx.restore();
}

/** The soft drop shadow under a card or bubble (kind: which, for deviceSprite), covering r. */
function drawShadow(ctx: Ctx, a: RenderAssets, kind: 'card-shadow' | 'bubble-shadow', r: Rect): void {
  blitSprite(ctx, a, kind, r, (g, w, h) => {
    g.imageSmoothingQuality = 'high';
    g.drawImage(cardShadow(), 0, 0, w, h);
  });
}

/** Dark gradients at the bottom (captions, end card) and top (progress bar) of full-bleed photos. */
function drawScrim(ctx: Ctx, a: RenderAssets, amount: number, d: { w: number; h: number }): void {
  ctx.save();
  ctx.globalAlpha = amount;
  // Two sprites: the band between them is clear, and blitting it would cost as much as the rest.
  const top = d.h * 0.16;
  blitSprite(ctx, a, 'scrim-top', { x: 0, y: 0, w: d.w, h: top }, (g, w, h) => fillVertical(g, w, h, [[0, 'rgba(8,10,20,0.45)'], [1, 'rgba(8,10,20,0)']]));
  const from = d.h * 0.5;
  blitSprite(ctx, a, 'scrim-bottom', { x: 0, y: from, w: d.w, h: d.h - from }, (g, w, h) =>
    fillVertical(g, w, h, [[0, 'rgba(8,10,20,0)'], [0.55, 'rgba(8,10,20,0.45)'], [1, 'rgba(8,10,20,0.8)']]),
  );
  ctx.restore();
}

/** The presenter's side of a split screen: the theme's colours with a soft light behind the figure. */
function drawPanel(ctx: Ctx, tl: Timeline, r: Rect): void {
  if (r.w < 1 || r.h < 1) return;
  const g = ctx.createLinearGradient(r.x, r.y, r.x, r.y + r.h);
  g.addColorStop(0, tl.theme.bgTop);
  g.addColorStop(1, tl.theme.bgBottom);
  ctx.fillStyle = g;
  ctx.fillRect(r.x, r.y, r.w, r.h);
}

/**
 * The presenter box that frames the head and shoulders in a round bubble: the mouth a little
 * below the bubble's centre, the face about 40 % of its width, for any pose and art style.
 */
export function bubbleBox(bubble: Rect, look: PresenterLook): Rect {
  const m = mouthRegion({ x: 0, y: 0, w: UNIT_W, h: UNIT_H }, look);
  const s = (bubble.w * 0.19) / m.w;
  const mx = m.x + m.w / 2;
  const my = m.y + m.h / 2;
  return { x: bubble.x + bubble.w / 2 - mx * s, y: bubble.y + bubble.h * 0.6 - my * s, w: UNIT_W * s, h: UNIT_H * s };
}

function drawPresenterLayer(ctx: Ctx, tl: Timeline, assets: RenderAssets, t: number, layout: Layout): void {
  const look = presenterById(tl.presenterId);
  const bubble = layout.bubble && layout.bubble.w > 4 ? layout.bubble : null;
  if (layout.bubble && !bubble) return;
  const box = bubble ? bubbleBox(bubble, look) : layout.presenter;
  const card = layout.card;
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
  if (bubble) {
    drawBubble(ctx, tl, assets, look, state, box, bubble);
    return;
  }
  ctx.save();
  if (layout.panel) {
    ctx.beginPath();
    ctx.rect(layout.panel.x, layout.panel.y, layout.panel.w, layout.panel.h);
    ctx.clip();
  }
  // A soft contact shadow grounds the presenter over the backdrop (at the feet of a full figure).
  const g = groundOf(box, look);
  blitSprite(ctx, assets, 'ground', { x: g.x - g.r, y: g.y - g.r * g.flat, w: 2 * g.r, h: 2 * g.r * g.flat }, (c, w, h) => {
    c.scale(w / 2, h / 2);
    const sh = c.createRadialGradient(1, 1, 0, 1, 1, 1);
    sh.addColorStop(0, 'rgba(0,0,0,0.35)');
    sh.addColorStop(1, 'rgba(0,0,0,0)');
    c.fillStyle = sh;
    c.fillRect(0, 0, 2, 2);
  });
  drawPresenter(ctx, look, state, box);
  ctx.restore();
}

/** The presenter framed in a circle with a white ring and a soft shadow, like a video call bubble. */
function drawBubble(ctx: Ctx, tl: Timeline, assets: RenderAssets, look: PresenterLook, state: ReturnType<typeof presenterStateAt>, box: Rect, b: Rect): void {
  const r = b.w / 2;
  const cx = b.x + r;
  const cy = b.y + r;
  const pad = SHADOW_PAD * 1.1;
  drawShadow(ctx, assets, 'bubble-shadow', { x: b.x - b.w * pad, y: b.y - b.h * pad + b.h * 0.04, w: b.w * (1 + 2 * pad), h: b.h * (1 + 2 * pad) });
  ctx.save();
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.clip();
  const g = ctx.createLinearGradient(0, b.y, 0, b.y + b.h);
  g.addColorStop(0, tl.theme.bgTop);
  g.addColorStop(1, tl.theme.bgBottom);
  ctx.fillStyle = g;
  ctx.fillRect(b.x, b.y, b.w, b.h);
  drawPresenter(ctx, look, state, box, { backdrop: 'fill' });
  ctx.restore();
  ctx.beginPath();
  ctx.arc(cx, cy, r - Math.max(3, r * 0.025), 0, Math.PI * 2);
  ctx.lineWidth = Math.max(6, r * 0.05);
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  // A small accent dot: "live" / speaking.
  if (r > 90) {
    const a = Math.PI * 0.25;
    ctx.beginPath();
    ctx.arc(cx + Math.cos(a) * r * 0.86, cy + Math.sin(a) * r * 0.86, r * 0.09, 0, Math.PI * 2);
    ctx.fillStyle = tl.theme.accent;
    ctx.fill();
    ctx.lineWidth = Math.max(4, r * 0.025);
    ctx.stroke();
  }
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

function drawCaptions(ctx: Ctx, tl: Timeline, t: number, layout: Layout, style: CaptionStyle): void {
  if (style === 'off') return;
  const line = captionAt(tl, t);
  if (!line) return;
  const size = tl.ratio === '16:9' ? 64 : 72;
  ctx.save();
  ctx.font = font(size);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  // Arabic and Hebrew lines run right to left; words in other scripts and numbers inside them
  // keep their own order (the Unicode bidi algorithm places the words, see caption-bidi.ts).
  const rtl = line.words.some((w) => RTL.test(w.text));
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
  if (style === 'box') {
    // One dark rounded box behind the whole line; the spoken word lights up in the accent colour.
    const widest = Math.max(...rows.map((row) => row.reduce((n, w, i) => n + w.width + padX * 2 + (i ? space : 0), 0)));
    const h = rows.length * lineH + size * 0.5;
    ctx.globalAlpha = appear * 0.82;
    ctx.fillStyle = 'rgba(10,12,24,0.9)';
    ctx.beginPath();
    ctx.roundRect(cx - widest / 2 - size * 0.3, layout.captionY - h / 2 + (1 - appear) * 18, widest + size * 0.6, h, size * 0.3);
    ctx.fill();
  }
  rows.forEach((row, ri) => {
    const total = row.reduce((n, w, i) => n + w.width + padX * 2 + (i ? space : 0), 0);
    // Words from the left edge in the order they are seen; each word's letters run its own way
    // (an Arabic word's full stop goes to its left end).
    let edge = cx - total / 2;
    const y = layout.captionY + (ri - (rows.length - 1) / 2) * lineH + (1 - appear) * 18;
    for (const { index, dir } of visualWordOrder(row.map((w) => w.text), rtl ? 'rtl' : 'ltr')) {
      const w = row[index]!;
      ctx.direction = dir;
      const active = t >= w.start && t < w.end + 0.05;
      const bw = w.width + padX * 2;
      const x = edge;
      ctx.globalAlpha = appear;
      if (style !== 'pill') {
        // Karaoke: words already spoken and the one being spoken in the accent colour, the rest white.
        const lit = style === 'karaoke' ? t >= w.start : active;
        if (style === 'karaoke') {
          ctx.lineJoin = 'round';
          ctx.lineWidth = size * 0.2;
          ctx.strokeStyle = 'rgba(10,12,24,0.9)';
          ctx.strokeText(w.text, x + padX, y + size * 0.04);
        }
        ctx.fillStyle = lit ? tl.theme.accent : '#ffffff';
        if (active && style === 'karaoke') {
          // The spoken word pops a little.
          ctx.save();
          ctx.translate(x + bw / 2, y);
          ctx.scale(1.08, 1.08);
          ctx.translate(-(x + bw / 2), -y);
          ctx.fillText(w.text, x + padX, y + size * 0.04);
          ctx.restore();
        } else ctx.fillText(w.text, x + padX, y + size * 0.04);
      } else if (active) {
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
      edge += bw + space;
    }
  });
  ctx.restore();
}

function drawEndCard(ctx: Ctx, tl: Timeline, layout: Layout, d: { w: number; h: number }): void {
  const a = layout.endCard;
  const card = layout.card;
  const wide = tl.ratio === '16:9';
  const at = layout.endText;
  // Name and price sit under the card (9:16, 1:1) or beside it (16:9), unless the creative places them.
  const x = at ? at.x : wide ? card.x + card.w + 70 : card.x;
  // Beside the card on wide frames, stopping short of the presenter.
  const maxW = at
    ? at.maxW
    : wide
      ? Math.min(d.w - 80, layout.presenter.x + layout.presenter.w * 0.15) - x
      : Math.max(card.w, Math.min(d.w - 60, layout.presenter.x + layout.presenter.w * 0.1) - x);
  let y = at ? at.y : wide ? card.y + 40 : card.y + card.h + 60;
  // Text on a light split-screen panel is dark.
  const p = layout.panel;
  const ink = p && x >= p.x && x < p.x + p.w && y >= p.y && y < p.y + p.h ? inkFor(tl.theme.bgTop) : '#ffffff';
  const dark = ink !== '#ffffff';
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
  ctx.fillStyle = ink;
  for (const row of rows.slice(0, 2)) {
    ctx.fillText(row, x, y, maxW);
    y += nameSize * 1.15;
  }
  if (tl.brand) {
    ctx.font = font(nameSize * 0.45, 600);
    ctx.fillStyle = dark ? 'rgba(20,20,30,0.7)' : 'rgba(255,255,255,0.75)';
    ctx.fillText(tl.brand.toUpperCase(), x, y + 6);
    y += nameSize * 0.75;
  }
  y += 18;
  const btnH = wide ? 96 : 92;
  let bx = x;
  if (tl.price) {
    ctx.font = font(btnH * 0.48, 800);
    const pw = ctx.measureText(tl.price).width + 56;
    ctx.fillStyle = dark ? 'rgba(20,20,30,0.08)' : 'rgba(255,255,255,0.14)';
    ctx.beginPath();
    ctx.roundRect(bx, y, pw, btnH, btnH / 2);
    ctx.fill();
    ctx.fillStyle = ink;
    ctx.textBaseline = 'middle';
    ctx.fillText(tl.price, bx + 28, y + btnH / 2 + 2);
    bx += pw + 20;
  }
  ctx.font = font(btnH * 0.42, 800);
  const label = `${tl.cta}  →`;
  const cw = ctx.measureText(label).width + 72;
  // Too narrow for price and button side by side: the button goes under the price.
  if (bx > x && bx + cw > x + maxW) {
    bx = x;
    y += btnH + 16;
  }
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
