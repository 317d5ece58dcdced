import { describe, expect, it } from 'vitest';
import { checkOutputDims, mapContract } from './contract.ts';
import { NeuralError } from './errors.ts';
import { assertOnnx } from './sniff.ts';

describe('mapContract', () => {
  it('maps mel/vid (the common Wav2Lip export)', () => {
    const c = mapContract(
      [{ name: 'mel', shape: ['B', 1, 80, 16] }, { name: 'vid', shape: ['B', 6, 96, 96] }],
      [{ name: 'out', shape: ['B', 3, 96, 96] }],
    );
    expect(c).toEqual({ melInput: 'mel', faceInput: 'vid', output: 'out', size: 96, fixedBatch: null });
  });
  it('maps mel_spectrogram/video_frames in either order, and 256 faces', () => {
    const c = mapContract(
      [{ name: 'video_frames', shape: [1, 6, 256, 256] }, { name: 'mel_spectrogram', shape: [1, 1, 80, 16] }],
      [{ name: 'predicted', shape: [1, 3, 256, 256] }],
    );
    expect(c).toEqual({ melInput: 'mel_spectrogram', faceInput: 'video_frames', output: 'predicted', size: 256, fixedBatch: 1 });
  });
  it('falls back to names when the runtime gives no shapes', () => {
    const c = mapContract([{ name: 'face' }, { name: 'audio' }], [{ name: 'y' }]);
    expect(c.melInput).toBe('audio');
    expect(c.faceInput).toBe('face');
    expect(c.size).toBe(96);
  });
  const bad: [string, Parameters<typeof mapContract>, RegExp][] = [
    ['one input', [[{ name: 'image', shape: [1, 3, 224, 224] }], [{ name: 'prob', shape: [1, 1000] }]], /has 1 input, not 2.*takes image \[1,3,224,224\]/],
    ['wrong mel', [[{ name: 'mel', shape: [1, 1, 80, 20] }, { name: 'vid', shape: [1, 6, 96, 96] }], [{ name: 'o', shape: [1, 3, 96, 96] }]], /audio input mel \[1,1,80,20\] is not \[B,1,80,16\]/],
    ['odd face size', [[{ name: 'mel', shape: [1, 1, 80, 16] }, { name: 'vid', shape: [1, 6, 128, 128] }], [{ name: 'o', shape: [1, 3, 128, 128] }]], /128x128; supported sizes are 96x96 and 256x256/],
    ['output size mismatch', [[{ name: 'mel', shape: [1, 1, 80, 16] }, { name: 'vid', shape: [1, 6, 96, 96] }], [{ name: 'o', shape: [1, 3, 48, 48] }]], /not a batch of 3-channel faces|returns 48x48/],
    ['1-channel output', [[{ name: 'mel', shape: [1, 1, 80, 16] }, { name: 'vid', shape: [1, 6, 96, 96] }], [{ name: 'o', shape: [1, 1, 96, 96] }]], /not a batch of 3-channel faces/],
    ['batch mismatch', [[{ name: 'mel', shape: [2, 1, 80, 16] }, { name: 'vid', shape: [4, 6, 96, 96] }], [{ name: 'o', shape: [4, 3, 96, 96] }]], /different batch sizes \(2 and 4\)/],
  ];
  for (const [label, args, msg] of bad) {
    it(`rejects ${label} with a sentence`, () => {
      let err: unknown;
      try {
        mapContract(...args);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NeuralError);
      expect((err as NeuralError).code).toBe('incompatible');
      expect((err as NeuralError).message).toMatch(msg);
      expect((err as NeuralError).message).toMatch(/^This model is not a Wav2Lip-style lip-sync model/);
    });
  }
  it('checks run output dims', () => {
    expect(() => checkOutputDims([2, 3, 96, 96], 2, 96)).not.toThrow();
    expect(() => checkOutputDims([2, 96, 96, 3], 2, 96)).toThrow(/returned a \[2,96,96,3\] tensor/);
  });
});

describe('assertOnnx (magic bytes)', () => {
  const head = (bytes: number[] | string): Uint8Array => {
    const a = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes);
    const out = new Uint8Array(Math.max(32, a.length));
    out.set(a);
    return out;
  };
  it('accepts a ModelProto header (ir_version first)', () => {
    expect(() => assertOnnx(head([0x08, 0x08, 0x12, 0x07]))).not.toThrow();
  });
  const cases: [string, Uint8Array, RegExp][] = [
    ['HTML', head('<!DOCTYPE html><html>'), /a web page/],
    ['ZIP', head([0x50, 0x4b, 3, 4]), /ZIP archive/],
    ['PyTorch pickle', head([0x80, 0x02, 0x8a]), /PyTorch checkpoint/],
    ['LFS pointer', head('version https://git-lfs.github.com/spec/v1'), /Git LFS pointer/],
    ['PNG', head([0x89, 0x50, 0x4e, 0x47]), /not an ONNX model/],
    ['tiny', Uint8Array.from([8, 8]), /only 2 bytes/],
  ];
  for (const [label, bytes, msg] of cases) {
    it(`rejects ${label}`, () => {
      expect(() => assertOnnx(bytes, 'model.onnx')).toThrow(msg);
      try {
        assertOnnx(bytes);
      } catch (e) {
        expect((e as NeuralError).code).toBe('not-onnx');
      }
    });
  }
});
