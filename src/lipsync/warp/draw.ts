/*
 * The warp engine's drawing: any instant of a custom avatar, synchronously, from the bitmaps in
 * CustomAvatarAssets. Photo: mesh warp of jaw and lips + painted inner mouth and teeth + blinks.
 * Video: a ping-pong base loop with the mouth from the best-matching source frame pasted through
 * a feathered mask. Then the backdrop is keyed out when asked and the avatar placed in the layout.
 */
import { KEYPOINT, type Point, type TrackedFace } from '../../avatar/types.ts';
import { eyeDistance, poseOf } from '../../avatar/signal.ts';
import { pingPong } from '../../avatar/track.ts';
import type { Layout, Rect } from '../../compose/layout.ts';
import { blinkAt } from '../../compose/presenter/motion.ts';
import { DESIGN_SIZE, type Timeline } from '../../compose/types.ts';
import type { MouthShape, VisemeKey } from '../types.ts';
import { mouthAt, REST_MOUTH } from '../visemes.ts';
import { affineFromTriangles, buildMesh, innerMouth, type FaceGeometry, type MouthPose } from './mesh.ts';
import { selectMouths, type WantedMouth } from './select.ts';
import type { CustomAvatarAssets, PhotoAvatarAssets, VideoAvatarAssets } from './types.ts';
import { pasteNeuralAt } from '../neural/compose.ts';

type Ctx = OffscreenCanvasRenderingContext2D;

function mouthFor(tl: Pick<Timeline, 'visemes' | 'motionStyle'>, t: number): MouthShape {
  return tl.motionStyle === 'display' ? REST_MOUTH : mouthAt(tl.visemes, t);
}

export function geometryOf(face: NonNullable<TrackedFace>): FaceGeometry {
  return { mouth: face.keypoints[KEYPOINT.mouth]!, d: eyeDistance(face), roll: (poseOf(face.keypoints).roll * Math.PI) / 180 };
}

/** Draws the photo with its lower face warped to `pose` (the unwarped photo must already be under it). */
export function warpPhoto(g: Ctx, image: CanvasImageSource, geom: FaceGeometry, pose: MouthPose): void {
  const mesh = buildMesh(geom, pose);
  const { cols, rest, moved } = mesh;
  const at = (r: number, c: number): number => r * (cols + 1) + c;
  const tri = (ia: number, ib: number, ic: number): void => {
    const s: [Point, Point, Point] = [rest[ia]!, rest[ib]!, rest[ic]!];
    const d: [Point, Point, Point] = [moved[ia]!, moved[ib]!, moved[ic]!];
    // Untouched triangles are already right in the photo underneath.
    if (s.every((p, k) => Math.abs(p[0] - d[k]![0]) < 0.15 && Math.abs(p[1] - d[k]![1]) < 0.15)) return;
    const m = affineFromTriangles(s, d);
    if (!m) return;
    const xs = s.map((p) => p[0]);
    const ys = s.map((p) => p[1]);
    const sx = Math.floor(Math.min(...xs)) - 2;
    const sy = Math.floor(Math.min(...ys)) - 2;
    const sw = Math.ceil(Math.max(...xs)) + 2 - sx;
    const sh = Math.ceil(Math.max(...ys)) + 2 - sy;
    // Grow the clip a little beyond the triangle so neighbours overlap: no hairline seams.
    const cx = (d[0][0] + d[1][0] + d[2][0]) / 3;
    const cy = (d[0][1] + d[1][1] + d[2][1]) / 3;
    g.save();
    g.beginPath();
    d.forEach(([x, y], k) => {
      const len = Math.hypot(x - cx, y - cy) || 1;
      const px = x + ((x - cx) / len) * 0.6;
      const py = y + ((y - cy) / len) * 0.6;
      if (k === 0) g.moveTo(px, py);
      else g.lineTo(px, py);
    });
    g.closePath();
    g.clip();
    g.transform(m[0], m[1], m[2], m[3], m[4], m[5]);
    g.drawImage(image, sx, sy, sw, sh, sx, sy, sw, sh);
    g.restore();
  };
  for (let r = 0; r < mesh.rows; r++) {
    for (let c = 0; c < cols; c++) {
      tri(at(r, c), at(r, c + 1), at(r + 1, c + 1));
      tri(at(r, c), at(r + 1, c + 1), at(r + 1, c));
    }
  }
}

