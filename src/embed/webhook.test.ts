import { describe, expect, it, vi } from 'vitest';
import { deliverWebhook } from './webhook.ts';

const answers = (...list: Array<number | Error>) => {
  const calls: RequestInit[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init!);
    const next = list.shift() ?? 200;
    if (next instanceof Error) throw next;
    return new Response('', { status: next });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
};

describe('webhook delivery', () => {
  it('POSTs the job as JSON once when it is accepted', async () => {
    const { fetch, calls } = answers(200);
    const r = await deliverWebhook('https://hooks.example/x', { id: 'job_1', status: 'video_generated' }, { fetch, deliveryId: 'job_1:video_generated', event: 'job.video_generated' });
    expect(r).toEqual({ ok: true, attempts: 1, status: 200 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'POST', mode: 'cors', credentials: 'omit', body: '{"id":"job_1","status":"video_generated"}' });
    expect(calls[0]!.headers).toEqual({ 'Content-Type': 'application/json', 'X-Talkreel-Delivery': 'job_1:video_generated', 'X-Talkreel-Event': 'job.video_generated' });
  });

  it('retries network errors and 5xx with backoff, at most 3 times', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number) => void sleeps.push(ms);
    const a = answers(new TypeError('Failed to fetch'), 503, 200);
    expect(await deliverWebhook('https://hooks.example/x', {}, { fetch: a.fetch, sleep, baseDelayMs: 100 })).toEqual({ ok: true, attempts: 3, status: 200 });
    expect(sleeps).toEqual([100, 200]);
    const b = answers(500, 500, 500, 500, 500);
    const r = await deliverWebhook('https://hooks.example/x', {}, { fetch: b.fetch, sleep });
    expect(r).toMatchObject({ ok: false, attempts: 4, status: 500 });
    expect(b.calls).toHaveLength(4);
  });

  it('does not retry an answer that will not change (4xx)', async () => {
    const { fetch, calls } = answers(404);
    expect(await deliverWebhook('https://hooks.example/x', {}, { fetch, sleep: async () => undefined })).toMatchObject({ ok: false, attempts: 1, status: 404 });
    expect(calls).toHaveLength(1);
  });

  it('says CORS may be why it failed', async () => {
    const { fetch } = answers(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const r = await deliverWebhook('https://hooks.example/x', {}, { fetch, sleep: async () => undefined, retries: 1 });
    expect(r.error).toMatch(/does not allow CORS/);
  });
});
