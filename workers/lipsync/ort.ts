/*
 * onnxruntime-web for the lip-sync worker: one place that loads the runtime, picks a backend
 * and creates sessions. WebGPU is tried first when the browser offers an adapter; WASM is the
 * fallback (SIMD; threads only when the page is cross-origin isolated, since wasm threads need
 * SharedArrayBuffer). The .wasm file is self-hosted: Vite emits it beside the chunks (`?url`) in a
 * build and serves it from node_modules in dev, so nothing is ever fetched from a CDN.
 */
import * as ort from 'onnxruntime-web';
// The default `onnxruntime-web` entry is the JSEP build (WebGPU + WASM in one binary).
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';

export type OrtBackend = 'webgpu' | 'wasm';

export interface CreateSessionOptions {
  /** Backend to try first; 'wasm' skips WebGPU entirely. Default 'webgpu'. */
  prefer?: OrtBackend;
  /**
   * WASM threads. Honoured only when `crossOriginIsolated` (else 1), and only by the first
   * session of this worker: the runtime fixes its thread pool when it starts.
   */
  threads?: number;
  /** Passed through to onnxruntime (e.g. graphOptimizationLevel). */
  sessionOptions?: ort.InferenceSession.SessionOptions;
}

export interface OrtSession {
  session: ort.InferenceSession;
  backend: OrtBackend;
  /** WASM threads the runtime runs with (1 when not isolated). */
  threads: number;
  /** Why WebGPU was not used, when it was wanted and is not. */
  webgpuError?: string;
}

export class OrtError extends Error {
  override readonly name = 'OrtError';
  constructor(
    readonly code: 'model-invalid' | 'runtime-failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

let configured = false;
let runtimeThreads = 1;

function hardwareThreads(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(4, n || 1));
}

/** Sets the runtime's global options once, before the first session starts it. */
function configure(threads: number | undefined): void {
  if (configured) return;
  configured = true;
  ort.env.wasm.wasmPaths = { wasm: ortWasmUrl };
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
  runtimeThreads = isolated ? Math.max(1, Math.floor(threads ?? hardwareThreads())) : 1;
  ort.env.wasm.numThreads = runtimeThreads;
  // We already run inside a worker: a proxy worker would only add a copy.
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
}

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** True when this context can hand out a WebGPU adapter (SwiftShader counts). */
export async function hasWebGpu(): Promise<boolean> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Creates an inference session for `model`, on WebGPU when wanted and available, else on WASM.
 * Throws OrtError('model-invalid') when neither backend can load the model.
 */
export async function createSession(model: ArrayBuffer | Uint8Array, opts: CreateSessionOptions = {}): Promise<OrtSession> {
  configure(opts.threads);
  const bytes = model instanceof Uint8Array ? model : new Uint8Array(model);
  // Severity 3 (errors only): the optimiser's notes about unused initialisers are not for users.
  const base: ort.InferenceSession.SessionOptions = { graphOptimizationLevel: 'all', logSeverityLevel: 3, ...opts.sessionOptions };
  let webgpuError: string | undefined;
  if ((opts.prefer ?? 'webgpu') === 'webgpu') {
    if (await hasWebGpu()) {
      try {
        const session = await ort.InferenceSession.create(bytes, { ...base, executionProviders: ['webgpu'] });
        return { session, backend: 'webgpu', threads: runtimeThreads };
      } catch (err) {
        webgpuError = message(err);
      }
    } else {
      webgpuError = 'no WebGPU adapter';
    }
  }
  try {
    const session = await ort.InferenceSession.create(bytes, { ...base, executionProviders: ['wasm'] });
    return { session, backend: 'wasm', threads: runtimeThreads, ...(webgpuError ? { webgpuError } : {}) };
  } catch (err) {
    throw new OrtError('model-invalid', `The model could not be loaded: ${message(err)}`, { cause: err });
  }
}

export { ort };
