/*
 * Neural lip-sync for an export (main thread): when the timeline's presenter is a custom avatar
 * set to Neural (or a model is handed over, e.g. by the command line), the installed model makes
 * every frame's mouth in the lip-sync worker before the render worker draws. Any failure —
 * model missing, not ONNX, incompatible, failing at run time, worker crash — leaves the export
 * on the no-download warp engine and says why; the export itself goes on, nothing is lost.
 */
import type { FaceTrack } from '../../avatar/types.ts';
import type { Timeline } from '../../compose/types.ts';
import { frameCount } from '../../encode/settings.ts';
import { getAvatar } from '../../storage/avatars.ts';
import { loadModelBytes } from '../../storage/models.ts';
import { avatarIdOf } from '../warp/types.ts';
import { loadNeuralModel, neuralFacesFor } from './client.ts';
import { NeuralError } from './errors.ts';
import { loopSourceFrames } from './frames.ts';
import type { NeuralBackend, NeuralFaces, NeuralProgress, NeuralTimings } from './types.ts';

/** What ran, for the progress line, the result and the command line. */
export interface LipsyncReport {
  engine: 'neural' | 'warp' | 'viseme';
  backend?: NeuralBackend;
  threads?: number;
  fp16?: boolean;
  batch?: number;
  frames?: number;
  loadMs?: number;
  timings?: NeuralTimings;
  /** Why neural lip-sync was wanted but not used (a sentence), with its code. */
  fallback?: { code: string; message: string };
}

export interface NeuralExportOptions {
  /** Use this model whatever the avatar says (the command line's --model). */
  model?: { key: string; bytes: ArrayBuffer | Blob };
  /** Force an engine ('warp' turns neural off for this export). */
  engine?: 'neural' | 'warp';
  prefer?: NeuralBackend;
  batch?: number;
  signal?: AbortSignal;
  onProgress?: (p: NeuralProgress & { stage: 'load' | 'lipsync' }) => void;
}

/** The mouths for `timeline` (or none, with a report saying why). */
export async function neuralForExport(
  timeline: Timeline,
  audio: { pcm: Float32Array; sampleRate: number },
  fps: number,
  opts: NeuralExportOptions = {},
): Promise<{ faces?: NeuralFaces; report: LipsyncReport | null }> {
  const avatarId = avatarIdOf(timeline.presenterId);
  const wantsNeural = opts.engine === 'neural' || !!opts.model;
  if (!avatarId) {
    if (!wantsNeural) return { report: null };
    return { report: { engine: 'viseme', fallback: { code: 'no-avatar', message: 'Neural lip-sync needs a photo or video avatar; the drawn presenter keeps its own lip-sync.' } } };
  }
  const rec = await getAvatar(avatarId);
  if (!rec) return { report: null };
  const engine = opts.engine ?? (opts.model ? 'neural' : (rec.lipsync?.engine ?? 'warp'));
  if (engine !== 'neural') return { report: { engine: 'warp' } };
  const fallback = (code: string, message: string): { report: LipsyncReport } => ({
    report: { engine: 'warp', fallback: { code, message: `${message} This video uses the built-in lip-sync instead.` } },
  });
  try {
    let key: string;
    let bytes: ArrayBuffer | Blob;
    if (opts.model) {
      ({ key, bytes } = opts.model);
    } else {
      const id = rec.lipsync?.modelId;
      if (!id) return fallback('missing', 'No lip-sync model is chosen for this avatar.');
      key = id;
      try {
        bytes = await loadModelBytes(id);
      } catch (err) {
        return fallback('missing', err instanceof Error ? err.message : String(err));
      }
    }
    opts.onProgress?.({ stage: 'load', done: 0, total: 1, backend: opts.prefer ?? 'webgpu', threads: 1 });
    const info = await loadNeuralModel(key, bytes, { ...(opts.prefer ? { prefer: opts.prefer } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
    const frames = frameCount(timeline.duration, fps);
    const { sources, track, sourceFrames } = await avatarSources(rec, frames, fps);
    const faces = await neuralFacesFor(
      key,
      { pcm: audio.pcm, sampleRate: audio.sampleRate, fps, frameCount: frames, sources, track, sourceFrames, ...(opts.batch ? { batch: opts.batch } : {}) },
      { ...(opts.signal ? { signal: opts.signal } : {}), onProgress: (p) => opts.onProgress?.({ stage: 'lipsync', ...p }) },
    );
    return {
      faces,
      report: { engine: 'neural', backend: info.backend, threads: info.threads, fp16: info.fp16, batch: faces.batch, frames, loadMs: info.loadMs, timings: faces.timings },
    };
  } catch (err) {
    const e = err instanceof NeuralError ? err : new NeuralError('runtime', err instanceof Error ? err.message : String(err));
    if (e.code === 'aborted' || opts.signal?.aborted) throw e;
    return fallback(e.code, e.message);
  }
}

type AvatarRec = NonNullable<Awaited<ReturnType<typeof getAvatar>>>;

/** The avatar's frames at its output size, its face track over them, and which one each output frame shows. */
async function avatarSources(rec: AvatarRec, frames: number, fps: number): Promise<{ sources: ImageBitmap[]; track: FaceTrack; sourceFrames: number[] }> {
  const size = { resizeWidth: rec.output.width, resizeHeight: rec.output.height };
  if (rec.kind === 'photo') {
    const still = rec.material.still ?? rec.media.blob;
    if (!still) throw new NeuralError('no-face', `The avatar “${rec.name}” has no picture to lip-sync.`);
    return { sources: [await createImageBitmap(still, size)], track: { ...rec.track, frames: rec.track.frames.slice(0, 1) }, sourceFrames: new Array<number>(frames).fill(0) };
  }
  const loop = rec.loop;
  const blobs = rec.material.loopFrames ?? [];
  if (!loop || blobs.length === 0) throw new NeuralError('no-face', `The avatar “${rec.name}” has no prepared video frames.`);
  const sourceFrames = loopSourceFrames(loop, rec.track.fps, fps, frames, blobs.length);
  const sources = await Promise.all(blobs.map((b) => createImageBitmap(b, size)));
  return { sources, track: { ...rec.track, frames: rec.track.frames.slice(loop.start, loop.start + blobs.length) }, sourceFrames };
}

/** "Neural lip-sync on WebGPU: 120/450 frames" — for progress lines. */
export function lipsyncNote(p: NeuralProgress & { stage: 'load' | 'lipsync' }): string {
  const on = p.backend === 'webgpu' ? 'WebGPU' : `WASM, ${p.threads} thread${p.threads === 1 ? '' : 's'}`;
  return p.stage === 'load' ? 'Loading the lip-sync model…' : `Neural lip-sync on ${on}: ${p.done}/${p.total} frames`;
}
