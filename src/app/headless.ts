/**
 * The headless renderer's page: the job runner (src/app/jobs/runner.ts, the same pipeline as
 * the Create screen and the embed widget: script → voice → timeline → export), driven by the
 * command line through `window.talkreel`.
 */
import type { Timeline } from '../compose/types.ts';
import type { Duration, Ratio } from '../script/types.ts';
import { exportCreative, prepareCreative, type Creative, type ExportOptions } from './jobs/runner.ts';
import { decodeMusicChannels, MUSIC_SAMPLE_RATE, voiceWithMusic, type ExportAudio } from '../compose/music-decode.ts';
import { fitScript, generateScripts, scriptText } from '../script/index.ts';
import { synthesize, TtsClient } from '../voice/tts-client.ts';
import { parsePiperConfig } from '../voice/piper.ts';
import { spokenLength, voiceRequestFor } from './pipeline.ts';
import { isNeuralVoice, neuralSynthesize, type NeuralVoiceSource } from './voice/neural.ts';
import { avatarHeadless } from '../avatar/headless.ts';
import { modelBytes, neuralHeadless } from '../lipsync/neural/headless.ts';
import type { LipsyncReport } from '../lipsync/neural/export.ts';
import type { EncoderChoice, EncoderKind } from '../encode/choose.ts';
import { voiceFileAudio, voiceHeadless } from './voice/headless.ts';

export interface HeadlessJob {
  product: { name: string; description?: string; features?: string[]; price?: string; brand?: string };
  /** Same-origin URLs the page can fetch the images from (the CLI serves them). */
  imageUrls: string[];
  ratio: Ratio;
  duration: Duration;
  language: string;
  resolution: 720 | 1080;
  presenterId?: string;
  /** A built-in voice id, or a neural voice "model:<catalog id>" (its model: `voiceModel`). */
  voiceId?: string;
  /** The neural voice's files from --models: the .onnx as a same-origin URL or `input:<selector>`, and its .onnx.json. */
  voiceModel?: { url: string; config: unknown };
  script?: string;
  /** Ad structure of the generated script (hook-benefits-cta, problem-solution, demo, offer-value, listicle). */
  scriptStyle?: string;
  /** Parallel H.264 encoders (default: one per core). */
  lanes?: number;
  /** Creative (layout and style) id; default the original one. */
  creative?: string;
  /** Same-origin URL of a music file mixed under the voice, ducked while it speaks. */
  musicUrl?: string;
  cpuCanvas?: boolean;
  /** H.264 encoder: auto (WebCodecs, else ffmpeg.wasm), webcodecs or ffmpeg. */
  encoder?: EncoderChoice;
  /** Same-origin URL of the user's own voiceover (--voice-file); its file name for messages. */
  voiceFileUrl?: string;
  voiceFileName?: string;
  /** Lip-sync engine (issue 8): neural needs a custom avatar; warp forces the no-download engine. */
  lipsync?: 'neural' | 'warp' | 'viseme';
  /** The neural model: a same-origin URL or `input:<selector>` of a file input (--model). */
  modelUrl?: string;
  /** Backend to try first for the neural model (default webgpu, falling back to wasm). */
  lipsyncBackend?: 'webgpu' | 'wasm';
}

export interface HeadlessResult {
  url: string;
  fileName: string;
  bytes: number;
  width: number;
  height: number;
  duration: number;
  voiceSeconds: number;
  /** The voice that spoke: its id and engine ('neural' for a Piper voice, else 'builtin' or 'recording'). */
  voice: { id: string; engine: 'neural' | 'builtin' | 'recording' };
  frames: number;
  exportSeconds: number;
  /** The encoder that made the file, and why it was picked. */
  encoder: EncoderKind;
  encoderReason: string;
  lanes: number;
  setupSeconds: number;
  audioSeconds: number;
  renderSeconds: number;
  encodeWaitSeconds: number;
  finalizeSeconds: number;
  scriptTitle: string;
  scriptText: string;
  /** The creative as rendered: scenes, captions with word timings, viseme track. */
  timeline: Timeline;
  /** Which lip-sync ran for a custom avatar (and why neural did not, when it was wanted). */
  lipsync: LipsyncReport | null;
}

/** The creative's voice with the music file under it (decoded and resampled by the browser; 44.1 kHz, stereo for stereo music). */
async function musicAudio(c: Creative, url: string): Promise<ExportAudio> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return voiceWithMusic(c.voiceover.speech, await decodeMusicChannels(bytes, MUSIC_SAMPLE_RATE, 2));
}

