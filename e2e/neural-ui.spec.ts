/*
 * The neural choice in the UI: a photo avatar offers Neural only once a lip-sync model is on the
 * device; a model imported from a file on the Models screen can then be chosen per avatar, and
 * the choice survives a reload. Screenshots go to test-results for a person to look at.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { GENERATED, GENERATED_DIR, writeGenerated } from '../models/build-wav2lip.ts';
import { portrait } from './fixtures/faces.ts';
import { prepareVideo } from './flow.ts';

test.beforeAll(() => {
  if (!existsSync(join(GENERATED_DIR, GENERATED.slim))) writeGenerated();
});

async function openAvatar(page: Page, id: string): Promise<void> {
  await page.goto('/#/avatars');
  await page.locator(`[data-testid="avatar-card"][data-id="${id}"] .thumb`).click();
  await expect(page.getByTestId('avatar-lipsync')).toBeVisible();
}

test('Neural lip-sync per avatar: needs a model, then chosen and kept', async ({ page }, info) => {
  test.setTimeout(600_000);
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  const made = await page.evaluate((url) => window.talkreel.avatar.create({ url, name: 'man.png', gender: 'male', avatarName: 'Marco' }), `/__fixtures${portrait('man')}`);
  if ('error' in made) throw new Error(made.error.message);

  // No model yet: Neural says it needs one and links to Models; choosing it is refused.
  await openAvatar(page, made.id);
  const box = page.getByTestId('avatar-lipsync');
  await expect(box.getByTestId('avatar-lipsync-none')).toContainText('No lip-sync model on this device yet');
  await box.getByRole('radio', { name: /Neural/ }).click();
  await expect(box.getByRole('alert')).toHaveText('Install a lip-sync model under Models first.');
  await expect(box.getByRole('radio', { name: /Built-in/ })).toHaveAttribute('aria-checked', 'true');
  await page.screenshot({ path: info.outputPath('avatars-no-model.png'), fullPage: true });

  // Import the generated model from a file as a lip-sync model.
  await page.goto('/#/models');
  await page.getByTestId('import-task').selectOption('lipsync');
  await page.getByTestId('import-model-input').setInputFiles(join(GENERATED_DIR, GENERATED.slim));
  await expect(page.getByTestId('models-lipsync').getByTestId('model-row')).toHaveCount(1, { timeout: 30_000 });
  await page.screenshot({ path: info.outputPath('models-lipsync.png'), fullPage: true });

  await openAvatar(page, made.id);
  await box.getByRole('radio', { name: /Neural/ }).click();
  await expect(box).toContainText('wav2lip-96-slim-random');
  await expect(box).toContainText('Imported from a file: check its licence. The public Wav2Lip weights are for non-commercial use only.');
  await page.screenshot({ path: info.outputPath('avatars-neural.png'), fullPage: true });

  // Saved on the avatar: after a reload the choice is still Neural, with that model.
  await page.reload();
  await openAvatar(page, made.id);
  await expect(box.getByRole('radio', { name: /Neural/ })).toHaveAttribute('aria-checked', 'true');
  await expect(box).toContainText('wav2lip-96-slim-random');

  // Use it in a video and export: the Task Center says the model runs, and on which backend.
  await page.locator(`[data-testid="avatar-card"][data-id="${made.id}"]`).getByTestId('avatar-use').click();
  await prepareVideo(page, 'Neural Test Bottle');
  await page.getByTestId('export').click();
  await page.goto('/#/tasks');
  await expect(page.getByText(/Neural lip-sync on (WebGPU|WASM, \d threads?): \d+\/\d+ frames/)).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: info.outputPath('tasks-lipsync.png'), fullPage: true });
  await page.goto('/#/');
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 300_000 });
});
