/**
 * A tiny speaker encoder with the clone contract (src/voice/clone-engine.ts): input `audio`
 * float [1, T] at 16 kHz, output `embedding` float [1, 64]. It frames the audio in 10 ms
 * (160-sample) frames, takes each frame-position's mean magnitude and projects it with fixed
 * random weights: deterministic, cheap, and enough to prove the engine around it. Not a real
 * speaker model.
 */
import { encodeModel } from './onnx-proto.ts';

export const CLONE_TINY_DIM = 64;
/** Samples per frame: 10 ms at 16 kHz (the engine pads the clip to whole frames). */
const FRAME = 160;

export function buildCloneTiny(seed = 7): { model: Uint8Array; contract: { kind: 'speaker-encoder'; sampleRate: number; dim: number } } {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  const w = new Float32Array(FRAME * CLONE_TINY_DIM).map(() => rnd());
  const model = encodeModel({
    name: 'clone-tiny',
    nodes: [
      { op: 'Reshape', inputs: ['audio', 'frames_shape'], outputs: ['frames'] },
      { op: 'Abs', inputs: ['frames'], outputs: ['mag'] },
      { op: 'ReduceMean', inputs: ['mag', 'axes'], outputs: ['profile'], attrs: { keepdims: 0 } },
      { op: 'Reshape', inputs: ['profile', 'row_shape'], outputs: ['row'] },
      { op: 'MatMul', inputs: ['row', 'w'], outputs: ['embedding'] },
    ],
    initializers: [
      { name: 'frames_shape', dims: [2], data: BigInt64Array.from([-1n, BigInt(FRAME)]) },
      { name: 'axes', dims: [1], data: BigInt64Array.from([0n]) },
      { name: 'row_shape', dims: [2], data: BigInt64Array.from([1n, BigInt(FRAME)]) },
      { name: 'w', dims: [FRAME, CLONE_TINY_DIM], data: w },
    ],
    inputs: [{ name: 'audio', dims: [1, 'T'] }],
    outputs: [{ name: 'embedding', dims: [1, CLONE_TINY_DIM] }],
  }, { opset: 18 });
  return { model, contract: { kind: 'speaker-encoder', sampleRate: 16000, dim: CLONE_TINY_DIM } };
}
