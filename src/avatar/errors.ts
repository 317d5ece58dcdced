/** Errors of the custom-avatar flow: a code for programs, a sentence for people. */
export type AvatarErrorCode =
  | 'not-media'
  | 'too-large'
  | 'too-many-pixels'
  | 'too-short'
  | 'too-long'
  | 'corrupt'
  | 'unsupported'
  | 'no-face'
  | 'no-audio'
  | 'detector-failed'
  | 'worker-crashed'
  | 'aborted'
  | 'storage';

export class AvatarError extends Error {
  override readonly name = 'AvatarError';
  constructor(
    readonly code: AvatarErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Rebuilds an AvatarError from what crossed a worker boundary (a plain { code, message }). */
export function toAvatarError(err: unknown): AvatarError {
  if (err instanceof AvatarError) return err;
  if (err && typeof err === 'object' && 'message' in err) {
    const e = err as { code?: unknown; message: unknown };
    const code = typeof e.code === 'string' && KNOWN.has(e.code) ? (e.code as AvatarErrorCode) : 'detector-failed';
    return new AvatarError(code, String(e.message), { cause: err });
  }
  return new AvatarError('detector-failed', String(err), { cause: err });
}

const KNOWN = new Set<string>(['not-media', 'too-large', 'too-many-pixels', 'too-short', 'too-long', 'corrupt', 'unsupported', 'no-face', 'no-audio', 'detector-failed', 'worker-crashed', 'aborted', 'storage']);
