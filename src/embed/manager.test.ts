import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { classify, JobManager, type JobRunner, type RunRequest } from './manager.ts';
import { JobInput, type JobInputIn, type JobView } from './protocol.ts';
import { LOOKS } from './test-fixtures.test-data.ts';
import type { WebhookResult } from './webhook.ts';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
    });
  });
}

interface Fake {
  runner: JobRunner<RunRequest>;
  requests: RunRequest[];
  log: string[];
}

function fakeRunner(o: { prepareMs?: number; exportMs?: number; fail?: unknown } = {}): Fake {
  const requests: RunRequest[] = [];
  const log: string[] = [];
  return {
    requests,
    log,
    runner: {
      async prepare(req, signal) {
        requests.push(req);
        log.push(`prepare ${req.product.name}`);
        await sleep(o.prepareMs ?? 30, signal);
        if (o.fail) throw o.fail;
        return req;
      },
      async still() {
        return new Blob([JPEG], { type: 'image/jpeg' });
      },
      async export(c, _req, e) {
        for (let i = 1; i <= 10; i++) {
          await sleep((o.exportMs ?? 50) / 10, e.signal);
          e.onProgress({ frame: i * 45, frames: 450 });
        }
        log.push(`export ${c.product.name}`);
        return { file: new Blob(['mp4'], { type: 'video/mp4' }), frames: 450, seconds: 2, videoSeconds: 15.2 };
      },
    },
  };
}

type FetchMap = Record<string, (init?: RequestInit) => Response | Promise<Response>>;
const fakeFetch = (map: FetchMap) =>
  vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const f = map[String(url)];
    if (!f) throw new TypeError('Failed to fetch');
    return f(init);
  }) as unknown as typeof fetch;

function setup(o: { runner?: Fake; fetch?: FetchMap; parsePage?: ConstructorParameters<typeof JobManager>[0]['parsePage']; webhook?: (url: string, body: unknown) => Promise<WebhookResult>; fetchTimeoutMs?: number } = {}) {
  const fake = o.runner ?? fakeRunner();
  const hooks: Array<{ url: string; body: JobView }> = [];
  let n = 0;
  const m = new JobManager<RunRequest>({
    runner: fake.runner,
    looks: LOOKS,
    fetch: fakeFetch(o.fetch ?? {}),
    parsePage: o.parsePage ?? null,
    newId: () => `job_${++n}`,
    objectUrl: (b) => `blob:test/${b.type}/${n}`,
    revokeUrl: () => undefined,
    webhook: async (url, body) => {
      hooks.push({ url, body: body as JobView });
      return o.webhook ? o.webhook(url, body) : { ok: true, attempts: 1, status: 200 };
    },
    tickMs: 5,
    ...(o.fetchTimeoutMs ? { fetchTimeoutMs: o.fetchTimeoutMs } : {}),
  });
  const events: Array<{ job: JobView; requestId: string | undefined }> = [];
  m.onJob((job, requestId) => events.push({ job, requestId }));
  return { m, fake, hooks, events };
}

const product = (extra: Record<string, unknown> = {}) => ({ name: 'Aurora Bottle', description: 'Keeps drinks cold for 24 hours.', images: [new Blob([JPEG]), new Blob([JPEG])], ...extra });
const input = (job: Partial<JobInputIn> & Record<string, unknown>) => v.parse(JobInput, { type: 'product_avatar', product: product(), ...job });

function statuses(events: Array<{ job: JobView }>, id: string): string[] {
  return events.filter((e) => e.job.id === id).map((e) => e.job.status).filter((s, i, a) => i === 0 || a[i - 1] !== s);
}

