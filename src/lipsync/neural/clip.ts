/*
 * A talking-head clip of a photo avatar with neural lip-sync, exported to MP4 (H.264 + AAC via
 * mediabunny/WebCodecs): mel → crops → model (lip-sync worker) → paste-back → encode. Used by
 * the headless page (CLI, browser tests, bench) and timed stage by stage. When the model fails
 * at any point the clip is made with the no-download fallback instead and says why.
 */
import { AudioSample, AudioSampleSource, BufferTarget, CanvasSource, Mp4OutputFormat, Output, canEncodeAudio } from 'mediabunny';
import { registerAacEncoder } from '@mediabunny/aac-encoder';
import type { FaceTrack } from '../../avatar/types.ts';
import type { LipsyncClient } from '../../avatar/lipsync-client.ts';
import { loadNeuralModel, neuralFacesFor } from './client.ts';
import { pasteNeuralFrame, type Placement } from './compose.ts';
import { NeuralError } from './errors.ts';
import type { NeuralBackend, NeuralFaces, NeuralModelInfo, NeuralProgress } from './types.ts';

type Ctx2D = OffscreenCanvasRenderingContext2D;

export interface NeuralClipJob {
  /** `key` names the model in the worker; `bytes` are needed unless that key is loaded. */
  model: { key: string; bytes?: ArrayBuffer | Blob };
  photo: Blob;
  track: FaceTrack;
  speech: { pcm: Float32Array; sampleRate: number };
  fps?: number;
  /** Output short edge in pixels (even). Default 480. */
  shortEdge?: number;
  prefer?: NeuralBackend;
  threads?: number;
  batch?: number;
  /** Draws the no-download engine's mouth for frame i when the model fails; default: the still photo. */
  fallback?: { name: string; draw: (ctx: Ctx2D, i: number, at: Placement) => void };
  client?: LipsyncClient;
  signal?: AbortSignal;
  onProgress?: (p: { stage: 'load' | 'lipsync' | 'encode'; done: number; total: number; backend?: NeuralBackend; threads?: number }) => void;
}

export interface NeuralClipResult {
  mp4: Blob;
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** 'neural', or the fallback engine's name when the model failed. */
  engine: string;
  /** Why the model was not used (a sentence for people), when it was not. */
  fallbackReason?: string;
  fallbackCode?: string;
  info?: NeuralModelInfo;
  batch?: number;
  /** Where the time went, ms. */
  timings: { loadMs: number; melMs: number; cropMs: number; inferMs: number; pasteMs: number; encodeMs: number; totalMs: number };
  /** Pixels changed by the paste-back, summed over frames. */
  pastedPixels: number;
}

let aacReady: Promise<void> | null = null;
function ensureAac(): Promise<void> {
  // Chromium on Linux has no WebCodecs AAC encoder: mediabunny's wasm one stands in.
  aacReady ??= canEncodeAudio('aac').then((ok) => {
    if (!ok) registerAacEncoder();
  });
  return aacReady;
}

const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);

