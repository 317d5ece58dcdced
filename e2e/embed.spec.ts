/**
 * The embed widget and its job API, driven from a host page on another origin (a second
 * server, another port) through the host SDK, with a local webhook receiver.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BridgeStats } from '../src/embed/bridge.ts';
import type { Capabilities, JobView } from '../src/embed/protocol.ts';
import { serveStatic, type StaticServer } from '../scripts/lib/static.ts';
import { ffprobe } from './media.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.TALKREEL_DIST ?? 'dist';
/** The host page's and the webhook's ports: the test deployment lists exactly these (e2e/talkreel.config.json). */
const HOST_PORT = 4390;
const WEBHOOK_PORT = 4393;
const ORDER = ['initializing', 'image_generating', 'image_generated', 'video_generating', 'video_generated'];

interface Delivery {
  jobId: string;
  status: string;
  delivery: string | undefined;
  origin: string | undefined;
}

let host: StaticServer;
let evil: StaticServer;
let webhook: { url: string; deliveries: Delivery[]; server: Server };

/** A webhook receiver that allows CORS (the widget POSTs from the browser) and counts POSTs. */
async function startWebhook(): Promise<typeof webhook> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', 'content-type, x-talkreel-delivery, x-talkreel-event');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (req.method !== 'POST') return void res.writeHead(405).end();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const job = JSON.parse(body) as JobView;
      deliveries.push({ jobId: job.id, status: job.status, delivery: req.headers['x-talkreel-delivery'] as string | undefined, origin: req.headers.origin });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  // A site the deployer listed for widget jobs (e2e/talkreel.config.json, embed.fetchOrigins).
  await new Promise<void>((ok) => server.listen(WEBHOOK_PORT, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/talkreel`, deliveries, server };
}

test.beforeAll(async () => {
  // The SDK is its own bundle beside the app's build (npm run build makes both).
  if (!existsSync(`${root}/${DIST}/sdk/talkreel-sdk.js`) && !existsSync(`${DIST}/sdk/talkreel-sdk.js`)) {
    execFileSync(process.execPath, [`${root}/node_modules/vite/bin/vite.js`, 'build', '-c', 'vite.sdk.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, TALKREEL_DIST: DIST } });
  }
  const sdkDir = DIST.startsWith('/') ? `${DIST}/sdk` : `${root}/${DIST}/sdk`;
  host = await serveStatic(
    [
      { prefix: '/sdk/', dir: sdkDir },
      { prefix: '/', dir: `${root}/examples` },
    ],
    {
      port: HOST_PORT,
      // A shop's product page, as most shops mark it up (JSON-LD), for product_url jobs.
      handle: (req, res) => {
        if (req.url !== '/shop/aurora') return false;
        const product = {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: 'Aurora Insulated Bottle',
          description: 'A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12. The leak-proof cap has a carry loop.',
          brand: { '@type': 'Brand', name: 'Northwind' },
          image: ['/bottle-hero.jpg', '/bottle-colours.jpg', '/bottle-outdoors.jpg'],
          offers: { '@type': 'Offer', price: '34.00', priceCurrency: 'USD' },
        };
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head><title>Aurora Insulated Bottle — Northwind</title><script type="application/ld+json">${JSON.stringify(product)}</script></head><body><h1>Aurora Insulated Bottle</h1></body></html>`);
        return true;
      },
    },
  );
  // Another origin again: a page that tries to drive the widget from a frame beside it.
  evil = await serveStatic([], {
    handle: (req, res) => {
      if (!req.url?.startsWith('/evil.html')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<script>
        parent.frames[0].postMessage({ protocol: 'talkreel/1', type: 'hello' }, '*');
        parent.frames[0].postMessage({ protocol: 'talkreel/1', type: 'list_jobs', request_id: 'evil' }, '*');
        document.title = 'sent';
      </script>`);
      return true;
    },
  });
  webhook = await startWebhook();
});

test.afterAll(async () => {
  await host?.close();
  await evil?.close();
  await new Promise<void>((ok) => (webhook?.server ? webhook.server.close(() => ok()) : ok()));
});

function widgetUrl(baseURL: string | undefined): string {
  return `${baseURL}/embed.html`;
}

async function openHost(page: Page, baseURL: string | undefined): Promise<{ ready: { version: string; capabilities: Capabilities; channel: string }; frame: Frame }> {
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page] ${m.text()}`);
  });
  await page.goto(`${host.url}/host/index.html?widget=${encodeURIComponent(widgetUrl(baseURL))}`);
  const ready = await page.evaluate(() => (window as unknown as HostWindow).talkreelHost.client.ready);
  const frame = page.frames().find((f) => f.url().includes('/embed.html'))!;
  expect(frame).toBeTruthy();
  return { ready, frame };
}

