import {
  AudioSample,
  AudioSampleSource,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  canEncodeAudio,
  type StreamTargetChunk,
} from 'mediabunny';
import { registerAacEncoder } from '@mediabunny/aac-encoder';
import { prepareAssets } from '../../src/compose/assets.ts';
import { renderFrame } from '../../src/compose/render.ts';
import { frameCount } from '../../src/encode/settings.ts';
import type { ExportJob, ExportProgress, ExportResult } from './types.ts';
import { decodeImages } from './images.ts';
import { loadFonts } from './fonts.ts';


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
async function opfsSink(fileName: string) {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(EXPORT_DIR, { create: true });
  const handle = await dir.getFileHandle(fileName, { create: true });
  const access = await handle.createSyncAccessHandle();
  access.truncate(0);
  const writable = new WritableStream<StreamTargetChunk>({
    write(chunk) {
      access.write(chunk.data, { at: chunk.position });
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

const AUDIO_CHUNK_SECONDS = 1;

export async function exportMp4(job: ExportJob, onProgress: (p: ExportProgress) => void): Promise<ExportResult> {
  const t0 = performance.now();
  const { settings, timeline } = job;
  await Promise.all([ensureAac(), loadFonts()]);
  const assets = prepareAssets(await decodeImages(job.images));
  const canvas = new OffscreenCanvas(settings.width, settings.height);
  const ctx = canvas.getContext('2d', { alpha: false })!;
  const sink = await opfsSink(job.fileName);
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: false }),
    target: new StreamTarget(sink.writable),
  });
  const video = new CanvasSource(canvas, {
    codec: 'avc',
    bitrate: settings.videoBitrate,
    keyFrameInterval: settings.keyFrameInterval,
    latencyMode: 'quality',
  });
  const audio = new AudioSampleSource({ codec: 'aac', bitrate: settings.audioBitrate });
  output.addVideoTrack(video, { frameRate: settings.fps });
  output.addAudioTrack(audio);
  try {
    await output.start();
    const frames = frameCount(timeline.duration, settings.fps);
    const { pcm, sampleRate } = job.audio;
    const totalSamples = Math.round(timeline.duration * sampleRate);
    let audioPos = 0;
    // Audio goes in one-second slices interleaved with the frames, so the muxer never buffers much.
    const feedAudioUntil = async (seconds: number) => {
      const until = Math.min(totalSamples, Math.round(seconds * sampleRate));
      while (audioPos < until) {
        const n = Math.min(until - audioPos, AUDIO_CHUNK_SECONDS * sampleRate);
        const data = new Float32Array(n);
        // Past the voiceover the track is silence (the end card lingers a moment).
        if (audioPos < pcm.length) data.set(pcm.subarray(audioPos, Math.min(pcm.length, audioPos + n)));
        const sample = new AudioSample({ data, format: 'f32-planar', numberOfChannels: 1, sampleRate, timestamp: audioPos / sampleRate });
        await audio.add(sample);
        sample.close();
        audioPos += n;
      }
    };
    const dt = 1 / settings.fps;
    for (let i = 0; i < frames; i++) {
      const t = i * dt;
      await feedAudioUntil(t + AUDIO_CHUNK_SECONDS);
      renderFrame(ctx, timeline, assets, t);
      await video.add(t, dt);
      if (i % 5 === 0 || i === frames - 1) onProgress({ frame: i + 1, frames, elapsed: (performance.now() - t0) / 1000 });
    }
    await feedAudioUntil(timeline.duration);
    const tEnc = performance.now();
    await output.finalize();
    const file = await sink.finish();
    for (const img of assets.images) img.close();
    return { file, frames, seconds: (performance.now() - t0) / 1000, finalizeSeconds: (performance.now() - tEnc) / 1000 };
  } catch (err) {
    await output.cancel().catch(() => undefined);
    sink.abort();
    throw err;
  }
}
