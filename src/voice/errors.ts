/**
 * Errors of the voice stage. Pure (no DOM), shared by the TTS worker and its client.
 * Comlink does not keep an Error's class or extra fields across the worker boundary, so the
 * worker throws the plain `TtsErrorWire` form and the client turns it back into a TtsError.
 */

export type TtsErrorCode =
  | 'empty-text'
  | 'invalid-request'
  | 'voice-not-found'
  | 'engine-load-failed'
  | 'synthesis-failed'
  | 'worker-crashed'
  | 'aborted';

export class TtsError extends Error {
  override name = 'TtsError';
  constructor(
    readonly code: TtsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What crosses the worker boundary in place of a TtsError (structured-cloneable). */
export interface TtsErrorWire {
  ttsError: true;
  code: TtsErrorCode;
  message: string;
}

const CODES: ReadonlySet<string> = new Set<TtsErrorCode>([
  'empty-text',
  'invalid-request',
  'voice-not-found',
  'engine-load-failed',
  'synthesis-failed',
  'worker-crashed',
  'aborted',
]);

export function toTtsErrorWire(err: unknown): TtsErrorWire {
  if (err instanceof TtsError) return { ttsError: true, code: err.code, message: err.message };
  const msg = err instanceof Error ? err.message : String(err);
  return { ttsError: true, code: 'synthesis-failed', message: `The voice could not be made: ${msg}` };
}

export function isTtsErrorWire(x: unknown): x is TtsErrorWire {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Partial<TtsErrorWire>;
  return o.ttsError === true && typeof o.code === 'string' && CODES.has(o.code) && typeof o.message === 'string';
}

/** Any thrown value → TtsError (wire form, TtsError, or something unexpected). */
export function toTtsError(err: unknown): TtsError {
  if (err instanceof TtsError) return err;
  if (isTtsErrorWire(err)) return new TtsError(err.code, err.message);
  const msg = err instanceof Error ? err.message : String(err);
  return new TtsError('synthesis-failed', `The voice could not be made: ${msg}`, { cause: err });
}
