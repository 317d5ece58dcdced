/** The widget's JobRunner: the app's job runner (src/app/jobs/runner.ts) and preview still. */
import { composeStill } from '../app/jobs/still.ts';
import { exportCreative, prepareCreative, type Creative } from '../app/jobs/runner.ts';
import { adoptEmbedExport } from '../storage/exports.ts';
import { jobVoiceId } from './job-voice.ts';
import type { JobRunner, RunRequest } from './manager.ts';

export const browserRunner: JobRunner<Creative> = {
  prepare(req: RunRequest, signal: AbortSignal): Promise<Creative> {
    return prepareCreative(
      {
        product: req.product,
        images: req.images,
        ratio: req.ratio,
        duration: req.duration,
        language: req.language,
        resolution: req.resolution,
        presenter: req.presenter,
        ...(req.presenterId ? { presenterId: req.presenterId } : {}),
        voiceId: jobVoiceId(req),
        ...(req.style.voiceRate ? { voiceRate: req.style.voiceRate } : {}),
        ...(req.script ? { script: req.script } : {}),
        ...(req.style.scriptStyle ? { scriptStyle: req.style.scriptStyle } : {}),
        sceneStyle: req.sceneStyle,
        ...(req.motionStyle ? { motionStyle: req.motionStyle } : {}),
        ...(req.style.theme ? { theme: req.style.theme } : {}),
      },
      { signal },
    );
  },

  still(c: Creative, req: RunRequest): Promise<Blob> {
    return composeStill(c.timeline, c.images, req.resolution);
  },

  async export(c: Creative, req: RunRequest, o) {
    const { result } = await exportCreative(c, { resolution: req.resolution, fileName: o.fileName, signal: o.signal, onProgress: o.onProgress });
    // Out of exports/, where the app collects abandoned files; the widget page keeps it.
    const file = await adoptEmbedExport(o.fileName).catch(() => result.file);
    return { file, frames: result.frames, seconds: result.seconds, videoSeconds: c.timeline.duration };
  },
};