interface EmbedWindow {
  talkreelEmbed: { stats: BridgeStats };
}

interface HostWindow {
  talkreelHost: {
    client: import('../src/embed/sdk.ts').TalkreelClient;
    events: JobView[];
    product: () => Promise<{ name: string; description: string; price: string; brand: string; images: Blob[] }>;
  };
}

/** Creates a job from the host page and waits for its end; returns every event it got. */
async function runJob(page: Page, job: Record<string, unknown>, withProduct: boolean): Promise<{ job: JobView; events: JobView[]; ms: Record<string, number> }> {
  return page.evaluate(
    async ({ job, withProduct }) => {
      const h = (window as unknown as HostWindow).talkreelHost;
      const t0 = performance.now();
      const ms: Record<string, number> = {};
      const product = withProduct ? await h.product() : undefined;
      const created = await h.client.createJob({ ...job, ...(product ? { product } : {}) } as never);
      const events: JobView[] = [];
      const done = await h.client.waitForJob(created.id, (j) => {
        events.push(j);
        ms[j.status] ??= Math.round(performance.now() - t0);
      });
      // The creation event came before waitForJob subscribed.
      return { job: done, events: [created, ...events.filter((e) => e !== created)], ms };
    },
    { job, withProduct },
  );
}

function expectOrderedStatuses(events: JobView[], expected: string[]): void {
  const statuses = events.map((e) => e.status).filter((s, i, a) => i === 0 || a[i - 1] !== s);
  expect(statuses).toEqual(expected);
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.progress).toBeGreaterThanOrEqual(events[i - 1]!.progress);
    if (events[i]!.status !== events[i - 1]!.status && events[i]!.status !== 'failed') expect(events[i]!.progress).toBeGreaterThan(events[i - 1]!.progress);
    expect(Date.parse(events[i]!.updated_at)).toBeGreaterThanOrEqual(Date.parse(events[i - 1]!.updated_at));
  }
  for (const e of events) {
    expect(e.progress).toBeGreaterThanOrEqual(0);
    expect(e.progress).toBeLessThanOrEqual(1);
    if (e.status !== 'failed') expect(typeof e.eta_seconds).toBe('number');
    expect(e.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
}

async function webhookCount(jobId: string): Promise<Delivery[]> {
  // Delivery is asynchronous: wait for it, then a moment more to catch any duplicate.
  await expect.poll(() => webhook.deliveries.filter((d) => d.jobId === jobId).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await new Promise((r) => setTimeout(r, 1500));
  return webhook.deliveries.filter((d) => d.jobId === jobId);
}

async function saveVideo(page: Page, jobId: string, file: string): Promise<void> {
  const b64 = await page.evaluate(async (id) => {
    const { bytes, mime } = await (window as unknown as HostWindow).talkreelHost.client.getVideo(id);
    if (mime !== 'video/mp4') throw new Error(`mime ${mime}`);
    let s = '';
    const u8 = new Uint8Array(bytes);
    for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
    return btoa(s);
  }, jobId);
  writeFileSync(file, Buffer.from(b64, 'base64'));
}

test('handshake, then a product_avatar job from product data: every status in order, MP4 bytes, one webhook', async ({ page, baseURL }, testInfo) => {
  const { ready, frame } = await openHost(page, baseURL);
  expect(ready.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(ready.channel).toBe('port');
  // A third-party iframe is not cross-origin isolated: the widget says so and works anyway.
  expect(ready.capabilities.cross_origin_isolated).toBe(false);
  expect(ready.capabilities.single_threaded).toBe(true);
  expect(ready.capabilities.job_types).toEqual(['product_anyshot', 'product_avatar']);
  expect(await frame.evaluate(() => window.crossOriginIsolated)).toBe(false);

  const t0 = Date.now();
  const { job, events, ms } = await runJob(page, { type: 'product_avatar', aspect_ratio: '9x16', duration: 15, resolution: 720, override_avatar: 'marcus', webhook_url: webhook.url, image_prompt: 'cool ocean blue palette', video_prompt: 'upbeat and energetic' }, true);
  console.log('avatar job: ms at each status', JSON.stringify(ms), 'total', Date.now() - t0, 'events', events.length);
  testInfo.annotations.push({ type: 'status-ms', description: JSON.stringify(ms) });
  expectOrderedStatuses(events, ORDER);
  expect(events.length).toBeGreaterThan(8);
  expect(job).toMatchObject({ status: 'video_generated', type: 'product_avatar', avatar: 'marcus', aspect_ratio: '9x16', progress: 1, failed_reason: null, webhook_url: webhook.url });
  expect(job.generated_photo_url).toMatch(/^blob:/);
  expect(job.generated_video_url).toMatch(/^blob:/);

  // The preview image: a real frame, JPEG at the output size.
  const photo = await page.evaluate(async (id) => {
    const { bytes, mime } = await (window as unknown as HostWindow).talkreelHost.client.getPhoto(id);
    const bmp = await createImageBitmap(new Blob([bytes], { type: mime }));
    return { mime, size: bytes.byteLength, w: bmp.width, h: bmp.height };
  }, job.id);
  expect(photo).toMatchObject({ mime: 'image/jpeg', w: 720, h: 1280 });
  expect(photo.size).toBeGreaterThan(20_000);

  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = testInfo.outputPath('avatar-job.mp4');
  await saveVideo(page, job.id, file);
  const probe = ffprobe(file);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
  expect(probe.streams.find((s) => s.codec_type === 'audio')!.codec_name).toBe('aac');
  expect(Math.abs(Number(probe.format.duration) - job.video_seconds!)).toBeLessThan(0.5);
  expect(Number(probe.format.duration)).toBeGreaterThan(11);

  const hooks = await webhookCount(job.id);
  expect(hooks).toHaveLength(1);
  expect(hooks[0]).toMatchObject({ status: 'video_generated', delivery: `${job.id}:video_generated`, origin: new URL(baseURL!).origin });

  // The widget shows the finished video too.
  const widget = page.frameLocator('#talkreel iframe');
  await expect(widget.getByTestId('w-video')).toBeVisible();
  await expect(widget.getByTestId('w-status')).toHaveText('Ready');
  await page.screenshot({ path: testInfo.outputPath('embed-host-avatar.png'), fullPage: true });
});

test('a product_anyshot job (image URLs, showcase URL, override ignored); product_url jobs: read from the page, or failing with the reason', async ({ page, baseURL }, testInfo) => {
  const { ready } = await openHost(page, baseURL);
  const images = [`${host.url}/bottle-colours.jpg`, `${host.url}/bottle-outdoors.jpg`];
  const { job, events, ms } = await runJob(
    page,
    {
      type: 'product_anyshot',
      aspect_ratio: '1x1',
      duration: 15,
      resolution: 720,
      override_avatar: 'marcus',
      product_showcase_url: `${host.url}/bottle-hero.jpg`,
      motion_style: 'display',
      webhook_url: webhook.url,
      product: { name: 'Aurora Insulated Bottle', description: 'Keeps drinks cold for 24 hours and hot for 12. Leak-proof cap.', price: '$34', images },
    },
    false,
  );
  console.log('anyshot job: ms at each status', JSON.stringify(ms));
  expectOrderedStatuses(events, ORDER);
  expect(job).toMatchObject({ status: 'video_generated', type: 'product_anyshot', avatar: null, override_avatar: null });
  const file = testInfo.outputPath('anyshot-job.mp4');
  mkdirSync(testInfo.outputDir, { recursive: true });
  await saveVideo(page, job.id, file);
  expect(ffprobe(file).streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 720 });
  expect((await webhookCount(job.id)).map((d) => d.status)).toEqual(['video_generated']);
  await expect(page.frameLocator('#talkreel iframe').getByTestId('w-video')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('embed-host-anyshot.png'), fullPage: true });

  // A product URL that cannot be fetched: the job fails, saying why.
  const bad = await runJob(page, { type: 'product_avatar', product_url: `${host.url}/no-such-shop/product/123`, webhook_url: webhook.url }, false);
  expectOrderedStatuses(bad.events, ['initializing', 'failed']);
  expect(bad.job).toMatchObject({ status: 'failed', failed_code: 'bad_product_url' });
  expect(bad.job.failed_reason).toContain('HTTP 404');
  expect((await webhookCount(bad.job.id)).map((d) => d.status)).toEqual(['failed']);

  // A product page that can be fetched (CORS allowed): read by the product parsers when present.
  const fromPage = await runJob(page, { type: 'product_avatar', product_url: `${host.url}/shop/aurora`, duration: 15, resolution: 720, webhook_url: webhook.url }, false);
  if (ready.capabilities.product_url.parse) {
    console.log('product_url job: ms at each status', JSON.stringify(fromPage.ms));
    expectOrderedStatuses(fromPage.events, ORDER);
    expect(fromPage.job).toMatchObject({ status: 'video_generated', product_name: 'Aurora Insulated Bottle', product_url: `${host.url}/shop/aurora` });
  } else {
    expect(fromPage.job).toMatchObject({ status: 'failed', failed_code: 'product_url_unsupported' });
    expect(fromPage.job.failed_reason).toMatch(/send the product's name, description and images/i);
  }
  expect((await webhookCount(fromPage.job.id))).toHaveLength(1);
  // A page with no product on it.
  const empty = await runJob(page, { type: 'product_avatar', product_url: `${host.url}/host/host.css` }, false);
  expect(empty.job).toMatchObject({ status: 'failed' });
  expect(empty.job.failed_reason).toMatch(/product/i);
  await expect(page.frameLocator('#talkreel iframe').getByTestId('w-failed')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('embed-host-failed.png'), fullPage: true });
});

test('the widget UI makes a video by hand (same job runner), and the host page hears of it', async ({ page, baseURL }, testInfo) => {
  await openHost(page, baseURL);
  const w = page.frameLocator('#talkreel iframe');
  await w.getByTestId('w-generate').click();
  await expect(w.getByText('Give the product a name.')).toBeVisible();
  await expect(w.getByText(/Add at least one product image/)).toBeVisible();
  await w.getByTestId('w-name').fill('Aurora Insulated Bottle');
  await w.getByTestId('w-description').fill('A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12.');
  await w.getByTestId('w-price').fill('$34');
  const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
  await w.getByTestId('w-images').setInputFiles([example('bottle-hero.jpg'), example('bottle-outdoors.jpg')]);
  await expect(w.getByTestId('w-thumb')).toHaveCount(2);
  await w.getByRole('radio', { name: /1:1/ }).click();
  await w.getByRole('radio', { name: '720p' }).click();
  await w.getByTestId('w-presenter-ava').click();
  await w.getByTestId('w-generate').click();
  await expect(w.getByTestId('w-photo')).toBeVisible({ timeout: 60_000 });
  await expect(w.getByTestId('w-progress')).toBeVisible();
  mkdirSync(testInfo.outputDir, { recursive: true });
  await page.screenshot({ path: testInfo.outputPath('embed-widget-progress.png'), fullPage: true });
  await expect(w.getByTestId('w-video')).toBeVisible({ timeout: 120_000 });
  const statuses = await page.evaluate(() => [...new Set((window as unknown as HostWindow).talkreelHost.events.map((e) => e.status))]);
  expect(statuses).toEqual(ORDER);
  const [download] = await Promise.all([page.waitForEvent('download'), w.getByTestId('w-download').click()]);
  expect(download.suggestedFilename()).toBe('Aurora-Insulated-Bottle-1x1.mp4');
  const file = testInfo.outputPath('widget-ui.mp4');
  await download.saveAs(file);
  expect(ffprobe(file).streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 720 });
  await page.screenshot({ path: testInfo.outputPath('embed-widget-done.png'), fullPage: true });
});

