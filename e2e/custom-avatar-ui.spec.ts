/*
 * Avatars screen, as a person uses it: upload a photo, read the self-check report (shown before
 * anything else), watch the quick talking preview, save, refuse a JPEG renamed .mp4 without
 * touching the library, then use the avatar on the Create screen (picker's "Your avatars" and
 * the live preview). Screenshots of each state go to test-results/.
 */
import { expect, test } from '@playwright/test';
import { prepareVideo } from './flow.ts';
import { jpegNamedMp4, portrait } from './fixtures/faces.ts';

test('make a photo avatar, refuse bad material, use it in a video', async ({ page }, info) => {
  test.setTimeout(300_000);
  const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
  await page.goto('/');
  await prepareVideo(page, 'Aurora Bottle');

  await page.goto('/#/avatars');
  await expect(page.getByTestId('screen-avatars')).toBeVisible();
  await shot('01-avatars-empty');

  await page.getByRole('radio', { name: /A photo/ }).click();
  await page.getByTestId('avatar-file').setInputFiles(portrait('man'));
  const report = page.getByTestId('check-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-face-size')).toContainText('face width 16% of frame');
  await expect(page.getByTestId('avatar-talk')).toHaveAttribute('data-state', /ready|playing/, { timeout: 60_000 });
  await page.getByTestId('avatar-name').fill('Marco');
  await page.getByRole('radio', { name: 'Male', exact: true }).click();
  await shot('02-photo-checked');
  await page.getByTestId('avatar-save').click();
  await expect(page.getByTestId('avatar-saved')).toBeVisible();
  await expect(page.getByTestId('avatar-card')).toHaveCount(1);
  await shot('03-saved');

  // A JPEG named like a video: a clear message, nothing saved.
  await page.getByRole('radio', { name: /A video of you/ }).click();
  await page.getByTestId('avatar-file').setInputFiles(jpegNamedMp4());
  await expect(page.getByTestId('avatar-error')).toContainText('is a JPEG picture, not a video');
  await expect(page.getByTestId('avatar-card')).toHaveCount(1);
  await shot('04-bad-input');

  // Use it: back on the Create screen it is the presenter, in the picker and in the preview.
  await page.getByTestId('avatar-use').click();
  await expect(page.getByTestId('current-presenter')).toHaveAttribute('data-id', /^custom:avt_/);
  await page.waitForTimeout(1500);
  await shot('05-create-with-avatar');
  await page.getByTestId('choose-presenter').click();
  await expect(page.getByTestId('your-avatar')).toHaveCount(1);
  await expect(page.getByTestId('your-avatar')).toHaveClass(/on/);
  await shot('06-picker');
  await page.keyboard.press('Escape');

  // Reload: the avatar is still in the library and still chosen.
  await page.reload();
  await expect(page.getByTestId('current-presenter')).toHaveAttribute('data-id', /^custom:avt_/);
  await page.goto('/#/avatars');
  await expect(page.getByTestId('avatar-card')).toHaveCount(1);
  // Delete it.
  await page.getByTestId('avatar-delete').click();
  await page.getByTestId('avatar-delete-confirm').click();
  await expect(page.getByTestId('avatar-card')).toHaveCount(0);
});
