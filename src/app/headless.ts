/**
 * The headless renderer's page: the same pipeline as the Create screen (script → voice →
 * timeline → export), driven by the command line through `window.talkreel`.
 */
import { exportVideo } from '../compose/render-client.ts';
import type { Timeline } from '../compose/types.ts';
import { encodeSettings } from '../encode/settings.ts';
import { checkImage } from '../product/media.ts';
import type { Product } from '../product/types.ts';
import { fitScript, generateScripts } from '../script/index.ts';
import type { Duration, Ratio } from '../script/types.ts';
import type { ProjectSettings } from '../storage/schema.ts';
import { defaultVoiceFor } from '../voice/voices.ts';
import { synthesize } from '../voice/tts-client.ts';
import { creativeTimeline, spokenLength, voiceRequestFor, voiceScript } from './pipeline.ts';
import { BUILTIN_PRESENTERS } from '../compose/presenter/index.ts';

export interface HeadlessJob {
  product: { name: string; description?: string; features?: string[]; price?: string; brand?: string };
  /** Same-origin URLs the page can fetch the images from (the CLI serves them). */
  imageUrls: string[];
  ratio: Ratio;
  duration: Duration;
  language: string;
  resolution: 720 | 1080;
  presenterId?: string;
  voiceId?: string;
  script?: string;
  /** Parallel H.264 encoders (default: one per core). */
  lanes?: number;
  cpuCanvas?: boolean;
}

export interface HeadlessResult {
  url: string;
  fileName: string;
  bytes: number;
  width: number;
  height: number;
  duration: number;
  voiceSeconds: number;
  frames: number;
  exportSeconds: number;
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
}

async function render(job: HeadlessJob, onProgress: (msg: string) => void): Promise<HeadlessResult> {
  if (!job.product.name?.trim()) throw new Error('product.json needs a "name".');
  if (job.imageUrls.length < 2) throw new Error('product.json needs at least 2 "images".');
  const blobs: Blob[] = [];
  const images: Product['images'] = [];
  for (const [i, url] of job.imageUrls.entries()) {
    const blob = await (await fetch(url)).blob();
    const head = new Uint8Array(await blob.slice(0, 256 * 1024).arrayBuffer());
    const info = checkImage(head, blob.size, `image ${i + 1}`);
    blobs.push(blob);
    images.push({ id: `img${i}`, name: `image ${i + 1}`, mime: info.mime, width: info.width, height: info.height, selected: true });
  }
  const product: Product = {
    name: job.product.name.trim(),
    description: job.product.description ?? '',
    features: job.product.features ?? [],
    images,
    ...(job.product.price ? { price: job.product.price } : {}),
    ...(job.product.brand ? { brand: job.product.brand } : {}),
  };
  const voiceReq = voiceRequestFor(job.voiceId, job.language);
  const settings: ProjectSettings = {
    ratio: job.ratio,
    duration: job.duration,
    language: job.language,
    voiceId: job.voiceId ?? defaultVoiceFor(job.language).id,
    presenterId: job.presenterId ?? BUILTIN_PRESENTERS[0]!.id,
    resolution: job.resolution,
  };
  const scriptProduct = { ...product, imageCount: images.length };
  const opts = { language: job.language, duration: job.duration };
  const option = generateScripts(scriptProduct, opts)[0]!;
  onProgress(`script: ${option.title}`);
  const fitted = job.script
    ? { ...option, segments: [{ text: job.script, scene: { kind: 'presenter' as const } }] }
    : await fitScript(option, scriptProduct, opts, spokenLength(voiceReq, synthesize));
  const voiceover = await voiceScript(fitted.segments, voiceReq, synthesize);
  onProgress(`voice: ${voiceover.speech.duration.toFixed(2)} s`);
  const timeline = creativeTimeline(product, settings, voiceover);
  const enc = encodeSettings(job.ratio, job.resolution, timeline.fps);
  let lastPct = -10;
  const result = await exportVideo(
    { timeline, images: blobs, audio: { pcm: voiceover.speech.pcm, sampleRate: voiceover.speech.sampleRate }, settings: enc, fileName: `headless-${Date.now()}.mp4`, ...(job.lanes ? { lanes: job.lanes } : {}), ...(job.cpuCanvas !== undefined ? { cpuCanvas: job.cpuCanvas } : {}) },
    {
      onProgress: (p) => {
        const pct = Math.floor((100 * p.frame) / p.frames);
        if (pct >= lastPct + 10) {
          lastPct = pct;
          onProgress(`export: ${pct}%`);
        }
      },
    },
  );
  return {
    url: URL.createObjectURL(result.file),
    fileName: 'talkreel.mp4',
    bytes: result.file.size,
    width: enc.width,
    height: enc.height,
    duration: timeline.duration,
    voiceSeconds: voiceover.speech.duration,
    frames: result.frames,
    exportSeconds: result.seconds,
    lanes: result.lanes,
    setupSeconds: result.setupSeconds,
    audioSeconds: result.audioSeconds,
    renderSeconds: result.renderSeconds,
    encodeWaitSeconds: result.encodeWaitSeconds,
    finalizeSeconds: result.finalizeSeconds,
    scriptTitle: fitted.title,
    scriptText: fitted.segments.map((s) => s.text).join(' '),
    timeline,
  };
}

declare global {
  interface Window {
    talkreel: { render: typeof render; ready: true };
  }
}

window.talkreel = { render, ready: true };