test('a cancelled job ends as failed/cancelled, once, and the widget goes on working', async ({ page, baseURL }) => {
  await openHost(page, baseURL);
  const result = await page.evaluate(async (hook) => {
    const h = (window as unknown as HostWindow).talkreelHost;
    const product = await h.product();
    // Listen before creating: the first status events can arrive before createJob resolves.
    const all: JobView[] = [];
    let wake = () => {};
    const off = h.client.onJob((j) => {
      all.push(j);
      wake();
    });
    const created = await h.client.createJob({ type: 'product_avatar', duration: 15, resolution: 720, product, webhook_url: hook });
    const mine = () => all.filter((e) => e.id === created.id);
    // Cancel once the voice is being made.
    while (!mine().some((e) => e.status === 'image_generating')) await new Promise<void>((ok) => (wake = ok));
    const cancelled = await h.client.cancelJob(created.id);
    await new Promise((r) => setTimeout(r, 2500));
    off();
    const again = await h.client.cancelJob(created.id);
    const events = mine();
    return { cancelled, again, after: events.filter((e) => e.status === 'failed').length, last: events[events.length - 1]! };
  }, webhook.url);
  expect(result.cancelled).toMatchObject({ status: 'failed', failed_code: 'cancelled' });
  expect(result.after).toBe(1);
  expect(result.last.status).toBe('failed');
  expect(result.again.status).toBe('failed');
  expect((await webhookCount(result.cancelled.id)).map((d) => d.status)).toEqual(['failed']);
  await expect(page.frameLocator('#talkreel iframe').getByTestId('w-status')).toHaveText('Cancelled');
  // Still answering.
  const avatars = await page.evaluate(() => (window as unknown as HostWindow).talkreelHost.client.listAvatars({ gender: 'male' }));
  expect(avatars.length).toBeGreaterThan(0);
  expect(avatars.every((a) => a.gender === 'male')).toBe(true);
});

