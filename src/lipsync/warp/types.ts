/*
 * A custom avatar decoded for drawing (render worker): bitmaps plus the stored face data. Built
 * once per creative by assets.ts; draw.ts draws any instant from it synchronously.
 */
import type { AvatarLoop, MouthFeatures, Point, Rgb, TrackedFace } from '../../avatar/types.ts';
import type { NeuralFaces } from '../neural/types.ts';

/** A mouth cut from one source frame: the crop, the mouth keypoint inside it, the frame's eye distance. */
export interface MouthPatch {
  frame: number;
  bitmap: ImageBitmap;
  /** Mouth keypoint in the patch's pixels. */
  center: Point;
  /** Eye distance of the face it came from (px of the output-size frame). */
  d: number;
}

/** Turns a frame with a plain backdrop into one with that backdrop transparent. */
export type Keyer = (src: OffscreenCanvas) => CanvasImageSource;

interface Common {
  /** The timeline's presenterId this avatar answers to (`custom:<id>`). */
  presenterId: string;
  width: number;
  height: number;
  /** The avatar's frame is composed here before keying and placing. */
  layer: OffscreenCanvas;
  keyer: Keyer | null;
  background: ImageBitmap | null;
  backgroundColor: Rgb | null;
  /** Mouths made by the neural engine for one export (issue 8); drawn instead of the warp when set. */
  neural?: NeuralFaces;
}

export interface PhotoAvatarAssets extends Common {
  kind: 'photo';
  image: ImageBitmap;
  face: NonNullable<TrackedFace>;
  /** Average colours of skin just above each eye (painted for the lids when blinking). */
  lidColors: [string, string];
}

export interface VideoAvatarAssets extends Common {
  kind: 'video';
  fps: number;
  loop: AvatarLoop;
  /** Loop frames, index 0 = source frame loop.start. */
  frames: ImageBitmap[];
  /** Faces of the source frames (track frames). */
  faces: TrackedFace[];
  patches: MouthPatch[];
  features: MouthFeatures;
  /** Per timeline (by its viseme track): the source frame whose mouth each output frame shows. */
  choices: WeakMap<object, number[]>;
}

export type CustomAvatarAssets = PhotoAvatarAssets | VideoAvatarAssets;

export const CUSTOM_PREFIX = 'custom:';

export function isCustomPresenter(id: string | undefined): boolean {
  return !!id && id.startsWith(CUSTOM_PREFIX);
}

export function customPresenterId(avatarId: string): string {
  return `${CUSTOM_PREFIX}${avatarId}`;
}

export function avatarIdOf(presenterId: string): string | null {
  return isCustomPresenter(presenterId) ? presenterId.slice(CUSTOM_PREFIX.length) : null;
}
