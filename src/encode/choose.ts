/**
 * Which H.264 encoder an export uses. WebCodecs (hardware or Chromium's software encoder) is
 * ~6x faster than ffmpeg.wasm here, so it goes first; ffmpeg.wasm (libx264) covers browsers
 * without WebCodecs and configurations WebCodecs refuses. The user can force either one.
 */
export type EncoderChoice = 'auto' | 'webcodecs' | 'ffmpeg';
export type EncoderKind = 'webcodecs' | 'ffmpeg';

export const ENCODER_CHOICES: readonly EncoderChoice[] = ['auto', 'webcodecs', 'ffmpeg'];

export function isEncoderChoice(v: unknown): v is EncoderChoice {
  return typeof v === 'string' && (ENCODER_CHOICES as readonly string[]).includes(v);
}

/** What the probe found in this browser (see workers/render/probe.ts). */
export interface EncoderCaps {
  /** `VideoEncoder` exists. */
  webcodecs: boolean;
  /** `VideoEncoder.isConfigSupported` accepted H.264 at the export's size and bitrate. */
  h264: boolean;
  /** WebAssembly is available (ffmpeg.wasm can run). */
  wasm: boolean;
}

export class EncoderError extends Error {
  override name = 'EncoderError';
  constructor(
    readonly code: 'unavailable' | 'refused' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface EncoderPlan {
  /** Encoders to try, in order: a later one runs only if an earlier one refuses the job. */
  order: EncoderKind[];
  /** Why the first one was picked, in words (shown in the Task Center). */
  reason: string;
}

export function planEncoders(choice: EncoderChoice, caps: EncoderCaps): EncoderPlan {
  const wc = caps.webcodecs && caps.h264;
  if (choice === 'webcodecs') {
    if (!caps.webcodecs) throw new EncoderError('unavailable', 'This browser has no WebCodecs video encoder. Choose “Automatic” or “ffmpeg.wasm” as the encoder.');
    if (!caps.h264) throw new EncoderError('refused', 'This browser’s WebCodecs cannot encode H.264 at this size. Choose “Automatic” or “ffmpeg.wasm” as the encoder.');
    return { order: ['webcodecs'], reason: 'WebCodecs, as chosen in the settings' };
  }
  if (choice === 'ffmpeg') {
    if (!caps.wasm) throw new EncoderError('unavailable', 'This browser cannot run WebAssembly, which ffmpeg.wasm needs.');
    return { order: ['ffmpeg'], reason: 'ffmpeg.wasm, as chosen in the settings' };
  }
  if (wc) return { order: caps.wasm ? ['webcodecs', 'ffmpeg'] : ['webcodecs'], reason: 'WebCodecs H.264 (fastest here)' };
  if (!caps.wasm) throw new EncoderError('unavailable', 'This browser can neither encode H.264 with WebCodecs nor run ffmpeg.wasm, so it cannot export videos.');
  return {
    order: ['ffmpeg'],
    reason: caps.webcodecs ? 'ffmpeg.wasm: WebCodecs refused H.264 at this size' : 'ffmpeg.wasm: this browser has no WebCodecs encoder',
  };
}

export const ENCODER_LABELS: Record<EncoderChoice, string> = {
  auto: 'Automatic',
  webcodecs: 'WebCodecs',
  ffmpeg: 'ffmpeg.wasm',
};
