/**
 * What an audio file the user brings must be, checked before anything decodes it. Pure.
 * Formats are recognised by their first bytes, never by the file name.
 */

export type AudioFormat = 'wav' | 'mp3' | 'aac' | 'm4a' | 'asf' | 'ogg' | 'webm' | 'flac';

/**
 * Largest voice file accepted: 20 MB. A 60 s WAV at 48 kHz stereo 16-bit is 11.5 MB and an
 * MP3 of the same is under 2 MB, so real voiceovers fit with room to spare; the voice-clone
 * vendor caps clips at the same 20 MB. Anything larger is refused before it is read.
 */
export const MAX_AUDIO_BYTES = 20_000_000;
/** Longest voiceover: the longest video is 60 s; a little slack for lead-in and tail. */
export const MAX_AUDIO_SECONDS = 75;
export const MIN_AUDIO_SECONDS = 1;
/** REQUIREMENTS §4: at least 16 kHz. */
export const MIN_SAMPLE_RATE = 16_000;

export type VoiceFileErrorCode = 'empty' | 'too-large' | 'unsupported' | 'corrupt' | 'too-short' | 'too-long' | 'low-sample-rate' | 'silent' | 'storage' | 'microphone';

export class VoiceFileError extends Error {
  override name = 'VoiceFileError';
  constructor(
    readonly code: VoiceFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const ASF_GUID = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];

const ascii = (b: Uint8Array, at: number, s: string): boolean => [...s].every((c, i) => b[at + i] === c.charCodeAt(0));

/** The container/stream by magic bytes (the first 64 are plenty), or null. */
export function sniffAudio(head: Uint8Array): AudioFormat | null {
  if (head.length < 12) return null;
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'wav';
  if (ascii(head, 0, 'ID3')) return 'mp3';
  if (ascii(head, 4, 'ftyp')) {
    // M4A/MP4 audio (M4A , mp42, isom…): the decoder checks that it holds audio.
    return 'm4a';
  }
  if (ASF_GUID.every((x, i) => head[i] === x)) return 'asf';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (head[0] === 0xff) {
    const b1 = head[1]!;
    // ADTS AAC: 12-bit sync, layer bits 00.
    if ((b1 & 0xf6) === 0xf0) return 'aac';
    // MPEG audio frame sync (11 bits), layer III/II/I bits not 00.
    if ((b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'mp3';
  }
  return null;
}

/** Friendly names for messages. */
export const FORMAT_NAMES: Record<AudioFormat, string> = {
  wav: 'WAV', mp3: 'MP3', aac: 'AAC', m4a: 'M4A', asf: 'WMA/ASF', ogg: 'Ogg', webm: 'WebM', flac: 'FLAC',
};

const mb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`;

/** Checks size and magic bytes; returns the format or throws a VoiceFileError. */
export function checkAudioFile(name: string, size: number, head: Uint8Array): AudioFormat {
  if (size === 0) throw new VoiceFileError('empty', `“${name}” is empty.`);
  if (size > MAX_AUDIO_BYTES) {
    throw new VoiceFileError('too-large', `“${name}” is ${mb(size)}; voice files can be at most ${mb(MAX_AUDIO_BYTES)}. Trim it to the voiceover (at most ${MAX_AUDIO_SECONDS} s) or save it as MP3.`);
  }
  const format = sniffAudio(head);
  if (!format) throw new VoiceFileError('unsupported', `“${name}” is not an audio file talkreel can read. Use WAV, MP3, AAC, M4A, WMA or ASF.`);
  return format;
}

/** The WAV header's sample rate and channel count (fmt chunk), or null. */
export function wavInfo(bytes: Uint8Array): { sampleRate: number; channels: number } | null {
  if (bytes.length < 44 || !ascii(bytes, 0, 'RIFF') || !ascii(bytes, 8, 'WAVE')) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 12;
  while (p + 8 <= bytes.length) {
    const size = v.getUint32(p + 4, true);
    if (ascii(bytes, p, 'fmt ') && p + 16 <= bytes.length) return { channels: v.getUint16(p + 10, true), sampleRate: v.getUint32(p + 12, true) };
    p += 8 + size + (size & 1);
  }
  return null;
}

/** Checks what decoding found: duration, source sample rate, and that there is sound. */
export function checkDecoded(name: string, duration: number, sourceRate: number, peak: number, maxSeconds = MAX_AUDIO_SECONDS): void {
  if (sourceRate > 0 && sourceRate < MIN_SAMPLE_RATE) {
    throw new VoiceFileError('low-sample-rate', `“${name}” is sampled at ${sourceRate} Hz; voices need at least 16 kHz to lip-sync and sound clear. Record or export it at 44.1 or 48 kHz.`);
  }
  if (duration < MIN_AUDIO_SECONDS) throw new VoiceFileError('too-short', `“${name}” is ${duration.toFixed(1)} s long; a voiceover needs at least ${MIN_AUDIO_SECONDS} s.`);
  if (duration > maxSeconds) throw new VoiceFileError('too-long', `“${name}” is ${duration.toFixed(0)} s long; the longest video is 60 s, so voiceovers can be at most ${maxSeconds} s. Trim it and try again.`);
  if (peak < 1e-3) throw new VoiceFileError('silent', `“${name}” is silent: there is no voice to lip-sync to.`);
}
