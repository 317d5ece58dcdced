/**
 * After one visit the app makes and exports a video with the network off — served by the
 * preview server (which sends the security headers) and by a plain static host that sends no
 * headers at all. Offline is proven independently of the app: on the plain host, the server
 * itself counts the requests it gets while the browser is offline (none), and the page cannot
 * fetch an uncached file from its own origin. On the plain host the workers start without the
 * security policy on the first visit and run under it once the service worker controls the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticServer } from '../scripts/lib/static.ts';
import { prepareVideo } from './flow.ts';
import { ffprobe } from './media.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.TALKREEL_DIST ?? 'dist';
let bare: StaticServer;
const bareLog: string[] = [];

test.beforeAll(async () => {
  bare = await serveStatic([{ prefix: '/', dir: DIST.startsWith('/') ? DIST : `${root}/${DIST}` }], {
    handle: (req) => {
      bareLog.push(req.url ?? '');
      return false;
    },
  });
});
test.afterAll(() => bare?.close());

const workerPolicy = (page: Page) => page.evaluate(() => (window as unknown as { talkreelSecurity: { workers: Promise<string> } }).talkreelSecurity.workers);

for (const host of ['preview server', 'plain static host'] as const) {
  test(`after one visit the app makes and exports a video with the network off (${host})`, async ({ page, context, baseURL }, testInfo) => {
    const base = host === 'preview server' ? baseURL! : bare.url;
    await page.goto(`${base}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    if (host === 'plain static host') {
      // No headers, and no service worker yet: the workers' policy is missing on this visit…
      expect(await workerPolicy(page)).toBe('missing');
    }
    await page.getByTestId('make-offline').click();
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
    // …and in force once the service worker controls the page.
    await page.reload();
    expect(await workerPolicy(page)).toBe('enforced');

    await context.setOffline(true);
    const before = bareLog.length;
    // The network really is off for this page: its own origin's uncached files do not load.
    expect(await page.evaluate(() => fetch('/talkreel.deploy.json?offline-probe', { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');
    await page.reload();
    await expect(page.getByTestId('offline-ready')).toBeVisible();

    await prepareVideo(page, 'Offline Bottle');
    await page.getByTestId('export').click();
    await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    mkdirSync(testInfo.outputDir, { recursive: true });
    const file = testInfo.outputPath('offline.mp4');
    await download.saveAs(file);
    const probe = ffprobe(file);
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    // The browser's own service-worker update checks escape Playwright's offline emulation (they
    // carry nothing of the user's); the app itself asked the server for nothing.
    if (host === 'plain static host') expect(bareLog.slice(before).filter((u) => !/^\/(sw|csp-sw|workbox-[\w-]+)\.js$/.test(u))).toEqual([]);
    await context.setOffline(false);
  });
}
