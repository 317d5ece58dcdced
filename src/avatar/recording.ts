/*
 * A "recording" made by our own warp engine: a photo avatar speaking, encoded to MP4 (H.264 +
 * AAC) with the voice. Tests and the benchmark use it as realistic material for video avatars
 * (a real face that talks, with a closed-mouth lead-in), without any recorded footage.
 */
import { registerAacEncoder } from '@mediabunny/aac-encoder';
import { AudioBufferSource, BufferTarget, CanvasSource, canEncodeAudio, Mp4OutputFormat, Output, QUALITY_HIGH } from 'mediabunny';
import type { Speech } from '../voice/types.ts';
import { visemeTrack } from '../lipsync/visemes.ts';
import type { VisemeKey } from '../lipsync/types.ts';
import { avatarFrame } from '../lipsync/warp/draw.ts';
import type { CustomAvatarAssets } from '../lipsync/warp/types.ts';

export interface RecordingOptions {
  /** Seconds of closed-mouth silence before the speech starts. */
  lead?: number;
  /** Total length; the speech repeats to fill it. */
  seconds: number;
  fps?: number;
  /** Sine hum mixed in (a noisy room), amplitude 0..1. */
  noise?: number;
  /** No sound track at all. */
  silent?: boolean;
}

let aac: Promise<void> | null = null;

/** Encodes `avatar` speaking `speech` (or nothing) to an MP4. */
export async function recordAvatar(avatar: CustomAvatarAssets, speech: Speech | null, opts: RecordingOptions): Promise<Blob> {
  const fps = opts.fps ?? 25;
  const lead = opts.lead ?? 1.5;
  const total = opts.seconds;
  // The speech repeats after each pause until the recording is full.
  const visemes: VisemeKey[] = [];
  const sr = speech?.sampleRate ?? 48000;
  const pcm = new Float32Array(Math.round(total * sr));
  if (speech) {
    const one = visemeTrack(speech.phonemes);
    const len = speech.pcm.length / speech.sampleRate;
    for (let at = lead; at + len <= total; at += len + 0.6) {
      for (const k of one) visemes.push({ ...k, start: k.start + at, end: k.end + at });
      pcm.set(speech.pcm.subarray(0, Math.min(speech.pcm.length, pcm.length - Math.round(at * sr))), Math.round(at * sr));
    }
  }
  if (opts.noise) for (let i = 0; i < pcm.length; i++) pcm[i] = pcm[i]! + opts.noise * Math.sin((2 * Math.PI * 120 * i) / sr);
  const canvas = new OffscreenCanvas(avatar.width, avatar.height);
  const g = canvas.getContext('2d', { alpha: false })!;
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target: new BufferTarget() });
  const video = new CanvasSource(canvas, { codec: 'avc', bitrate: QUALITY_HIGH });
  output.addVideoTrack(video, { frameRate: fps });
  let audio: AudioBufferSource | null = null;
  if (!opts.silent) {
    aac ??= canEncodeAudio('aac').then((ok) => {
      if (!ok) registerAacEncoder();
    });
    await aac;
    audio = new AudioBufferSource({ codec: 'aac', bitrate: 96_000 });
    output.addAudioTrack(audio);
  }
  await output.start();
  const tl = { visemes, motionStyle: 'talking' as const, seed: 7, duration: total };
  const frames = Math.round(total * fps);
  for (let i = 0; i < frames; i++) {
    const t = i / fps;
    g.drawImage(avatarFrame(avatar, tl, t), 0, 0);
    await video.add(t, 1 / fps);
  }
  if (audio) {
    const buf = new AudioBuffer({ length: pcm.length, numberOfChannels: 1, sampleRate: sr });
    buf.copyToChannel(pcm, 0);
    await audio.add(buf);
  }
  await output.finalize();
  return new Blob([(output.target as BufferTarget).buffer!], { type: 'video/mp4' });
}
