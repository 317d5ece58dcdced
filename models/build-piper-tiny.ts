/**
 * A tiny ONNX model with the Piper/VITS voice contract (inputs `input` int64 [1,N],
 * `input_lengths` int64 [1], `scales` float [3]; output `output` float [1,1,1,T] at 22.05 kHz),
 * for tests and the benchmark: each phoneme id becomes HOP samples of a tone whose pitch
 * follows the id, so the audio length follows the phonemes as a real voice's does and the
 * engine around it (phonemizer, ids, session, timings) runs for real. The sound is not speech.
 *
 *   npx tsx models/build-piper-tiny.ts     # writes models/.generated/piper-tiny.onnx + .onnx.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testPhonemeMap } from '../src/voice/piper.ts';
import { encodeModel } from './onnx-proto.ts';

export const TINY_SAMPLE_RATE = 22050;
/** Samples per phoneme id (about 11.6 ms): a 40-phoneme sentence is ~1 s, as real voices. */
export const TINY_HOP = 256;

export function buildPiperTiny(): { model: Uint8Array; config: Record<string, unknown> } {
  const ramp = new Float32Array(TINY_HOP);
  for (let k = 0; k < TINY_HOP; k++) ramp[k] = (2 * Math.PI * k) / TINY_HOP;
  const model = encodeModel({
    name: 'piper-tiny',
    nodes: [
      { op: 'Cast', inputs: ['input'], outputs: ['ids_f'], attrs: { to: 1 } },
      { op: 'Reshape', inputs: ['ids_f', 'col_shape'], outputs: ['ids_col'] },
      // [N,1] * [HOP] → [N,HOP]: each id a burst of HOP samples, cycles per burst = id / 8 + 2.
      { op: 'Mul', inputs: ['ids_col', 'eighth'], outputs: ['cycles0'] },
      { op: 'Add', inputs: ['cycles0', 'two'], outputs: ['cycles'] },
      { op: 'Mul', inputs: ['cycles', 'ramp'], outputs: ['phase'] },
      { op: 'Sin', inputs: ['phase'], outputs: ['tone'] },
      { op: 'Mul', inputs: ['tone', 'gain'], outputs: ['loud'] },
      { op: 'Reshape', inputs: ['loud', 'out_shape'], outputs: ['output'] },
    ],
    initializers: [
      { name: 'col_shape', dims: [2], data: BigInt64Array.from([-1n, 1n]) },
      { name: 'out_shape', dims: [4], data: BigInt64Array.from([1n, 1n, 1n, -1n]) },
      { name: 'eighth', dims: [1], data: Float32Array.from([0.125]) },
      { name: 'two', dims: [1], data: Float32Array.from([2]) },
      { name: 'ramp', dims: [TINY_HOP], data: ramp },
      { name: 'gain', dims: [1], data: Float32Array.from([0.3]) },
    ],
    inputs: [
      { name: 'input', dims: [1, 'N'], type: 'int64' },
      { name: 'input_lengths', dims: [1], type: 'int64' },
      { name: 'scales', dims: [3] },
    ],
    outputs: [{ name: 'output', dims: [1, 1, 1, 'T'] }],
  }, { opset: 17 });
  const config = {
    audio: { sample_rate: TINY_SAMPLE_RATE },
    espeak: { voice: 'en-us' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_id_map: testPhonemeMap(),
    num_speakers: 1,
    language: { code: 'en_US' },
  };
  return { model, config };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '.generated');
  mkdirSync(out, { recursive: true });
  const { model, config } = buildPiperTiny();
  writeFileSync(join(out, 'piper-tiny.onnx'), model);
  writeFileSync(join(out, 'piper-tiny.onnx.json'), JSON.stringify(config, null, 2));
  console.log(`wrote ${join(out, 'piper-tiny.onnx')} (${model.length} bytes)`);
}
