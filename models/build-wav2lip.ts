/**
 * Builds ONNX models with Wav2Lip's 96x96 generator architecture (models/wav2lip.py in the
 * public Wav2Lip code: face encoder, audio encoder, U-Net decoder with skip concatenations,
 * sigmoid output) and deterministic random weights, for tests and benchmarks. Same layers,
 * tensor shapes and compute as the public model (~36M parameters), so timings are honest; the
 * lips it draws are noise. BatchNorm is folded into the convolutions, as an eval-mode export
 * does.
 *
 * Also builds tiny models for bad-input tests: one with the wrong inputs and one that accepts
 * the Wav2Lip contract but fails at run time.
 *
 *   npm run models:wav2lip            # writes models/.generated/*.onnx
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeModel, type OnnxGraph, type OnnxNode, type OnnxTensor, rng } from './onnx-proto.ts';

export interface Wav2LipBuildOptions {
  /** Channel width multiplier: 1 is the real model; 1/8 keeps every layer at an eighth the channels. */
  width?: number;
  seed?: number;
  /** Input names: Wav2Lip exports differ ('mel'/'vid' or 'mel_spectrogram'/'video_frames'). */
  names?: { mel: string; face: string; output: string };
}

class GraphBuilder {
  nodes: OnnxNode[] = [];
  initializers: OnnxTensor[] = [];
  params = 0;
  private n = 0;
  private readonly rand: () => number;

  constructor(seed: number) {
    this.rand = rng(seed);
  }

  private id(prefix: string): string {
    return `${prefix}_${this.n++}`;
  }

  /** Uniform weights scaled by fan-in (He-style), so activations neither vanish nor explode. */
  private weight(dims: number[], fanIn: number, gain: number): string {
    const size = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    const a = (gain * Math.sqrt(3)) / Math.sqrt(fanIn);
    for (let i = 0; i < size; i++) data[i] = (this.rand() * 2 - 1) * a;
    const name = this.id('w');
    this.initializers.push({ name, dims, data });
    this.params += size;
    return name;
  }

  private bias(n: number, spread: number): string {
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = (this.rand() * 2 - 1) * spread;
    const name = this.id('b');
    this.initializers.push({ name, dims: [n], data });
    this.params += n;
    return name;
  }

  node(op: string, inputs: string[], attrs?: OnnxNode['attrs']): string {
    const out = this.id(op.toLowerCase());
    this.nodes.push({ op, inputs, outputs: [out], name: out, ...(attrs ? { attrs } : {}) });
    return out;
  }

  /** Wav2Lip's Conv2d block: conv (+ folded BatchNorm) → (+ x if residual) → ReLU. */
  conv(x: string, cin: number, cout: number, k: number, s: number | [number, number], p: number, residual = false, gain?: number): string {
    const [sh, sw] = Array.isArray(s) ? s : [s, s];
    // Residual blocks start small so a deep stack of them stays near identity, as trained ones do.
    const w = this.weight([cout, cin, k, k], cin * k * k, gain ?? (residual ? 0.5 : 1.2));
    const y = this.node('Conv', [x, w, this.bias(cout, 0.05)], { kernel_shape: [k, k], strides: [sh, sw], pads: [p, p, p, p] });
    return this.node('Relu', [residual ? this.node('Add', [y, x]) : y]);
  }

  /** Wav2Lip's Conv2dTranspose block: transposed conv (+ folded BatchNorm) → ReLU. */
  convT(x: string, cin: number, cout: number, k: number, s: number, p: number, outPad = 0): string {
    const w = this.weight([cin, cout, k, k], (cin * k * k) / (s * s), 1.2);
    const y = this.node('ConvTranspose', [x, w, this.bias(cout, 0.05)], {
      kernel_shape: [k, k],
      strides: [s, s],
      pads: [p, p, p, p],
      ...(outPad ? { output_padding: [outPad, outPad] } : {}),
    });
    return this.node('Relu', [y]);
  }

  plainConv(x: string, cin: number, cout: number, k: number, p: number, gain = 1): string {
    const w = this.weight([cout, cin, k, k], cin * k * k, gain);
    return this.node('Conv', [x, w, this.bias(cout, 0.05)], { kernel_shape: [k, k], strides: [1, 1], pads: [p, p, p, p] });
  }
}

/**
 * Random weights wash the audio out: by the 1x1 bottleneck the speech embedding is one input
 * among the face's skip features, and the mouth hardly moves. Louder audio layers make the
 * output follow the mel as a trained model's does (same compute, different numbers).
 */
const AUDIO_GAIN = 10;