/** Paints the opened mouth: dark cavity, upper (and a hint of lower) teeth, tongue, lip shadow. */
export function paintInnerMouth(g: Ctx, geom: FaceGeometry, shape: MouthShape): void {
  const pose = { open: shape.open, wide: shape.wide, round: shape.round };
  const pts = innerMouth(geom, pose);
  if (pts.length < 3) return;
  const d = geom.d;
  const [mx, my] = geom.mouth;
  g.save();
  g.beginPath();
  pts.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
  g.closePath();
  const cavity = g.createRadialGradient(mx, my + d * 0.06, d * 0.02, mx, my + d * 0.06, d * 0.45);
  cavity.addColorStop(0, '#1c0707');
  cavity.addColorStop(1, '#4a1a1a');
  g.fillStyle = cavity;
  g.fill();
  g.clip();
  g.translate(mx, my);
  g.rotate(geom.roll);
  const top = -d * 0.05;
  const teeth = Math.max(0.35, shape.teeth);
  // Upper teeth: a light band under the upper lip, shaded towards the corners.
  const tg = g.createLinearGradient(-d * 0.4, 0, d * 0.4, 0);
  tg.addColorStop(0, 'rgba(150,140,130,0.9)');
  tg.addColorStop(0.5, 'rgba(238,234,226,0.97)');
  tg.addColorStop(1, 'rgba(150,140,130,0.9)');
  g.fillStyle = tg;
  g.fillRect(-d * 0.4, top, d * 0.8, d * (0.02 + 0.075 * teeth));
  // Lower teeth show a little on a wide-open mouth.
  const low = 0.32 * shape.open * d;
  if (shape.open > 0.35) {
    g.globalAlpha = 0.7;
    g.fillRect(-d * 0.3, low - d * 0.04, d * 0.6, d * 0.035);
    g.globalAlpha = 1;
  }
  if (shape.tongue > 0.05 || shape.open > 0.3) {
    g.fillStyle = `rgba(170,70,75,${0.45 + 0.4 * shape.tongue})`;
    g.beginPath();
    g.ellipse(0, low * 0.85, d * 0.22, d * (0.04 + 0.06 * shape.open), 0, 0, Math.PI * 2);
    g.fill();
  }
  g.restore();
  // A soft shadow along the lips' inner edge.
  g.save();
  g.beginPath();
  pts.forEach(([x, y], i) => (i ? g.lineTo(x, y) : g.moveTo(x, y)));
  g.closePath();
  g.strokeStyle = 'rgba(80,25,25,0.55)';
  g.lineWidth = Math.max(1, d * 0.025);
  g.stroke();
  g.restore();
}

/** Closes the eyelids by `amount` (0..1), painted in the skin colour above each eye. */
export function paintBlink(g: Ctx, face: NonNullable<TrackedFace>, amount: number, lidColors: [string, string]): void {
  if (amount < 0.05) return;
  const d = eyeDistance(face);
  const roll = (poseOf(face.keypoints).roll * Math.PI) / 180;
  [KEYPOINT.rightEye, KEYPOINT.leftEye].forEach((k, side) => {
    const [x, y] = face.keypoints[k]!;
    const rx = d * 0.2;
    const ry = d * 0.1;
    g.save();
    g.translate(x, y);
    g.rotate(roll);
    g.beginPath();
    g.ellipse(0, 0, rx, ry, 0, 0, Math.PI * 2);
    g.clip();
    const edge = -ry + 2 * ry * amount;
    g.fillStyle = lidColors[side]!;
    g.fillRect(-rx, -ry - 1, rx * 2, edge + ry + 1);
    // The lash line at the lid's edge.
    g.strokeStyle = 'rgba(40,25,20,0.75)';
    g.lineWidth = Math.max(1, d * 0.03);
    g.beginPath();
    g.moveTo(-rx, edge);
    g.quadraticCurveTo(0, edge + ry * 0.35 * amount, rx, edge);
    g.stroke();
    g.restore();
  });
}

