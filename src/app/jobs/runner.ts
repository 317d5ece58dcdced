/**
 * The job runner: product + images → script → voice → timeline → (preview still) → MP4.
 * One implementation of the pipeline for the headless command-line renderer and the embed
 * widget's job API (the Create screen drives the same stage functions step by step).
 * Every step takes the AbortSignal; cancelling stops the voice or the export worker at once.
 */
import { exportVideo } from '../../compose/render-client.ts';
import { applyCreative } from '../../compose/creatives/edits.ts';
import type { MotionStyle, Theme, Timeline } from '../../compose/types.ts';
import { encodeSettings, type EncodeSettings } from '../../encode/settings.ts';
import type { EncoderChoice } from '../../encode/choose.ts';
import { checkImage } from '../../product/media.ts';
import type { Product } from '../../product/types.ts';
import { fitScript, generateScripts } from '../../script/index.ts';
import type { Duration, Ratio, ScriptSegment } from '../../script/types.ts';
import type { ProjectSettings } from '../../storage/schema.ts';
import type { VoiceRequest } from '../../voice/types.ts';
import { defaultVoiceFor } from '../../voice/voices.ts';
import { synthesize } from '../../voice/tts-client.ts';
import type { ExportJob, ExportProgress, ExportResult } from '../../../workers/render/types.ts';
import { BUILTIN_PRESENTERS } from '../../compose/presenter/index.ts';
import { creativeTimeline, spokenLength, voiceRequestFor, voiceScript, type Synthesize, type Voiceover } from '../pipeline.ts';
import { recordingVoiceover } from '../voice/recording-voiceover.ts';
import { isNeuralVoice, neuralSynthesize, type NeuralVoiceSource } from '../voice/neural.ts';
import { neuralForExport, type LipsyncReport, type NeuralExportOptions } from '../../lipsync/neural/export.ts';

export interface ProductInfo {
  name: string;
  description?: string;
  features?: string[];
  price?: string;
  brand?: string;
}

export interface CreativeRequest {
  product: ProductInfo;
  /** Product images, in order; checked here by their bytes (PNG/JPEG under 10 MB). */
  images: Blob[];
  ratio: Ratio;
  duration: Duration;
  language: string;
  /** Recorded in the settings; the export takes its own resolution. */
  resolution?: 720 | 1080;
  presenterId?: string;
  /** false: a product-only showcase, no presenter drawn (captions and end card stay). */
  presenter?: boolean;
  /** A built-in voice id, or an installed neural voice ("model:<id>"). */
  voiceId?: string;
  /** Words per minute (pace); default the voice's own. A neural voice takes it as speed rate / 175. */
  voiceRate?: number;
  /** The neural voice's model when it is not in the model store (the command line's --models folder). */
  voiceModel?: NeuralVoiceSource;
  /**
   * The user's own recording as the voice (decoded, mono): the video's length follows it, and
   * the script's words are shown as captions only when `captions` is true (issue 5).
   */
  voiceAudio?: { pcm: Float32Array; sampleRate: number; captions: boolean };
  /** The voiceover text, used as written (no fitting). */
  script?: string;
  /** Preferred ad structure (a script STYLES id); default the first one offered. */
  scriptStyle?: string;
  /** 'display': product shots in place of presenter-only scenes. */
  sceneStyle?: 'talking' | 'display';
  /** The job's motion_style: 'display' keeps the presenter's lips still and gesturing. */
  motionStyle?: MotionStyle;
  theme?: Theme;
  /** Creative (layout and style) id, see src/compose/creatives; default the original one. */
  creative?: string;
}

/** espeak's normal pace (wpm): a job's voice rate becomes a neural voice's speed relative to it. */
const NORMAL_WPM = 175;

export type RunStep = 'script' | 'voice' | 'timeline';

export interface RunHooks {
  signal?: AbortSignal;
  /** A step finished: `detail` says what came out (script title, voice length…). */
  onStep?: (step: RunStep, detail: string) => void;
}

export interface Creative {
  product: Product;
  settings: ProjectSettings;
  scriptTitle: string;
  segments: ScriptSegment[];
  voiceover: Voiceover;
  timeline: Timeline;
  images: Blob[];
}

export class JobInputError extends Error {
  override name = 'JobInputError';
}

/** Checks product images by their bytes; returns their descriptions for the Product. */
export async function intakeImages(blobs: Blob[]): Promise<Product['images']> {
  const images: Product['images'] = [];
  for (const [i, blob] of blobs.entries()) {
    const head = new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer());
    const info = checkImage(head, blob.size, `image ${i + 1}`);
    images.push({ id: `img${i}`, name: `image ${i + 1}`, mime: info.mime, width: info.width, height: info.height, selected: true });
  }
  return images;
}

/** Presenter-only scenes become product shots (the product stays on screen throughout). */
export function displaySegments(segments: ScriptSegment[], imageCount: number): ScriptSegment[] {
  let next = 0;
  return segments.map((s) => {
    if (s.scene.kind === 'product') {
      next = s.scene.image + 1;
      return s;
    }
    if (s.scene.kind !== 'presenter') return s;
    const image = next++ % Math.max(1, imageCount);
    return { ...s, scene: { kind: 'product' as const, image } };
  });
}

