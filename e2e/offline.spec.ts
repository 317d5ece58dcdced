import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { prepareVideo } from './flow.ts';
import { ffprobe } from './media.ts';

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

  await prepareVideo(page, 'Offline Bottle');
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
