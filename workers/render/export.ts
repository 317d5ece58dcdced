import {
  AudioSample,
  AudioSampleSource,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  canEncodeAudio,
  type StreamTargetChunk,
} from 'mediabunny';
import { registerAacEncoder } from '@mediabunny/aac-encoder';
import { prepareAssets } from '../../src/compose/assets.ts';
import { renderFrame } from '../../src/compose/render.ts';
import { frameOrder, type GopPlan } from '../../src/encode/gop-lanes.ts';
import { frameCount } from '../../src/encode/settings.ts';
import { ENCODER_QUEUE, H264Lanes } from './h264-lanes.ts';
import { loadCustomAvatar } from '../../src/lipsync/warp/assets.ts';
import { withNeural } from '../../src/lipsync/neural/compose.ts';
import { createKeyer } from './keying.ts';
import { EncoderError, planEncoders, type EncoderKind } from '../../src/encode/choose.ts';
import { probeEncoders } from '../../src/encode/probe.ts';
import { exportWithFfmpeg } from '../ffmpeg/export.ts';
import type { ExportJob, ExportProgress, ExportResult } from './types.ts';
import { decodeImages } from './images.ts';
import { loadTimelineFonts } from './fonts.ts';


let aacReady: Promise<void> | null = null;
/** Chromium on Linux has no WebCodecs AAC encoder: fall back to mediabunny's wasm AAC. */
function ensureAac(): Promise<void> {
  aacReady ??= canEncodeAudio('aac').then((ok) => {
    if (!ok) registerAacEncoder();
  });
  return aacReady;
}

const EXPORT_DIR = 'exports';

/** A WritableStream onto an OPFS file via a sync access handle (positioned writes, no copies). */
export async function opfsSink(fileName: string) {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(EXPORT_DIR, { create: true });
  const handle = await dir.getFileHandle(fileName, { create: true });
  const access = await handle.createSyncAccessHandle();
  access.truncate(0);
  const writable = new WritableStream<StreamTargetChunk>({
    write(chunk) {
      // A full disk or quota shows up as a short write, not always as an exception.
      const written = access.write(chunk.data, { at: chunk.position });
      if (written !== chunk.data.byteLength) {
        throw new DOMException(`Only ${written} of ${chunk.data.byteLength} bytes could be written: storage quota exceeded.`, 'QuotaExceededError');
      }
    },
  });
  return {
    writable,
    async finish(): Promise<File> {
      access.flush();
      access.close();
      return handle.getFile();
    },
    abort() {
      try {
        access.close();
      } catch {
        /* already closed */
      }
      void dir.removeEntry(fileName).catch(() => undefined);
    },
  };
}

// Small slices keep the video encoder fed while the (same-thread) AAC encoder works.
const AUDIO_CHUNK_SECONDS = 0.2;

/**
 * Encoder lanes for this machine (see src/encode/gop-lanes.ts): one core draws frames, the
 * rest encode. On 2 cores that is one lane; a second lane there measured no faster (bench).
 */
function defaultLanes(): number {
  return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
}

/**
 * Picks the encoder (src/encode/choose.ts) from what this browser offers, and falls back to
 * ffmpeg.wasm in `auto` mode when WebCodecs fails the job (a full disk is not its fault).
 */
