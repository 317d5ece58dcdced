/*
 * Exports with custom avatars, end to end in real Chromium: a photo avatar (a real portrait) and
 * a video avatar (a talking recording the warp engine made from that photo, encoded to MP4, then
 * checked and prepared like any upload) each render a whole video through the job runner. In the
 * decoded frames the face is found again with BlazeFace, and the mouth region changes with the
 * speech while the forehead stays still.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { decodeFrames, ffprobe, regionDiff } from './media.ts';
import { portrait } from './fixtures/faces.ts';

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

async function exportWith(page: Page, presenterId: string, name: string): Promise<{ file: string; voiceSeconds: number }> {
  const images = ['bottle-hero.jpg', 'bottle-colours.jpg'].map((f) => at(join(root, 'examples', f)));
  const res = await page.evaluate(
    ({ presenterId, images, script }) =>
      window.talkreel.render({ product: { name: 'Aurora Insulated Bottle' }, imageUrls: images, ratio: '9:16', duration: 15, language: 'en', resolution: 720, presenterId, script }, () => undefined),
    { presenterId, images, script: SCRIPT },
  );
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `${name}.mp4`);
  writeFileSync(file, await bytesOf(page, res.url));
  return { file, voiceSeconds: res.voiceSeconds };
}

/** The face in the exported frame at t, found by our own detector. */
async function faceAt(page: Page, file: string, t: number): Promise<{ box: number[]; keypoints: number[][] }> {
  const png = file.replace(/\.mp4$/, `-${t}.png`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', String(t), '-i', file, '-frames:v', '1', png]);
  const { faces } = await page.evaluate((u) => window.talkreel.avatar.detect(u), at(png));
  expect(faces.length).toBeGreaterThanOrEqual(1);
  return faces[0]!;
}

/** Mean frame-to-frame change in the mouth box and in a forehead box of the same size, over [t0, t1]. */
function motion(file: string, face: { keypoints: number[][] }, t0: number, t1: number): { mouth: number; forehead: number; frames: number } {
  const W = 720;
  const H = 1280;
  const frames = decodeFrames(file, W, H, 12).slice(Math.round(t0 * 12), Math.round(t1 * 12));
  const [re, le, , mouth] = face.keypoints as [number[], number[], number[], number[]];
  const d = Math.hypot(le[0]! - re[0]!, le[1]! - re[1]!);
  const mouthBox = { x: mouth[0]! - d * 0.55, y: mouth[1]! - d * 0.3, w: d * 1.1, h: d * 0.65 };
  const foreheadBox = { x: (re[0]! + le[0]!) / 2 - d * 0.55, y: (re[1]! + le[1]!) / 2 - d * 0.95, w: d * 1.1, h: d * 0.5 };
  let m = 0;
  let f = 0;
  for (let i = 1; i < frames.length; i++) {
    m += regionDiff(frames[i - 1]!, frames[i]!, W, mouthBox);
    f += regionDiff(frames[i - 1]!, frames[i]!, W, foreheadBox);
  }
  const n = Math.max(1, frames.length - 1);
  return { mouth: m / n, forehead: f / n, frames: frames.length };
}

test('a photo avatar and a video avatar each export a video whose mouth moves with the speech', async ({ page }) => {
  test.setTimeout(600_000);
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
    const { file, voiceSeconds } = await exportWith(page, id, label);
    const probe = ffprobe(file);
    expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    const face = await faceAt(page, file, 1);
    const face2 = await faceAt(page, file, Math.min(3, voiceSeconds - 1));
    // The avatar stands still in its place (the layout keeps it there during one scene).
    expect(Math.abs(face.box[0]! - face2.box[0]!)).toBeLessThan(6);
    const m = motion(file, face, 0.8, Math.min(voiceSeconds - 0.5, 6));
    console.log(`${label}: mouth change ${m.mouth.toFixed(2)}, forehead change ${m.forehead.toFixed(2)} over ${m.frames} frames; face ${face.box.map(Math.round)}`);
    expect(m.mouth).toBeGreaterThan(1.5);
    expect(m.mouth).toBeGreaterThan(4 * m.forehead);
  }
});
