/**
 * The product-to-video job model and its state machine (pure).
 *
 *   initializing → image_generating → image_generated → video_generating → video_generated
 *         └──────────────┴─────────────────┴──────────────────┴──→ failed
 *
 * A job moves forward one step at a time or fails; the two final statuses never change again,
 * and progress never goes down.
 */
import type { Ratio } from '../script/types.ts';
import type { AspectRatio, JobInputOut, JobStatus, JobView } from './protocol.ts';

export const NEXT_STATUS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  initializing: ['image_generating', 'failed'],
  image_generating: ['image_generated', 'failed'],
  image_generated: ['video_generating', 'failed'],
  video_generating: ['video_generated', 'failed'],
  video_generated: [],
  failed: [],
};

/** Why a job failed, for programs (the sentence for people is `failed_reason`). */
export type FailedCode =
  | 'cancelled'
  | 'bad_product_url'
  | 'product_url_unsupported'
  | 'invalid_product'
  | 'bad_image'
  | 'voice_failed'
  | 'render_failed'
  | 'storage'
  | 'internal';

export class JobStateError extends Error {
  override name = 'JobStateError';
  readonly code = 'illegal_transition';
}

export function isFinal(status: JobStatus): boolean {
  return status === 'video_generated' || status === 'failed';
}

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return NEXT_STATUS[from].includes(to);
}

export const RATIO_OF: Record<AspectRatio, Ratio> = { '9x16': '9:16', '16x9': '16:9', '1x1': '1:1' };

/** A new job record from validated input (status initializing, progress 0). */
export function newJob(input: JobInputOut, id: string, now: Date, avatar: string | null): JobView {
  const at = now.toISOString();
  return {
    id,
    type: input.type,
    product_url: input.product_url ?? null,
    aspect_ratio: input.aspect_ratio,
    override_avatar: input.type === 'product_avatar' ? (input.override_avatar ?? null) : null,
    product_showcase_url: input.product_showcase_url ?? null,
    image_prompt: input.image_prompt ?? null,
    video_prompt: input.video_prompt ?? null,
    motion_style: input.motion_style,
    status: 'initializing',
    failed_reason: null,
    generated_photo_url: null,
    generated_video_url: null,
    created_at: at,
    updated_at: at,
    webhook_url: input.webhook_url ?? null,
    progress: 0,
    eta_seconds: null,
    failed_code: null,
    avatar: input.type === 'product_avatar' ? avatar : null,
    product_name: input.product?.name ?? null,
    duration: input.duration,
    language: input.language,
    resolution: input.resolution,
    video_seconds: null,
    webhook_status: input.webhook_url ? 'pending' : 'none',
  };
}

/** The job moved to `to` (one step forward, or failed), with `patch` applied. Throws if illegal. */
export function transition(job: JobView, to: JobStatus, now: Date, patch: Partial<Omit<JobView, 'id' | 'status' | 'created_at'>> = {}): JobView {
  if (!canTransition(job.status, to)) throw new JobStateError(`A job cannot go from ${job.status} to ${to}.`);
  const next: JobView = { ...job, ...patch, status: to, updated_at: now.toISOString() };
  next.progress = Math.max(job.progress, Math.min(1, Math.max(0, patch.progress ?? job.progress)));
  if (to === 'video_generated') {
    next.progress = 1;
    next.eta_seconds = 0;
  }
  if (to === 'failed') next.eta_seconds = null;
  return next;
}

export function fail(job: JobView, code: FailedCode, reason: string, now: Date): JobView {
  return transition(job, 'failed', now, { failed_code: code, failed_reason: reason });
}

/**
 * A progress step within the current status. Progress only goes up; a final job does not move.
 * Returns the same object when nothing changed.
 */
export function withProgress(job: JobView, progress: number, etaSeconds: number | null, now: Date): JobView {
  if (isFinal(job.status)) return job;
  const p = Math.max(job.progress, Math.min(0.999, Math.max(0, progress)));
  const eta = etaSeconds === null ? null : Math.max(0, Math.round(etaSeconds * 10) / 10);
  if (p === job.progress && eta === job.eta_seconds) return job;
  return { ...job, progress: p, eta_seconds: eta, updated_at: now.toISOString() };
}