/** The Wav2Lip 96x96 generator as an ONNX graph. */
export function wav2lipGraph(opts: Wav2LipBuildOptions = {}): { graph: OnnxGraph; params: number } {
  const width = opts.width ?? 1;
  const names = opts.names ?? { mel: 'mel', face: 'vid', output: 'out' };
  const c = (n: number): number => Math.max(1, Math.round(n * width));
  const g = new GraphBuilder(opts.seed ?? 20260421);

  // Face encoder: 96 → 48 → 24 → 12 → 6 → 3 → 1, keeping every block's output for the skips.
  const feats: string[] = [];
  let x = g.conv(names.face, 6, c(16), 7, 1, 3);
  feats.push(x);
  x = g.conv(x, c(16), c(32), 3, 2, 1);
  x = g.conv(x, c(32), c(32), 3, 1, 1, true);
  x = g.conv(x, c(32), c(32), 3, 1, 1, true);
  feats.push(x);
  x = g.conv(x, c(32), c(64), 3, 2, 1);
  for (let i = 0; i < 3; i++) x = g.conv(x, c(64), c(64), 3, 1, 1, true);
  feats.push(x);
  x = g.conv(x, c(64), c(128), 3, 2, 1);
  for (let i = 0; i < 2; i++) x = g.conv(x, c(128), c(128), 3, 1, 1, true);
  feats.push(x);
  x = g.conv(x, c(128), c(256), 3, 2, 1);
  for (let i = 0; i < 2; i++) x = g.conv(x, c(256), c(256), 3, 1, 1, true);
  feats.push(x);
  x = g.conv(x, c(256), c(512), 3, 2, 1);
  x = g.conv(x, c(512), c(512), 3, 1, 1, true);
  feats.push(x);
  x = g.conv(x, c(512), c(512), 3, 1, 0);
  x = g.conv(x, c(512), c(512), 1, 1, 0);
  feats.push(x);

  // Audio encoder: [B,1,80,16] → [B,512,1,1].
  let a = g.conv(names.mel, 1, c(32), 3, 1, 1);
  a = g.conv(a, c(32), c(32), 3, 1, 1, true);
  a = g.conv(a, c(32), c(32), 3, 1, 1, true);
  a = g.conv(a, c(32), c(64), 3, [3, 1], 1);
  a = g.conv(a, c(64), c(64), 3, 1, 1, true);
  a = g.conv(a, c(64), c(64), 3, 1, 1, true);
  a = g.conv(a, c(64), c(128), 3, 3, 1);
  a = g.conv(a, c(128), c(128), 3, 1, 1, true);
  a = g.conv(a, c(128), c(128), 3, 1, 1, true);
  a = g.conv(a, c(128), c(256), 3, [3, 2], 1);
  a = g.conv(a, c(256), c(256), 3, 1, 1, true);
  a = g.conv(a, c(256), c(512), 3, 1, 0);
  a = g.conv(a, c(512), c(512), 1, 1, 0, false, AUDIO_GAIN);

  // Decoder: upsample, then concatenate the matching encoder features (U-Net skips).
  const cat = (y: string): string => g.node('Concat', [y, feats.pop()!], { axis: 1 });
  let d = cat(g.conv(a, c(512), c(512), 1, 1, 0, false, AUDIO_GAIN));
  d = g.convT(d, c(1024), c(512), 3, 1, 0);
  d = cat(g.conv(d, c(512), c(512), 3, 1, 1, true));
  d = g.convT(d, c(1024), c(512), 3, 2, 1, 1);
  d = g.conv(d, c(512), c(512), 3, 1, 1, true);
  d = cat(g.conv(d, c(512), c(512), 3, 1, 1, true));
  d = g.convT(d, c(768), c(384), 3, 2, 1, 1);
  d = g.conv(d, c(384), c(384), 3, 1, 1, true);
  d = cat(g.conv(d, c(384), c(384), 3, 1, 1, true));
  d = g.convT(d, c(512), c(256), 3, 2, 1, 1);
  d = g.conv(d, c(256), c(256), 3, 1, 1, true);
  d = cat(g.conv(d, c(256), c(256), 3, 1, 1, true));
  d = g.convT(d, c(320), c(128), 3, 2, 1, 1);
  d = g.conv(d, c(128), c(128), 3, 1, 1, true);
  d = cat(g.conv(d, c(128), c(128), 3, 1, 1, true));
  d = g.convT(d, c(160), c(64), 3, 2, 1, 1);
  d = g.conv(d, c(64), c(64), 3, 1, 1, true);
  d = cat(g.conv(d, c(64), c(64), 3, 1, 1, true));

  // Output block: Conv2d block, then a plain 1x1 conv to BGR and a sigmoid.
  let o = g.conv(d, c(80), c(32), 3, 1, 1);
  o = g.plainConv(o, c(32), 3, 1, 0, 0.6);
  // The last node writes the graph output name directly.
  const last = g.node('Sigmoid', [o]);
  g.nodes[g.nodes.length - 1]!.outputs = [names.output];
  void last;

  return {
    graph: {
      name: 'wav2lip_96',
      nodes: g.nodes,
      initializers: g.initializers,
      inputs: [
        { name: names.mel, dims: ['B', 1, 80, 16] },
        { name: names.face, dims: ['B', 6, 96, 96] },
      ],
      outputs: [{ name: names.output, dims: ['B', 3, 96, 96] }],
    },
    params: g.params,
  };
}

