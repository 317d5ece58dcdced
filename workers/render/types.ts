/**
 * The render worker's contract, kept free of runtime imports so the page (DOM lib) and the
 * worker (WebWorker lib) can both type-check against it.
 */
import type { Timeline } from '../../src/compose/types.ts';
import type { EncodeSettings } from '../../src/encode/settings.ts';
import type { EncoderChoice, EncoderKind } from '../../src/encode/choose.ts';
import type { NeuralFaces } from '../../src/lipsync/neural/types.ts';

export interface ExportJob {
  timeline: Timeline;
  images: Blob[];
  /** Mono voiceover, starting at t = 0. */
  /** Mono `pcm`, or stereo with `right` (music under the voice, src/compose/music-decode.ts). */
  audio: { pcm: Float32Array; right?: Float32Array; sampleRate: number };
  settings: EncodeSettings;
  /** OPFS file name the MP4 streams into (so a long export never sits whole in memory). */
  fileName: string;
  /** Draw on a CPU-backed canvas (default true); see export.ts for why. */
  cpuCanvas?: boolean;
  /** Parallel H.264 encoders; default one per core (at most 4). */
  lanes?: number;
  /** H.264 encoder: `auto` (default) probes WebCodecs, then falls back to ffmpeg.wasm. */
  encoder?: EncoderChoice;
  /** Neural lip-sync mouths for the custom avatar (issue 8), made before the export. */
  neural?: NeuralFaces;
}

export interface ExportProgress {
  frame: number;
  frames: number;
  /** Wall seconds since the export started. */
  elapsed: number;
  /** The encoder at work, and why it was picked. */
  encoder?: EncoderKind;
  encoderReason?: string;
}

export interface ExportResult {
  file: File;
  frames: number;
  /** The encoder that made the file, and why it was picked. */
  encoder: EncoderKind;
  encoderReason: string;
  /** Parallel encoders used. */
  lanes: number;
  /** Wall seconds for the whole export. */
  seconds: number;
  /** Seconds before the first frame: fonts, encoders, image decoding. */
  setupSeconds: number;
  /** Seconds spent encoding audio (AAC, on the export worker's thread). */
  audioSeconds: number;
  /** Seconds spent drawing frames and snapshotting them into VideoFrames (rasterising). */
  renderSeconds: number;
  /** Seconds spent waiting for room in the encoders' queues. */
  encodeWaitSeconds: number;
  /** Seconds spent flushing the encoder after the last frame. */
  finalizeSeconds: number;
}

export interface RenderApi {
  /** Liveness check: a busy export still answers between frames. */
  ping(): number;
  attachPreview(canvas: OffscreenCanvas): Promise<void>;
  resizePreview(width: number, height: number): void;
  setCreative(timeline: Timeline, images: Blob[]): Promise<void>;
  setTimeline(timeline: Timeline): Promise<void>;
  drawPreview(t: number): void;
  /**
   * Draws `timeline` (another creative of the same images) at t into a new bitmap of the given
   * size, without touching the preview: gallery thumbnails. Needs setCreative first.
   */
  snapshot(timeline: Timeline, t: number, width: number, height: number): Promise<ImageBitmap>;
  exportMp4(job: ExportJob, onProgress: (p: ExportProgress) => void): Promise<ExportResult>;
}