export async function exportMp4(job: ExportJob, onProgress: (p: ExportProgress) => void): Promise<ExportResult> {
  const s = job.settings;
  const plan = planEncoders(job.encoder ?? 'auto', await probeEncoders(s.width, s.height, s.fps, s.videoBitrate));
  let reason = plan.reason;
  for (const [i, kind] of plan.order.entries()) {
    try {
      return await exportWith(kind, job, onProgress, reason);
    } catch (err) {
      const quota = (err as { name?: string } | null)?.name === 'QuotaExceededError';
      if (i === plan.order.length - 1 || quota) throw err;
      reason = `ffmpeg.wasm: WebCodecs failed (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  throw new EncoderError('unavailable', 'No encoder could export this video.');
}

async function exportWith(kind: EncoderKind, job: ExportJob, onProgress: (p: ExportProgress) => void, reason: string): Promise<ExportResult> {
  if (kind === 'ffmpeg') return exportWithFfmpeg(job, onProgress, opfsSink, reason);
  const tagged = (p: ExportProgress) => onProgress({ ...p, encoder: 'webcodecs', encoderReason: reason });
  const lanes = job.lanes ?? defaultLanes();
  try {
    return { ...(await exportWithLanes(job, lanes, tagged)), encoder: 'webcodecs', encoderReason: reason };
  } catch (err) {
    // Parallel lanes need identical parameter sets; an encoder that varies them gets one lane.
    if (lanes > 1 && err instanceof Error && /parameter sets/.test(err.message)) return { ...(await exportWithLanes(job, 1, tagged)), encoder: 'webcodecs', encoderReason: reason };
    throw err;
  }
}

async function exportWithLanes(job: ExportJob, lanes: number, onProgress: (p: ExportProgress) => void): Promise<Omit<ExportResult, 'encoder' | 'encoderReason'>> {
  const t0 = performance.now();
  const { settings, timeline } = job;
  // Independent set-up steps overlap: fonts, encoder registration, image decoding, the file.
  const [, , bitmaps, sink] = await Promise.all([ensureAac(), loadTimelineFonts(job.timeline), decodeImages(job.images), opfsSink(job.fileName)]);
  const assets = prepareAssets(bitmaps);
  assets.avatar = withNeural(await loadCustomAvatar(timeline.presenterId, createKeyer), job.neural);
  // Every frame is read back into a VideoFrame, so a CPU-backed canvas avoids a GPU readback
  // per frame (measured as fast as the GPU-backed one here with SwiftShader; bench compares).
  // Frames are drawn into canvases in turn: a VideoFrame shares its canvas's pixels until the
  // encoder is done with it, so drawing the next frame into the same canvas would first copy
  // all of them (measured: ~10 % of the drawing time at 1080x1920). One canvas per frame the
  // encoders may hold, plus one; at most six (8 MB each at 1080p).
  const canvasCount = Math.min(6, lanes * ENCODER_QUEUE + 1);
  const canvases = Array.from({ length: canvasCount }, () => new OffscreenCanvas(settings.width, settings.height));
  const contexts = canvases.map((c) => c.getContext('2d', { alpha: false, willReadFrequently: job.cpuCanvas ?? true })!);
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: false }),
    target: new StreamTarget(sink.writable),
  });
  const video = new EncodedVideoPacketSource('avc');
  const audio = new AudioSampleSource({ codec: 'aac', bitrate: settings.audioBitrate });
  output.addVideoTrack(video, { frameRate: settings.fps });
  output.addAudioTrack(audio);
  const frames = frameCount(timeline.duration, settings.fps);
  const plan: GopPlan = { frames, gopFrames: Math.round(settings.keyFrameInterval * settings.fps), lanes };
  let encoder: H264Lanes | null = null;
  try {
    await output.start();
    encoder = await H264Lanes.create({
      ...plan,
      width: settings.width,
      height: settings.height,
      fps: settings.fps,
      bitrate: settings.videoBitrate,
      onPacket: (chunk, meta) => video.add(EncodedPacket.fromEncodedChunk(chunk), meta),
    });
    const { pcm, right, sampleRate } = job.audio;
    const channels = right ? 2 : 1;
    const totalSamples = Math.round(timeline.duration * sampleRate);
    let audioPos = 0;
    let audioMs = 0;
    // Audio goes in short slices alongside the frames, so the muxer never buffers much.
    const feedAudioUntil = async (seconds: number) => {
      const a0 = performance.now();
      const until = Math.min(totalSamples, Math.round(seconds * sampleRate));
      while (audioPos < until) {
        const n = Math.min(until - audioPos, Math.round(AUDIO_CHUNK_SECONDS * sampleRate));
        // Planar: each channel's n samples in turn. Past the voiceover the track is silence (the
        // end card lingers a moment).
        const data = new Float32Array(n * channels);
        for (const [c, ch] of (right ? [pcm, right] : [pcm]).entries()) {
          if (audioPos < ch.length) data.set(ch.subarray(audioPos, Math.min(ch.length, audioPos + n)), c * n);
        }
        const sample = new AudioSample({ data, format: 'f32-planar', numberOfChannels: channels, sampleRate, timestamp: audioPos / sampleRate });
        await audio.add(sample);
        sample.close();
        audioPos += n;
      }
      audioMs += performance.now() - a0;
    };
    const setupMs = performance.now() - t0;
    const dt = 1 / settings.fps;
    const usPerFrame = 1e6 / settings.fps;
    let renderMs = 0;
    let waitMs = 0;
    let done = 0;
    for (const i of frameOrder(plan)) {
      const t = i * dt;
      await feedAudioUntil(t + plan.gopFrames * dt);
      const r0 = performance.now();
      renderFrame(contexts[done % canvasCount]!, timeline, assets, t);
      const frame = new VideoFrame(canvases[done % canvasCount]!, { timestamp: Math.round(i * usPerFrame), duration: Math.round(usPerFrame) });
      const r1 = performance.now();
      await encoder.encode(frame, i);
      renderMs += r1 - r0;
      waitMs += performance.now() - r1;
      done++;
      if (done % 5 === 0 || done === frames) onProgress({ frame: done, frames, elapsed: (performance.now() - t0) / 1000 });
    }
    await feedAudioUntil(timeline.duration);
    const tEnc = performance.now();
    await encoder.flush();
    await output.finalize();
    const file = await sink.finish();
    for (const img of assets.images) img.close();
    return {
      file,
      frames,
      lanes,
      seconds: (performance.now() - t0) / 1000,
      setupSeconds: setupMs / 1000,
      audioSeconds: audioMs / 1000,
      renderSeconds: renderMs / 1000,
      encodeWaitSeconds: waitMs / 1000,
      finalizeSeconds: (performance.now() - tEnc) / 1000,
    };
  } catch (err) {
    encoder?.close();
    await output.cancel().catch(() => undefined);
    sink.abort();
    throw err;
  }
}
