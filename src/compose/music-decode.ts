/** Browser glue for background music: any file the browser can decode, as mono PCM at a given rate. */

export class MusicError extends Error {
  override name = 'MusicError';
  constructor(
    readonly code: 'decode' | 'empty',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Decodes `bytes` (MP3, AAC/M4A, WAV, OGG, FLAC…) with WebAudio, mixed to mono and resampled. */
export async function decodeMusic(bytes: ArrayBuffer, sampleRate: number): Promise<Float32Array> {
  const probe = new OfflineAudioContext(1, 1, sampleRate);
  let decoded: AudioBuffer;
  try {
    decoded = await probe.decodeAudioData(bytes);
  } catch (err) {
    throw new MusicError('decode', 'The music file could not be read: it is not audio this browser can decode (try MP3, M4A, WAV or OGG).', { cause: err });
  }
  if (decoded.length === 0 || decoded.duration < 0.1) throw new MusicError('empty', 'The music file holds no sound.');
  // Rendering through an offline context resamples and downmixes in one step.
  const frames = Math.ceil(decoded.duration * sampleRate);
  const ctx = new OfflineAudioContext(1, frames, sampleRate);
  const src = ctx.createBufferSource();
  src.buffer = decoded;
  src.connect(ctx.destination);
  src.start();
  const out = await ctx.startRendering();
  return out.getChannelData(0).slice();
}