export async function exportNeuralClip(job: NeuralClipJob): Promise<NeuralClipResult> {
  const t0 = performance.now();
  const fps = job.fps ?? 25;
  const { pcm, sampleRate } = job.speech;
  const duration = pcm.length / sampleRate;
  const frames = Math.max(1, Math.round(duration * fps));
  const photo = await createImageBitmap(job.photo);
  const short = job.shortEdge ?? 480;
  const k = short / Math.min(photo.width, photo.height);
  const width = even(photo.width * k);
  const height = even(photo.height * k);
  const at: Placement = { x: 0, y: 0, w: width, h: height, source: { width: photo.width, height: photo.height } };
  const timings = { loadMs: 0, melMs: 0, cropMs: 0, inferMs: 0, pasteMs: 0, encodeMs: 0, totalMs: 0 };

  let faces: NeuralFaces | null = null;
  let info: NeuralModelInfo | undefined;
  let fallbackReason: string | undefined;
  let fallbackCode: string | undefined;
  try {
    job.onProgress?.({ stage: 'load', done: 0, total: 1 });
    const tl = performance.now();
    info = await loadNeuralModel(job.model.key, job.model.bytes ?? new ArrayBuffer(0), {
      ...(job.prefer ? { prefer: job.prefer } : {}),
      ...(job.threads ? { threads: job.threads } : {}),
      ...(job.client ? { client: job.client } : {}),
      ...(job.signal ? { signal: job.signal } : {}),
    });
    timings.loadMs = performance.now() - tl;
    const source = await createImageBitmap(job.photo);
    faces = await neuralFacesFor(
      job.model.key,
      { pcm, sampleRate, fps, frameCount: frames, sources: [source], track: job.track, ...(job.batch ? { batch: job.batch } : {}) },
      {
        ...(job.client ? { client: job.client } : {}),
        ...(job.signal ? { signal: job.signal } : {}),
        onProgress: (p: NeuralProgress) => job.onProgress?.({ stage: 'lipsync', ...p }),
      },
    );
    Object.assign(timings, { melMs: faces.timings.melMs, cropMs: faces.timings.cropMs, inferMs: faces.timings.inferMs });
  } catch (err) {
    const e = err instanceof NeuralError ? err : new NeuralError('runtime', err instanceof Error ? err.message : String(err));
    if (e.code === 'aborted' || job.signal?.aborted) throw e;
    // Any model failure: nothing is lost, the clip is made with the no-download engine.
    fallbackReason = `${e.message} The video was made with the ${job.fallback?.name ?? 'built-in'} lip-sync instead.`;
    fallbackCode = e.code;
  }

  await ensureAac();
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!ctx) throw new NeuralError('runtime', 'This browser gave the exporter no canvas.');
  const target = new BufferTarget();
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  const video = new CanvasSource(canvas, { codec: 'avc', bitrate: 2_000_000, keyFrameInterval: 2 });
  const audio = new AudioSampleSource({ codec: 'aac', bitrate: 128_000 });
  output.addVideoTrack(video, { frameRate: fps });
  output.addAudioTrack(audio);
  await output.start();
  let pastedPixels = 0;
  const te = performance.now();
  let pasteMs = 0;
  const chunk = Math.round(sampleRate * 0.2);
  let audioPos = 0;
  for (let i = 0; i < frames; i++) {
    job.signal?.throwIfAborted();
    ctx.drawImage(photo, 0, 0, width, height);
    const p0 = performance.now();
    if (faces) pastedPixels += pasteNeuralFrame(ctx, faces, i, at).changed;
    else job.fallback?.draw(ctx, i, at);
    pasteMs += performance.now() - p0;
    await video.add(i / fps, 1 / fps);
    const until = Math.min(pcm.length, Math.round(((i + 1) / fps) * sampleRate));
    while (audioPos < until) {
      const n = Math.min(chunk, until - audioPos);
      const sample = new AudioSample({ data: pcm.slice(audioPos, audioPos + n), format: 'f32-planar', numberOfChannels: 1, sampleRate, timestamp: audioPos / sampleRate });
      await audio.add(sample);
      sample.close();
      audioPos += n;
    }
    if (i % 10 === 9 || i === frames - 1) job.onProgress?.({ stage: 'encode', done: i + 1, total: frames });
  }
  await output.finalize();
  photo.close();
  timings.pasteMs = pasteMs;
  timings.encodeMs = performance.now() - te - pasteMs;
  timings.totalMs = performance.now() - t0;
  const mp4 = new Blob([target.buffer!], { type: 'video/mp4' });
  return {
    mp4,
    width,
    height,
    fps,
    frames,
    engine: faces ? 'neural' : (job.fallback?.name ?? 'still'),
    ...(fallbackReason ? { fallbackReason, fallbackCode: fallbackCode! } : {}),
    ...(info ? { info } : {}),
    ...(faces ? { batch: faces.batch } : {}),
    timings,
    pastedPixels,
  };
}