test('hostile messages: wrong origin, wrong source, malformed, oversized, __proto__ — dropped, counted, widget keeps working', async ({ page, baseURL }) => {
  const { frame } = await openHost(page, baseURL);
  const widgetOrigin = new URL(baseURL!).origin;
  const stats = () => frame.evaluate(() => JSON.parse(JSON.stringify((window as unknown as EmbedWindow).talkreelEmbed.stats)) as BridgeStats);
  const before = await stats();

  // Replies the widget sends to this window (not the SDK's private channel).
  await page.evaluate((origin) => {
    const w = window as unknown as { replies: unknown[] };
    w.replies = [];
    window.addEventListener('message', (e) => {
      if (e.origin === origin) w.replies.push(e.data);
    });
  }, widgetOrigin);

  // Wrong origin: a frame from another site beside the widget.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
  }, `${evil.url}/evil.html`);
  await expect.poll(async () => (await stats()).dropped.origin - before.dropped.origin).toBeGreaterThanOrEqual(2);

  // Wrong source: a same-origin frame that is not the widget's parent.
  await page.evaluate((origin) => {
    const f = document.createElement('iframe');
    f.srcdoc = `<script>parent.document.querySelector('#talkreel iframe').contentWindow.postMessage({ protocol: 'talkreel/1', type: 'list_jobs', request_id: 'sib' }, ${JSON.stringify(origin)});</script>`;
    document.body.append(f);
  }, widgetOrigin);
  await expect.poll(async () => (await stats()).dropped.source - before.dropped.source).toBeGreaterThanOrEqual(1);

  // From the parent itself: malformed, unknown, oversized and unsafe messages.
  await page.evaluate((origin) => {
    const w = document.querySelector<HTMLIFrameElement>('#talkreel iframe')!.contentWindow!;
    const send = (m: unknown) => w.postMessage(m, origin);
    send('just a string');
    send(42);
    send(null);
    send([1, 2, 3]);
    send({ type: 'webpackOk' });
    send({ protocol: 'talkreel/1', type: 'eval', request_id: 'u1', code: 'alert(1)' });
    send({ protocol: 'talkreel/1', type: 'create_job', request_id: 'm1', job: { type: 'product_avatar', aspect_ratio: '4x3', product: { name: 'x' } } });
    send({ protocol: 'talkreel/1', type: 'create_job', request_id: 'm2', job: { type: 'product_avatar', webhook_url: 'javascript:alert(1)', product: { name: 'x' } } });
    send({ protocol: 'talkreel/1', type: 'get_job', request_id: 'm3', job_id: '<img src=x onerror=alert(1)>' });
    send({ protocol: 'talkreel/1', type: 'get_job', request_id: 'o1', job_id: 'x', pad: 'a'.repeat(300_000) });
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 50; i++) deep = (deep.n = {}) as Record<string, unknown>;
    send({ protocol: 'talkreel/1', type: 'list_jobs', request_id: 'o2', deep: top });
    send({ protocol: 'talkreel/1', type: 'list_jobs', request_id: 'o3', many: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) });
    send(JSON.parse('{"protocol":"talkreel/1","type":"list_jobs","request_id":"p1","__proto__":{"polluted":true}}'));
    send(JSON.parse('{"protocol":"talkreel/1","type":"create_job","request_id":"p2","job":{"type":"product_avatar","product":{"name":"x","constructor":{"prototype":{"polluted":true}}}}}'));
    send({ protocol: 'talkreel/1', type: 'list_jobs', request_id: 'd1', when: new Date() });
  }, widgetOrigin);

  await expect.poll(async () => (await stats()).dropped.unsafe - before.dropped.unsafe).toBe(2);
  const after = await stats();
  const delta = (k: keyof BridgeStats['dropped']) => after.dropped[k] - before.dropped[k];
  console.log('dropped', JSON.stringify(after.dropped));
  expect(delta('malformed')).toBeGreaterThanOrEqual(8);
  expect(delta('unknown')).toBeGreaterThanOrEqual(2);
  expect(delta('oversized')).toBe(3);
  expect(delta('unsafe')).toBe(2);
  expect(after.accepted).toBe(before.accepted);
  expect(await frame.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  expect(await frame.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();

  // Invalid requests of ours are answered with an error naming the field, never echoing input.
  await expect.poll(() => page.evaluate(() => (window as unknown as { replies: Array<{ request_id?: string }> }).replies.map((r) => r.request_id).sort())).toEqual(['m1', 'm2', 'm3', 'u1']);
  const replies = await page.evaluate(() => (window as unknown as { replies: Array<{ protocol: string; type: string; code: string; message: string }> }).replies);
  for (const r of replies) {
    expect(r).toMatchObject({ protocol: 'talkreel/1', type: 'error', code: 'invalid_request' });
    expect(r.message).not.toContain('<img');
    expect(r.message).not.toContain('javascript:');
  }

  // HTML in a job's text is shown as text, never inserted.
  const name = '<img src=x onerror="window.__pwned=1"><b>Bold</b> Bottle';
  await page.evaluate(async (n) => {
    const h = (window as unknown as HostWindow).talkreelHost;
    const product = await h.product();
    const job = await h.client.createJob({ type: 'product_avatar', duration: 15, resolution: 720, product: { ...product, name: n } });
    await h.client.cancelJob(job.id);
  }, name);
  const widget = page.frameLocator('#talkreel iframe');
  await expect(widget.getByTestId('w-job').locator('b').first()).toHaveText(name);
  expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await frame.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);

  // The allowed host is still served.
  const jobs = await page.evaluate(() => (window as unknown as HostWindow).talkreelHost.client.listJobs());
  expect(jobs.length).toBe(1);
  const avatars = await page.evaluate(() => (window as unknown as HostWindow).talkreelHost.client.listAvatars());
  expect(avatars.length).toBeGreaterThanOrEqual(10);
});

