/*
 * The custom-avatar self-check on material the test makes itself, in real Chromium with the real
 * detector and decoders: real portraits cropped from samples.jpg, a "recording" made by animating
 * the photo avatar with our warp engine (voice included) and encoding it, two faces side by side,
 * a green backdrop, a silent clip; each check passes or fails where it should, with numbers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CheckReport } from '../src/avatar/types.ts';
import { LIMITS } from '../src/avatar/checks.ts';
import { blurred, faceCut, onGreen, plainImage, portrait, shakyVideo, stillVideo, twoFaces } from './fixtures/faces.ts';

test.describe.configure({ mode: 'serial' });

async function headless(page: Page): Promise<void> {
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
}

const at = (file: string): string => `/__fixtures${file}`;
const item = (r: CheckReport, id: string) => r.items.find((i) => i.id === id);
const show = (label: string, r: CheckReport): void => console.log(`${label}: ${r.status}\n${r.items.map((i) => `  ${i.status.padEnd(4)} ${i.id.padEnd(12)} ${i.value}`).join('\n')}`);

test('photo: a real portrait passes; two faces, no face and a green backdrop are measured', async ({ page }) => {
  await headless(page);
  const man = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'man.png' }), at(portrait('man')));
  if ('error' in man) throw new Error(man.error.message);
  show('man photo', man.report);
  expect(man.report.status).not.toBe('fail');
  expect(item(man.report, 'face-count')!.status).toBe('pass');
  const ratio = item(man.report, 'face-size')!.measured!;
  expect(ratio).toBeGreaterThan(0.12);
  expect(ratio).toBeLessThan(0.22);
  expect(item(man.report, 'head-turn')!.status).not.toBe('fail');

  const blur = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'blurred.png' }), at(blurred('man')));
  if ('error' in blur) throw new Error(blur.error.message);
  console.log('sharpness', item(man.report, 'sharpness')!.measured, 'blurred', item(blur.report, 'sharpness')?.measured);
  expect(item(blur.report, 'sharpness')!.status).toBe('fail');
  expect(item(man.report, 'sharpness')!.measured!).toBeGreaterThan(3 * item(blur.report, 'sharpness')!.measured!);

  const none = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'wall.jpg' }), at(plainImage('wall', 800, 600, 'beige')));
  if ('error' in none) throw new Error(none.error.message);
  expect(item(none.report, 'face-count')!.status).toBe('fail');
  expect(item(none.report, 'face-count')!.value).toBe('no faces found');

  const cut = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'cut.png' }), at(faceCut()));
  if ('error' in cut) throw new Error(cut.error.message);
  show('face cut', cut.report);
  expect(item(cut.report, 'face-cut')!.status).toBe('fail');

  // The woman's portrait: her head is turned to the side.
  const turned = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'woman.png' }), at(portrait('woman')));
  if ('error' in turned) throw new Error(turned.error.message);
  console.log('turn', item(man.report, 'head-turn')!.measured, 'vs turned', item(turned.report, 'head-turn')!.measured);
  expect(item(turned.report, 'head-turn')!.measured!).toBeGreaterThan(LIMITS.maxYaw);
  expect(item(man.report, 'head-turn')!.measured!).toBeLessThan(LIMITS.maxYaw);

  const two = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'two.png' }), at(twoFaces()));
  if ('error' in two) throw new Error(two.error.message);
  show('two faces', two.report);
  expect(item(two.report, 'face-count')!.status).toBe('fail');
  expect(item(two.report, 'face-count')!.measured).toBe(2);

  const green = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'green.png', backdrop: 'rgb(0,177,64)' }), at(onGreen()));
  if ('error' in green) throw new Error(green.error.message);
  show('green', green.report);
  expect(item(green.report, 'backdrop')!.status).toBe('pass');
  // The same photo with the wrong key colour: the edges do not match it.
  const wrong = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'green.png', backdrop: 'rgb(255,255,255)' }), at(onGreen()));
  if ('error' in wrong) throw new Error(wrong.error.message);
  expect(item(wrong.report, 'backdrop')!.status).toBe('fail');
});

test('video: a talking recording made by the warp engine passes; a silent clip and a no-audio clip fail where they should', async ({ page }) => {
  test.setTimeout(300_000);
  await headless(page);
  const made = await page.evaluate((url) => window.talkreel.avatar.create({ url, name: 'man.png', gender: 'male' }), at(portrait('man')));
  if ('error' in made) throw new Error(made.error.message);
  const rec = await page.evaluate(async (id) => {
    const r = await window.talkreel.avatar.record(id, 'Hello, I am testing this bottle. It keeps drinks cold for a whole day, and it fits in any bag.', { seconds: 12, lead: 2 });
    const bytes = new Uint8Array(await (await fetch(r.url)).arrayBuffer());
    return Array.from(bytes);
  }, made.id);
  const file = join(tmpdir(), 'talkreel-faces', 'recording.mp4');
  writeFileSync(file, Buffer.from(rec));
  const video = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'recording.mp4', kind: 'video' }), at(file));
  if ('error' in video) throw new Error(video.error.message);
  show('recording', video.report);
  console.log(JSON.stringify(video.timings), JSON.stringify(video.detections));
  expect(video.report.status).not.toBe('fail');
  expect(item(video.report, 'duration')!.measured).toBeCloseTo(12, 0);
  expect(item(video.report, 'fps')!.status).toBe('pass');
  expect(item(video.report, 'face-count')!.status).toBe('pass');
  expect(item(video.report, 'shake')!.status).toBe('pass');
  expect(item(video.report, 'audio')!.status).toBe('pass');
  expect(item(video.report, 'lead-silence')!.measured).toBeGreaterThan(1.5);
  expect(item(video.report, 'lead-silence')!.measured).toBeLessThan(2.6);
  expect(item(video.report, 'noise')!.status).toBe('pass');

  const silent = stillVideo('silent-man', portrait('man'), 12, { audio: 'silence' });
  const s = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'silent.mp4' }), at(silent));
  if ('error' in s) throw new Error(s.error.message);
  show('silent', s.report);
  expect(item(s.report, 'audio')!.status).toBe('fail');

  const shaky = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'shaky.mp4' }), at(shakyVideo()));
  if ('error' in shaky) throw new Error(shaky.error.message);
  show('shaky', shaky.report);
  expect(item(shaky.report, 'shake')!.status).not.toBe('pass');
  expect(item(shaky.report, 'shake')!.measured!).toBeGreaterThan(LIMITS.maxShake);

  // A noisy room: the same recording with a loud hum under it.
  const noisyRec = await page.evaluate(async (id) => {
    const r = await window.talkreel.avatar.record(id, 'Testing the microphone in a noisy room.', { seconds: 11, lead: 1.5, noise: 0.08 });
    return Array.from(new Uint8Array(await (await fetch(r.url)).arrayBuffer()));
  }, made.id);
  const noisyFile = join(tmpdir(), 'talkreel-faces', 'noisy.mp4');
  writeFileSync(noisyFile, Buffer.from(noisyRec));
  const noisy = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'noisy.mp4' }), at(noisyFile));
  if ('error' in noisy) throw new Error(noisy.error.message);
  show('noisy', noisy.report);
  expect(item(noisy.report, 'noise')!.status).toBe('fail');

  const mute = stillVideo('mute-man', portrait('man'), 12, { audio: 'none' });
  const n = await page.evaluate((url) => window.talkreel.avatar.check({ url, name: 'mute.mp4' }), at(mute));
  if ('error' in n) throw new Error(n.error.message);
  expect(item(n.report, 'audio')!.status).toBe('fail');
  expect(item(n.report, 'audio')!.value).toBe('no audio track');
});
