/** A refused microphone: a clear sentence, nothing stored (real Chromium, permission denied). */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, launchOptions } from '../scripts/lib/chromium.ts';

test.use({ launchOptions: { ...launchOptions(), args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--deny-permission-prompts'] }, permissions: [] });

test('a refused microphone gets a clear sentence and nothing is stored', async ({ page }) => {
  await page.goto('/#/voices');
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-error')).toContainText('Microphone access was refused');
  await expect(page.getByTestId('record-start')).toBeVisible();
  await expect(page.getByTestId('user-voice')).toHaveCount(0);
});
