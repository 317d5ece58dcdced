/*
 * The neural lip-sync engine in the lip-sync worker: a Wav2Lip-compatible ONNX model on
 * onnxruntime-web (WebGPU, else WASM; see ort.ts). Input and output names and shapes are read
 * from the session and mapped (src/lipsync/neural/contract.ts); features, crops and chunking
 * are the pure modules in src/lipsync/neural.
 */
import { checkOutputDims, mapContract, type TensorInfo, type Wav2LipContract } from '../../src/lipsync/neural/contract.ts';
import { boxesForFrames, scaleBox, writeFaceInput } from '../../src/lipsync/neural/crop.ts';
import { writeMelChunk } from '../../src/lipsync/neural/chunks.ts';
import { NeuralError } from '../../src/lipsync/neural/errors.ts';
import type { Rgba } from '../../src/lipsync/neural/image.ts';
import { MEL_SAMPLE_RATE, wav2lipMel } from '../../src/lipsync/neural/mel.ts';
import { resample } from '../../src/lipsync/neural/resample.ts';
import { assertOnnx } from '../../src/lipsync/neural/sniff.ts';
import type { NeuralFaces, NeuralJob, NeuralLoadOptions, NeuralModelInfo, NeuralProgress } from '../../src/lipsync/neural/types.ts';
import { createSession, ort } from './ort.ts';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

/** What the GPU offers: half floats in shaders, and whether it is a software rasteriser. */
async function gpuInfo(): Promise<{ shaderF16: boolean; software: boolean }> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (!gpu) return { shaderF16: false, software: false };
  try {
    const a = await gpu.requestAdapter();
    if (!a) return { shaderF16: false, software: false };
    const i = a.info ?? {};
    const software = !!(a.isFallbackAdapter || i.isFallbackAdapter || /swiftshader|llvmpipe|software/i.test(`${i.architecture ?? ''} ${i.description ?? ''} ${i.vendor ?? ''}`));
    return { shaderF16: a.features.has('shader-f16'), software };
  } catch {
    return { shaderF16: false, software: false };
  }
}

function metaOf(list: readonly ort.InferenceSession.ValueMetadata[], names: readonly string[]): TensorInfo[] {
  return names.map((name) => {
    const m = list.find((x) => x.name === name);
    if (m && m.isTensor) return { name, shape: m.shape };
    return { name };
  });
}

function errorText(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  // onnxruntime prefixes build paths; the tail is what a person can use.
  return m
    .replace(/^.*?ERROR_MESSAGE:\s*/s, '')
    .replace(/\/\S+\/onnxruntime\/\S+\s/g, '')
    // C++ signatures and failed assertions mean nothing to a person.
    .replace(/onnxruntime::\S+\([^)]*\)[^.]*?was false\.\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300)
    .replace(/([^.!?])$/, '$1.');
}

/** float32 → IEEE half, for fp16 models. */
function toHalf(src: Float32Array): Uint16Array {
  const out = new Uint16Array(src.length);
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < src.length; i++) {
    f[0] = src[i]!;
    const x = u[0]!;
    const sign = (x >>> 16) & 0x8000;
    const exp = ((x >>> 23) & 0xff) - 127 + 15;
    const mant = x & 0x7fffff;
    if (exp <= 0) out[i] = sign | (exp < -10 ? 0 : ((mant | 0x800000) >> (1 - exp + 13)));
    else if (exp >= 31) out[i] = sign | 0x7c00;
    else out[i] = sign | (exp << 10) | ((mant + 0x1000) >> 13);
  }
  return out;
}