function photoFrame(a: PhotoAvatarAssets, tl: Pick<Timeline, 'visemes' | 'motionStyle' | 'seed'>, t: number): void {
  const g = a.layer.getContext('2d')!;
  g.clearRect(0, 0, a.width, a.height);
  g.drawImage(a.image, 0, 0, a.width, a.height);
  // Neural lip-sync (issue 8): the model's mouth replaces the warp.
  if (a.neural && pasteNeuralAt(g, a.neural, t, a.width, a.height)) {
    paintBlink(g, a.face, blinkAt(t, tl.seed), a.lidColors);
    return;
  }
  const shape = mouthFor(tl, t);
  const geom = geometryOf(a.face);
  if (shape.open > 0.01 || Math.abs(shape.wide) > 0.02 || shape.round > 0.02) {
    warpPhoto(g, a.image, geom, { open: shape.open, wide: shape.wide, round: shape.round });
    paintInnerMouth(g, geom, shape);
  }
  paintBlink(g, a.face, blinkAt(t, tl.seed), a.lidColors);
}

/** What the viseme track wants per output frame, as mouth features (open, wide) in 0..1. */
export function wantedMouths(visemes: readonly VisemeKey[], duration: number, fps: number, display = false): WantedMouth[] {
  const n = Math.max(1, Math.ceil(duration * fps) + 1);
  const out: WantedMouth[] = [];
  for (let i = 0; i < n; i++) {
    const m = display ? REST_MOUTH : mouthAt(visemes, i / fps);
    out.push({ open: Math.min(1, m.open * 1.15), wide: Math.min(1, Math.max(0, 0.5 + 0.5 * (m.wide - m.round))) });
  }
  return out;
}

function choicesFor(a: VideoAvatarAssets, tl: Pick<Timeline, 'visemes' | 'motionStyle' | 'duration'>): number[] {
  const key = tl.visemes as object;
  let c = a.choices.get(key);
  if (!c) {
    const wanted = wantedMouths(tl.visemes, tl.duration, a.fps, tl.motionStyle === 'display');
    c = selectMouths(wanted, a.features, a.patches.map((p) => p.frame));
    a.choices.set(key, c);
  }
  return c;
}

function videoFrame(a: VideoAvatarAssets, tl: Pick<Timeline, 'visemes' | 'motionStyle' | 'duration'>, t: number): void {
  const g = a.layer.getContext('2d')!;
  const i = Math.max(0, Math.floor(t * a.fps + 1e-6));
  const base = pingPong(a.loop, i);
  const frame = a.frames[base - a.loop.start];
  g.clearRect(0, 0, a.width, a.height);
  if (frame) g.drawImage(frame, 0, 0, a.width, a.height);
  if (a.neural && pasteNeuralAt(g, a.neural, t, a.width, a.height)) return;
  const face = a.faces[base];
  const choices = choicesFor(a, tl);
  const src = choices[Math.min(i, choices.length - 1)];
  const patch = a.patches.find((p) => p.frame === src);
  if (!face || !patch) return;
  const d = eyeDistance(face);
  const s = d / patch.d;
  const [mx, my] = face.keypoints[KEYPOINT.mouth]!;
  g.drawImage(patch.bitmap, mx - patch.center[0] * s, my - patch.center[1] * s, patch.bitmap.width * s, patch.bitmap.height * s);
}

/** Composes the avatar's own frame at t (output size), keyed when a backdrop colour was given. */
export function avatarFrame(a: CustomAvatarAssets, tl: Pick<Timeline, 'visemes' | 'motionStyle' | 'seed' | 'duration'>, t: number): CanvasImageSource {
  if (a.kind === 'photo') photoFrame(a, tl, t);
  else videoFrame(a, tl, t);
  return a.keyer ? a.keyer(a.layer) : a.layer;
}

