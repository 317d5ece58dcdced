/**
 * Audio–mouth agreement of an exported MP4, measured from the file alone: ffmpeg decodes the
 * frames (sampled at `fps`) and the audio track; @vladmandic/human's face mesh (e2e/lib/face-mesh.ts)
 * measures the mouth opening in each frame; e2e/lib/sync.ts correlates it with the loudness.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { meshTrace } from './face-mesh.ts';
import { agreement, loudness, type Agreement } from './sync.ts';

export interface MouthSync extends Agreement {
  fps: number;
  /** Mouth opening (inner-lip gap / face height) per sampled frame, NaN where no face was found. */
  opening: number[];
  /** The mesh's face box [x, y, w, h] per sampled frame (frame pixels), null where none. */
  boxes: Array<[number, number, number, number] | null>;
  /** Share of sampled frames in which the mesh found a face. */
  found: number;
  meshMs: number;
}

/**
 * Measures `file` over [t0, t1] seconds at `fps` frames per second. `meshPage` must have been
 * opened with openMesh. Frames stay at full size: the mesh crops the face from them, and a
 * halved frame quantised the inner-lip gap to a few values.
 */
export async function mouthSync(meshPage: Page, file: string, opts: { fps?: number; t0?: number; t1: number }): Promise<MouthSync> {
  const fps = opts.fps ?? 15;
  const t0 = opts.t0 ?? 0;
    const dir = `${file}.frames`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', file, '-vf', `fps=${fps}`, join(dir, '%04d.png')]);
  // Frame k of the fps filter shows time k / fps; keep [t0, t1).
  const all = readdirSync(dir).sort().map((f) => join(dir, f));
  const frames = all.slice(Math.round(t0 * fps), Math.round(opts.t1 * fps));
  const trace = await meshTrace(meshPage, frames);
  const loud = loudness(file, fps, all.length).slice(Math.round(t0 * fps), Math.round(opts.t1 * fps));
  const a = agreement(trace.opening, loud, Math.round(fps / 2));
  return { ...a, fps, opening: trace.opening, boxes: trace.boxes, found: a.frames / frames.length, meshMs: trace.ms };
}

/** One line for the log and the report. */
export function describe(label: string, m: MouthSync): string {
  const f = (x: number): string => x.toFixed(2);
  return `${label}: r ${f(m.r)} at lag ${m.lag} (${m.fps} fps); shuffled 0.5 s blocks mean ${f(m.shuffledMean)} max ${f(m.shuffledMax)}; reversed ${f(m.reversed)}; face in ${Math.round(m.found * 100)} % of ${m.opening.length} frames; mesh ${(m.meshMs / Math.max(1, m.opening.length)).toFixed(0)} ms/frame`;
}
