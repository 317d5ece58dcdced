import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { canTransition, fail, isFinal, JobStateError, newJob, NEXT_STATUS, transition, withProgress } from './jobs.ts';
import { JOB_STATUSES, JobInput, JobView, type JobStatus } from './protocol.ts';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
const input = (extra: Record<string, unknown> = {}) => v.parse(JobInput, { type: 'product_avatar', product: { name: 'Bottle' }, webhook_url: 'https://hooks.example/x', ...extra });

describe('job model', () => {
  it('a new job has every job-model field, is initializing, and validates as a JobView', () => {
    const job = newJob(input({ override_avatar: 'mei', image_prompt: 'blue' }), 'job_1', t(0), 'mei');
    expect(v.is(JobView, job)).toBe(true);
    expect(job).toMatchObject({
      id: 'job_1',
      type: 'product_avatar',
      product_url: null,
      aspect_ratio: '9x16',
      override_avatar: 'mei',
      product_showcase_url: null,
      image_prompt: 'blue',
      video_prompt: null,
      motion_style: 'talking',
      status: 'initializing',
      failed_reason: null,
      generated_photo_url: null,
      generated_video_url: null,
      created_at: '2026-01-01T12:00:00.000Z',
      updated_at: '2026-01-01T12:00:00.000Z',
      webhook_url: 'https://hooks.example/x',
      progress: 0,
      webhook_status: 'pending',
    });
  });

  it('product_anyshot ignores override_avatar', () => {
    const job = newJob(input({ type: 'product_anyshot', override_avatar: 'mei' }), 'job_2', t(0), 'mei');
    expect(job.override_avatar).toBeNull();
    expect(job.avatar).toBeNull();
  });
});

describe('state machine', () => {
  const happy: JobStatus[] = ['initializing', 'image_generating', 'image_generated', 'video_generating', 'video_generated'];

  it('moves forward one step at a time, or fails from any working status', () => {
    for (const from of JOB_STATUSES) {
      for (const to of JOB_STATUSES) {
        const i = happy.indexOf(from);
        const expected = !isFinal(from) && (to === 'failed' || (i >= 0 && happy[i + 1] === to));
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
    expect(NEXT_STATUS.video_generated).toEqual([]);
    expect(NEXT_STATUS.failed).toEqual([]);
  });

  it('runs the happy path with progress never going down, updated_at moving on', () => {
    let job = newJob(input(), 'job_1', t(0), 'ava');
    let s = 1;
    for (const to of happy.slice(1)) {
      const before = job.progress;
      job = transition(job, to, t(s++), { progress: s / 10 });
      expect(job.status).toBe(to);
      expect(job.progress).toBeGreaterThanOrEqual(before);
    }
    expect(job.progress).toBe(1);
    expect(job.eta_seconds).toBe(0);
    expect(job.updated_at).toBe(t(4).toISOString());
    expect(job.created_at).toBe(t(0).toISOString());
  });

  it('refuses skips, going back, and leaving a final status', () => {
    const job = newJob(input(), 'job_1', t(0), 'ava');
    expect(() => transition(job, 'video_generated', t(1))).toThrow(JobStateError);
    const gen = transition(job, 'image_generating', t(1));
    expect(() => transition(gen, 'initializing', t(2))).toThrow(/cannot go from image_generating to initializing/);
    const failed = fail(gen, 'cancelled', 'The job was cancelled.', t(3));
    expect(failed).toMatchObject({ status: 'failed', failed_code: 'cancelled', failed_reason: 'The job was cancelled.', eta_seconds: null });
    expect(() => fail(failed, 'internal', 'again', t(4))).toThrow(JobStateError);
    expect(() => transition(failed, 'image_generated', t(4))).toThrow(JobStateError);
  });

  it('progress steps only go up, and stop at a final status', () => {
    let job = newJob(input(), 'job_1', t(0), 'ava');
    job = withProgress(job, 0.3, 12.345, t(1));
    expect(job).toMatchObject({ progress: 0.3, eta_seconds: 12.3 });
    expect(withProgress(job, 0.2, 5, t(2)).progress).toBe(0.3);
    expect(withProgress(job, 0.3, 12.3, t(2))).toBe(job);
    expect(withProgress(job, 2, 1, t(2)).progress).toBeLessThan(1);
    const done = fail(job, 'internal', 'x', t(3));
    expect(withProgress(done, 0.9, 1, t(4))).toBe(done);
  });
});