/** --lipsync / --model as export options (the model's bytes are read here, in the page). */
async function lipsyncOptions(job: HeadlessJob): Promise<ExportOptions['lipsync'] | undefined> {
  if (!job.lipsync && !job.modelUrl) return undefined;
  if (job.lipsync === 'viseme') {
    if (job.presenterId?.startsWith('custom:')) throw new Error('--lipsync viseme is the drawn presenters’ engine; a photo or video avatar uses warp or neural.');
    return undefined;
  }
  const engine = job.lipsync === 'warp' ? 'warp' : 'neural';
  const model = job.modelUrl && engine === 'neural' ? { key: job.modelUrl, bytes: await modelBytes(job.modelUrl) } : undefined;
  return { engine, ...(model ? { model } : {}), ...(job.lipsyncBackend ? { prefer: job.lipsyncBackend } : {}) };
}

/** --models: the neural voice's bytes from the page's file input (or URL), its config as the CLI read it. */
function voiceSource(job: Pick<HeadlessJob, 'voiceModel'>): NeuralVoiceSource | undefined {
  const m = job.voiceModel;
  if (!m) return undefined;
  return async () => ({ bytes: await modelBytes(m.url), config: parsePiperConfig(m.config) });
}

async function render(job: HeadlessJob, onProgress: (msg: string) => void): Promise<HeadlessResult> {
  if (!job.product.name?.trim()) throw new Error('product.json needs a "name".');
  if (job.imageUrls.length < 2) throw new Error('product.json needs at least 2 "images".');
  const blobs: Blob[] = [];
  for (const url of job.imageUrls) blobs.push(await (await fetch(url)).blob());
  // --voice-file: the recording is the voice; captions only when --script says what it says.
  const voiceAudio = job.voiceFileUrl ? { ...(await voiceFileAudio(job.voiceFileUrl, job.voiceFileName ?? 'voice')), captions: !!job.script } : undefined;
  const creative = await prepareCreative(
    {
      product: job.product,
      images: blobs,
      ratio: job.ratio,
      duration: job.duration,
      language: job.language,
      resolution: job.resolution,
      ...(job.presenterId ? { presenterId: job.presenterId } : {}),
      ...(job.voiceId ? { voiceId: job.voiceId } : {}),
      ...(job.voiceModel ? { voiceModel: voiceSource(job)! } : {}),
      ...(job.script ? { script: job.script } : {}),
      ...(job.scriptStyle ? { scriptStyle: job.scriptStyle } : {}),
      ...(job.creative ? { creative: job.creative } : {}),
      ...(voiceAudio ? { voiceAudio } : {}),
    },
    { onStep: (step, detail) => step !== 'timeline' && onProgress(`${step}: ${detail}`) },
  );
  let lastPct = -10;
  const lipsync = await lipsyncOptions(job);
  let lastLipsync = '';
  const { result, settings: enc, lipsync: lipsyncReport } = await exportCreative(creative, {
    resolution: job.resolution,
    ...(job.musicUrl ? { audio: await musicAudio(creative, job.musicUrl) } : {}),
    ...(lipsync ? { lipsync } : {}),
    onLipsync: (p) => {
      const on = `${p.backend}${p.backend === 'wasm' ? ` (${p.threads} thread${p.threads === 1 ? '' : 's'})` : ''}`;
      const line = p.stage === 'load' ? 'lipsync: loading the model' : `lipsync: ${p.done}/${p.total} frames on ${on}`;
      if (line !== lastLipsync && (p.stage === 'load' || p.done === p.total || p.done % 64 < 8)) onProgress(line);
      lastLipsync = line;
    },
    fileName: `headless-${Date.now()}.mp4`,
    ...(job.lanes ? { lanes: job.lanes } : {}),
    ...(job.cpuCanvas !== undefined ? { cpuCanvas: job.cpuCanvas } : {}),
    ...(job.encoder ? { encoder: job.encoder } : {}),
    onProgress: (p) => {
      const pct = Math.floor((100 * p.frame) / p.frames);
      if (pct >= lastPct + 10) {
        lastPct = pct;
        onProgress(`export: ${pct}%`);
      }
    },
  });
  const { timeline, voiceover } = creative;
  return {
    url: URL.createObjectURL(result.file),
    fileName: 'talkreel.mp4',
    bytes: result.file.size,
    width: enc.width,
    height: enc.height,
    duration: timeline.duration,
    voiceSeconds: voiceover.speech.duration,
    voice: { id: voiceAudio ? 'recording' : creative.settings.voiceId, engine: voiceAudio ? 'recording' : isNeuralVoice(creative.settings.voiceId) ? 'neural' : 'builtin' },
    frames: result.frames,
    exportSeconds: result.seconds,
    encoder: result.encoder,
    encoderReason: result.encoderReason,
    lanes: result.lanes,
    setupSeconds: result.setupSeconds,
    audioSeconds: result.audioSeconds,
    renderSeconds: result.renderSeconds,
    encodeWaitSeconds: result.encodeWaitSeconds,
    finalizeSeconds: result.finalizeSeconds,
    scriptTitle: creative.scriptTitle,
    scriptText: creative.segments.map((s) => s.text).join(' '),
    timeline,
    lipsync: lipsyncReport,
  };
}