test('a page that is not an allowed origin gets no answer; the widget page is frameable and not isolated', async ({ page, baseURL }) => {
  await page.goto(`${host.url}/host/index.html?widget=${encodeURIComponent(widgetUrl(baseURL))}`);
  const origin = new URL(baseURL!).origin;
  // A second widget that allows only some other site.
  const answered = await page.evaluate(
    async ({ src, origin }) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
      await new Promise((r) => f.addEventListener('load', r, { once: true }));
      const channel = new MessageChannel();
      let got = false;
      channel.port1.onmessage = () => (got = true);
      window.addEventListener('message', (e) => {
        if (e.source === f.contentWindow) got = true;
      });
      f.contentWindow!.postMessage({ protocol: 'talkreel/1', type: 'hello' }, origin, [channel.port2]);
      f.contentWindow!.postMessage({ protocol: 'talkreel/1', type: 'hello' }, origin);
      await new Promise((r) => setTimeout(r, 1500));
      return got;
    },
    { src: `${widgetUrl(baseURL)}?origins=${encodeURIComponent('https://shop.example')}`, origin },
  );
  expect(answered).toBe(false);
  // The browser did not even load it here: its frame-ancestors name only the allowed site (the
  // widget's own origin check, tested above with a hostile host, covers hosts without headers).
  const second = page.frames().find((f) => f.url().includes('shop.example'));
  expect(await second?.evaluate(() => 'talkreelEmbed' in window).catch(() => false) ?? false).toBe(false);
  // The URL can narrow the deployer's list (here to nothing), never widen it.
  const refused = await page.request.get(`${widgetUrl(baseURL)}?origins=${encodeURIComponent('https://shop.example')}`);
  expect(refused.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const widened = await page.request.get(`${widgetUrl(baseURL)}?origins=${encodeURIComponent(`https://shop.example,${host.url}`)}`);
  expect(widened.headers()['content-security-policy']).toMatch(/frame-ancestors http:\/\/127\.0\.0\.1:4390(;|$)/);

  // How the embed page is served: no COOP, frameable by isolated hosts too.
  const res = await page.request.get(widgetUrl(baseURL));
  expect(res.headers()['cross-origin-opener-policy']).toBeUndefined();
  expect(res.headers()['cross-origin-resource-policy']).toBe('cross-origin');
  const redirect = await page.request.get(`${baseURL}/?embed=1&origins=${encodeURIComponent(host.url)}`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()['location']).toBe(`/embed.html?origins=${encodeURIComponent(host.url)}`);

  // The whole editor, embedded, with the same job API.
  await page.evaluate(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));
  const editor = await page.evaluate(async (url) => {
    const sdk = (await import('/sdk/talkreel-sdk.js' as string)) as typeof import('../src/embed/sdk.ts');
    const box = document.createElement('div');
    document.body.append(box);
    const t = sdk.createTalkreel(box, { url, mode: 'editor', height: '900px' });
    const ready = await t.ready;
    return { channel: ready.channel, avatars: (await t.listAvatars()).length, src: t.iframe.src };
  }, widgetUrl(baseURL));
  expect(editor.channel).toBe('port');
  expect(editor.avatars).toBeGreaterThanOrEqual(10);
  expect(editor.src).toContain('mode=editor');
  await expect(page.frameLocator('iframe').getByTestId('product-name')).toBeVisible();
});

