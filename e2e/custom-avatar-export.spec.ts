/*
 * Exports with custom avatars, end to end in real Chromium: a photo avatar (a real portrait) and
 * a video avatar (a talking recording the warp engine made from that photo, encoded to MP4, then
 * checked and prepared like any upload) each render a whole video through the job runner. The
 * lip-sync is then measured from the MP4 alone, independently of the app (e2e/lib/lipsync-measure.ts):
 * @vladmandic/human's face mesh finds the mouth in each decoded frame and its opening must
 * correlate with the loudness of the file's own audio (Pearson r, best lag within ±3 frames at
 * 10 fps), far above the same mouth against the audio shuffled in 0.5 s blocks or reversed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ffprobe } from './media.ts';
import { portrait } from './fixtures/faces.ts';
import { openMesh } from './lib/face-mesh.ts';
import { describe as line, mouthSync } from './lib/lipsync-measure.ts';

const root = new URL('..', import.meta.url).pathname;
const OUT = join(tmpdir(), 'talkreel-avatar-export');

async function headless(page: Page): Promise<void> {
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
}
const at = (file: string): string => `/__fixtures${file}`;

async function bytesOf(page: Page, url: string): Promise<Buffer> {
  return Buffer.from(await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), url));
}

const SCRIPT = 'Meet the Aurora bottle. It keeps your water ice cold for a whole day, and it never leaks in your bag.';

async function exportWith(page: Page, presenterId: string, name: string): Promise<{ file: string; voiceSeconds: number; duration: number }> {
  const images = ['bottle-hero.jpg', 'bottle-colours.jpg'].map((f) => at(join(root, 'examples', f)));
  const res = await page.evaluate(
    ({ presenterId, images, script }) =>
      window.talkreel.render({ product: { name: 'Aurora Insulated Bottle' }, imageUrls: images, ratio: '9:16', duration: 15, language: 'en', resolution: 720, presenterId, script }, () => undefined),
    { presenterId, images, script: SCRIPT },
  );
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.mp4`);
  writeFileSync(file, await bytesOf(page, res.url));
  return { file, voiceSeconds: res.voiceSeconds, duration: res.duration };
}

test('a photo avatar and a video avatar each export a video whose mouth opening follows the voice', async ({ page, context }) => {
  test.setTimeout(1_500_000);
  const mesh = await context.newPage();
  const backend = await openMesh(mesh);
  await headless(page);
  const photo = await page.evaluate((url) => window.talkreel.avatar.create({ url, name: 'man.png', gender: 'male', avatarName: 'Marco (photo)' }), at(portrait('man')));
  if ('error' in photo) throw new Error(photo.error.message);

  // The "recording": the photo avatar talking, made by the warp engine, with a 2 s closed-mouth lead.
  const rec = await page.evaluate((id) => window.talkreel.avatar.record(id, 'Hello, this is my own recording for a talking avatar. I speak for a few seconds so it can learn my mouth.', { seconds: 12, lead: 2 }), photo.id);
  mkdirSync(OUT, { recursive: true });
  const recording = join(OUT, 'recording.mp4');
  writeFileSync(recording, await bytesOf(page, rec.url));
  const video = await page.evaluate((url) => window.talkreel.avatar.create({ url, name: 'recording.mp4', kind: 'video', gender: 'male', avatarName: 'Marco (video)' }), at(recording));
  if ('error' in video) throw new Error(`${video.error.message} ${JSON.stringify(video.report)}`);
  console.log(`video avatar prepared in ${(video.preprocessMs / 1000).toFixed(1)} s`);
  expect(await page.evaluate(() => window.talkreel.avatar.list())).toHaveLength(2);

  for (const [label, id] of [['photo', photo.presenterId], ['video', video.presenterId]] as const) {
    const { file, duration } = await exportWith(page, id, label);
    const probe = ffprobe(file);
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    const m = await mouthSync(mesh, file, { t1: duration, fps: 10 });
    console.log(line(`${label} avatar (mesh on ${backend})`, m), JSON.stringify(m.opening.map((x) => Math.round(x * 1000))));
    test.info().annotations.push({ type: `lip-sync ${label}`, description: line(label, m) });
    expect(m.found, `${label}: the mesh finds the face`).toBeGreaterThan(0.9);
    // The avatar stands still in its place (the layout keeps it there during one scene).
    const boxes = m.boxes.filter((b) => b !== null);
    expect(Math.abs(boxes[0]![0] - boxes.at(-1)![0])).toBeLessThan(12);
    expect(m.r, label).toBeGreaterThan(0.35);
    // The controls: the same mouth against the audio cut into 0.5 s blocks and shuffled scores
    // at most half as well on average, and no shuffle reaches the real pairing. The reversed
    // envelope keeps the silences at both ends of a short clip, so it is only held below r.
    expect(m.shuffledMean, label).toBeLessThan(m.r / 2);
    expect(m.shuffledMax, label).toBeLessThan(m.r);
    expect(m.reversed, label).toBeLessThan(m.r);
  }
});
