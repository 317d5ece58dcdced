/*
 * Loads a stored custom avatar for drawing (in the render worker): reads the record by id and
 * decodes its material to bitmaps once, so draw.ts can draw any frame synchronously. Mouth patches
 * get their feathered mask baked in here (an ellipse fading to transparent at its rim).
 */
import type { AvatarRecord } from '../../storage/schema.ts';
import { getAvatar } from '../../storage/avatars.ts';
import type { Point, Rgb, TrackedFace } from '../../avatar/types.ts';
import { KEYPOINT } from '../../avatar/types.ts';
import { avatarIdOf, customPresenterId, type CustomAvatarAssets, type Keyer, type MouthPatch } from './types.ts';

export type KeyerFactory = (key: Rgb, width: number, height: number) => Keyer;

async function feathered(blob: Blob): Promise<ImageBitmap> {
  const bmp = await createImageBitmap(blob);
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const g = c.getContext('2d')!;
  g.drawImage(bmp, 0, 0);
  bmp.close();
  // An elliptical mask: opaque in the middle, fading over the outer 45 %.
  g.globalCompositeOperation = 'destination-in';
  g.translate(c.width / 2, c.height / 2);
  g.scale(c.width / 2, c.height / 2);
  const m = g.createRadialGradient(0, 0, 0, 0, 0, 1);
  m.addColorStop(0, 'rgba(0,0,0,1)');
  m.addColorStop(0.55, 'rgba(0,0,0,1)');
  m.addColorStop(1, 'rgba(0,0,0,0)');
  g.fillStyle = m;
  g.fillRect(-1, -1, 2, 2);
  return c.transferToImageBitmap();
}

/** Average colour of a small patch as a CSS colour (the eyelid paint for blinks). */
function patchColor(img: ImageBitmap, x: number, y: number, r: number): string {
  const size = Math.max(2, Math.round(r * 2));
  const c = new OffscreenCanvas(size, size);
  const g = c.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(img, x - r, y - r, size, size, 0, 0, size, size);
  const d = g.getImageData(0, 0, size, size).data;
  let rr = 0;
  let gg = 0;
  let bb = 0;
  const n = d.length / 4;
  for (let i = 0; i < d.length; i += 4) {
    rr += d[i]!;
    gg += d[i + 1]!;
    bb += d[i + 2]!;
  }
  return `rgb(${Math.round(rr / n)},${Math.round(gg / n)},${Math.round(bb / n)})`;
}

/** Decodes a stored avatar for drawing. */
export async function avatarAssets(rec: AvatarRecord, makeKeyer: KeyerFactory | null): Promise<CustomAvatarAssets> {
  const { width, height } = rec.output;
  const layer = new OffscreenCanvas(width, height);
  const keyer = rec.backdrop.key && makeKeyer ? makeKeyer(rec.backdrop.key, width, height) : null;
  const background = rec.backdrop.image?.blob ? await createImageBitmap(rec.backdrop.image.blob) : null;
  const sx = width / rec.track.width;
  const sy = height / rec.track.height;
  const scale = (f: TrackedFace): TrackedFace =>
    f && { box: [f.box[0] * sx, f.box[1] * sy, f.box[2] * sx, f.box[3] * sy], keypoints: f.keypoints.map(([x, y]) => [x * sx, y * sy] as Point) };
  const common = { presenterId: customPresenterId(rec.id), width, height, layer, keyer, background, backgroundColor: rec.backdrop.color ?? null };
  if (rec.kind === 'photo') {
    const still = rec.material.still ?? rec.media.blob;
    const face = rec.track.frames[0];
    if (!still || !face) throw new Error(`The avatar “${rec.name}” has no picture or face to draw.`);
    const image = await createImageBitmap(still, { resizeWidth: width, resizeHeight: height });
    const scaled = scale(face)!;
    const d = Math.hypot(scaled.keypoints[1]![0] - scaled.keypoints[0]![0], scaled.keypoints[1]![1] - scaled.keypoints[0]![1]);
    const lid = (k: number): string => patchColor(image, scaled.keypoints[k]![0], scaled.keypoints[k]![1] - d * 0.2, d * 0.06);
    return { ...common, kind: 'photo', image, face: scaled, lidColors: [lid(KEYPOINT.rightEye), lid(KEYPOINT.leftEye)] };
  }
  const loop = rec.loop;
  const frames = await Promise.all((rec.material.loopFrames ?? []).map((b) => createImageBitmap(b)));
  const patches: MouthPatch[] = await Promise.all((rec.material.patches ?? []).map(async (p) => ({ frame: p.frame, bitmap: await feathered(p.blob), center: p.center, d: p.d })));
  if (!loop || !frames.length || !patches.length || !rec.mouth) throw new Error(`The avatar “${rec.name}” has no prepared video frames.`);
  return { ...common, kind: 'video', fps: rec.track.fps, loop, frames, faces: rec.track.frames.map(scale), patches, features: rec.mouth, choices: new WeakMap() };
}

const cache = new Map<string, Promise<CustomAvatarAssets | null>>();

/**
 * The drawable avatar a timeline's presenterId names (`custom:<id>`), or null for a built-in
 * presenter. Loaded once per worker; an avatar deleted meanwhile loads as null (the built-in
 * default presenter is drawn instead).
 */
export function loadCustomAvatar(presenterId: string | undefined, makeKeyer: KeyerFactory | null): Promise<CustomAvatarAssets | null> {
  const id = presenterId ? avatarIdOf(presenterId) : null;
  if (!id) return Promise.resolve(null);
  let p = cache.get(id);
  if (!p) {
    p = getAvatar(id).then((rec) => (rec ? avatarAssets(rec, makeKeyer) : null));
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}
