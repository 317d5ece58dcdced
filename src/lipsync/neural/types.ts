/** Data crossing between the app and the lip-sync worker for the neural engine (cloneable). */
import type { FaceTrack } from '../../avatar/types.ts';
import type { PixelBox } from './image.ts';

export type NeuralBackend = 'webgpu' | 'wasm';

export interface NeuralLoadOptions {
  /**
   * Backend to try first; WebGPU falls back to WASM by itself. Default: WebGPU on a hardware
   * adapter, WASM where the only WebGPU adapter is a software one (SwiftShader).
   */
  prefer?: NeuralBackend;
  /** WASM threads (honoured when cross-origin isolated, by the worker's first session). */
  threads?: number;
}

/** What loading a model found out. */
export interface NeuralModelInfo {
  backend: NeuralBackend;
  threads: number;
  /** Half-precision tensors in use (an fp16 model on a GPU with `shader-f16`). */
  fp16: boolean;
  /** The GPU offers `shader-f16`. */
  shaderF16: boolean;
  /** Outputs stay in GPU buffers between runs (WebGPU IO binding). */
  gpuIo: boolean;
  size: number;
  melInput: string;
  faceInput: string;
  output: string;
  fixedBatch: number | null;
  /** Why WebGPU is not used, when it was wanted. */
  webgpuError?: string;
  loadMs: number;
}

export interface NeuralJob {
  /** Mono speech and its rate; resampled to 16 kHz for the mel. */
  pcm: Float32Array;
  sampleRate: number;
  fps: number;
  /** Output frames to make (the video's frame count). */
  frameCount: number;
  /** Source frames (a photo: one). Face boxes of `track` refer to these, scaled. */
  sources: ImageBitmap[];
  track: FaceTrack;
  /** Per output frame, the index into `sources` and `track.frames`; default all 0 (a photo). */
  sourceFrames?: number[];
  /** Faces per inference call. Default 8 on WebGPU, 4 on WASM. */
  batch?: number;
}

export interface NeuralTimings {
  melMs: number;
  cropMs: number;
  inferMs: number;
}

/** The model's mouths for every output frame, to paste back where the avatar is drawn. */
export interface NeuralFaces {
  size: number;
  frameCount: number;
  /** Output frames per second: frame i shows at i / fps. */
  fps: number;
  /** Size of the source frames the boxes refer to (draw them at any size: boxes scale). */
  sourceSize: { width: number; height: number };
  /** Per output frame: the crop box in its source frame's pixels. */
  boxes: PixelBox[];
  /** Per output frame: the source index (into the job's `sources`). */
  sourceFrames: number[];
  /** frameCount x [3, size, size] planar BGR bytes (model output x 255). */
  faces: Uint8Array;
  info: NeuralModelInfo;
  batch: number;
  timings: NeuralTimings;
}

export interface NeuralProgress {
  done: number;
  total: number;
  backend: NeuralBackend;
  threads: number;
}
