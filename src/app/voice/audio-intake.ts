/**
 * Turns an audio file the user brings (upload or microphone recording) into a stored voice:
 * magic-byte and size checks, decode (WebAudio; ffmpeg.wasm for WMA/ASF and anything the
 * browser refuses), resample to 48 kHz mono, loudness-normalise to -16 LUFS, then save the
 * original and the PCM in the `voices` store. Nothing is stored unless every check passes.
 */
import { FFFSType, FFmpeg } from '@ffmpeg/ffmpeg';
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';
import { newId } from '../../storage/ids.ts';
import type { VoiceRecord } from '../../storage/schema.ts';
import { saveVoice } from '../../storage/voices.ts';
import { checkAudioFile, checkDecoded, FORMAT_NAMES, VoiceFileError, wavInfo, type AudioFormat } from '../../voice/audio-file.ts';
import { normalizeLoudness } from '../../voice/loudness.ts';

export const VOICE_SAMPLE_RATE = 48_000;

export interface DecodedAudio {
  pcm: Float32Array;
  sampleRate: number;
  duration: number;
  sourceSampleRate: number;
  format: AudioFormat;
  /** Integrated loudness before normalising (LUFS). */
  loudnessLufs: number;
  /** The decoded audio before normalising (the clone check must see clipping as recorded). */
  raw: Float32Array;
}

export interface IntakeOptions {
  signal?: AbortSignal;
  onStage?: (stage: 'checking' | 'converting' | 'decoding' | 'saving') => void;
  /** Longest clip accepted (default MAX_AUDIO_SECONDS; the clone check reports length itself). */
  maxSeconds?: number;
}

/** WMA/ASF (and whatever the browser refuses) → mono 16-bit WAV at the source rate, by ffmpeg.wasm. */
async function convertToWav(file: File, signal?: AbortSignal): Promise<Uint8Array> {
  const ffmpeg = new FFmpeg();
  const log: string[] = [];
  const stop = (): void => ffmpeg.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await ffmpeg.load({ coreURL, wasmURL });
    ffmpeg.on('log', ({ message }) => {
      log.push(message);
      if (log.length > 40) log.shift();
    });
    await ffmpeg.createDir('/in');
    await ffmpeg.mount(FFFSType.WORKERFS, { files: [file] }, '/in');
    const code = await ffmpeg.exec(['-i', `/in/${file.name}`, '-vn', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', '/out.wav']);
    if (code !== 0) {
      const why = log.filter((l) => /error|invalid|unsupported|not found/i.test(l)).pop() ?? `ffmpeg exit code ${code}`;
      throw new VoiceFileError('corrupt', `“${file.name}” could not be decoded: the file is damaged or not audio (${why.trim()}).`);
    }
    const data = await ffmpeg.readFile('/out.wav');
    if (typeof data === 'string' || data.length <= 44) throw new VoiceFileError('corrupt', `“${file.name}” holds no audio that could be decoded.`);
    return data;
  } catch (err) {
    if (signal?.aborted) throw new VoiceFileError('corrupt', 'Reading the audio was cancelled.', { cause: err });
    if (err instanceof VoiceFileError) throw err;
    throw new VoiceFileError('corrupt', `“${file.name}” could not be decoded: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    signal?.removeEventListener('abort', stop);
    try {
      ffmpeg.terminate();
    } catch {
      // already terminated
    }
  }
}

/** The source's sample rate, from the WAV header or the container (mediabunny); 0 if unknown. */
async function sourceRate(bytes: Uint8Array, file: Blob): Promise<number> {
  const wav = wavInfo(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (wav) return wav.sampleRate;
  try {
    const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
    const track = await input.getPrimaryAudioTrack();
    return track?.sampleRate ?? 0;
  } catch {
    return 0;
  }
}

/** WebAudio decode at 48 kHz (the browser resamples), downmixed to mono; null if it refuses. */
async function decodeWebAudio(bytes: Uint8Array): Promise<Float32Array | null> {
  try {
    const ctx = new OfflineAudioContext(1, 1, VOICE_SAMPLE_RATE);
    const buf = await ctx.decodeAudioData(bytes.slice().buffer);
    if (buf.length === 0) return null;
    const mono = new Float32Array(buf.length);
    for (let c = 0; c < buf.numberOfChannels; c++) {
      const ch = buf.getChannelData(c);
      for (let i = 0; i < mono.length; i++) mono[i]! += ch[i]! / buf.numberOfChannels;
    }
    return mono;
  } catch {
    return null;
  }
}

export async function decodeAudioFile(file: File, opts: IntakeOptions = {}): Promise<DecodedAudio> {
  opts.onStage?.('checking');
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const format = checkAudioFile(file.name, file.size, head);
  let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
  let rate = format === 'asf' ? 0 : await sourceRate(bytes, file);
  opts.onStage?.('decoding');
  let pcm = format === 'asf' ? null : await decodeWebAudio(bytes);
  if (!pcm) {
    // WMA/ASF always, anything else the browser refused: ffmpeg.wasm reads (nearly) everything.
    opts.onStage?.('converting');
    bytes = await convertToWav(file, opts.signal);
    rate = wavInfo(bytes)?.sampleRate ?? rate;
    opts.onStage?.('decoding');
    pcm = await decodeWebAudio(bytes);
    if (!pcm) throw new VoiceFileError('corrupt', `“${file.name}” looks like ${FORMAT_NAMES[format]} but could not be decoded: the file is damaged.`);
  }
  let peak = 0;
  for (let i = 0; i < pcm.length; i++) peak = Math.max(peak, Math.abs(pcm[i]!));
  const duration = pcm.length / VOICE_SAMPLE_RATE;
  checkDecoded(file.name, duration, rate, peak, opts.maxSeconds);
  const norm = normalizeLoudness(pcm, VOICE_SAMPLE_RATE);
  return { pcm: norm.pcm, raw: pcm, sampleRate: VOICE_SAMPLE_RATE, duration, sourceSampleRate: rate, format, loudnessLufs: norm.inputLufs };
}

/** Decodes, checks and stores a voice file; returns the stored record. */
export async function importVoiceFile(file: File, kind: VoiceRecord['kind'], name: string, opts: IntakeOptions = {}): Promise<VoiceRecord> {
  return saveDecodedVoice(file, await decodeAudioFile(file, opts), kind, name, opts);
}

/** Stores an already decoded voice file (original bytes and normalised PCM together). */
export async function saveDecodedVoice(file: File, decoded: DecodedAudio, kind: VoiceRecord['kind'], name: string, opts: IntakeOptions = {}): Promise<VoiceRecord> {
  opts.onStage?.('saving');
  const record: VoiceRecord = {
    id: newId('voc'),
    name: name.trim().slice(0, 60) || file.name.replace(/\.[^.]+$/, '') || 'My voice',
    createdAt: Date.now(),
    kind,
    original: file,
    originalName: file.name,
    pcm: new Blob([decoded.pcm.buffer as ArrayBuffer], { type: 'application/octet-stream' }),
    sampleRate: decoded.sampleRate,
    duration: decoded.duration,
    sourceSampleRate: decoded.sourceSampleRate,
    loudnessLufs: decoded.loudnessLufs,
  };
  try {
    await saveVoice(record);
  } catch (err) {
    throw new VoiceFileError('storage', `The voice could not be saved: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return record;
}

/** The stored PCM of a user voice. */
export async function voicePcm(record: VoiceRecord): Promise<Float32Array> {
  return new Float32Array(await record.pcm.arrayBuffer());
}
