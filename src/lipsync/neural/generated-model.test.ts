/*
 * The generated Wav2Lip-architecture models (models/build-wav2lip.ts) load and run in
 * onnxruntime-web (its Node build, WASM backend), with the contract the engine maps.
 */
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { buildThrowsAtRunTime, buildWav2Lip, buildWrongInputs, wav2lipGraph } from '../../../models/build-wav2lip.ts';
import { mapContract, type TensorInfo } from './contract.ts';
import { NeuralError } from './errors.ts';
import { assertOnnx } from './sniff.ts';

ort.env.wasm.numThreads = 1;

const meta = (list: readonly ort.InferenceSession.ValueMetadata[]): TensorInfo[] => list.map((m) => (m.isTensor ? { name: m.name, shape: m.shape } : { name: m.name }));

async function run(s: ort.InferenceSession, batch: number, melValue: (i: number) => number): Promise<ort.Tensor> {
  const c = mapContract(meta(s.inputMetadata), meta(s.outputMetadata));
  const mel = Float32Array.from({ length: batch * 80 * 16 }, (_, i) => melValue(i));
  const vid = Float32Array.from({ length: batch * 6 * 96 * 96 }, (_, i) => ((i * 7) % 97) / 97);
  const out = await s.run({ [c.melInput]: new ort.Tensor('float32', mel, [batch, 1, 80, 16]), [c.faceInput]: new ort.Tensor('float32', vid, [batch, 6, 96, 96]) });
  return out[c.output]!;
}

describe('generated Wav2Lip-architecture model', { timeout: 120_000 }, () => {
  it('has the public 96x96 generator size (~36M parameters) and runs to [B,3,96,96] in 0..1', async () => {
    const { params } = wav2lipGraph();
    expect(params).toBeGreaterThan(36_000_000);
    expect(params).toBeLessThan(36_600_000);
    const { bytes } = buildWav2Lip();
    assertOnnx(bytes);
    const s = await ort.InferenceSession.create(bytes);
    expect(s.inputNames).toEqual(['mel', 'vid']);
    const out = await run(s, 2, (i) => Math.sin(i * 0.3) * 3);
    expect(out.dims).toEqual([2, 3, 96, 96]);
    const data = out.data as Float32Array;
    expect(data.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Not a constant: a real spread of values.
    expect(Math.max(...data) - Math.min(...data)).toBeGreaterThan(0.3);
    await s.release();
  });

  it('is deterministic, and its output follows the mel (the slim variant, other input names)', async () => {
    const names = { mel: 'mel_spectrogram', face: 'video_frames', output: 'predicted_frames' };
    const a = buildWav2Lip({ width: 1 / 8, names }).bytes;
    const b = buildWav2Lip({ width: 1 / 8, names }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const s = await ort.InferenceSession.create(a);
    const c = mapContract(meta(s.inputMetadata), meta(s.outputMetadata));
    expect(c).toEqual({ melInput: 'mel_spectrogram', faceInput: 'video_frames', output: 'predicted_frames', size: 96, fixedBatch: null });
    const silent = (await run(s, 1, () => -4)).data as Float32Array;
    const speech = (await run(s, 1, (i) => Math.sin(i * 0.3) * 3)).data as Float32Array;
    let diff = 0;
    for (let i = 0; i < silent.length; i++) diff += Math.abs(silent[i]! - speech[i]!);
    expect(diff / silent.length).toBeGreaterThan(0.02);
    await s.release();
  });

  it('bad-input variants: wrong inputs are rejected by the contract, the other fails at run time', async () => {
    const wrong = await ort.InferenceSession.create(buildWrongInputs());
    expect(() => mapContract(meta(wrong.inputMetadata), meta(wrong.outputMetadata))).toThrow(NeuralError);
    const throws = await ort.InferenceSession.create(buildThrowsAtRunTime());
    expect(mapContract(meta(throws.inputMetadata), meta(throws.outputMetadata)).faceInput).toBe('vid');
    await expect(run(throws, 1, () => 0)).rejects.toThrow(/cannot be reshaped/);
  });

  it('a truncated model does not load', async () => {
    const bytes = buildWav2Lip({ width: 1 / 8 }).bytes;
    assertOnnx(bytes.subarray(0, 64));
    await expect(ort.InferenceSession.create(bytes.slice(0, bytes.length >> 1))).rejects.toThrow();
  });
});
