/*
 * A custom avatar made from the user's own video or photo (issue 7). Pure data: stored in the
 * `avatars` IndexedDB store (src/storage/avatars.ts), read by the warp engine (src/lipsync/warp),
 * by the neural engine (which crops faces from `track`) and by the render worker.
 *
 * Coordinates are SOURCE pixels (the upright, rotation-applied frame of the uploaded media),
 * origin top-left, unless a field says otherwise.
 */

export type AvatarKind = 'photo' | 'video';
export type AvatarGender = 'female' | 'male';

export type Point = [x: number, y: number];
/** x, y of the top-left corner, then width and height. */
export type Box = [x: number, y: number, w: number, h: number];

/**
 * BlazeFace's six keypoints, in this order: right eye, left eye (the person's own sides, i.e.
 * image-left first), nose tip, mouth centre, right ear tragion, left ear tragion.
 */
export const KEYPOINT = { rightEye: 0, leftEye: 1, nose: 2, mouth: 3, rightEar: 4, leftEar: 5 } as const;

/** One detected face. */
export interface Face {
  box: Box;
  keypoints: Point[];
  /** Detector confidence 0..1. */
  score: number;
}

/** A face in one source frame of a track (smoothed); null where no face was found. */
export type TrackedFace = { box: Box; keypoints: Point[] } | null;

/** The face per sampled source frame: frame i is at time i / fps seconds. */
export interface FaceTrack {
  fps: number;
  /** Source frame size the coordinates refer to. */
  width: number;
  height: number;
  frames: TrackedFace[];
}

/** Where the avatar's media bytes are kept. Videos stay in OPFS (streamed, never one copy). */
export interface AvatarMediaRef {
  /** 'opfs': file name in the OPFS `avatars/` folder; 'blob': `blob` holds the bytes. */
  store: 'opfs' | 'blob';
  file?: string;
  blob?: Blob;
  mime: string;
  size: number;
  width: number;
  height: number;
  /** Seconds (video only). */
  duration?: number;
  fps?: number;
  /** Clockwise rotation the container asks for; width/height above are after applying it. */
  rotation?: 0 | 90 | 180 | 270;
}

/** rgb 0..255. */
export type Rgb = [r: number, g: number, b: number];

export interface AvatarBackdrop {
  /** Colour of a plain backdrop to key out (green/white/blue screen), or null to keep it. */
  key: Rgb | null;
  /** Shown behind a keyed avatar: a colour (default the scene's) ... */
  color?: Rgb;
  /** ... or an image, stored with the avatar. */
  image?: AvatarMediaRef;
}

/** The ping-pong base clip of a video avatar: source frame indices of the track, inclusive. */
export interface AvatarLoop {
  start: number;
  end: number;
  mode: 'ping-pong';
}

/**
 * Per-track-frame mouth features for the warp engine's video mode: openness and width of the
 * mouth, each 0..1 relative to the face, measured from pixels around the mouth keypoint.
 */
export interface MouthFeatures {
  open: number[];
  wide: number[];
}

/** The output frame the avatar is rendered at (short edge 640 by default). */
export interface AvatarOutput {
  width: number;
  height: number;
}

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One row of the material self-check. */
export interface CheckItem {
  id: string;
  label: string;
  status: CheckStatus;
  /** The measured value, as a person reads it ("14% of frame width"). */
  value: string;
  /** The requirement ("10%–33%"). */
  limit: string;
  /** What to do about it; empty when it passes. */
  advice: string;
  /** The raw number, when there is one (for --json and tests). */
  measured?: number | null;
}

export interface CheckReport {
  kind: AvatarKind;
  items: CheckItem[];
  /** Worst status over the items. */
  status: CheckStatus;
}

/** A mouth cut from one material frame (JPEG), for the video warp engine. */
export interface MouthPatchRecord {
  /** Material frame (= track frame) it was cut from. */
  frame: number;
  blob: Blob;
  /** Mouth keypoint inside the patch, px. */
  center: Point;
  /** Eye distance of that frame's face, px at the output size. */
  d: number;
}

/**
 * What the warp engine draws from, prepared once at creation: for a photo the still at the output
 * size; for a video the base-loop frames (JPEG, output size) and a mouth patch per material frame.
 * Material frames are the first seconds of the video at `track.fps`; track frame i = material frame i.
 */
export interface AvatarMaterial {
  still?: Blob;
  loopFrames?: Blob[];
  patches?: MouthPatchRecord[];
}

/** A custom avatar as stored. */
export interface StoredAvatar {
  id: string;
  kind: AvatarKind;
  name: string;
  gender: AvatarGender;
  createdAt: number;
  media: AvatarMediaRef;
  /** A small still (JPEG) for lists and pickers. */
  thumbnail?: Blob;
  output: AvatarOutput;
  backdrop: AvatarBackdrop;
  track: FaceTrack;
  /** Video only: the base clip and the mouth features per track frame. */
  loop?: AvatarLoop;
  mouth?: MouthFeatures;
  report: CheckReport;
  material: AvatarMaterial;
  /** ms spent preprocessing (detection, tracking, features) at creation. */
  preprocessMs?: number;
  /** Lip-sync engine for this avatar (issue 8): the no-download warp (default) or a neural model. */
  lipsync?: AvatarLipsync;
}

/** `neural` uses the installed lip-sync model `modelId` (src/storage/models.ts); warp needs none. */
export interface AvatarLipsync {
  engine: 'warp' | 'neural';
  modelId?: string;
}

/** The default output short edge for a custom avatar (REQUIREMENTS §2). */
export const OUTPUT_SHORT_EDGE = 640;

/** Output size keeping the source aspect, short edge `short` (even numbers, for encoders). */
export function outputSize(width: number, height: number, short = OUTPUT_SHORT_EDGE): AvatarOutput {
  const s = Math.min(1, short / Math.min(width, height));
  const even = (n: number): number => Math.max(2, Math.round((n * s) / 2) * 2);
  return { width: even(width), height: even(height) };
}
