import { avcCodecString, gopLength, gopOf, isKeyFrame, laneOf, type GopPlan } from '../../src/encode/gop-lanes.ts';

export interface LaneOptions extends GopPlan {
  width: number;
  height: number;
  fps: number;
  bitrate: number;
  /** Receives packets in decode order; the first call carries the decoder config. */
  onPacket: (chunk: EncodedVideoChunk, meta: EncodedVideoChunkMetadata | undefined) => Promise<void>;
}

/** Frames an encoder may hold before the renderer waits: bounds memory (8 MB a 1080p frame). */
export const ENCODER_QUEUE = 3;

async function supportedConfig(width: number, height: number, fps: number, bitrate: number): Promise<VideoEncoderConfig> {
  for (const profile of ['high', 'main', 'baseline'] as const) {
    const config: VideoEncoderConfig = {
      codec: avcCodecString(width, height, profile),
      width,
      height,
      bitrate,
      framerate: fps,
      // 'realtime' lets the software encoder choose its faster settings at the same bitrate.
      latencyMode: 'realtime',
      avc: { format: 'avc' },
    };
    const { supported } = await VideoEncoder.isConfigSupported(config);
    if (supported) return config;
  }
  throw new Error(`This browser cannot encode H.264 at ${width}×${height}.`);
}

const sameBytes = (a: AllowSharedBufferSource | undefined, b: AllowSharedBufferSource | undefined): boolean => {
  if (!a || !b) return a === b;
  const x = ArrayBuffer.isView(a) ? new Uint8Array(a.buffer, a.byteOffset, a.byteLength) : new Uint8Array(a);
  const y = ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/**
 * Several WebCodecs H.264 encoders working on alternate GOPs (see src/encode/gop-lanes.ts),
 * their output re-ordered into one stream. All lanes must produce the same parameter sets,
 * since an MP4 track has one decoder config; that is checked, never assumed.
 */
export class H264Lanes {
  private encoders: VideoEncoder[] = [];
  private pending = new Map<number, Array<{ chunk: EncodedVideoChunk; meta: EncodedVideoChunkMetadata | undefined }>>();
  private nextGop = 0;
  private firstMeta: EncodedVideoChunkMetadata | undefined;
  private laneConfigs: Array<AllowSharedBufferSource | undefined> = [];
  private emitting: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  /** Per lane, the GOPs it was given in order, to label its outputs. */
  private laneGops: number[][] = [];
  private laneCounts: number[] = [];

  private constructor(private readonly o: LaneOptions) {}

  static async create(o: LaneOptions): Promise<H264Lanes> {
    const lanes = new H264Lanes(o);
    const config = await supportedConfig(o.width, o.height, o.fps, o.bitrate);
    for (let lane = 0; lane < o.lanes; lane++) {
      const enc = new VideoEncoder({
        output: (chunk, meta) => lanes.onOutput(lane, chunk, meta),
        error: (e) => {
          lanes.failure ??= e instanceof Error ? e : new Error(String(e));
        },
      });
      enc.configure(config);
      lanes.encoders.push(enc);
      lanes.laneGops.push([]);
      lanes.laneCounts.push(0);
    }
    return lanes;
  }

  /** Encodes frame `index` (drawn for time index / fps). Takes ownership of the frame. */
  async encode(frame: VideoFrame, index: number): Promise<void> {
    if (this.failure) {
      frame.close();
      throw this.failure;
    }
    const lane = laneOf(index, this.o);
    const enc = this.encoders[lane]!;
    if (isKeyFrame(index, this.o)) this.laneGops[lane]!.push(gopOf(index, this.o));
    while (enc.encodeQueueSize >= ENCODER_QUEUE) await new Promise((r) => enc.addEventListener('dequeue', r, { once: true }));
    enc.encode(frame, { keyFrame: isKeyFrame(index, this.o) });
    frame.close();
    // Keep the muxer from falling behind the encoders.
    if (this.pending.size > this.o.lanes + 1) await this.emitting;
  }

  async flush(): Promise<void> {
    await Promise.all(this.encoders.map((e) => e.flush()));
    await this.emitting;
    if (this.failure) throw this.failure;
    for (const e of this.encoders) e.close();
  }

  close(): void {
    for (const e of this.encoders) if (e.state !== 'closed') e.close();
  }

  private onOutput(lane: number, chunk: EncodedVideoChunk, meta: EncodedVideoChunkMetadata | undefined): void {
    if (meta?.decoderConfig && this.laneConfigs[lane] === undefined) {
      this.laneConfigs[lane] = meta.decoderConfig.description ?? new ArrayBuffer(0);
      if (lane === 0) this.firstMeta = meta;
      const ref = this.laneConfigs.find((c) => c !== undefined);
      if (!sameBytes(ref, this.laneConfigs[lane])) {
        this.failure ??= new Error('parallel H.264 encoders disagree on parameter sets');
      }
    }
    // Outputs of one encoder come in its input order, so count them into its GOPs.
    const n = this.laneCounts[lane]!++;
    let k = 0;
    let left = n;
    while (left >= gopLength(this.laneGops[lane]![k]!, this.o)) left -= gopLength(this.laneGops[lane]![k++]!, this.o);
    const gop = this.laneGops[lane]![k]!;
    const list = this.pending.get(gop) ?? [];
    list.push({ chunk, meta });
    this.pending.set(gop, list);
    this.emitting = this.emitting.then(() => this.emitReady());
  }

  /** Hands complete GOPs to the muxer, strictly in order. */
  private async emitReady(): Promise<void> {
    for (;;) {
      const list = this.pending.get(this.nextGop);
      if (!list || list.length < gopLength(this.nextGop, this.o)) return;
      this.pending.delete(this.nextGop);
      for (const [i, { chunk }] of list.entries()) {
        const first = this.nextGop === 0 && i === 0;
        await this.o.onPacket(chunk, first ? this.firstMeta : undefined);
      }
      this.nextGop++;
    }
  }
}