function faceCentre(a: CustomAvatarAssets): { x: number; y: number; w: number } {
  const face = a.kind === 'photo' ? a.face : a.faces[a.loop.start];
  if (!face) return { x: a.width / 2, y: a.height / 3, w: a.width / 4 };
  return { x: face.box[0] + face.box[2] / 2, y: face.box[1] + face.box[3] / 2, w: face.box[2] };
}

function fillBehind(ctx: Ctx, a: CustomAvatarAssets, r: Rect, tl: Timeline): void {
  if (a.background) {
    const s = Math.max(r.w / a.background.width, r.h / a.background.height);
    ctx.drawImage(a.background, r.x + (r.w - a.background.width * s) / 2, r.y + (r.h - a.background.height * s) / 2, a.background.width * s, a.background.height * s);
  } else if (a.backgroundColor) {
    ctx.fillStyle = `rgb(${a.backgroundColor.join(',')})`;
    ctx.fillRect(r.x, r.y, r.w, r.h);
  } else if (a.keyer) {
    const g = ctx.createLinearGradient(r.x, r.y, r.x, r.y + r.h);
    g.addColorStop(0, tl.theme.bgTop);
    g.addColorStop(1, tl.theme.bgBottom);
    ctx.fillStyle = g;
    ctx.fillRect(r.x, r.y, r.w, r.h);
  }
}

/**
 * Draws the custom avatar at t in the layout's presenter place: in the round bubble (face
 * centred), as a cut-out person when keyed with nothing behind, else as a rounded card.
 */
export function drawCustomAvatar(ctx: Ctx, tl: Timeline, a: CustomAvatarAssets, t: number, layout: Layout): void {
  const bubble = layout.bubble && layout.bubble.w > 4 ? layout.bubble : null;
  if (layout.bubble && !bubble) return;
  const img = avatarFrame(a, tl, t);
  ctx.save();
  if (bubble) {
    const f = faceCentre(a);
    const s = (bubble.w * 0.45) / f.w;
    ctx.beginPath();
    ctx.ellipse(bubble.x + bubble.w / 2, bubble.y + bubble.h / 2, bubble.w / 2, bubble.h / 2, 0, 0, Math.PI * 2);
    ctx.clip();
    fillBehind(ctx, a, bubble, tl);
    ctx.drawImage(img, bubble.x + bubble.w / 2 - f.x * s, bubble.y + bubble.h * 0.5 - f.y * s, a.width * s, a.height * s);
    ctx.restore();
    return;
  }
  if (layout.panel) {
    ctx.beginPath();
    ctx.rect(layout.panel.x, layout.panel.y, layout.panel.w, layout.panel.h);
    ctx.clip();
  }
  // The presenter box may reach past the frame (drawn figures are cut at the waist): keep to
  // the visible part, so the whole avatar is seen.
  const design = DESIGN_SIZE[tl.ratio];
  const b = layout.presenter;
  const top = Math.max(0, b.y);
  const box: Rect = { x: b.x, y: top, w: b.w, h: Math.max(1, Math.min(design.h, b.y + b.h) - top) };
  // Fit the avatar's frame inside the presenter box, standing on its bottom edge.
  const s = Math.min(box.w / a.width, box.h / a.height);
  const w = a.width * s;
  const h = a.height * s;
  const r: Rect = { x: box.x + (box.w - w) / 2, y: box.y + box.h - h, w, h };
  const cutout = a.keyer && !a.background && !a.backgroundColor;
  if (!cutout) {
    ctx.beginPath();
    ctx.roundRect(r.x, r.y, r.w, r.h, Math.min(r.w, r.h) * 0.05);
    ctx.clip();
    fillBehind(ctx, a, r, tl);
  }
  ctx.drawImage(img, r.x, r.y, r.w, r.h);
  ctx.restore();
}