export function buildWav2Lip(opts: Wav2LipBuildOptions = {}): { bytes: Uint8Array; params: number } {
  const { graph, params } = wav2lipGraph(opts);
  return { bytes: encodeModel(graph, { producer: 'talkreel build-wav2lip' }), params };
}

/** A small model whose inputs are not Wav2Lip's (one RGB image in, one out). */
export function buildWrongInputs(): Uint8Array {
  return encodeModel({
    name: 'not_wav2lip',
    nodes: [{ op: 'Sigmoid', inputs: ['image'], outputs: ['prob'] }],
    initializers: [],
    inputs: [{ name: 'image', dims: [1, 3, 224, 224] }],
    outputs: [{ name: 'prob', dims: [1, 3, 224, 224] }],
  });
}

/**
 * Accepts the Wav2Lip contract and loads fine, but every run fails: it reshapes the face batch
 * into rows of 7 values, and 6*96*96 is not a multiple of 7.
 */
export function buildThrowsAtRunTime(): Uint8Array {
  return encodeModel({
    name: 'throws_at_run_time',
    nodes: [
      { op: 'Reshape', inputs: ['vid', 'bad_shape'], outputs: ['rows'] },
      { op: 'Reshape', inputs: ['rows', 'out_shape'], outputs: ['shaped'] },
      { op: 'Slice', inputs: ['shaped', 'starts', 'ends', 'axes'], outputs: ['bgr'] },
      { op: 'Add', inputs: ['bgr', 'mel_mean'], outputs: ['sum'] },
      { op: 'ReduceMean', inputs: ['mel'], outputs: ['mel_mean'], attrs: { keepdims: 1 } },
      { op: 'Sigmoid', inputs: ['sum'], outputs: ['out'] },
    ],
    initializers: [
      { name: 'bad_shape', dims: [2], data: BigInt64Array.from([-1n, 7n]) },
      { name: 'out_shape', dims: [4], data: BigInt64Array.from([-1n, 6n, 96n, 96n]) },
      { name: 'starts', dims: [1], data: BigInt64Array.from([0n]) },
      { name: 'ends', dims: [1], data: BigInt64Array.from([3n]) },
      { name: 'axes', dims: [1], data: BigInt64Array.from([1n]) },
    ],
    inputs: [
      { name: 'mel', dims: ['B', 1, 80, 16] },
      { name: 'vid', dims: ['B', 6, 96, 96] },
    ],
    outputs: [{ name: 'out', dims: ['B', 3, 96, 96] }],
  });
}

/** The files tests and the bench use, by name. */
export const GENERATED = {
  full: 'wav2lip-96-random.onnx',
  slim: 'wav2lip-96-slim-random.onnx',
  wrongInputs: 'not-wav2lip.onnx',
  throws: 'wav2lip-throws.onnx',
} as const;

export const GENERATED_DIR = join(dirname(fileURLToPath(import.meta.url)), '.generated');

/** Writes every generated model into models/.generated (skips nothing: it is quick). */
export function writeGenerated(dir = GENERATED_DIR): Record<keyof typeof GENERATED, string> {
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<keyof typeof GENERATED, string>;
  const put = (key: keyof typeof GENERATED, bytes: Uint8Array): void => {
    const path = join(dir, GENERATED[key]);
    writeFileSync(path, bytes);
    out[key] = path;
  };
  put('full', buildWav2Lip().bytes);
  // Same layers at 1/8 the channels, with the other export's input names: quick enough for
  // WebGPU on SwiftShader, and it exercises the name mapping.
  put('slim', buildWav2Lip({ width: 1 / 8, names: { mel: 'mel_spectrogram', face: 'video_frames', output: 'predicted_frames' } }).bytes);
  put('wrongInputs', buildWrongInputs());
  put('throws', buildThrowsAtRunTime());
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const paths = writeGenerated();
  const { params } = wav2lipGraph();
  console.log(`Wav2Lip-architecture models (${(params / 1e6).toFixed(1)}M parameters) in ${((performance.now() - t0) / 1000).toFixed(1)} s:`);
  for (const p of Object.values(paths)) console.log(`  ${p}`);
}
