/**
 * An ONNX model of a Piper *medium* voice's inference graph (VITS as Piper trains it:
 * piper/src/python/piper_train/vits — hidden 192, filter 768, 2 heads, 6 encoder layers,
 * 4 residual-coupling flows of 4 WaveNet layers, HiFi-GAN decoder with ResBlock2, upsampling
 * 8·8·4 from 256 channels) with deterministic RANDOM weights, for the benchmark only: same
 * contract (input/input_lengths/scales → output), about the same parameter count (~63 MB file)
 * and the same per-frame compute, so its real-time factor is honest; its sound is noise.
 *
 * Simplifications (each small next to the decoder and flows, which do >95 % of the work):
 * - attention without Piper's relative-position terms (same q/k/v/o matrices);
 * - a deterministic convolutional duration predictor in place of the stochastic one, and every
 *   phoneme id held for FRAMES_PER_ID frames (random weights would give random lengths);
 *   ~1024 samples per id is about a real voice's pace (ids include a pad after each phoneme).
 *
 *   npx tsx models/build-piper-vits.ts     # writes models/.generated/piper-vits-medium.onnx (+ .onnx.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testPhonemeMap } from '../src/voice/piper.ts';
import { encodeModel, type OnnxNode, type OnnxTensor, rng } from './onnx-proto.ts';

export const VITS_SAMPLE_RATE = 22050;
export const FRAMES_PER_ID = 4;
const HOP = 256;
export const VITS_SAMPLES_PER_ID = FRAMES_PER_ID * HOP;

class G {
  nodes: OnnxNode[] = [];
  inits: OnnxTensor[] = [];
  params = 0;
  private n = 0;
  constructor(private readonly rand: () => number) {}

  id(p: string): string {
    return `${p}_${this.n++}`;
  }

  w(dims: number[], fanIn: number, gain = 1): string {
    const size = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    const a = (gain * Math.sqrt(3)) / Math.sqrt(fanIn);
    for (let i = 0; i < size; i++) data[i] = (this.rand() * 2 - 1) * a;
    const name = this.id('w');
    this.inits.push({ name, dims, data });
    this.params += size;
    return name;
  }

  const(dims: number[], data: Float32Array | BigInt64Array): string {
    const name = this.id('c');
    this.inits.push({ name, dims, data });
    return name;
  }

  ints(v: number[]): string {
    return this.const([v.length], BigInt64Array.from(v, (x) => BigInt(x)));
  }

  f(v: number): string {
    return this.const([1], Float32Array.from([v]));
  }

  op(op: string, inputs: string[], attrs?: OnnxNode['attrs'], outputs = 1): string[] {
    const outs = Array.from({ length: outputs }, () => this.id(op.toLowerCase()));
    this.nodes.push({ op, inputs, outputs: outs, name: outs[0]!, ...(attrs ? { attrs } : {}) });
    return outs;
  }

  one(op: string, inputs: string[], attrs?: OnnxNode['attrs']): string {
    return this.op(op, inputs, attrs)[0]!;
  }

  /** Conv1d on [1, cin, T]. */
  conv(x: string, cin: number, cout: number, k: number, dilation = 1, bias = true, gain = 1): string {
    const pad = (dilation * (k - 1)) / 2;
    const inputs = [x, this.w([cout, cin, k], cin * k, gain)];
    if (bias) inputs.push(this.w([cout], 100, 0.1));
    return this.one('Conv', inputs, { kernel_shape: [k], dilations: [dilation], pads: [pad, pad] });
  }

  split(x: string, sizes: number[], axis = 1): string[] {
    return this.op('Split', [x, this.ints(sizes)], { axis }, sizes.length);
  }

  layerNorm(x: string, c: number): string {
    const one = new Float32Array(c).fill(1);
    return this.one('LayerNormalization', [x, this.const([c], one), this.const([c], new Float32Array(c))], { axis: -1 });
  }
}

