/*
 * The neural lip-sync part of the headless page's `window.talkreel` (src/app/headless.ts): the
 * command line, the benchmark and the browser tests drive the app's own neural engine here, in
 * real Chromium with real onnxruntime-web, WebCodecs and workers.
 */
import { avatarHeadless } from '../../avatar/headless.ts';
import { LipsyncClient } from '../../avatar/lipsync-client.ts';
import type { FaceTrack } from '../../avatar/types.ts';
import { synthesize } from '../../voice/tts-client.ts';
import { loadNeuralModel, neuralFacesFor, neuralInfer } from './client.ts';
import { exportNeuralClip, type NeuralClipResult } from './clip.ts';
import { pasteNeuralFrame, placedBox } from './compose.ts';
import { NeuralError } from './errors.ts';
import { lowerFaceMask } from './paste.ts';
import type { NeuralBackend, NeuralModelInfo } from './types.ts';

/**
 * Model bytes from a same-origin URL, or from a file input (`input:<selector>`): how tests and
 * the CLI hand over big models (the user's own route, importing a file from disk).
 */
export async function modelBytes(url: string): Promise<ArrayBuffer> {
  if (url.startsWith('input:')) {
    const file = document.querySelector<HTMLInputElement>(url.slice(6))?.files?.[0];
    if (!file) throw new Error(`No file chosen in ${url.slice(6)}.`);
    return file.arrayBuffer();
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** A one-frame face track for a photo, found by the avatar's own BlazeFace detector. */
async function photoTrack(photoUrl: string): Promise<{ track: FaceTrack; blob: Blob }> {
  const blob = await (await fetch(photoUrl)).blob();
  const bitmap = await createImageBitmap(blob);
  const { faces } = await avatarHeadless.detect(photoUrl);
  const face = faces[0];
  if (!face) throw new NeuralError('no-face', 'No face was found in this photo.');
  const track: FaceTrack = { fps: 1, width: bitmap.width, height: bitmap.height, frames: [{ box: face.box, keypoints: face.keypoints }] };
  bitmap.close();
  return { track, blob };
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export interface ClipRequest {
  modelUrl: string;
  photoUrl: string;
  text: string;
  voice?: string;
  prefer?: NeuralBackend;
  threads?: number;
  batch?: number;
  fps?: number;
  shortEdge?: number;
  /** A fresh worker (the ORT thread count is fixed by a worker's first session). */
  freshWorker?: boolean;
}

export type ClipReply = Omit<NeuralClipResult, 'mp4'> & {
  mp4Base64: string;
  /** The first frame's face box and mask bounds in output pixels, for checks. */
  faceBox: { x1: number; y1: number; x2: number; y2: number };
  voiceSeconds: number;
  progress: string[];
};

/** Talking-head MP4 of a photo with the model at `modelUrl` (falls back like the app does). */
async function clip(req: ClipRequest): Promise<ClipReply> {
  const { track, blob } = await photoTrack(req.photoUrl);
  const speech = await synthesize({ voice: req.voice ?? 'en-us', text: req.text });
  const model = await modelBytes(req.modelUrl);
  const client = req.freshWorker ? new LipsyncClient() : undefined;
  const progress: string[] = [];
  try {
    const r = await exportNeuralClip({
      model: { key: `${req.modelUrl}#${req.prefer ?? 'webgpu'}`, bytes: model },
      photo: blob,
      track,
      speech,
      ...(req.fps ? { fps: req.fps } : {}),
      ...(req.shortEdge ? { shortEdge: req.shortEdge } : {}),
      ...(req.prefer ? { prefer: req.prefer } : {}),
      ...(req.threads ? { threads: req.threads } : {}),
      ...(req.batch ? { batch: req.batch } : {}),
      ...(client ? { client } : {}),
      onProgress: (p) => {
        const line = `${p.stage} ${p.done}/${p.total}${p.backend ? ` ${p.backend}${p.backend === 'wasm' ? ` x${p.threads}` : ''}` : ''}`;
        if (progress.at(-1) !== line) progress.push(line);
      },
    });
    const { mp4, ...rest } = r;
    const k = r.width / track.width;
    const b = track.frames[0]!.box;
    return {
      ...rest,
      mp4Base64: toBase64(new Uint8Array(await mp4.arrayBuffer())),
      faceBox: { x1: Math.round(b[0] * k), y1: Math.round(b[1] * k), x2: Math.round((b[0] + b[2]) * k), y2: Math.round((b[1] + b[3] + 10) * k) },
      voiceSeconds: speech.duration,
      progress,
    };
  } finally {
    client?.dispose();
  }
}

export interface PasteCheck {
  frames: number;
  info: NeuralModelInfo;
  /** Pixels that changed where the mask is 0 (must be 0), summed over frames. */
  changedOutsideMask: number;
  /** Pixels that changed where the mask is 1. */
  changedInsideMask: number;
  /** Pixels of the mouth region that differ between consecutive frames (model output varies). */
  differingBetweenFrames: number;
  maskPixels: number;
}

/**
 * Real canvas round trip: draws the photo, pastes frames' mouths, and compares every pixel with
 * the untouched drawing under the paste-back mask.
 */
async function pasteCheck(req: { modelUrl: string; photoUrl: string; text: string; prefer?: NeuralBackend; frames?: number }): Promise<PasteCheck> {
  const { track, blob } = await photoTrack(req.photoUrl);
  const speech = await synthesize({ voice: 'en-us', text: req.text });
  const key = `${req.modelUrl}#check`;
  const client = new LipsyncClient();
  try {
    const info = await loadNeuralModel(key, await modelBytes(req.modelUrl), { prefer: req.prefer ?? 'wasm', client });
    const fps = 25;
    const frameCount = Math.min(req.frames ?? 12, Math.round(speech.duration * fps));
    const faces = await neuralFacesFor(key, { pcm: speech.pcm, sampleRate: speech.sampleRate, fps, frameCount, sources: [await createImageBitmap(blob)], track }, { client });
    const photo = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(photo.width, photo.height);
    const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true })!;
    ctx.drawImage(photo, 0, 0);
    const base = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const at = { x: 0, y: 0, w: photo.width, h: photo.height, source: { width: photo.width, height: photo.height } };
    let outside = 0;
    let inside = 0;
    let between = 0;
    let maskPixels = 0;
    let prev: Uint8ClampedArray | null = null;
    for (let i = 0; i < frameCount; i++) {
      ctx.drawImage(photo, 0, 0);
      pasteNeuralFrame(ctx, faces, i, at);
      const now = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const b = placedBox(faces.boxes[i]!, at, canvas);
      const w = b.x2 - b.x1;
      const mask = lowerFaceMask(w, b.y2 - b.y1);
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x++) {
          const inBox = x >= b.x1 && x < b.x2 && y >= b.y1 && y < b.y2;
          const m = inBox ? mask[(y - b.y1) * w + (x - b.x1)]! : 0;
          const p = (y * canvas.width + x) * 4;
          const diff = now[p] !== base[p] || now[p + 1] !== base[p + 1] || now[p + 2] !== base[p + 2];
          if (m === 0 && diff) outside++;
          if (m === 1) {
            if (i === 0) maskPixels++;
            if (diff) inside++;
            if (prev && (Math.abs(now[p]! - prev[p]!) > 2 || Math.abs(now[p + 1]! - prev[p + 1]!) > 2)) between++;
          }
        }
      }
      prev = now;
    }
    photo.close();
    return { frames: frameCount, info, changedOutsideMask: outside, changedInsideMask: inside, differingBetweenFrames: between, maskPixels };
  } finally {
    client.dispose();
  }
}

