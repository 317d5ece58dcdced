/**
 * A project archive carries the product video and the background music: export a project with
 * pictures, a video and music, check the zip holds both (stored as they are), import it back
 * and find the same video (same bytes, length and size) and the music in the imported project.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { addExampleImages, writeAndPreview } from './flow.ts';

function ffmpeg(out: string, args: string[]): Buffer {
  execFileSync('ffmpeg', ['-v', 'error', ...args, '-y', out]);
  return readFileSync(out);
}

/** The stored product video, as the page's preview element plays it. */
async function storedVideo(page: Page): Promise<{ bytes: number[]; duration: number }> {
  return page.locator('[data-testid=product-video] video').evaluate(async (v: HTMLVideoElement) => {
    if (!(v.duration > 0)) await new Promise((resolve) => v.addEventListener('loadedmetadata', resolve, { once: true }));
    return { bytes: Array.from(new Uint8Array(await (await fetch(v.src)).arrayBuffer())), duration: v.duration };
  });
}

async function openEditor(page: Page): Promise<void> {
  const toggle = page.getByTestId('edit-creative');
  await expect(toggle).toBeVisible({ timeout: 60_000 });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

test('the project archive carries the product video and the background music', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('media');
  mkdirSync(dir, { recursive: true });
  const video = ffmpeg(`${dir}/demo.mp4`, ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
  const music = ffmpeg(`${dir}/chord.m4a`, ['-f', 'lavfi', '-i', 'sine=frequency=220:duration=4', '-ac', '2']);

  await page.goto('/');
  await page.getByTestId('product-name').fill('Media Bottle');
  await page.getByTestId('product-description').fill('A steel bottle that keeps water cold all day and hot all morning.');
  await addExampleImages(page);
  await page.getByTestId('video-input').setInputFiles(`${dir}/demo.mp4`);
  const facts = page.getByTestId('product-video-facts');
  await expect(facts).toHaveText(/^0:02 · 320×240 · H\.264 · \d+ KB$/);
  const factsBefore = await facts.textContent();
  const before = await storedVideo(page);
  expect(before.bytes.length).toBe(video.length);

  // Music is added in the creative editor, under the preview.
  await writeAndPreview(page);
  await openEditor(page);
  await page.getByTestId('music-input').setInputFiles(`${dir}/chord.m4a`);
  await expect(page.getByTestId('music-name')).toContainText('chord.m4a');

  // Export: the zip holds the video and the music, byte for byte.
  await page.getByTestId('projects-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
  const zipPath = testInfo.outputPath('project.zip');
  await download.saveAs(zipPath);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const names = Object.keys(entries);
  const videoEntry = names.find((n) => /^media\/vid_[A-Za-z0-9]+\.mp4$/.test(n));
  const musicEntry = names.find((n) => /^media\/mus_[A-Za-z0-9]+\.m4a$/.test(n));
  expect(videoEntry, names.join(', ')).toBeTruthy();
  expect(musicEntry, names.join(', ')).toBeTruthy();
  expect(Buffer.from(entries[videoEntry!]!).equals(video)).toBe(true);
  expect(Buffer.from(entries[musicEntry!]!).equals(music)).toBe(true);
  expect(JSON.parse(strFromU8(entries['manifest.json']!))).toMatchObject({ version: 2 });
  const archived = JSON.parse(strFromU8(entries['project.json']!)) as { product: { video: { name: string } }; creative: { edits: { music: { name: string } } } };
  expect(archived.product.video.name).toBe('demo.mp4');
  expect(archived.creative.edits.music.name).toBe('chord.m4a');

  // Import it back: a second project with the same video and music.
  await page.getByTestId('projects-menu').click();
  await page.getByTestId('import-input').setInputFiles(zipPath);
  await expect(page.getByTestId('import-error')).toBeHidden();
  await expect(page.getByTestId('product-name')).toHaveValue('Media Bottle');
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await expect(page.getByTestId('product-video')).toContainText('demo.mp4');
  await expect(facts).toHaveText(factsBefore!);
  const after = await storedVideo(page);
  expect(after.bytes.length).toBe(video.length);
  expect(Buffer.from(after.bytes).equals(video)).toBe(true);
  expect(after.duration).toBeCloseTo(before.duration, 2);
  await openEditor(page);
  await expect(page.getByTestId('music-name')).toContainText('chord.m4a');
  await page.getByTestId('projects-menu').click();
  await expect(page.getByTestId('project-item')).toHaveCount(2);
});
