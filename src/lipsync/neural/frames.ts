/**
 * Which loop frame of a video avatar each output frame shows: the same ping-pong base loop the
 * warp engine plays (src/lipsync/warp/draw.ts: source frame pingPong(loop, floor(t * trackFps))),
 * as an index into the loop's frames (0 = loop.start). Pure, so the neural mouths line up with
 * the frames the renderer draws under them.
 */
import { pingPong } from '../../avatar/track.ts';
import type { AvatarLoop } from '../../avatar/types.ts';

export function loopSourceFrames(loop: AvatarLoop, trackFps: number, fps: number, frames: number, available: number): number[] {
  return Array.from({ length: frames }, (_, j) => Math.max(0, Math.min(available - 1, pingPong(loop, Math.floor((j / fps) * trackFps + 1e-6)) - loop.start)));
}
