/** Browser glue for background music: any file the browser can decode, as PCM at a given rate. */
import { mixMusicChannels } from './music.ts';

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

/** The export's sample rate when music plays: the voice alone is speech-band (22.05 kHz), music is not. */
export const MUSIC_SAMPLE_RATE = 44_100;

/**
 * Decodes `bytes` (MP3, AAC/M4A, WAV, OGG, FLAC…) with WebAudio, resampled to `sampleRate`,
 * as at most `maxChannels` channels (a stereo file mixed down when 1).
 */
export async function decodeMusicChannels(bytes: ArrayBuffer, sampleRate: number, maxChannels = 1): Promise<Float32Array[]> {
  const probe = new OfflineAudioContext(1, 1, sampleRate);
  let decoded: AudioBuffer;
  try {
    decoded = await probe.decodeAudioData(bytes);
  } catch (err) {
    throw new MusicError('decode', 'The music file could not be read: it is not audio this browser can decode (try MP3, M4A, WAV or OGG).', { cause: err });
  }
  if (decoded.length === 0 || decoded.duration < 0.1) throw new MusicError('empty', 'The music file holds no sound.');
  const channels = Math.max(1, Math.min(maxChannels, decoded.numberOfChannels));
  // Rendering through an offline context resamples and up/downmixes in one step.
  const out = await render(decoded, channels, sampleRate);
  return Array.from({ length: channels }, (_, c) => out.getChannelData(c).slice());
}

function render(buffer: AudioBuffer, channels: number, sampleRate: number): Promise<AudioBuffer> {
  const ctx = new OfflineAudioContext(channels, Math.ceil(buffer.duration * sampleRate), sampleRate);
  const src = ctx.createBufferSource();
  src.buffer = buffer;
  src.connect(ctx.destination);
  src.start();
  return ctx.startRendering();
}

/** Mono PCM at another rate (WebAudio's resampler). */
export async function resampleMono(pcm: Float32Array, from: number, to: number): Promise<Float32Array> {
  if (from === to) return pcm;
  const buffer = new AudioBuffer({ length: Math.max(1, pcm.length), numberOfChannels: 1, sampleRate: from });
  buffer.copyToChannel(pcm as Float32Array<ArrayBuffer>, 0);
  return (await render(buffer, 1, to)).getChannelData(0).slice(0, Math.round((pcm.length * to) / from));
}

/** An export's sound: mono `pcm`, or `pcm` (left) and `right`. */
export interface ExportAudio {
  pcm: Float32Array;
  right?: Float32Array;
  sampleRate: number;
}

/**
 * The voice with music under it, at 44.1 kHz in the music's channels (stereo music stays
 * stereo): the voice is resampled up, since music loses its top octave at the voice's 22 kHz.
 * `music` is decoded at MUSIC_SAMPLE_RATE (decodeMusicChannels(bytes, MUSIC_SAMPLE_RATE, 2)).
 */
export async function voiceWithMusic(voice: { pcm: Float32Array; sampleRate: number }, music: readonly Float32Array[], volume = 1): Promise<ExportAudio> {
  const up = await resampleMono(voice.pcm, voice.sampleRate, MUSIC_SAMPLE_RATE);
  const [left, right] = mixMusicChannels(up, music, MUSIC_SAMPLE_RATE, undefined, volume);
  return { pcm: left!, ...(right ? { right } : {}), sampleRate: MUSIC_SAMPLE_RATE };
}
