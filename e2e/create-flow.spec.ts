import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ffprobe } from './media.ts';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

test('product in, lip-synced MP4 out, and the project survives a reload', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('product-name').fill('Aurora Insulated Bottle');
  await page.getByTestId('product-brand').fill('Northwind');
  await page.getByTestId('product-price').fill('$34');
  await page.getByTestId('product-description').fill(
    'A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12. The leak-proof cap has a carry loop, and the wide mouth fits ice cubes and cleans easily.',
  );
  await page.getByTestId('product-features').fill('Cold for 24 hours, hot for 12\nLeak-proof cap with carry loop');
  await page.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg'), example('bottle-colours.jpg'), example('bottle-outdoors.jpg')]);
  await expect(page.getByTestId('image-thumb')).toHaveCount(3);

  await page.getByRole('radio', { name: '15 s', exact: true }).click();
  await page.getByRole('radio', { name: /16:9/ }).click();
  const presenter = page.locator('[data-testid^="presenter-"]').nth(1);
  await presenter.click();
  const presenterId = await presenter.getAttribute('data-testid');

  await page.getByTestId('generate-scripts').click();
  const options = page.getByTestId('script-option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThanOrEqual(3);
  const texts = await options.allInnerTexts();
  expect(new Set(texts).size).toBe(texts.length);
  await options.nth(1).click();
  await expect(options.nth(1)).toHaveAttribute('aria-checked', 'true');
  // Wait until every option was timed with the real voice.
  await expect(page.getByText('Timing each option with the real voice…')).toHaveCount(0, { timeout: 120_000 });
  const firstSegment = page.getByTestId('segment-text').first();
  const edited = (await firstSegment.inputValue()) + ' Trust me on this one.';
  await firstSegment.fill(edited);

  await page.getByTestId('generate-video').click();
  const canvas = page.getByTestId('preview-canvas');
  await expect(canvas).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Preparing preview…')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('create-screen.png'), fullPage: true });

  // The preview plays: frames change over time.
  const before = await canvas.screenshot();
  await page.getByTestId('play').click();
  await page.waitForTimeout(1200);
  const during = await canvas.screenshot();
  await page.getByTestId('play').click();
  expect(Buffer.compare(before, during)).not.toBe(0);

  // Export at 720p: cancel once mid-way (the project is untouched), then export and download.
  await page.getByRole('radio', { name: '720p' }).click();
  await expect(page.getByText(/expected export time about/)).toBeVisible();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect.poll(async () => Number(await page.getByTestId('export-progress').getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(5);
  await page.getByTestId('cancel-export').click();
  await expect(page.getByTestId('export')).toBeVisible();
  await expect(page.getByTestId('export-progress')).toHaveCount(0);
  await expect(page.getByTestId('product-name')).toHaveValue('Aurora Insulated Bottle');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = testInfo.outputPath('export.mp4');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^Aurora-Insulated-Bottle-16x9-720p\.mp4$/);

  const probe = ffprobe(file);
  const video = probe.streams.filter((s) => s.codec_type === 'video');
  const audio = probe.streams.filter((s) => s.codec_type === 'audio');
  expect(video).toHaveLength(1);
  expect(audio).toHaveLength(1);
  expect(video[0]).toMatchObject({ codec_name: 'h264', width: 1280, height: 720 });
  expect(audio[0]!.codec_name).toBe('aac');
  const duration = Number(probe.format.duration);
  const voiceDuration = Number(await page.getByTestId('player').getAttribute('data-duration'));
  expect(Math.abs(duration - voiceDuration)).toBeLessThan(0.5);
  expect(duration).toBeGreaterThan(15 * 0.8);
  expect(duration).toBeLessThan(15 * 1.2);

  // The export is kept on this device and counted in the storage panel.
  await page.getByTestId('open-storage').click();
  await expect(page.getByTestId('asset-row')).toHaveCount(1);
  await expect(page.getByTestId('asset-row')).toContainText('Aurora-Insulated-Bottle-16x9-720p.mp4');
  await expect(page.getByTestId('storage-summary')).toContainText('talkreel keeps');
  await page.screenshot({ path: testInfo.outputPath('storage-panel.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('storage-panel')).toHaveCount(0);

  // Reload: everything comes back as it was, and the preview is rebuilt.
  await page.reload();
  await expect(page.getByTestId('product-name')).toHaveValue('Aurora Insulated Bottle');
  await expect(page.getByTestId('product-price')).toHaveValue('$34');
  await expect(page.getByTestId('product-features')).toHaveValue('Cold for 24 hours, hot for 12\nLeak-proof cap with carry loop');
  await expect(page.getByTestId('image-thumb')).toHaveCount(3);
  await expect(page.getByRole('radio', { name: '15 s', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('radio', { name: /16:9/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId(presenterId!)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('script-option').nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('segment-text').first()).toHaveValue(edited);
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 60_000 });

  // Projects: start a new one, then switch back; nothing of the first is lost.
  await page.getByTestId('projects-menu').click();
  await page.getByTestId('new-project').click();
  await expect(page.getByTestId('product-name')).toHaveValue('');
  await expect(page.getByTestId('image-thumb')).toHaveCount(0);
  await page.getByTestId('projects-menu').click();
  await expect(page.getByTestId('project-item')).toHaveCount(2);
  await page.getByTestId('project-item').filter({ hasText: 'Aurora Insulated Bottle' }).click();
  await expect(page.getByTestId('product-name')).toHaveValue('Aurora Insulated Bottle');
  await expect(page.getByTestId('image-thumb')).toHaveCount(3);
  await expect(page.getByTestId('segment-text').first()).toHaveValue(edited);
});
