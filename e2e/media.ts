/** Node-side checks of exported media with Debian's ffprobe/ffmpeg. */
import { execFileSync } from 'node:child_process';

export interface Probe {
  streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number; sample_rate?: string; channels?: number; duration?: string; avg_frame_rate?: string }>;
  format: { duration: string; size: string; format_name: string };
}

export function ffprobe(file: string): Probe {
  const out = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file], { encoding: 'utf8' });
  return JSON.parse(out) as Probe;
}

/** Decodes every frame to raw RGB (scaled down to w x h) and returns them. */
export function decodeFrames(file: string, w: number, h: number, fps = 30): Uint8Array[] {
  const buf = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `fps=${fps},scale=${w}:${h}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 30 });
  const size = w * h * 3;
  const frames: Uint8Array[] = [];
  for (let o = 0; o + size <= buf.length; o += size) frames.push(new Uint8Array(buf.buffer, buf.byteOffset + o, size));
  return frames;
}

/** Mean absolute difference of two RGB frames inside a rectangle (0..255). */
export function regionDiff(a: Uint8Array, b: Uint8Array, w: number, r: { x: number; y: number; w: number; h: number }): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(r.y)); y < Math.floor(r.y + r.h); y++) {
    for (let x = Math.max(0, Math.floor(r.x)); x < Math.floor(r.x + r.w); x++) {
      const i = (y * w + x) * 3;
      sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
      n += 3;
    }
  }
  return n ? sum / n : 0;
}

/** Mean RMS level of 16-bit PCM decoded from the file's audio between t0 and t1. */
export function audioRms(file: string, t0: number, t1: number): number {
  const buf = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(t0), '-t', String(t1 - t0), '-i', file, '-ac', '1', '-f', 's16le', '-'], { maxBuffer: 1 << 28 });
  let s = 0;
  const n = buf.length / 2;
  for (let i = 0; i < n; i++) s += (buf.readInt16LE(i * 2) / 32768) ** 2;
  return Math.sqrt(s / Math.max(1, n));
}

/** Decodes the frame at t (seconds) of a video, scaled to w x h, as RGB. */
export function frameAt(file: string, t: number, w: number, h: number): Uint8Array {
  const buf = execFileSync('ffmpeg', ['-v', 'error', '-ss', t.toFixed(3), '-i', file, '-frames:v', '1', '-vf', `scale=${w}:${h}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 26 });
  return new Uint8Array(buf.buffer, buf.byteOffset, w * h * 3);
}

/** Amplitude of one frequency in the file's sound (Goertzel over mono 16-bit PCM at 22 050 Hz). */
export function tone(file: string, hz: number): number {
  const rate = 22050;
  const buf = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(rate), '-f', 's16le', '-'], { maxBuffer: 1 << 28 });
  const n = buf.length / 2;
  const k = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = buf.readInt16LE(i * 2) / 32768 + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return Math.sqrt(s1 * s1 + s2 * s2 - k * s1 * s2) / n;
}
