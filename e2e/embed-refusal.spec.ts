/**
 * A site the deployer did not list (e2e/talkreel.config.json lists only the test host page)
 * frames the widget with whatever URL parameters it likes — `origins` naming itself, editor
 * mode — and sends every command of the job API. Nothing may run and nothing may come back but
 * a refusal. Tried twice: from the preview server, which sends frame-ancestors (the browser
 * refuses to load the frame at all), and from a plain static host that sends no headers, where
 * only the widget's own check stands. The main app refuses to open inside another site too.
 */
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticServer } from '../scripts/lib/static.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.TALKREEL_DIST ?? 'dist';

let bare: StaticServer;
let evil: StaticServer;

test.beforeAll(async () => {
  // The same build on a host that sends no headers at all (no CSP header, no frame-ancestors).
  bare = await serveStatic([{ prefix: '/', dir: DIST.startsWith('/') ? DIST : `${root}/${DIST}` }]);
  evil = await serveStatic([], {
    handle: (req, res) => {
      if (!req.url?.startsWith('/evil.html')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>evil</title><body></body>');
      return true;
    },
  });
});

test.afterAll(async () => {
  await bare?.close();
  await evil?.close();
});

/** Every host → widget command, each with a request id, plus hellos with and without a port. */
const COMMANDS = [
  { type: 'hello', client: 'evil', request_id: 'c0' },
  { type: 'create_job', request_id: 'c1', job: { type: 'product_avatar', duration: 15, product: { name: 'Stolen', description: 'x', features: [], images: [] } } },
  { type: 'get_job', request_id: 'c2', job_id: 'job_1' },
  { type: 'list_jobs', request_id: 'c3' },
  { type: 'cancel_job', request_id: 'c4', job_id: 'job_1' },
  { type: 'get_video', request_id: 'c5', job_id: 'job_1' },
  { type: 'get_photo', request_id: 'c6', job_id: 'job_1' },
  { type: 'list_avatars', request_id: 'c7' },
];

interface Probe {
  replies: Array<{ via: string; data: { type?: string; code?: string; request_id?: string } }>;
}

/** From the evil page: frame `src`, send every command every way, collect what comes back. */
async function attack(page: Page, src: string, widgetOrigin: string): Promise<Probe> {
  return page.evaluate(
    async ({ src, widgetOrigin, commands }) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
      await new Promise((r) => f.addEventListener('load', r, { once: true }));
      const replies: Probe['replies'] = [];
      addEventListener('message', (e) => {
        if (e.source === f.contentWindow) replies.push({ via: 'window', data: e.data });
      });
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => replies.push({ via: 'port', data: e.data });
      const w = f.contentWindow!;
      w.postMessage({ protocol: 'talkreel/1', type: 'hello', client: 'evil' }, '*', [channel.port2]);
      for (const c of commands) {
        w.postMessage({ protocol: 'talkreel/1', ...c }, '*');
        w.postMessage({ protocol: 'talkreel/1', ...c }, widgetOrigin);
      }
      await new Promise((r) => setTimeout(r, 2500));
      return { replies };
    },
    { src, widgetOrigin, commands: COMMANDS },
  );
}

test('an unlisted site gets only refusals, with or without frame-ancestors headers; the app itself will not open in its frame', async ({ page, baseURL, context }, testInfo) => {
  const preview = new URL(baseURL!).origin;
  await page.goto(`${evil.url}/evil.html`);

  // 1. From the preview server (headers): frame-ancestors lists only the test host page, even
  //    though the URL names the evil site as allowed. The browser loads nothing.
  const viaHeaders = await attack(page, `${preview}/embed.html?origins=${encodeURIComponent(evil.url)}`, preview);
  expect(viaHeaders.replies).toEqual([]);
  const headerRes = await page.request.get(`${preview}/embed.html?origins=${encodeURIComponent(evil.url)}`);
  expect(headerRes.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const listed = await page.request.get(`${preview}/embed.html`);
  expect(listed.headers()['content-security-policy']).toContain('frame-ancestors http://127.0.0.1:4390');

  // 2. From a host without headers: the widget loads, sees who framed it, and refuses.
  const widgetOrigin = bare.url;
  for (const src of [`${bare.url}/embed.html?origins=${encodeURIComponent(evil.url)}`, `${bare.url}/embed.html?mode=editor&origins=${encodeURIComponent(evil.url)}`]) {
    const probe = await attack(page, src, widgetOrigin);
    // Every command with a request id was answered, and every answer is a refusal.
    expect(probe.replies.length).toBeGreaterThanOrEqual(COMMANDS.length);
    for (const r of probe.replies) expect(r.data).toMatchObject({ protocol: 'talkreel/1', type: 'error', code: 'origin_not_allowed' });
    expect(probe.replies.filter((r) => r.via === 'port')).toEqual([]);
    // (The hello without a request id is refused too, without one.)
    expect(new Set(probe.replies.map((r) => r.data.request_id))).toEqual(new Set([undefined, ...COMMANDS.map((c) => c.request_id)]));

    const frame = page.frames().find((f) => f.url() === src)!;
    await expect(frame.getByTestId('widget-refused')).toBeVisible();
    await expect(frame.getByTestId('widget-refused')).toContainText('not enabled for');
    const inside = await frame.evaluate(() => ({
      refused: (window as unknown as { talkreelEmbed?: { refused?: boolean } }).talkreelEmbed?.refused,
      app: document.querySelectorAll('.app, .widget, [data-testid^="w-"]').length,
      frames: document.querySelectorAll('iframe').length,
    }));
    expect(inside).toEqual({ refused: true, app: 0, frames: 0 });
    await page.screenshot({ path: testInfo.outputPath(`refused-${src.includes('editor') ? 'editor' : 'widget'}.png`) });
  }
  // No job ran and nothing was stored: the widget's origin has no database at all.
  const other = await context.newPage();
  await other.goto(`${bare.url}/talkreel.deploy.json`);
  expect(await other.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  await other.close();

  // 3. The app's own page, framed by the evil site from the header-less host: it does not start.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.id = 'app-frame';
    document.body.append(f);
  }, `${bare.url}/index.html`);
  const appFrame = page.frameLocator('#app-frame');
  await expect(appFrame.locator('.framed-refusal')).toContainText('does not open inside another site');
  await expect(appFrame.locator('.app')).toHaveCount(0);
});