export function buildPiperVits(seed = 20261207): { model: Uint8Array; config: Record<string, unknown>; params: number } {
  const g = new G(rng(seed));
  const H = 192;
  const FILTER = 768;
  const HEADS = 2;
  const map = testPhonemeMap();
  const vocab = Math.max(...Object.values(map).flat()) + 1;

  // --- Text encoder: embedding × √H, 6 × (attention + conv FFN, post-LayerNorm), projection.
  let x = g.one('Gather', [g.w([vocab, H], 1, 1), 'input']); // [1, N, H]
  x = g.one('Mul', [x, g.f(Math.sqrt(H))]);
  const dh = H / HEADS;
  for (let l = 0; l < 6; l++) {
    const proj = (): string => g.one('Add', [g.one('MatMul', [x, g.w([H, H], H)]), g.w([H], 100, 0.1)]);
    const heads = (t: string, perm: number[]): string => g.one('Transpose', [g.one('Reshape', [t, g.ints([1, -1, HEADS, dh])])], { perm });
    const q = heads(proj(), [0, 2, 1, 3]);
    const k = heads(proj(), [0, 2, 3, 1]);
    const v = heads(proj(), [0, 2, 1, 3]);
    const att = g.one('Softmax', [g.one('Mul', [g.one('MatMul', [q, k]), g.f(1 / Math.sqrt(dh))])], { axis: -1 });
    const ctx = g.one('Reshape', [g.one('Transpose', [g.one('MatMul', [att, v])], { perm: [0, 2, 1, 3] }), g.ints([1, -1, H])]);
    x = g.layerNorm(g.one('Add', [x, g.one('MatMul', [ctx, g.w([H, H], H)])]), H);
    const xc = g.one('Transpose', [x], { perm: [0, 2, 1] });
    const ffn = g.conv(g.one('Relu', [g.conv(xc, H, FILTER, 3)]), FILTER, H, 3);
    x = g.layerNorm(g.one('Add', [x, g.one('Transpose', [ffn], { perm: [0, 2, 1] })]), H);
  }
  const xc = g.one('Transpose', [x], { perm: [0, 2, 1] }); // [1, H, N]
  const [mP, logsP] = g.split(g.conv(xc, H, 2 * H, 1), [H, H]) as [string, string];

  // --- Duration predictor (deterministic stand-in): its output joins the graph at ×0.
  let d = g.one('Relu', [g.conv(xc, H, 256, 3)]);
  d = g.one('Relu', [g.conv(d, 256, 256, 3)]);
  const dur = g.one('Mul', [g.one('ReduceMean', [g.conv(d, 256, 1, 1)], { keepdims: 1 }), g.f(0)]);

  // --- Length regulation: every id held FRAMES_PER_ID frames; z_p = m + ε·exp(logs)·noise_scale.
  const expand = (t: string): string => {
    const rows = g.one('Unsqueeze', [g.one('Transpose', [t], { perm: [0, 2, 1] }), g.ints([2])]); // [1, N, 1, H]
    const held = g.one('Expand', [rows, g.ints([1, 1, FRAMES_PER_ID, 1])]);
    return g.one('Transpose', [g.one('Reshape', [held, g.ints([1, -1, H])])], { perm: [0, 2, 1] }); // [1, H, T]
  };
  const m = g.one('Add', [expand(mP), dur]);
  const logs = expand(logsP);
  const noiseScale = g.one('Gather', ['scales', g.const([], BigInt64Array.from([0n]))]);
  const eps = g.one('RandomNormalLike', [m], { seed: { float: 1 } });
  let z = g.one('Add', [m, g.one('Mul', [g.one('Mul', [eps, g.one('Exp', [logs])]), noiseScale])]);

  // --- Flow, reversed: 4 × (flip, mean-only residual coupling with a 4-layer WaveNet, k5).
  const half = H / 2;
  const flipIdx = g.const([H], BigInt64Array.from({ length: H }, (_, i) => BigInt(H - 1 - i)));
  for (let f = 0; f < 4; f++) {
    z = g.one('Gather', [z, flipIdx], { axis: 1 });
    const [x0, x1] = g.split(z, [half, half]);
    let h = g.conv(x0!, half, H, 1);
    let skip: string | null = null;
    for (let l = 0; l < 4; l++) {
      const [a, b] = g.split(g.conv(h, H, 2 * H, 5), [H, H]);
      const acts = g.one('Mul', [g.one('Tanh', [a!]), g.one('Sigmoid', [b!])]);
      if (l < 3) {
        const [res, sk] = g.split(g.conv(acts, H, 2 * H, 1), [H, H]);
        h = g.one('Add', [h, res!]);
        skip = skip ? g.one('Add', [skip, sk!]) : sk!;
      } else {
        const sk = g.conv(acts, H, H, 1);
        skip = skip ? g.one('Add', [skip, sk]) : sk;
      }
    }
    const mean = g.conv(skip!, H, half, 1, 1, true, 0.1);
    z = g.one('Concat', [x0!, g.one('Sub', [x1!, mean])], { axis: 1 });
  }

  // --- HiFi-GAN decoder (Piper medium: ResBlock2, kernels 3/5/7, dilations (1,2)/(2,6)/(3,12)).
  let y = g.conv(z, H, 256, 7);
  let ch = 256;
  const ups: Array<[number, number]> = [[8, 16], [8, 16], [4, 8]];
  const blocks: Array<[number, number[]]> = [[3, [1, 2]], [5, [2, 6]], [7, [3, 12]]];
  for (const [u, k] of ups) {
    y = g.one('LeakyRelu', [y], { alpha: { float: 0.1 } });
    const next = ch / 2;
    const pad = (k - u) / 2;
    y = g.one('ConvTranspose', [y, g.w([ch, next, k], (ch * k) / u), g.w([next], 100, 0.1)], { kernel_shape: [k], strides: [u], pads: [pad, pad] });
    ch = next;
    let sum: string | null = null;
    for (const [kr, dils] of blocks) {
      let r = y;
      for (const dl of dils) r = g.one('Add', [g.conv(g.one('LeakyRelu', [r], { alpha: { float: 0.1 } }), ch, ch, kr, dl, true, 0.5), r]);
      sum = sum ? g.one('Add', [sum, r]) : r;
    }
    y = g.one('Mul', [sum!, g.f(1 / blocks.length)]);
  }
  y = g.one('LeakyRelu', [y], { alpha: { float: 0.01 } });
  y = g.one('Tanh', [g.conv(y, ch, 1, 7, 1, false)]);
  g.nodes.push({ op: 'Identity', inputs: [y], outputs: ['output'], name: 'output' });
  // input_lengths is part of the contract; batch 1 needs it only to exist (Piper masks with it).
  const model = encodeModel({
    name: 'piper-vits-medium-random',
    nodes: g.nodes,
    initializers: g.inits,
    inputs: [
      { name: 'input', dims: [1, 'N'], type: 'int64' },
      { name: 'input_lengths', dims: [1], type: 'int64' },
      { name: 'scales', dims: [3] },
    ],
    outputs: [{ name: 'output', dims: [1, 1, 'T'] }],
  }, { opset: 17 });
  const config = {
    audio: { sample_rate: VITS_SAMPLE_RATE },
    espeak: { voice: 'en-us' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_id_map: map,
    num_speakers: 1,
    language: { code: 'en_US' },
  };
  return { model, config, params: g.params };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '.generated');
  mkdirSync(out, { recursive: true });
  const { model, config, params } = buildPiperVits();
  writeFileSync(join(out, 'piper-vits-medium.onnx'), model);
  writeFileSync(join(out, 'piper-vits-medium.onnx.json'), JSON.stringify(config, null, 2));
  console.log(`wrote ${join(out, 'piper-vits-medium.onnx')} (${model.length} bytes, ${params} parameters)`);
}