/** Script, voice and timeline: everything the preview and the export draw from. */
export async function prepareCreative(req: CreativeRequest, hooks: RunHooks = {}): Promise<Creative> {
  const { signal } = hooks;
  signal?.throwIfAborted();
  const name = req.product.name.trim();
  if (!name) throw new JobInputError('The product needs a name.');
  if (req.images.length < 1) throw new JobInputError('The product needs at least one image.');
  const images = await intakeImages(req.images);
  const product: Product = {
    name,
    description: req.product.description ?? '',
    features: req.product.features ?? [],
    images,
    ...(req.product.price ? { price: req.product.price } : {}),
    ...(req.product.brand ? { brand: req.product.brand } : {}),
  };
  const neural = isNeuralVoice(req.voiceId);
  const voiceBase = neural ? { voice: 'neural' } : voiceRequestFor(req.voiceId, req.language);
  const voiceReq: Omit<VoiceRequest, 'text'> = req.voiceRate && !neural ? { ...voiceBase, rate: req.voiceRate } : voiceBase;
  const settings: ProjectSettings = {
    ratio: req.ratio,
    duration: req.duration,
    language: req.language,
    voiceId: req.voiceId ?? defaultVoiceFor(req.language).id,
    presenterId: req.presenterId ?? BUILTIN_PRESENTERS[0]!.id,
    resolution: req.resolution ?? 1080,
  };
  // The job's voice, a neural one included (the same engine the Create screen uses); every
  // voice call listens to the job's signal.
  const engine: Synthesize = neural ? neuralSynthesize(req.voiceId!, req.voiceRate ? req.voiceRate / NORMAL_WPM : 1, req.voiceModel) : synthesize;
  const speak: Synthesize = (r, o) => engine(r, { ...o, ...(signal ? { signal } : {}) });
  // Fitting the script needs only lengths: a neural voice skips its word alignment there.
  const measureEngine: Synthesize = neural ? neuralSynthesize(req.voiceId!, req.voiceRate ? req.voiceRate / NORMAL_WPM : 1, req.voiceModel, { timings: false }) : synthesize;
  const measure: Synthesize = (r, o) => measureEngine(r, { ...o, ...(signal ? { signal } : {}) });
  const scriptProduct = { ...product, imageCount: images.length };
  const opts = { language: req.language, duration: req.duration };
  const options = generateScripts(scriptProduct, opts);
  const option = options.find((o) => o.style === req.scriptStyle) ?? options[0]!;
  const fitted = req.script
    ? { ...option, segments: [{ text: req.script, scene: { kind: 'presenter' as const } }] }
    : await fitScript(option, scriptProduct, opts, spokenLength(voiceReq, measure));
  signal?.throwIfAborted();
  hooks.onStep?.('script', fitted.title);
  const segments = req.sceneStyle === 'display' ? displaySegments(fitted.segments, images.length) : fitted.segments;
  const voiceover = req.voiceAudio
    ? recordingVoiceover(req.voiceAudio.pcm, req.voiceAudio.sampleRate, segments, req.voiceAudio.captions, req.language)
    : await voiceScript(segments, voiceReq, speak, signal);
  signal?.throwIfAborted();
  hooks.onStep?.('voice', `${voiceover.speech.duration.toFixed(2)} s`);
  const base = creativeTimeline(product, settings, voiceover, req.motionStyle);
  const dressed: Timeline = {
    ...base,
    ...(req.theme ? { theme: req.theme } : {}),
    ...(req.presenter === false ? { presenter: false } : {}),
  };
  const timeline = req.creative ? applyCreative(dressed, req.creative, undefined, { customTheme: !!req.theme }) : dressed;
  hooks.onStep?.('timeline', `${timeline.scenes.length} scenes`);
  return { product, settings, scriptTitle: fitted.title, segments, voiceover, timeline, images: req.images };
}

export interface ExportOptions {
  resolution: 720 | 1080;
  /** OPFS file name the MP4 streams into. */
  fileName: string;
  lanes?: number;
  cpuCanvas?: boolean;
  /** H.264 encoder (default auto: WebCodecs, else ffmpeg.wasm). */
  encoder?: EncoderChoice;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /** Neural lip-sync overrides (issue 8): a model from the command line, the engine, the backend. */
  lipsync?: Omit<NeuralExportOptions, 'signal' | 'onProgress'>;
  /** Neural lip-sync progress (before the frames are drawn): which backend runs, frames done. */
  onLipsync?: NeuralExportOptions['onProgress'];
  /** The sound to encode instead of the voice alone (the command line's --music mix); lip-sync still hears the voice. */
  audio?: ExportJob['audio'];
}

/** The MP4, encoded in a worker of its own (cancelling terminates it). */
export async function exportCreative(c: Creative, o: ExportOptions): Promise<{ result: ExportResult; settings: EncodeSettings; lipsync: LipsyncReport | null }> {
  const settings = encodeSettings(c.timeline.ratio, o.resolution, c.timeline.fps);
  const audio = { pcm: c.voiceover.speech.pcm, sampleRate: c.voiceover.speech.sampleRate };
  // A custom avatar set to Neural gets its mouths from the model first; on failure, the warp engine.
  const neural = await neuralForExport(c.timeline, audio, settings.fps, { ...o.lipsync, ...(o.signal ? { signal: o.signal } : {}), ...(o.onLipsync ? { onProgress: o.onLipsync } : {}) });
  const result = await exportVideo(
    {
      timeline: c.timeline,
      images: c.images,
      audio: o.audio ?? audio,
      settings,
      fileName: o.fileName,
      ...(o.lanes ? { lanes: o.lanes } : {}),
      ...(o.cpuCanvas !== undefined ? { cpuCanvas: o.cpuCanvas } : {}),
      ...(o.encoder ? { encoder: o.encoder } : {}),
      ...(neural.faces ? { neural: neural.faces } : {}),
    },
    { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
  );
  return { result, settings, lipsync: neural.report };
}