/** Loads a model in a fresh worker: its info, or the error a person would see. */
async function load(req: { modelUrl: string; prefer?: NeuralBackend; truncateTo?: number }): Promise<{ ok: true; info: NeuralModelInfo } | { ok: false; code: string; message: string }> {
  const client = new LipsyncClient();
  try {
    let bytes = await modelBytes(req.modelUrl);
    if (req.truncateTo !== undefined) bytes = bytes.slice(0, req.truncateTo);
    return { ok: true, info: await loadNeuralModel(req.modelUrl, bytes, { prefer: req.prefer ?? 'wasm', client }) };
  } catch (err) {
    const e = err as NeuralError;
    return { ok: false, code: e.code, message: e.message };
  } finally {
    client.dispose();
  }
}

export interface InferBench {
  backend: NeuralBackend;
  threads: number;
  results: Array<{ batch: number; runs: number; fps: number; msPerBatch: number }>;
  loadMs: number;
}

/** Frames per second of the bare model at each batch size (random inputs, warm-up run first). */
async function inferSpeed(req: { modelUrl: string; prefer: NeuralBackend; threads?: number; batches: number[]; minFrames?: number }): Promise<InferBench> {
  const client = new LipsyncClient();
  const key = `${req.modelUrl}#bench`;
  try {
    const info = await loadNeuralModel(key, await modelBytes(req.modelUrl), { prefer: req.prefer, ...(req.threads ? { threads: req.threads } : {}), client });
    const S = info.size;
    const results: InferBench['results'] = [];
    for (const batch of req.batches) {
      const mel = Float32Array.from({ length: batch * 80 * 16 }, (_, i) => Math.sin(i * 0.37) * 3);
      const faces = Float32Array.from({ length: batch * 6 * S * S }, (_, i) => (i % 255) / 255);
      await neuralInfer(key, mel.slice(), faces.slice(), batch, { client });
      const runs = Math.max(1, Math.ceil((req.minFrames ?? 16) / batch));
      let ms = 0;
      for (let r = 0; r < runs; r++) ms += (await neuralInfer(key, mel.slice(), faces.slice(), batch, { client })).ms;
      results.push({ batch, runs, fps: (runs * batch * 1000) / ms, msPerBatch: ms / runs });
    }
    return { backend: info.backend, threads: info.threads, results, loadMs: info.loadMs };
  } finally {
    client.dispose();
  }
}

export const neuralHeadless = { clip, pasteCheck, load, inferSpeed, isolated: (): boolean => crossOriginIsolated };
export type NeuralHeadless = typeof neuralHeadless;
