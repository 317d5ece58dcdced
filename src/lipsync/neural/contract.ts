/**
 * Wav2Lip-compatible model contract: two inputs, mel [B,1,80,16] and faces [B,6,S,S] (BGR,
 * masked + reference), one output [B,3,S,S], S = 96 or 256. Exports name them differently
 * (`mel`/`vid`, `mel_spectrogram`/`video_frames`, `audio`/`face`…), so names and shapes are read
 * from the session and mapped here; anything else is rejected with a sentence saying why.
 */
import { NeuralError } from './errors.ts';

export type Dim = number | string | null;

export interface TensorInfo {
  name: string;
  /** From the session's metadata; undefined where the runtime does not say. */
  shape?: readonly Dim[];
}

export const FACE_SIZES = [96, 256] as const;
export type FaceSize = (typeof FACE_SIZES)[number];

export interface Wav2LipContract {
  melInput: string;
  faceInput: string;
  output: string;
  /** Face crop edge the model takes and returns. */
  size: FaceSize;
  /** A batch size the model was exported with, or null when the batch dimension is free. */
  fixedBatch: number | null;
}

const MEL_NAME = /mel|audio|spec/i;
const FACE_NAME = /vid|face|frame|img|image/i;

const num = (d: Dim | undefined): number | null => (typeof d === 'number' && d > 0 ? d : null);

function fmt(t: TensorInfo): string {
  return t.shape ? `${t.name} [${t.shape.map((d) => (d === null ? '?' : String(d))).join(',')}]` : t.name;
}

function looksMel(t: TensorInfo): boolean {
  const s = t.shape;
  return !!s && s.length === 4 && num(s[1]) === 1 && num(s[2]) === 80 && num(s[3]) === 16;
}

function looksFace(t: TensorInfo): boolean {
  return !!t.shape && t.shape.length === 4 && num(t.shape[1]) === 6;
}

function incompatible(inputs: readonly TensorInfo[], outputs: readonly TensorInfo[], why: string): NeuralError {
  return new NeuralError(
    'incompatible',
    `This model is not a Wav2Lip-style lip-sync model: ${why}. It takes ${inputs.map(fmt).join(', ') || 'no inputs'} and returns ${outputs.map(fmt).join(', ') || 'nothing'}; a lip-sync model takes mel [B,1,80,16] and faces [B,6,96,96] (or 256) and returns [B,3,96,96].`,
  );
}

export function mapContract(inputs: readonly TensorInfo[], outputs: readonly TensorInfo[]): Wav2LipContract {
  if (inputs.length !== 2) throw incompatible(inputs, outputs, `it has ${inputs.length} input${inputs.length === 1 ? '' : 's'}, not 2`);
  if (outputs.length < 1) throw incompatible(inputs, outputs, 'it has no output');
  // Shapes decide first (they are what the model really needs); names break ties.
  let mel = inputs.find(looksMel) ?? inputs.find((t) => MEL_NAME.test(t.name) && !looksFace(t));
  let face = inputs.find((t) => t !== mel && looksFace(t)) ?? inputs.find((t) => t !== mel && FACE_NAME.test(t.name));
  if (!mel && face) mel = inputs.find((t) => t !== face);
  if (!face && mel) face = inputs.find((t) => t !== mel);
  if (!mel || !face) throw incompatible(inputs, outputs, 'neither input is a mel spectrogram or a face batch');

  if (mel.shape) {
    const s = mel.shape;
    const fixed = [null, 1, 80, 16];
    if (s.length !== 4 || s.some((d, i) => i > 0 && num(d) !== null && num(d) !== fixed[i])) {
      throw incompatible(inputs, outputs, `its audio input ${fmt(mel)} is not [B,1,80,16]`);
    }
  }
  let size: FaceSize = 96;
  if (face.shape) {
    const s = face.shape;
    if (s.length !== 4 || (num(s[1]) !== null && num(s[1]) !== 6)) {
      throw incompatible(inputs, outputs, `its face input ${fmt(face)} is not [B,6,S,S] (masked face + reference, 3 channels each)`);
    }
    const h = num(s[2]);
    const w = num(s[3]);
    if (h !== null || w !== null) {
      const edge = h ?? w!;
      if ((h !== null && w !== null && h !== w) || !(FACE_SIZES as readonly number[]).includes(edge)) {
        throw incompatible(inputs, outputs, `its faces are ${h ?? '?'}x${w ?? '?'}; supported sizes are 96x96 and 256x256`);
      }
      size = edge as FaceSize;
    }
  }
  const output = outputs.find((t) => !t.shape || (t.shape.length === 4 && (num(t.shape[1]) === null || num(t.shape[1]) === 3))) ?? null;
  if (!output) throw incompatible(inputs, outputs, 'its output is not a batch of 3-channel faces');
  if (output.shape) {
    const h = num(output.shape[2]);
    const w = num(output.shape[3]);
    if ((h !== null && h !== size) || (w !== null && w !== size)) {
      throw incompatible(inputs, outputs, `it returns ${h ?? '?'}x${w ?? '?'} faces for ${size}x${size} input`);
    }
  }
  const bm = num(mel.shape?.[0]);
  const bf = num(face.shape?.[0]);
  if (bm !== null && bf !== null && bm !== bf) throw incompatible(inputs, outputs, `its two inputs want different batch sizes (${bm} and ${bf})`);
  return { melInput: mel.name, faceInput: face.name, output: output.name, size, fixedBatch: bm ?? bf };
}

/** Checks one run's output tensor against the contract (a model may lie in its metadata). */
export function checkOutputDims(dims: readonly number[], batch: number, size: number): void {
  const want = [batch, 3, size, size];
  if (dims.length !== 4 || dims.some((d, i) => d !== want[i])) {
    throw new NeuralError('runtime', `The model returned a [${dims.join(',')}] tensor where [${want.join(',')}] faces were expected.`);
  }
}
