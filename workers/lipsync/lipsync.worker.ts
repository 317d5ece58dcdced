/*
 * The lip-sync worker: onnxruntime-web models (BlazeFace now; the neural lip-sync engine adds
 * its methods here) and the custom-avatar analysis that needs them. One API object via comlink.
 * Errors cross as plain { name, code, message } objects (comlink keeps no Error class or code).
 */
import * as Comlink from 'comlink';
import type { Face } from '../../src/avatar/types.ts';
import { analyze, type AnalysisResult, type AnalyzeOptions, type AnalyzeProgress } from './analyze.ts';
import { detectFaces, detector, type FrameSource } from './blazeface.ts';
import { createSession, hasWebGpu, type OrtBackend } from './ort.ts';
import { neuralApi } from './wav2lip.ts';

export interface LipsyncErrorWire {
  name: string;
  code: string;
  message: string;
}

function toWire(err: unknown): LipsyncErrorWire {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as { name?: string; code: unknown; message: unknown };
    return { name: e.name ?? 'Error', code: String(e.code), message: String(e.message) };
  }
  return { name: 'Error', code: 'failed', message: err instanceof Error ? err.message : String(err) };
}

async function wire<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toWire(err);
  }
}

const api = {
  /** Neural lip-sync (Wav2Lip-compatible ONNX): neuralLoad, neuralFaces, neuralInfer, neuralRelease. */
  ...neuralApi,
  /** Loads the face detector; says which backend runs it. */
  initFaceDetector(prefer: OrtBackend = 'wasm'): Promise<{ backend: OrtBackend; threads: number }> {
    return wire(async () => {
      const s = await detector(prefer);
      return { backend: s.backend, threads: s.threads };
    });
  },

  /** Faces in one picture (source pixels, best first). The bitmap is closed afterwards. */
  detectFaces(image: FrameSource, opts: { minScore?: number } = {}): Promise<Face[]> {
    return wire(async () => {
      try {
        return await detectFaces(image, opts);
      } finally {
        if ('close' in image) image.close();
      }
    });
  },

  /**
   * The custom-avatar self-check of a video or photo, and (when it passes) the warp material.
   * The File is read in slices (streamed), never copied whole.
   */
  analyzeAvatar(file: Blob, opts: AnalyzeOptions, onProgress?: (p: AnalyzeProgress) => void): Promise<AnalysisResult> {
    return wire(() => analyze(file, opts, onProgress));
  },

  /** Creates a session for any model on the wanted backend: used to check both backends load. */
  probeBackend(model: ArrayBuffer, prefer: OrtBackend): Promise<{ backend: OrtBackend; threads: number; webgpu: boolean; webgpuError?: string; inputs: string[]; outputs: string[] }> {
    return wire(async () => {
      const s = await createSession(model, { prefer });
      const res = {
        backend: s.backend,
        threads: s.threads,
        webgpu: await hasWebGpu(),
        inputs: [...s.session.inputNames],
        outputs: [...s.session.outputNames],
        ...(s.webgpuError ? { webgpuError: s.webgpuError } : {}),
      };
      await s.session.release();
      return res;
    });
  },
};

export type LipsyncApi = typeof api;

Comlink.expose(api);
