/** Errors of the neural lip-sync engine: a code for programs, a sentence for people. */
export type NeuralErrorCode =
  /** The file is not an ONNX model at all (wrong magic bytes, HTML, an archive…). */
  | 'not-onnx'
  /** The file starts like ONNX but the runtime cannot read it (truncated download, corrupt). */
  | 'unreadable'
  /** A real ONNX model, but not a Wav2Lip-style lip-sync model (inputs/outputs differ). */
  | 'incompatible'
  /** The model loaded but failed while running. */
  | 'runtime'
  /** No face in the avatar's track to crop. */
  | 'no-face'
  | 'worker-crashed'
  | 'aborted';

export class NeuralError extends Error {
  override readonly name = 'NeuralError';
  constructor(
    readonly code: NeuralErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const KNOWN = new Set<string>(['not-onnx', 'unreadable', 'incompatible', 'runtime', 'no-face', 'worker-crashed', 'aborted']);

/** Rebuilds a NeuralError from what crossed a worker boundary (a plain { code, message }). */
export function toNeuralError(err: unknown): NeuralError {
  if (err instanceof NeuralError) return err;
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as { code?: unknown; message: unknown };
    const code = typeof e.code === 'string' && KNOWN.has(e.code) ? (e.code as NeuralErrorCode) : 'runtime';
    return new NeuralError(code, String(e.message), { cause: err });
  }
  return new NeuralError('runtime', String(err), { cause: err });
}
