/**
 * Runs one export task: rebuilds voice and timeline from the project snapshot the task was
 * made from (so a task interrupted by a reload restarts with nothing but what IndexedDB
 * holds), encodes it in a worker, and keeps the video in My Assets.
 */
import { DEFAULT_CREATIVE_ID } from '../../compose/creatives/index.ts';
import { exportVideo, RenderError } from '../../compose/render-client.ts';
import { encodeSettings } from '../../encode/settings.ts';
import { keepExport } from '../../storage/assets.ts';
import { getMedia } from '../../storage/projects.ts';
import type { AssetRecord, TaskRecord } from '../../storage/schema.ts';
import { synthesize } from '../../voice/tts-client.ts';
import type { ExportResult } from '../../../workers/render/types.ts';
import { newId } from '../project-defaults.ts';
import { creativeForExport } from '../pipeline.ts';
import { projectVoiceover } from '../voice/voiceover.ts';
import { lipsyncNote, neuralForExport } from '../../lipsync/neural/export.ts';

export class TaskError extends Error {
  override name = 'TaskError';
  constructor(
    readonly code: 'no-script' | 'missing-media' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

export type TaskPhase = 'voice' | 'lipsync' | 'export' | 'saving';

export interface TaskHooks {
  signal: AbortSignal;
  /** `fraction` 0..1 of the export; `elapsed` seconds since encoding began. */
  onProgress: (phase: TaskPhase, fraction: number, elapsed: number) => void;
  /** The encoder the worker picked, as soon as it is known. */
  onEncoder?: (encoder: ExportResult['encoder'], reason: string) => void;
  /** Neural lip-sync: which backend runs, or why the built-in engine is used instead (a sentence). */
  onLipsync?: (note: string) => void;
}

/** A file name people recognise: product, creative, ratio and size. */
export function exportFileName(task: Pick<TaskRecord, 'project' | 'creativeId' | 'resolution'>): string {
  const clean = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  const name = clean(task.project.product.name.trim()).slice(0, 48) || 'talkreel';
  // The default creative keeps the plain name (product, ratio, size); others say which they are.
  const creative = task.creativeId && task.creativeId !== DEFAULT_CREATIVE_ID ? `-${clean(task.creativeId).slice(0, 24)}` : '';
  return `${name}${creative}-${task.project.settings.ratio.replace(':', 'x')}-${task.resolution}p.mp4`;
}

export async function runExportTask(task: TaskRecord, hooks: TaskHooks): Promise<{ asset: AssetRecord; result: ExportResult }> {
  const { signal } = hooks;
  const project = task.project;
  const segments = project.script.segments.filter((s) => s.text.trim());
  if (!segments.length) throw new TaskError('no-script', 'This project has no script to voice. Write or generate one in Create, then export again.');
  hooks.onProgress('voice', 0, 0);
  const images: Blob[] = [];
  for (const img of project.product.images.filter((i) => i.selected)) {
    const m = await getMedia(img.id);
    if (!m) throw new TaskError('missing-media', `The picture “${img.name}” was removed from the project after this export was queued. Export again from Create.`);
    images.push(m.blob);
  }
  const voiced = await projectVoiceover(project.settings, segments, synthesize, signal);
  signal.throwIfAborted();
  // The creative with the editor's changes, and the voice with its scene pauses, as previewed.
  const { timeline, voiceover } = creativeForExport(project, voiced, task.creativeId || undefined);
  const settings = encodeSettings(timeline.ratio, task.resolution, timeline.fps, task.quality ?? 'standard');
  const scratch = `${newId('exp')}.mp4`;
  // A photo or video avatar set to Neural: the model draws its mouths first (else the warp engine).
  const lipsyncStart = performance.now();
  const neural = await neuralForExport(timeline, voiceover.speech, settings.fps, {
    signal,
    onProgress: (p) => {
      // The note first: the progress call is what sends the live state to the screen.
      hooks.onLipsync?.(lipsyncNote(p));
      hooks.onProgress('lipsync', p.total ? p.done / p.total : 0, (performance.now() - lipsyncStart) / 1000);
    },
  });
  if (neural.report?.fallback) hooks.onLipsync?.(neural.report.fallback.message);
  hooks.onProgress('export', 0, 0);
  const result = await exportVideo(
    { timeline, images, audio: { pcm: voiceover.speech.pcm, sampleRate: voiceover.speech.sampleRate }, settings, fileName: scratch, encoder: task.encoder, ...(neural.faces ? { neural: neural.faces } : {}) },
    {
      signal,
      onProgress: (p) => {
        if (p.encoder) hooks.onEncoder?.(p.encoder, p.encoderReason ?? '');
        hooks.onProgress('export', p.frame / p.frames, p.elapsed);
      },
    },
  );
  hooks.onProgress('saving', 1, result.seconds);
  const { asset } = await keepExport(scratch, {
    id: newId('ast'),
    projectId: project.id,
    name: exportFileName(task),
    mime: 'video/mp4',
    width: settings.width,
    height: settings.height,
    duration: timeline.duration,
    size: result.file.size,
    createdAt: Date.now(),
  });
  return { asset, result };
}

export function isCancel(err: unknown): boolean {
  return (err instanceof RenderError && err.code === 'cancelled') || (err instanceof DOMException && err.name === 'AbortError') || (err instanceof TaskError && err.code === 'cancelled');
}