describe('JobManager', () => {
  it('runs a product_avatar job through every status, in order, with rising progress', async () => {
    const { m, events, hooks, fake } = setup();
    const job = m.create(input({ override_avatar: 'mei', webhook_url: 'https://hooks.example/t', aspect_ratio: '16x9', duration: 15 }), 'req-1');
    expect(job.status).toBe('initializing');
    expect(job.eta_seconds).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ requestId: 'req-1', job: { id: job.id, status: 'initializing' } });
    await m.idle();
    expect(statuses(events, job.id)).toEqual(['initializing', 'image_generating', 'image_generated', 'video_generating', 'video_generated']);
    const mine = events.filter((e) => e.job.id === job.id).map((e) => e.job);
    for (let i = 1; i < mine.length; i++) {
      expect(mine[i]!.progress).toBeGreaterThanOrEqual(mine[i - 1]!.progress);
      if (mine[i]!.status !== mine[i - 1]!.status) expect(mine[i]!.progress).toBeGreaterThan(mine[i - 1]!.progress);
      expect(mine[i]!.eta_seconds).not.toBeNull();
    }
    // Only the creation event answers the request.
    expect(events.filter((e) => e.requestId).length).toBe(1);
    const done = m.get(job.id)!;
    expect(done).toMatchObject({ status: 'video_generated', progress: 1, eta_seconds: 0, avatar: 'mei', video_seconds: 15.2, product_name: 'Aurora Bottle', webhook_status: 'delivered' });
    expect(done.generated_photo_url).toMatch(/^blob:test\/image\/jpeg/);
    expect(done.generated_video_url).toMatch(/^blob:test\/video\/mp4/);
    expect(m.photo(job.id)?.type).toBe('image/jpeg');
    expect(m.video(job.id)?.type).toBe('video/mp4');
    expect(fake.requests[0]).toMatchObject({ ratio: '16:9', duration: 15, presenter: true, presenterId: 'mei', voiceGender: 'female', sceneStyle: 'talking' });
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.body).toMatchObject({ id: job.id, status: 'video_generated' });
  });

  it('product_anyshot: no presenter, override ignored, voice from the prompt', async () => {
    const { m, fake } = setup();
    const job = m.create(input({ type: 'product_anyshot', override_avatar: 'mei', video_prompt: 'close-up product shots, male voice, fast' }));
    expect(job.avatar).toBeNull();
    expect(job.override_avatar).toBeNull();
    await m.idle();
    expect(m.get(job.id)!.status).toBe('video_generated');
    expect(fake.requests[0]).toMatchObject({ presenter: false, voiceGender: 'male', sceneStyle: 'display', style: { pace: 'fast' } });
    expect(fake.requests[0]!.presenterId).toBeUndefined();
  });

  it('picks the best-matching avatar when none is named, and checks named ones', () => {
    const { m } = setup();
    expect(m.create(input({ image_prompt: 'a bearded man in a cozy knit sweater' })).avatar).toBe('marcus');
    expect(m.create(input({ image_prompt: 'a woman with glasses, professional' })).avatar).toBe('mei');
    expect(m.avatarProblem(input({ override_avatar: 'nobody' }))).toMatch(/No avatar "nobody"/);
    expect(m.avatarProblem(input({ override_avatar: 'ava' }))).toBeNull();
    expect(m.avatarProblem(input({ type: 'product_anyshot', override_avatar: 'nobody' }))).toBeNull();
  });

  it('motion_style display shows the product in presenter scenes', async () => {
    const { m, fake } = setup();
    m.create(input({ motion_style: 'display' }));
    await m.idle();
    expect(fake.requests[0]!.sceneStyle).toBe('display');
  });

  it('a product URL that cannot be fetched fails the job with the reason, and one webhook', async () => {
    const { m, events, hooks } = setup({ fetch: { 'https://shop.example/p/404': () => new Response('nope', { status: 404 }) } });
    const bad = m.create(input({ product: undefined, product_url: 'https://shop.example/p/404', webhook_url: 'https://hooks.example/t' }));
    const blocked = m.create(input({ product: undefined, product_url: 'https://shop.example/p/cors' }));
    await m.idle();
    expect(statuses(events, bad.id)).toEqual(['initializing', 'failed']);
    expect(m.get(bad.id)).toMatchObject({ status: 'failed', failed_code: 'bad_product_url', eta_seconds: null });
    expect(m.get(bad.id)!.failed_reason).toBe('The product page at https://shop.example/p/404 could not be fetched: the server answered HTTP 404.');
    expect(m.get(blocked.id)!.failed_reason).toMatch(/CORS/);
    expect(hooks.map((h) => [h.body.id, h.body.status])).toEqual([[bad.id, 'failed']]);
  });

  it('a product URL that answers too slowly times out', async () => {
    const { m } = setup({ fetch: { 'https://slow.example/p': (init) => sleep(1000, init?.signal ?? undefined).then(() => new Response('late')) }, fetchTimeoutMs: 50 });
    const job = m.create(input({ product: undefined, product_url: 'https://slow.example/p' }));
    await m.idle();
    expect(m.get(job.id)!.failed_reason).toMatch(/did not answer within 0 s/);
  }, 5000);

  it('without a page parser a fetched product_url is refused clearly; with one it is used', async () => {
    const page = () => new Response('<html><h1>Kettle</h1></html>', { headers: { 'content-type': 'text/html' } });
    const img = () => new Response(new Blob([JPEG], { type: 'image/jpeg' }));
    const a = setup({ fetch: { 'https://shop.example/kettle': page } });
    const j1 = a.m.create(input({ product: undefined, product_url: 'https://shop.example/kettle' }));
    await a.m.idle();
    expect(a.m.get(j1.id)).toMatchObject({ status: 'failed', failed_code: 'product_url_unsupported' });
    expect(a.m.get(j1.id)!.failed_reason).toMatch(/send the product's name, description and images as "product"/i);

    const parse = vi.fn(async (page: { bytes: Uint8Array; contentType: string | null; url: string }) => {
      expect(new TextDecoder().decode(page.bytes)).toBe('<html><h1>Kettle</h1></html>');
      expect(page.contentType).toBe('text/html');
      return { name: 'Pour-Over Kettle', description: 'Gooseneck.', images: ['https://cdn.example/k1.jpg', 'https://cdn.example/k2.jpg'] };
    });
    const b = setup({ parsePage: parse, fetch: { 'https://shop.example/kettle': page, 'https://cdn.example/k1.jpg': img, 'https://cdn.example/k2.jpg': img } });
    expect(b.m.canParsePages).toBe(true);
    const j2 = b.m.create(input({ product: undefined, product_url: 'https://shop.example/kettle' }));
    await b.m.idle();
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0]![0].url).toBe('https://shop.example/kettle');
    expect(b.m.get(j2.id)).toMatchObject({ status: 'video_generated', product_name: 'Pour-Over Kettle' });
    expect(b.fake.requests[0]!.images).toHaveLength(2);

    const c = setup({ parsePage: async () => null, fetch: { 'https://shop.example/kettle': page } });
    const j3 = c.m.create(input({ product: undefined, product_url: 'https://shop.example/kettle' }));
    await c.m.idle();
    expect(c.m.get(j3.id)).toMatchObject({ status: 'failed', failed_code: 'bad_product_url' });
    expect(c.m.get(j3.id)!.failed_reason).toMatch(/^No product was found on the page/);
  });

  it('the showcase image comes first; an image that cannot be fetched fails the job', async () => {
    const img = () => new Response(new Blob([JPEG], { type: 'image/jpeg' }));
    const { m, fake } = setup({ fetch: { 'https://cdn.example/show.jpg': img } });
    const ok = m.create(input({ product_showcase_url: 'https://cdn.example/show.jpg' }));
    const bad = m.create(input({ product: product({ images: ['https://cdn.example/missing.jpg'] }) }));
    const none = m.create(input({ product: { name: 'No pictures' } }));
    await m.idle();
    expect(m.get(ok.id)!.status).toBe('video_generated');
    expect(fake.requests[0]!.images).toHaveLength(3);
    expect(m.get(bad.id)).toMatchObject({ status: 'failed', failed_code: 'bad_image' });
    expect(m.get(none.id)).toMatchObject({ status: 'failed', failed_code: 'invalid_product' });
  });

  it('cancel: a running job fails at once as cancelled, then stays put; one webhook', async () => {
    const { m, events, hooks } = setup({ runner: fakeRunner({ prepareMs: 200 }) });
    const job = m.create(input({ webhook_url: 'https://hooks.example/t' }));
    await sleep(40);
    expect(m.get(job.id)!.status).toBe('image_generating');
    const cancelled = m.cancel(job.id, 'req-c')!;
    expect(cancelled).toMatchObject({ status: 'failed', failed_code: 'cancelled', failed_reason: 'The job was cancelled.' });
    expect(events[events.length - 1]).toMatchObject({ requestId: 'req-c', job: { status: 'failed' } });
    const count = events.length;
    await m.idle();
    expect(events.length).toBe(count);
    expect(m.cancel(job.id)!.status).toBe('failed');
    await sleep(5);
    expect(hooks.map((h) => h.body.status)).toEqual(['failed']);
  });

  it('runs one job at a time; a queued job counts the one ahead in its time left, and can be cancelled before it starts', async () => {
    const { m, fake } = setup({ runner: fakeRunner({ prepareMs: 60 }) });
    const a = m.create(input({ product: product({ name: 'First' }) }));
    const b = m.create(input({ product: product({ name: 'Second' }) }));
    const c = m.create(input({ product: product({ name: 'Third' }) }));
    expect(b.eta_seconds!).toBeGreaterThan(a.eta_seconds!);
    m.cancel(c.id);
    await m.idle();
    expect(fake.log).toEqual(['prepare First', 'export First', 'prepare Second', 'export Second']);
    expect(m.get(c.id)).toMatchObject({ status: 'failed', failed_code: 'cancelled' });
    expect(m.list().map((j) => j.id)).toEqual([a.id, b.id, c.id]);
  });

  it('pipeline errors become failed_code + failed_reason', async () => {
    const { m } = setup({ runner: fakeRunner({ fail: Object.assign(new Error('“image 1” is not a PNG or JPEG image.'), { name: 'MediaError' }) }) });
    const job = m.create(input({}));
    await m.idle();
    expect(m.get(job.id)).toMatchObject({ failed_code: 'bad_image', failed_reason: 'A product image was refused: “image 1” is not a PNG or JPEG image.' });
    expect(classify(Object.assign(new Error('x'), { name: 'TtsError', code: 'synthesis-failed' }), false).code).toBe('voice_failed');
    expect(classify(Object.assign(new Error('x'), { name: 'RenderError', code: 'storage' }), false).code).toBe('storage');
    expect(classify(Object.assign(new Error('x'), { name: 'RenderError', code: 'encoder' }), false).code).toBe('render_failed');
    expect(classify(new Error('boom'), false)).toEqual({ code: 'internal', reason: 'Something went wrong while making the video: boom' });
    expect(classify(new Error('boom'), true).code).toBe('cancelled');
  });

  it('a webhook that fails is reported once, and marked on the job', async () => {
    const { m, hooks } = setup({ webhook: async () => ({ ok: false, attempts: 4, error: 'HTTP 500' }) });
    const reports: Array<[string, WebhookResult]> = [];
    m.onWebhook((job, r) => reports.push([job.id, r]));
    const job = m.create(input({ webhook_url: 'https://hooks.example/t' }));
    await m.idle();
    await sleep(5);
    expect(hooks).toHaveLength(1);
    expect(reports).toEqual([[job.id, { ok: false, attempts: 4, error: 'HTTP 500' }]]);
    expect(m.get(job.id)!.webhook_status).toBe('failed');
  });
});
