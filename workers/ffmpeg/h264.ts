/**
 * libx264 + AAC through ffmpeg.wasm, for browsers whose WebCodecs cannot encode the export
 * (or when the user asks for it). Runs inside the render worker; @ffmpeg/ffmpeg starts the
 * wasm core in a worker of its own, so the renderer draws the next second of frames while
 * ffmpeg encodes the previous one, and a busy ffmpeg never blocks the liveness pings.
 *
 * Memory stays flat with the video's length: frames go to ffmpeg a one-second segment at a
 * time (raw I420), each segment's MP4 is read back, its packets are re-timed into the output,
 * and its files are deleted. The ffmpeg worker is terminated after the job (recycled), since
 * a wasm heap never shrinks.
 */
import { FFmpeg } from '@ffmpeg/ffmpeg';
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';
import coreMtURL from '@ffmpeg/core-mt?url';
import wasmMtURL from '@ffmpeg/core-mt/wasm?url';
// no-inline: a small asset would become a data: URL, and a worker from one has an opaque origin
// (no shared memory with the core, refused by the CSP): the thread pool would never start.
import workerMtURL from '@ffmpeg/core-mt/worker?url&no-inline';
import { BufferSource, EncodedPacket, EncodedPacketSink, Input, MP4 } from 'mediabunny';
import { audioArgs, interleaveF32, segmentFrames, videoSegmentArgs } from '../../src/encode/ffmpeg-args.ts';
import { i420Size, rgbaToI420 } from '../../src/encode/yuv.ts';
import { EncoderError } from '../../src/encode/choose.ts';

export interface FfmpegVideoOptions {
  width: number;
  height: number;
  fps: number;
  bitrate: number;
  /** libx264 threads (1 with the single-threaded core). */
  threads: number;
  /** Packets in decode (= presentation) order; the first carries the decoder config. */
  onPacket: (packet: EncodedPacket, meta: EncodedVideoChunkMetadata | undefined) => Promise<void>;
}

/** The last lines ffmpeg logged, for an error message a person can act on. */
class LogTail {
  private lines: string[] = [];
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > 30) this.lines.shift();
  }
  why(code: number): string {
    return this.lines.filter((l) => /error|invalid|unsupported|cannot|failed/i.test(l)).pop()?.trim() ?? `ffmpeg exit code ${code}`;
  }
}

/**
 * How long the cores may take to start. Measured: 0.26 s single-threaded, 0.8 s threaded (its
 * 32 pthread workers) on 2 loaded cores; minutes would mean it is stuck.
 */
const CORE_START_MS = 60_000;

/** libx264 threads with the multi-threaded core: measured 1.47x faster with 2 than 1, 1.6x with 4 (2 cores). */
export function x264Threads(isolated: boolean, cores: number): number {
  return isolated && cores > 1 ? Math.min(4, cores) : 1;
}

/**
 * Loads a fresh ffmpeg.wasm core, self-hosted next to the app: the multi-threaded
 * `@ffmpeg/core-mt` when the page is cross-origin isolated (SharedArrayBuffer) and the machine
 * has more than one core, else the single-threaded `@ffmpeg/core`. If the threaded core does
 * not start (a browser refusing nested workers, too little memory for its thread pool), the
 * single-threaded one is used: slower, never worse.
 */
