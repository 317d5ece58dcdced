/**
 * The ffmpeg.wasm export path: same renderer, same MP4 muxer (mediabunny, streamed into
 * OPFS) as the WebCodecs path, but H.264 from libx264 and AAC from ffmpeg's encoder, so it
 * needs nothing from WebCodecs (no VideoFrame, no AudioEncoder).
 */
import { EncodedAudioPacketSource, EncodedVideoPacketSource, Mp4OutputFormat, Output, StreamTarget, type StreamTargetChunk } from 'mediabunny';
import { prepareAssets } from '../../src/compose/assets.ts';
import { loadCustomAvatar } from '../../src/lipsync/warp/assets.ts';
import { withNeural } from '../../src/lipsync/neural/compose.ts';
import { createKeyer } from '../render/keying.ts';
import { renderFrame } from '../../src/compose/render.ts';
import { frameCount } from '../../src/encode/settings.ts';
import type { ExportJob, ExportProgress, ExportResult } from '../render/types.ts';
import { decodeImages } from '../render/images.ts';
import { loadTimelineFonts } from '../render/fonts.ts';
import { encodeAac, FfmpegH264, loadFfmpeg } from './h264.ts';

/**
 * Lets queued messages (the page's liveness pings, ffmpeg's replies) in. Frames are drawn and
 * converted synchronously, and on a busy machine a second of them can take longer than the
 * page's watchdog waits.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export interface Sink {
  writable: WritableStream<StreamTargetChunk>;
  finish(): Promise<File>;
  abort(): void;
}

export async function exportWithFfmpeg(
  job: ExportJob,
  onProgress: (p: ExportProgress) => void,
  openSink: (fileName: string) => Promise<Sink>,
  reason: string,
): Promise<ExportResult> {
  const t0 = performance.now();
  const { settings, timeline } = job;
  const [, bitmaps, sink, { ffmpeg, log, threads }] = await Promise.all([loadTimelineFonts(timeline), decodeImages(job.images), openSink(job.fileName), loadFfmpeg()]);
  const assets = prepareAssets(bitmaps);
  reason = `${reason} · ${threads > 1 ? `multi-threaded core, ${threads} threads` : 'single-threaded core'}`;
  assets.avatar = withNeural(await loadCustomAvatar(timeline.presenterId, createKeyer), job.neural);
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: false }), target: new StreamTarget(sink.writable) });
  try {
    const canvas = new OffscreenCanvas(settings.width, settings.height);
    // Pixels are read back every frame: keep the canvas in CPU memory.
    const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true })!;
    const video = new EncodedVideoPacketSource('avc');
    const audio = new EncodedAudioPacketSource('aac');
    output.addVideoTrack(video, { frameRate: settings.fps });
    output.addAudioTrack(audio);
    await output.start();

    // The voiceover (padded with silence to the video's length) as AAC, up front: it is the one
    // thing held whole anyway (a minute of 44.1 kHz stereo float is 21 MB), and encodes in about a second.
    const a0 = performance.now();
    const { pcm, right, sampleRate } = job.audio;
    const aac = await encodeAac(ffmpeg, log, right ? [pcm, right] : [pcm], Math.round(timeline.duration * sampleRate), sampleRate, settings.audioBitrate);
    const audioSeconds = (performance.now() - a0) / 1000;
    let nextAudio = 0;
    // Audio packets join the file as the video reaches their time, so the muxer interleaves them.
    const feedAudioUntil = async (seconds: number) => {
      while (nextAudio < aac.packets.length && aac.packets[nextAudio]!.timestamp <= seconds) {
        await audio.add(aac.packets[nextAudio]!, nextAudio === 0 && aac.config ? { decoderConfig: aac.config } : undefined);
        nextAudio++;
      }
    };

    const encoder = new FfmpegH264(ffmpeg, log, {
      width: settings.width,
      height: settings.height,
      fps: settings.fps,
      bitrate: settings.videoBitrate,
      threads,
      onPacket: async (packet, meta) => {
        await feedAudioUntil(packet.timestamp + packet.duration);
        await video.add(packet, meta);
      },
    });
    const setupSeconds = (performance.now() - t0) / 1000;
    const frames = frameCount(timeline.duration, settings.fps);
    let renderMs = 0;
    let waitMs = 0;
    for (let i = 0; i < frames; i++) {
      const r0 = performance.now();
      renderFrame(ctx, timeline, assets, i / settings.fps);
      const { data } = ctx.getImageData(0, 0, settings.width, settings.height);
      const r1 = performance.now();
      await encoder.addFrame(data);
      await yieldToEventLoop();
      renderMs += r1 - r0;
      waitMs += performance.now() - r1;
      if ((i + 1) % 5 === 0 || i + 1 === frames) onProgress({ frame: i + 1, frames, elapsed: (performance.now() - t0) / 1000, encoder: 'ffmpeg', encoderReason: reason });
    }
    const tEnc = performance.now();
    await encoder.flush();
    await feedAudioUntil(Infinity);
    await output.finalize();
    const file = await sink.finish();
    for (const img of assets.images) img.close();
    return {
      file,
      frames,
      encoder: 'ffmpeg',
      encoderReason: reason,
      lanes: 1,
      seconds: (performance.now() - t0) / 1000,
      setupSeconds,
      audioSeconds,
      renderSeconds: renderMs / 1000,
      encodeWaitSeconds: waitMs / 1000,
      finalizeSeconds: (performance.now() - tEnc) / 1000,
    };
  } catch (err) {
    await output.cancel().catch(() => undefined);
    sink.abort();
    throw err;
  } finally {
    // Recycled after every job: a wasm heap never shrinks.
    ffmpeg.terminate();
  }
}
