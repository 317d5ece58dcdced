import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioArgs, interleaveF32, segmentFrames, videoSegmentArgs } from './ffmpeg-args.ts';

const dir = mkdtempSync(join(tmpdir(), 'talkreel-ffargs-'));
const W = 320, H = 568;

/** Raw I420 frames of a test pattern, as the export hands them to ffmpeg.wasm. */
function rawSegment(name: string, pattern: string, frames: number): string {
  const out = join(dir, name);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `${pattern}=size=${W}x${H}:rate=30`, '-frames:v', String(frames), '-pix_fmt', 'yuv420p', '-f', 'rawvideo', out]);
  return out;
}

function probe(file: string) {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_frames', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: Array<Record<string, string | number>>;
    frames: Array<{ pict_type: string; key_frame: number }>;
  };
}

/** The SPS and PPS NAL units (Annex B), which must match between segments joined into one track. */
function parameterSets(mp4: string): string {
  const b = execFileSync('ffmpeg', ['-v', 'error', '-i', mp4, '-c', 'copy', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', '-']);
  // Start codes 00 00 01 (or 00 00 00 01) split the stream into NAL units.
  const starts: number[] = [];
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 1) starts.push(i + 3);
  const nals = starts.map((s, k) => b.subarray(s, k + 1 < starts.length ? starts[k + 1]! - 3 : b.length));
  // nal_unit_type 7 = SPS, 8 = PPS.
  return nals.filter((n) => [7, 8].includes(n[0]! & 0x1f)).map((n) => Buffer.from(n).toString('hex').replace(/0+$/, '')).join('|');
}

describe('ffmpeg.wasm export arguments (run here with native ffmpeg, same libx264 flags)', () => {
  it('encode a segment as one GOP of H.264 without B-frames, tagged BT.709', () => {
    const n = segmentFrames(30);
    expect(n).toBe(30);
    const out = join(dir, 'a.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...videoSegmentArgs(rawSegment('a.yuv', 'testsrc2', n), out, { width: W, height: H, fps: 30, frames: n, bitrate: 1_000_000 })]);
    const p = probe(out);
    const v = p.streams[0]!;
    expect(v.codec_name).toBe('h264');
    expect([v.width, v.height, v.pix_fmt, v.color_space, v.color_range]).toEqual([W, H, 'yuv420p', 'bt709', 'tv']);
    expect(p.frames).toHaveLength(n);
    expect(p.frames.map((f) => f.pict_type).join('')).toBe(`I${'P'.repeat(n - 1)}`);
    expect(p.frames.filter((f) => f.key_frame).length).toBe(1);
  });

  it('give every segment the same parameter sets, whatever the picture', () => {
    const a = join(dir, 's1.mp4');
    const b = join(dir, 's2.mp4');
    const o = { width: W, height: H, fps: 30, frames: 30, bitrate: 1_000_000 };
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...videoSegmentArgs(rawSegment('s1.yuv', 'testsrc2', 30), a, o)]);
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...videoSegmentArgs(rawSegment('s2.yuv', 'mandelbrot', 12), b, { ...o, frames: 12 })]);
    const sa = parameterSets(a);
    expect(sa.length).toBeGreaterThan(10);
    expect(parameterSets(b)).toBe(sa);
  });

  it('encode mono float PCM as AAC', () => {
    const pcm = new Float32Array(22050);
    for (let i = 0; i < pcm.length; i++) pcm[i] = 0.3 * Math.sin((2 * Math.PI * 220 * i) / 22050);
    const input = join(dir, 'a.f32');
    writeFileSync(input, Buffer.from(pcm.buffer));
    const out = join(dir, 'a.m4a');
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...audioArgs(input, out, 22050, 128_000)]);
    const s = probe(out).streams[0]!;
    expect([s.codec_name, Number(s.sample_rate), s.channels]).toEqual(['aac', 22050, 1]);
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });

  it('interleave stereo PCM, cut or padded to the length, and encode it as stereo AAC', () => {
    expect([...interleaveF32([new Float32Array([1, 2, 3]), new Float32Array([4, 5])], 4)]).toEqual([1, 4, 2, 5, 3, 0, 0, 0]);
    expect([...interleaveF32([new Float32Array([1, 2, 3])], 2)]).toEqual([1, 2]);
    const rate = 44100;
    const left = new Float32Array(rate).map((_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / rate));
    const right = new Float32Array(rate).map((_, i) => 0.3 * Math.sin((2 * Math.PI * 330 * i) / rate));
    const input = join(dir, 'st.f32');
    writeFileSync(input, Buffer.from(interleaveF32([left, right], rate).buffer));
    const out = join(dir, 'st.m4a');
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...audioArgs(input, out, rate, 128_000, 2)]);
    const s = probe(out).streams[0]!;
    expect([s.codec_name, Number(s.sample_rate), s.channels]).toEqual(['aac', rate, 2]);
  });
});
