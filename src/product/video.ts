/** Product video intake: container by magic bytes, then duration, size and codec read by mediabunny. */
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input } from 'mediabunny';
import { checkVideo, MAX_VIDEO_SIDE, MediaError, type VideoContainer } from './media.ts';

export interface VideoInfo {
  container: VideoContainer;
  mime: string;
  /** Seconds. */
  duration: number;
  width: number;
  height: number;
  /** mediabunny's codec name ('avc', 'hevc', 'vp9', 'av1'…), or null when it does not know it (ProRes…). */
  codec: string | null;
  audioCodec: string | null;
  /** Whether this browser can decode the video track (null where WebCodecs is missing, e.g. Node). */
  decodable: boolean | null;
}

const CODEC_LABEL: Record<string, string> = { avc: 'H.264', hevc: 'HEVC (H.265)', vp8: 'VP8', vp9: 'VP9', av1: 'AV1', prores: 'ProRes', mpeg4: 'MPEG-4', mpeg2: 'MPEG-2', mjpeg: 'Motion JPEG', dnxhd: 'DNxHD' };

export function codecLabel(codec: string | null): string {
  return codec ? (CODEC_LABEL[codec] ?? codec.toUpperCase()) : 'unknown codec';
}

/** Checks and describes a video file. Throws MediaError with a sentence for the user. */
export async function probeVideo(file: Blob, name: string): Promise<VideoInfo> {
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const checked = checkVideo(head, file.size, name);
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack().catch(() => {
      throw new MediaError('corrupt', `“${name}” looks damaged: its video could not be read.`);
    });
    if (!track) throw new MediaError('not-a-video', `“${name}” has no video track.`);
    const width = track.displayWidth;
    const height = track.displayHeight;
    if (!width || !height) throw new MediaError('corrupt', `“${name}” looks damaged: its picture size could not be read.`);
    if (width > MAX_VIDEO_SIDE || height > MAX_VIDEO_SIDE) {
      throw new MediaError('too-many-pixels', `“${name}” is ${width}×${height} px; videos can be at most ${MAX_VIDEO_SIDE} px a side.`);
    }
    const duration = await input.computeDuration();
    if (!(duration > 0)) throw new MediaError('corrupt', `“${name}” looks damaged: it has no length.`);
    // A cut-off copy keeps its index (moov) but loses the pictures at the end: its last frame
    // cannot be found in the file. Caught here rather than half-way through an export.
    const sink = new EncodedPacketSink(track);
    const [first, last] = await Promise.all([sink.getFirstPacket(), sink.getPacket(duration)]);
    if (!first || !last || last.byteLength === 0) {
      throw new MediaError('corrupt', `“${name}” is incomplete: the file ends before its last frame (an interrupted download or copy?). Copy or export it again.`);
    }
    const audio = await input.getPrimaryAudioTrack().catch(() => null);
    const decodable = typeof VideoDecoder === 'undefined' ? null : await track.canDecode().catch(() => false);
    return { ...checked, duration, width, height, codec: track.codec, audioCodec: audio?.codec ?? null, decodable };
  } catch (err) {
    if (err instanceof MediaError) throw err;
    throw new MediaError('corrupt', `“${name}” looks damaged or is not a video talkreel can read (${err instanceof Error ? err.message : String(err)}).`);
  } finally {
    input.dispose();
  }
}
