/**
 * Is this an ONNX file? Checked by its bytes, not its name. An ONNX model is a protobuf
 * ModelProto; every exporter writes `ir_version` (field 1, varint: tag byte 0x08) first, with a
 * small version number, followed by producer/opset/graph fields.
 */
import { NeuralError } from './errors.ts';

/** Enough bytes to tell, and the smallest a usable model could be. */
export const SNIFF_BYTES = 16;

function describe(head: Uint8Array): string | null {
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 16)).toLowerCase();
  if (head[0] === 0x50 && head[1] === 0x4b) return 'a ZIP archive (unpack it and pick the .onnx file inside)';
  if (ascii.startsWith('<!doctype') || ascii.startsWith('<html') || ascii.startsWith('<?xml')) return 'a web page, not a model (the download link probably led to a page)';
  if (ascii.startsWith('{') || ascii.startsWith('[')) return 'a JSON file, not a model';
  if (head[0] === 0x80 && head[1] !== undefined && head[1] <= 5) return 'a PyTorch checkpoint (.pth); export it to ONNX first';
  if (ascii.startsWith('version https://')) return 'a Git LFS pointer, not the model itself';
  return null;
}

/** Throws NeuralError('not-onnx') unless `head` (the first bytes of the file) looks like ONNX. */
export function assertOnnx(head: Uint8Array, fileName = 'The file'): void {
  if (head.length < SNIFF_BYTES) {
    throw new NeuralError('not-onnx', `${fileName} is only ${head.length} bytes: too small to be an ONNX model.`);
  }
  const what = describe(head);
  if (what) throw new NeuralError('not-onnx', `${fileName} is ${what}. Choose a Wav2Lip model in ONNX format (.onnx).`);
  // Tag 0x08 (field 1, varint) then ir_version 1..15 (single-byte varint).
  const ok = head[0] === 0x08 && head[1]! >= 1 && head[1]! <= 15;
  if (!ok) throw new NeuralError('not-onnx', `${fileName} is not an ONNX model (its first bytes do not match). Choose a Wav2Lip model in ONNX format (.onnx).`);
}
