import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ffprobe } from './media.ts';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

test('after one visit the app makes and exports a video with the network off', async ({ page, context }, testInfo) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.getByTestId('make-offline').click();
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });

  await context.setOffline(true);
  // Prove the network really is off for this page.
  expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'online', () => 'offline'))).toBe('offline');
  await page.reload();
  await expect(page.getByTestId('offline-ready')).toBeVisible();

  await page.getByTestId('product-name').fill('Offline Bottle');
  await page.getByTestId('product-description').fill('A steel bottle that keeps water cold all day.');
  await page.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg'), example('bottle-colours.jpg')]);
  await page.getByRole('radio', { name: '15 s', exact: true }).click();
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).toBeVisible();
  await page.getByTestId('generate-video').click();
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('radio', { name: '720p' }).click();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = testInfo.outputPath('offline.mp4');
  await download.saveAs(file);
  const probe = ffprobe(file);
  expect(probe.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
  await context.setOffline(false);
});
