/**
 * ffmpeg command lines for the ffmpeg.wasm export path (workers/ffmpeg/h264.ts). Video goes in
 * as independent one-second segments of raw I420 frames, each starting with a key frame, so
 * only a segment at a time is ever in memory; their packets are re-timed and muxed into one
 * MP4 by mediabunny. Shared with the native-ffmpeg unit test that checks the flags.
 */
export interface SegmentArgs {
  width: number;
  height: number;
  fps: number;
  /** Frames in this segment (also its GOP: one key frame each). */
  frames: number;
  /** Peak video bitrate, bits per second. */
  bitrate: number;
  /** libx264 threads (the multi-threaded core); default: ffmpeg's choice. */
  threads?: number;
}

export function videoSegmentArgs(input: string, output: string, o: SegmentArgs): string[] {
  return [
    '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${o.width}x${o.height}`, '-r', String(o.fps), '-i', input,
    '-an', '-frames:v', String(o.frames),
    '-c:v', 'libx264', '-preset', 'veryfast', ...(o.threads ? ['-threads', String(o.threads)] : []),
    // Constant quality capped at the preset's bitrate: short segments leave average-bitrate
    // control no time to settle, so each one would start blurry.
    '-crf', '21', '-maxrate', String(o.bitrate), '-bufsize', String(o.bitrate * 2),
    // No B-frames: decode order equals presentation order, so packets keep their order when
    // segments are joined. One GOP per segment, no scene-cut key frames.
    '-bf', '0', '-g', String(o.frames), '-keyint_min', String(o.frames), '-sc_threshold', '0',
    '-pix_fmt', 'yuv420p', '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    '-f', 'mp4', output,
  ];
}

export function audioArgs(input: string, output: string, sampleRate: number, bitrate: number, channels = 1): string[] {
  return ['-f', 'f32le', '-ar', String(sampleRate), '-ac', String(channels), '-i', input, '-c:a', 'aac', '-b:a', String(bitrate), '-f', 'mp4', output];
}

/**
 * Channels as one interleaved f32 buffer of exactly `frames` frames (what `-f f32le -ac N`
 * reads): cut, or padded with silence past a channel's end.
 */
export function interleaveF32(channels: readonly Float32Array[], frames: number): Float32Array {
  const n = channels.length;
  const out = new Float32Array(frames * n);
  channels.forEach((ch, c) => {
    const len = Math.min(frames, ch.length);
    for (let i = 0; i < len; i++) out[i * n + c] = ch[i]!;
  });
  return out;
}

/** Frames per ffmpeg run: one second (a key frame a second; ~93 MB of I420 at 1080×1920). */
export function segmentFrames(fps: number): number {
  return Math.max(1, Math.round(fps));
}
