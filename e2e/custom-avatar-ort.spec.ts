/*
 * onnxruntime-web in the lip-sync worker, in real Chromium: a BlazeFace session is created on
 * WebGPU (SwiftShader here) and on WASM, from self-hosted files only; then BlazeFace finds the
 * one face in a real portrait and none in a plain picture. No request leaves for another origin
 * (e2e/lib/foreign.ts: the CSP is bypassed so that the guard sees what the code asks for; the
 * control test proves the guard sees a deliberate request).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { plainImage, portrait, twoFaces } from './fixtures/faces.ts';
import { guardForeign, type ForeignGuard } from './lib/foreign.ts';

test.use({ bypassCSP: true });

async function headless(page: Page, baseURL: string): Promise<ForeignGuard> {
  const guard = await guardForeign(page, baseURL);
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  return guard;
}

test('control: the foreign-request guard sees deliberate requests from the page and a worker', async ({ page, baseURL }) => {
  const guard = await headless(page, baseURL!);
  expect(guard.seen()).toEqual([]);
  await page.evaluate((u) => fetch(`${u}/from-page`).catch(() => undefined), guard.decoy);
  await page.evaluate(
    (u) =>
      new Promise((done) => {
        const w = new Worker(URL.createObjectURL(new Blob([`fetch(${JSON.stringify(`${u}/from-worker`)}).finally(() => postMessage(0))`], { type: 'text/javascript' })));
        w.onmessage = done;
        w.onerror = done;
      }),
    guard.decoy,
  );
  await page.evaluate(() => fetch('https://example.com/beacon').catch(() => undefined));
  await expect.poll(() => guard.seen().length).toBeGreaterThanOrEqual(5);
  const seen = guard.seen();
  await guard.close();
  expect(seen).toEqual(
    expect.arrayContaining([
      `request: ${guard.decoy}/from-page`,
      'decoy hit: GET /from-page',
      `request: ${guard.decoy}/from-worker`,
      'decoy hit: GET /from-worker',
      'request: https://example.com/beacon',
    ]),
  );
});

test('BlazeFace session on WebGPU and on WASM; faces found in real photos', async ({ page, baseURL }) => {
  const guard = await headless(page, baseURL!);
  const probes = await page.evaluate(() => window.talkreel.avatar.probeOrt());
  console.log(JSON.stringify(probes));
  expect(probes.map((p) => p.backend)).toEqual(['webgpu', 'wasm']);
  expect(probes[0]!.webgpu).toBe(true);
  expect(probes[1]!.inputs).toEqual(['input:0']);
  expect(probes[1]!.outputs).toHaveLength(4);

  const url = (file: string): string => `/__fixtures${file}`;
  const man = await page.evaluate((u) => window.talkreel.avatar.detect(u), url(portrait('man')));
  console.log('man', man.ms.toFixed(1), 'ms', JSON.stringify(man.faces.map((f) => ({ box: f.box.map(Math.round), score: f.score.toFixed(2) }))));
  expect(man.faces).toHaveLength(1);
  const [x, y, w, h] = man.faces[0]!.box;
  // The man's face in the 642x474 crop: about x 300-420, y 60-190 (looked at by eye).
  expect(x).toBeGreaterThan(270);
  expect(x + w).toBeLessThan(450);
  expect(y).toBeGreaterThan(30);
  expect(y + h).toBeLessThan(220);
  // Eyes above the mouth, the right eye (image left) left of the left eye.
  const kp = man.faces[0]!.keypoints;
  expect(kp[0]![0]).toBeLessThan(kp[1]![0]);
  expect(kp[3]![1]).toBeGreaterThan(kp[0]![1]);

  const two = await page.evaluate((u) => window.talkreel.avatar.detect(u), url(twoFaces()));
  console.log('two faces', JSON.stringify(two.faces.map((f) => f.score.toFixed(2))));
  expect(two.faces).toHaveLength(2);
  const none = await page.evaluate((u) => window.talkreel.avatar.detect(u), url(plainImage('gray', 640, 480)));
  expect(none.faces).toHaveLength(0);
  // Models, wasm and workers all came from the app's own origin.
  expect(guard.seen()).toEqual([]);
  await guard.close();
});