test('widget jobs reach only the sites the deployer listed: a webhook or product page elsewhere never gets a request', async ({ page, baseURL }) => {
  // A listener the deployment does not list, on another port.
  const seen: string[] = [];
  const listener = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>');
  });
  await new Promise<void>((ok) => listener.listen(0, '127.0.0.1', ok));
  const elsewhere = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  try {
    await openHost(page, baseURL);
    const errors = await page.evaluate(async (elsewhere) => {
      const h = (window as unknown as HostWindow).talkreelHost;
      const product = await h.product();
      const job = await h.client.createJob({ type: 'product_avatar', duration: 15, resolution: 720, product: { ...product, name: 'MARKER-7f3a' }, webhook_url: `${elsewhere}/hook?m=MARKER-7f3a` });
      await h.client.cancelJob(job.id);
      const fromPage = await h.client.createJob({ type: 'product_avatar', product_url: `${elsewhere}/product?m=MARKER-7f3a` });
      for (let i = 0; i < 60; i++) {
        const j = await h.client.getJob(fromPage.id);
        if (j.status === 'failed') return { reason: j.failed_reason };
        await new Promise((r) => setTimeout(r, 250));
      }
      return { reason: null };
    }, elsewhere);
    expect(errors.reason).toMatch(/may not contact|could not|cannot/i);
    // The cancelled job's webhook was attempted (a cancel ends the job as failed) and refused.
    await page.waitForTimeout(2000);
    expect(seen).toEqual([]);
  } finally {
    await new Promise<void>((ok) => listener.close(() => ok()));
  }
});