function fromHalf(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

export class Wav2LipEngine {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly contract: Wav2LipContract,
    readonly info: NeuralModelInfo,
    private readonly halfInputs: boolean,
  ) {}

  /** Loads a model; throws NeuralError not-onnx / unreadable / incompatible with a sentence. */
  static async load(bytes: Uint8Array, opts: NeuralLoadOptions = {}): Promise<Wav2LipEngine> {
    const t0 = performance.now();
    assertOnnx(bytes.subarray(0, 64), 'The model file');
    const { shaderF16, software } = await gpuInfo();
    // A software WebGPU adapter (SwiftShader) runs this model ~10x slower than WASM: unless
    // WebGPU is asked for by name, such machines get WASM.
    const prefer = opts.prefer ?? (software ? 'wasm' : 'webgpu');
    let s: Awaited<ReturnType<typeof createSession>>;
    const gpuIo = prefer === 'webgpu';
    try {
      s = await createSession(bytes, {
        prefer,
        ...(opts.threads ? { threads: opts.threads } : {}),
        // IO binding: on WebGPU the output stays in a GPU buffer until we read it back, so the
        // next batch's upload can overlap the download (ignored by the WASM backend).
        ...(gpuIo ? { sessionOptions: { preferredOutputLocation: 'gpu-buffer' } } : {}),
      });
    } catch (err) {
      throw new NeuralError(
        'unreadable',
        `The model file could not be read: it may be incomplete (a cut-off download) or damaged. Download or import it again. (${errorText(err)})`,
        { cause: err },
      );
    }
    let contract: Wav2LipContract;
    try {
      contract = mapContract(metaOf(s.session.inputMetadata, s.session.inputNames), metaOf(s.session.outputMetadata, s.session.outputNames));
    } catch (err) {
      await s.session.release();
      throw err;
    }
    const inMeta = s.session.inputMetadata.find((m) => m.name === contract.faceInput);
    const halfInputs = !!inMeta && inMeta.isTensor && inMeta.type === 'float16';
    const info: NeuralModelInfo = {
      backend: s.backend,
      threads: s.threads,
      fp16: halfInputs && s.backend === 'webgpu' && shaderF16,
      shaderF16,
      gpuIo: gpuIo && s.backend === 'webgpu',
      size: contract.size,
      melInput: contract.melInput,
      faceInput: contract.faceInput,
      output: contract.output,
      fixedBatch: contract.fixedBatch,
      loadMs: performance.now() - t0,
      ...(s.webgpuError ? { webgpuError: s.webgpuError } : !opts.prefer && software ? { webgpuError: 'software WebGPU adapter: WASM is faster here' } : {}),
    };
    return new Wav2LipEngine(s.session, contract, info, halfInputs);
  }

  /**
   * Runs one batch: mel [B,1,80,16] and faces [B,6,S,S] → faces [B,3,S,S] (0..1 BGR).
   * A model exported with a fixed batch gets padded batches.
   */
  async run(mel: Float32Array, faces: Float32Array, batch: number): Promise<Float32Array> {
    const S = this.contract.size;
    const B = this.contract.fixedBatch ?? batch;
    if (this.contract.fixedBatch && batch > B) throw new RangeError(`This model takes batches of ${B}.`);
    let melIn = mel;
    let faceIn = faces;
    if (B !== batch) {
      melIn = new Float32Array(B * 80 * 16);
      melIn.set(mel);
      faceIn = new Float32Array(B * 6 * S * S);
      faceIn.set(faces);
    }
    const tensor = (data: Float32Array, dims: number[]): ort.Tensor =>
      this.halfInputs ? new ort.Tensor('float16', toHalf(data), dims) : new ort.Tensor('float32', data, dims);
    let result: ort.InferenceSession.OnnxValueMapType;
    try {
      result = await this.session.run({
        [this.contract.melInput]: tensor(melIn, [B, 1, 80, 16]),
        [this.contract.faceInput]: tensor(faceIn, [B, 6, S, S]),
      });
    } catch (err) {
      throw new NeuralError('runtime', `The lip-sync model failed while running: ${errorText(err)}`, { cause: err });
    }
    const out = result[this.contract.output];
    if (!out) throw new NeuralError('runtime', `The lip-sync model returned no "${this.contract.output}" output.`);
    try {
      checkOutputDims(out.dims, B, S);
      // getData(true) downloads a GPU-buffer output and frees the buffer.
      const data = (await out.getData(true)) as Float32Array | Uint16Array;
      const n = batch * 3 * S * S;
      if (data instanceof Uint16Array) return Float32Array.from(data.subarray(0, n), fromHalf);
      return data.length === n ? data : data.slice(0, n);
    } finally {
      for (const v of Object.values(result)) v.dispose();
    }
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

let canvas: OffscreenCanvas | null = null;

function pixelsOf(bitmap: ImageBitmap): Rgba {
  if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height) canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new NeuralError('runtime', 'This browser gave the lip-sync worker no canvas.');
  ctx.clearRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  return { data: img.data, width: img.width, height: img.height };
}

/**
 * Every output frame's mouth: mel → chunks, track → smoothed boxes → crops, batches through
 * the model. The paste-back happens where the avatar is drawn (src/lipsync/neural/compose.ts).
 */
export async function neuralFaces(
  engine: Wav2LipEngine,
  job: NeuralJob,
  onProgress: (p: NeuralProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<NeuralFaces> {
  const { fps, frameCount } = job;
  if (!(frameCount > 0)) throw new RangeError('Nothing to lip-sync: no frames.');
  if (job.sources.length === 0) throw new NeuralError('no-face', 'The avatar has no picture to lip-sync.');
  const S = engine.contract.size;
  const B = Math.max(1, Math.min(engine.contract.fixedBatch ?? job.batch ?? (engine.info.backend === 'webgpu' ? 8 : 4), 64));
  const timings = { melMs: 0, cropMs: 0, inferMs: 0 };

  let t = performance.now();
  const pcm16 = resample(job.pcm, job.sampleRate, MEL_SAMPLE_RATE, signal);
  const mel = wav2lipMel(pcm16.length > 0 ? pcm16 : new Float32Array(1), signal);
  timings.melMs = performance.now() - t;

  t = performance.now();
  const sourceFrames = job.sourceFrames ?? new Array<number>(frameCount).fill(0);
  if (sourceFrames.length < frameCount) throw new RangeError('sourceFrames must name a source for every output frame.');
  const pixels = job.sources.map(pixelsOf);
  const trackBoxes = boxesForFrames(job.track, sourceFrames.slice(0, frameCount));
  const boxes = trackBoxes.map((b, i) => {
    const src = pixels[Math.min(pixels.length - 1, sourceFrames[i]!)]!;
    return scaleBox(b, job.track, src);
  });
  timings.cropMs += performance.now() - t;

  const faces = new Uint8Array(frameCount * 3 * S * S);
  const melBatch = new Float32Array(B * 80 * 16);
  const faceBatch = new Float32Array(B * 6 * S * S);
  const report = (done: number): void => onProgress({ done, total: frameCount, backend: engine.info.backend, threads: engine.info.threads });
  report(0);
  for (let start = 0; start < frameCount; start += B) {
    signal?.throwIfAborted();
    const n = Math.min(B, frameCount - start);
    t = performance.now();
    for (let j = 0; j < n; j++) {
      const i = start + j;
      writeMelChunk(mel, i, fps, melBatch, j * 80 * 16);
      const src = pixels[Math.min(pixels.length - 1, sourceFrames[i]!)]!;
      writeFaceInput(src, boxes[i]!, S, faceBatch, j * 6 * S * S);
    }
    timings.cropMs += performance.now() - t;
    t = performance.now();
    const out = await engine.run(melBatch.subarray(0, n * 80 * 16), faceBatch.subarray(0, n * 6 * S * S), n);
    timings.inferMs += performance.now() - t;
    const base = start * 3 * S * S;
    for (let k = 0; k < out.length; k++) {
      const v = out[k]! * 255;
      faces[base + k] = v <= 0 ? 0 : v >= 255 ? 255 : v + 0.5;
    }
    report(start + n);
  }
  for (const b of job.sources) b.close();
  const sourceSize = { width: pixels[0]!.width, height: pixels[0]!.height };
  return { size: S, frameCount, fps, sourceSize, boxes, sourceFrames: sourceFrames.slice(0, frameCount), faces, info: engine.info, batch: B, timings };
}

let loaded: { key: string; engine: Wav2LipEngine } | null = null;

/** comlink keeps no Error class or code: errors cross as plain { name, code, message }. */
async function plain<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { name?: string; code?: unknown; message?: unknown };
    throw { name: e?.name ?? 'Error', code: typeof e?.code === 'string' ? e.code : 'runtime', message: String(e?.message ?? err) };
  }
}

/** The worker's neural methods (spread into the lip-sync worker's comlink API). */
export const neuralApi = {
  /**
   * Loads a lip-sync model under `key` (e.g. its catalog id or hash), replacing the one loaded
   * before. `model` may be omitted when that key is already loaded.
   */
  neuralLoad(key: string, model: ArrayBuffer | null, opts: NeuralLoadOptions = {}): Promise<NeuralModelInfo> {
    return plain(() => load(key, model, opts));
  },

  /** Mouths for every output frame of `job` with the loaded model. */
  neuralFaces(key: string, job: NeuralJob, onProgress?: (p: NeuralProgress) => void): Promise<NeuralFaces> {
    return plain(async () => neuralFaces(engineFor(key), job, onProgress));
  },

  /**
   * One raw batch through the loaded model (tests and the benchmark): returns the output and
   * the time the run took.
   */
  neuralInfer(key: string, mel: Float32Array, faces: Float32Array, batch: number): Promise<{ out: Float32Array; ms: number }> {
    return plain(async () => {
      const engine = engineFor(key);
      const t0 = performance.now();
      const out = await engine.run(mel, faces, batch);
      return { out, ms: performance.now() - t0 };
    });
  },

  async neuralRelease(): Promise<void> {
    const previous = loaded;
    loaded = null;
    await previous?.engine.release();
  },
};

function engineFor(key: string): Wav2LipEngine {
  if (!loaded || loaded.key !== key) throw new NeuralError('unreadable', 'The lip-sync model is not loaded; load it first.');
  return loaded.engine;
}

async function load(key: string, model: ArrayBuffer | null, opts: NeuralLoadOptions): Promise<NeuralModelInfo> {
  if (loaded?.key === key) return loaded.engine.info;
  if (!model) throw new NeuralError('unreadable', 'The lip-sync model is not loaded in this worker; its bytes are needed.');
  const previous = loaded;
  loaded = null;
  await previous?.engine.release();
  const engine = await Wav2LipEngine.load(new Uint8Array(model), opts);
  loaded = { key, engine };
  return engine.info;
}
