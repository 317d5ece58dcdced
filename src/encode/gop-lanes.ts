/**
 * Parallel H.264 by GOPs: a browser's software H.264 encoder uses one thread, so on a
 * multi-core machine we run several encoders ("lanes"), each taking whole GOPs (key frame
 * first), and mux their packets back in GOP order. Rendering is a pure function of time, so
 * frames can be drawn in the interleaved order that keeps every lane busy at once.
 */

export interface GopPlan {
  frames: number;
  gopFrames: number;
  lanes: number;
}

export const gopOf = (frame: number, plan: GopPlan): number => Math.floor(frame / plan.gopFrames);
export const laneOf = (frame: number, plan: GopPlan): number => gopOf(frame, plan) % plan.lanes;
export const isKeyFrame = (frame: number, plan: GopPlan): boolean => frame % plan.gopFrames === 0;

/** Frames in GOP g (the last one may be short). */
export function gopLength(g: number, plan: GopPlan): number {
  return Math.max(0, Math.min(plan.gopFrames, plan.frames - g * plan.gopFrames));
}

/**
 * The order to draw frames in: GOPs are taken `lanes` at a time and their frames interleaved
 * (g0f0, g1f0, g0f1, g1f1, …), so each lane gets a steady stream and at most `lanes` GOPs of
 * packets wait to be muxed.
 */
export function frameOrder(plan: GopPlan): number[] {
  const order: number[] = [];
  const span = plan.gopFrames * plan.lanes;
  for (let base = 0; base < plan.frames; base += span) {
    for (let f = 0; f < plan.gopFrames; f++) {
      for (let lane = 0; lane < plan.lanes; lane++) {
        const i = base + lane * plan.gopFrames + f;
        if (i < plan.frames) order.push(i);
      }
    }
  }
  return order;
}

/** H.264 High profile at the lowest level that fits the frame size at 30 fps. */
export function avcCodecString(width: number, height: number, profile: 'high' | 'main' | 'baseline' = 'high'): string {
  const mbs = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = mbs <= 1620 ? '1e' : mbs <= 3600 ? '1f' : mbs <= 8192 ? '28' : mbs <= 22080 ? '32' : '33';
  const p = { high: '6400', main: '4d00', baseline: '42e0' }[profile];
  return `avc1.${p}${level}`;
}
