/**
 * Wav2Lip's mel chunking: each video frame i at fps f gets the 16 mel columns starting at
 * int(i * 80 / f) (80 mel columns per second at hop 200 / 16 kHz); where that window would
 * run past the end, the final 16 columns are used instead.
 */
import type { MelSpectrogram } from './mel.ts';

export const MEL_STEP = 16;
/** The value a silent column normalises to: used to pad audio shorter than one window. */
export const MEL_SILENCE = -4;

/** Index of the first mel column for video frame `i` (Python's int() truncates toward zero). */
export function chunkStart(i: number, fps: number, melFrames: number): number {
  if (!(fps > 0)) throw new RangeError(`fps must be positive, got ${fps}`);
  const start = Math.trunc(i * (80 / fps));
  if (start + MEL_STEP > melFrames) return Math.max(0, melFrames - MEL_STEP);
  return start;
}

/**
 * Number of frames Wav2Lip's loop produces: it appends chunks until one would overrun, then
 * appends the final window and stops.
 */
export function wav2lipChunkCount(fps: number, melFrames: number): number {
  let i = 0;
  for (;;) {
    if (Math.trunc(i * (80 / fps)) + MEL_STEP > melFrames) return i + 1;
    i++;
  }
}

/**
 * Writes the [80,16] window for video frame `i` into `out` at `offset` (row-major: band, column).
 * Audio shorter than one window is padded on the right with silence.
 */
export function writeMelChunk(mel: MelSpectrogram, i: number, fps: number, out: Float32Array, offset = 0): void {
  const start = chunkStart(i, fps, mel.frames);
  for (let b = 0; b < mel.bands; b++) {
    const row = b * mel.frames;
    const o = offset + b * MEL_STEP;
    for (let j = 0; j < MEL_STEP; j++) {
      const t = start + j;
      out[o + j] = t < mel.frames ? mel.data[row + t]! : MEL_SILENCE;
    }
  }
}
