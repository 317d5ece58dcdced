import type { Pose, PresenterLook } from './looks.ts';

/*
 * Poses place the figure in the presenter's 3:4 box (300×400 units). The figure itself is drawn
 * in "figure space": the half-body coordinates (head centre at 150,138, shoulders near y 280),
 * which the full-body pose extends downward to the soles (y ≈ 1165). A pose is a scale and
 * offset from figure space into the box, plus a few facts the drawer needs.
 */

export interface PoseDef {
  id: Pose;
  label: string;
  /** unit = figure × scale + (tx, ty). */
  scale: number;
  tx: number;
  ty: number;
  /** Lowest figure y the body layer paints (the rest is below the box or hidden by the desk). */
  bodyBottom: number;
  /** Head yaw the pose is drawn with: -1..1, negative = turned toward the viewer's left. */
  yaw: number;
  /** The torso ends here (figure y): the half-body cut, or the hips. */
  hem: number;
  /** Arms are drawn live all the time (full body, seated); otherwise only while gesturing. */
  arms: boolean;
  /** Head size relative to the body, and how far the head sits above its half-body place. */
  head: number;
  headDy: number;
  /** Unit y of the contact shadow's centre. */
  ground: number;
  /** Which video ratios the pose suits. */
  fits: readonly ('9:16' | '16:9' | '1:1')[];
}

/** Figure y of the soles in the full-body pose. */
export const SOLE_Y = 1165;
/** Figure y of the desk top in the seated pose. */
export const DESK_Y = 366;

/** Full body: a slightly larger head (stylised, and readable in a video), crown to soles in the box. */
const FULL_HEAD = 1.16;
const FULL_HEAD_DY = -12;
const FULL_TOP = 138 + FULL_HEAD_DY - 110 * FULL_HEAD;
const FULL_SCALE = (342 - 10) / (SOLE_Y - FULL_TOP);

export const POSES: Record<Pose, PoseDef> = {
  half: { id: 'half', label: 'Half body', scale: 1, tx: 0, ty: 0, bodyBottom: 402, yaw: 0, hem: 412, arms: false, head: 1, headDy: 0, ground: 360, fits: ['9:16', '16:9', '1:1'] },
  side: { id: 'side', label: 'Side (three-quarter)', scale: 1, tx: 4, ty: 0, bodyBottom: 402, yaw: -0.55, hem: 412, arms: false, head: 1, headDy: 0, ground: 360, fits: ['16:9', '1:1'] },
  seated: { id: 'seated', label: 'Seated', scale: 0.84, tx: 24, ty: 16, bodyBottom: DESK_Y + 30, yaw: 0, hem: 412, arms: true, head: 1, headDy: 0, ground: 372, fits: ['16:9', '1:1'] },
  full: {
    id: 'full', label: 'Full body standing', scale: FULL_SCALE, tx: 150 - 150 * FULL_SCALE, ty: 10 - FULL_TOP * FULL_SCALE,
    bodyBottom: SOLE_Y + 12, yaw: 0, hem: 600, arms: true, head: FULL_HEAD, headDy: FULL_HEAD_DY, ground: 342, fits: ['9:16', '1:1'],
  },
};

export function poseOf(look: PresenterLook): PoseDef {
  return POSES[look.pose ?? 'half'] ?? POSES.half;
}