export async function loadFfmpeg(): Promise<{ ffmpeg: FFmpeg; log: LogTail; threads: number }> {
  const threads = x264Threads(typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated, navigator.hardwareConcurrency || 1);
  const log = new LogTail();
  const start = async (urls: { coreURL: string; wasmURL: string; workerURL?: string }): Promise<FFmpeg> => {
    const ffmpeg = new FFmpeg();
    try {
      await withTimeout(ffmpeg.load(urls), CORE_START_MS);
      return ffmpeg;
    } catch (err) {
      ffmpeg.terminate();
      throw err;
    }
  };
  if (threads > 1) {
    const mt = await start({ coreURL: coreMtURL, wasmURL: wasmMtURL, workerURL: workerMtURL }).catch(() => null);
    if (mt) {
      mt.on('log', ({ message }) => log.push(message));
      return { ffmpeg: mt, log, threads };
    }
  }
  try {
    const st = await start({ coreURL, wasmURL });
    st.on('log', ({ message }) => log.push(message));
    return { ffmpeg: st, log, threads: 1 };
  } catch (err) {
    throw new EncoderError('unavailable', `ffmpeg.wasm could not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Rejects when p has not settled within ms (a core whose thread pool never starts would hang). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not start within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

async function run(ffmpeg: FFmpeg, log: LogTail, args: string[], what: string): Promise<void> {
  const code = await ffmpeg.exec(args);
  if (code !== 0) throw new EncoderError('failed', `ffmpeg.wasm could not encode the ${what} (${log.why(code)}).`);
}

async function readPackets(ffmpeg: FFmpeg, path: string, kind: 'video' | 'audio') {
  const data = await ffmpeg.readFile(path);
  await ffmpeg.deleteFile(path);
  if (typeof data === 'string' || data.length === 0) throw new EncoderError('failed', `ffmpeg.wasm wrote no ${kind}.`);
  const input = new Input({ source: new BufferSource(data), formats: [MP4] });
  const track = kind === 'video' ? await input.getPrimaryVideoTrack() : await input.getPrimaryAudioTrack();
  if (!track) throw new EncoderError('failed', `ffmpeg.wasm wrote no ${kind} track.`);
  const config = await track.getDecoderConfig();
  const packets: EncodedPacket[] = [];
  for await (const p of new EncodedPacketSink(track).packets()) packets.push(p);
  input.dispose();
  return { config, packets };
}

/** Encodes float PCM (one array per channel, `frames` long: cut or padded) to AAC; returns the packets (a minute of AAC is about 1 MB). */
export async function encodeAac(ffmpeg: FFmpeg, log: LogTail, channels: readonly Float32Array[], frames: number, sampleRate: number, bitrate: number) {
  const pcm = interleaveF32(channels, frames);
  await ffmpeg.writeFile('/audio.f32', new Uint8Array(pcm.buffer));
  await run(ffmpeg, log, audioArgs('/audio.f32', '/audio.m4a', sampleRate, bitrate, channels.length), 'voiceover');
  await ffmpeg.deleteFile('/audio.f32');
  const { config, packets } = await readPackets(ffmpeg, '/audio.m4a', 'audio');
  return { config: config as AudioDecoderConfig | null, packets };
}

const sameBytes = (a: AllowSharedBufferSource | undefined, b: AllowSharedBufferSource | undefined): boolean => {
  if (!a || !b) return a === b;
  const x = ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a);
  const y = ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/**
 * Video in one-second segments. `addFrame` takes the canvas's RGBA pixels for the next frame
 * (frames must come in order); `flush` encodes what is left.
 */
export class FfmpegH264 {
  private readonly perSegment: number;
  private readonly frameBytes: number;
  private buffer: Uint8Array;
  private inBuffer = 0;
  private segment = 0;
  /** The segment ffmpeg is encoding now; the next one is filled meanwhile. */
  private encoding: Promise<void> = Promise.resolve();
  private config: VideoDecoderConfig | null = null;

  constructor(
    private readonly ffmpeg: FFmpeg,
    private readonly log: LogTail,
    private readonly o: FfmpegVideoOptions,
  ) {
    this.perSegment = segmentFrames(o.fps);
    this.frameBytes = i420Size(o.width, o.height);
    this.buffer = new Uint8Array(this.frameBytes * this.perSegment);
  }

  async addFrame(rgba: Uint8ClampedArray): Promise<void> {
    rgbaToI420(rgba, this.o.width, this.o.height, this.buffer, this.inBuffer * this.frameBytes);
    if (++this.inBuffer === this.perSegment) await this.submit();
  }

  async flush(): Promise<void> {
    if (this.inBuffer > 0) await this.submit();
    await this.encoding;
  }

  /** Hands the filled segment to ffmpeg; waits only for the segment before it. */
  private async submit(): Promise<void> {
    const frames = this.inBuffer;
    const data = frames === this.perSegment ? this.buffer : this.buffer.slice(0, frames * this.frameBytes);
    const index = this.segment++;
    // The buffer is transferred to the ffmpeg worker: start a new one for the next segment.
    this.buffer = new Uint8Array(this.frameBytes * this.perSegment);
    this.inBuffer = 0;
    const previous = this.encoding;
    await previous;
    this.encoding = this.encodeSegment(data, frames, index);
    // A failure surfaces at the next submit or at flush; keep it from going unhandled meanwhile.
    this.encoding.catch(() => undefined);
  }

  private async encodeSegment(data: Uint8Array, frames: number, index: number): Promise<void> {
    const { ffmpeg, log, o } = this;
    const raw = `/seg${index}.yuv`;
    const mp4 = `/seg${index}.mp4`;
    await ffmpeg.writeFile(raw, data);
    await run(ffmpeg, log, videoSegmentArgs(raw, mp4, { width: o.width, height: o.height, fps: o.fps, frames, bitrate: o.bitrate, threads: o.threads }), `video (second ${index + 1})`);
    await ffmpeg.deleteFile(raw);
    const { config, packets } = await readPackets(ffmpeg, mp4, 'video');
    if (packets.length !== frames) throw new EncoderError('failed', `ffmpeg.wasm returned ${packets.length} of ${frames} frames for second ${index + 1}.`);
    // One MP4 track has one decoder config: every segment must share the first one's.
    const vconfig = config as VideoDecoderConfig | null;
    if (!this.config) this.config = vconfig;
    else if (!sameBytes(this.config.description, vconfig?.description)) throw new EncoderError('failed', 'ffmpeg.wasm changed the H.264 parameter sets between segments.');
    const first = index * this.perSegment;
    for (const [i, p] of packets.entries()) {
      const packet = p.clone({ timestamp: (first + i) / o.fps, duration: 1 / o.fps });
      await o.onPacket(packet, index === 0 && i === 0 && this.config ? { decoderConfig: this.config } : undefined);
    }
  }
}
