/**
 * Browser side of product-video intake: check the bytes and size, read duration, size and codec
 * (mediabunny), and convert what this browser cannot decode to H.264 MP4 (ffmpeg.wasm).
 */
import { MediaError } from './media.ts';
import type { ProductVideo } from './types.ts';
import { codecLabel, probeVideo } from './video.ts';

export type VideoStage = { stage: 'checking' } | { stage: 'converting'; progress: number; from: string };

export interface IntakeResult {
  blob: Blob;
  video: Omit<ProductVideo, 'id'>;
}

export async function intakeVideo(file: File, opts: { signal?: AbortSignal; onStage?: (s: VideoStage) => void; url?: string } = {}): Promise<IntakeResult> {
  opts.onStage?.({ stage: 'checking' });
  const info = await probeVideo(file, file.name);
  const base = { ...(opts.url ? { url: opts.url } : {}) };
  if (info.decodable !== false && info.codec !== null) {
    return { blob: file, video: { ...base, name: file.name, mime: info.mime, width: info.width, height: info.height, duration: info.duration, size: file.size, codec: info.codec } };
  }
  const from = codecLabel(info.codec);
  opts.onStage?.({ stage: 'converting', progress: 0, from });
  const { transcodeToMp4 } = await import('./transcode.ts');
  const mp4 = await transcodeToMp4(file, { ...(opts.signal ? { signal: opts.signal } : {}), onProgress: (p) => opts.onStage?.({ stage: 'converting', progress: p, from }) });
  const name = `${file.name.replace(/\.[a-z0-9]+$/i, '')}.mp4`;
  const out = await probeVideo(mp4, name);
  if (out.decodable === false) throw new MediaError('unsupported', `“${file.name}” was converted, but this browser still cannot play the result.`);
  return { blob: mp4, video: { ...base, name, mime: 'video/mp4', width: out.width, height: out.height, duration: out.duration, size: mp4.size, codec: out.codec, convertedFrom: info.codec ?? 'unknown' } };
}