export interface ScriptsJob {
  product: HeadlessJob['product'];
  duration: Duration;
  language: string;
  voiceId?: string;
  voiceModel?: HeadlessJob['voiceModel'];
  /** Product images the video would show (scene hints index them). */
  imageCount: number;
}

/** One script option as `--print-scripts` prints it. */
export interface PrintedScript {
  id: string;
  style: string;
  title: string;
  language: string;
  /** The templates had nothing for the requested language: written in English. */
  languageFallback: boolean;
  targetSeconds: number;
  /** Spoken length before fitting, as estimated. */
  estimatedSeconds: number;
  /** Spoken length of the fitted script, measured with the real voice (padding included). */
  measuredSeconds: number;
  /** Within ±10 % of the target. */
  fits: boolean;
  /** How many times the voice spoke it while fitting. */
  voicings: number;
  text: string;
  segments: Array<{ text: string; scene: string; image?: number }>;
  notes?: string[];
}

/** Every script option, each fitted to the duration with the real voice and measured. */
async function scripts(job: ScriptsJob, onProgress: (msg: string) => void = () => undefined): Promise<PrintedScript[]> {
  if (!job.product.name?.trim()) throw new Error('product.json needs a "name".');
  const product = {
    name: job.product.name.trim(),
    description: job.product.description ?? '',
    features: job.product.features ?? [],
    imageCount: job.imageCount,
    ...(job.product.price ? { price: job.product.price } : {}),
    ...(job.product.brand ? { brand: job.product.brand } : {}),
  };
  const opts = { language: job.language, duration: job.duration };
  // Fitted with the voice the video will have (a neural voice speaks at its own pace).
  const measureOnce = isNeuralVoice(job.voiceId)
    ? spokenLength({ voice: 'neural' }, neuralSynthesize(job.voiceId!, 1, voiceSource(job), { timings: false }))
    : spokenLength(voiceRequestFor(job.voiceId, job.language), synthesize);
  const out: PrintedScript[] = [];
  for (const option of generateScripts(product, opts)) {
    let voicings = 0;
    const fitted = await fitScript(option, product, opts, (texts) => (voicings++, measureOnce(texts)));
    onProgress(`script: ${option.style} ${fitted.measuredSeconds.toFixed(2)} s`);
    out.push({
      id: fitted.id,
      style: fitted.style,
      title: fitted.title,
      language: fitted.language ?? job.language,
      languageFallback: !!fitted.languageFallback,
      targetSeconds: job.duration,
      estimatedSeconds: option.estimatedSeconds,
      measuredSeconds: Math.round(fitted.measuredSeconds * 100) / 100,
      fits: Math.abs(fitted.measuredSeconds - job.duration) <= job.duration * 0.1,
      voicings,
      text: scriptText(fitted),
      segments: fitted.segments.map((s) => ({ text: s.text, scene: s.scene.kind, ...(s.scene.kind === 'product' ? { image: s.scene.image } : {}) })),
      ...(fitted.notes?.length ? { notes: fitted.notes } : {}),
    });
  }
  return out;
}

/**
 * The benchmark's neural-voice speed: a model (same-origin URL) in a fresh TTS worker with
 * `threads` WASM threads, one warm-up call, then the best of `runs` (synthesis seconds per
 * second of speech, the whole engine: phonemes, model, reference rendering and alignment).
 */
async function neuralVoiceSpeed(o: { modelUrl: string; config: unknown; text: string; threads: number; runs: number }): Promise<{ backend: string; threads: number; speechSeconds: number; loadMs: number; bestMs: number; realTimeFactor: number }> {
  const bytes = await modelBytes(o.modelUrl);
  const config = parsePiperConfig(o.config);
  const client = new TtsClient();
  try {
    const id = `bench-${o.threads}`;
    const req = { text: o.text, voice: config.espeak.voice };
    const t0 = performance.now();
    await client.synthesizeNeural(id, req, async () => ({ bytes, config, threads: o.threads }));
    const loadMs = performance.now() - t0;
    let best = Infinity;
    let seconds = 0;
    for (let i = 0; i < o.runs; i++) {
      const t = performance.now();
      const s = await client.synthesizeNeural(id, req, () => Promise.reject(new Error('already loaded')));
      best = Math.min(best, performance.now() - t);
      seconds = s.duration;
    }
    const rt = (await client.neuralRuntime(id)) ?? { backend: 'unknown', threads: 0 };
    return { ...rt, speechSeconds: seconds, loadMs, bestMs: best, realTimeFactor: best / 1000 / seconds };
  } finally {
    client.dispose();
  }
}

declare global {
  interface Window {
    talkreel: { render: typeof render; scripts: typeof scripts; avatar: typeof avatarHeadless; neural: typeof neuralHeadless; voice: typeof voiceHeadless; neuralVoiceSpeed: typeof neuralVoiceSpeed; ready: true };
  }
}

window.talkreel = { render, scripts, avatar: avatarHeadless, neural: neuralHeadless, voice: voiceHeadless, neuralVoiceSpeed, ready: true };
