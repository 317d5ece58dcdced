import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { example } from './flow.ts';

test('a project moves as one .zip, and bad archives are refused without touching anything', async ({ page }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  await page.goto('/');
  await page.getByTestId('product-name').fill('Archive Bottle');
  await page.getByTestId('product-price').fill('$21');
  await page.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg'), example('bottle-outdoors.jpg')]);
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).toBeVisible();
  const firstLine = await page.getByTestId('segment-text').first().inputValue();

  await page.getByTestId('projects-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
  expect(download.suggestedFilename()).toBe('Archive-Bottle.talkreel.zip');
  const zip = testInfo.outputPath('project.zip');
  await download.saveAs(zip);

  // Import it back: a second, independent project with the same content.
  await page.getByTestId('projects-menu').click();
  await page.getByTestId('import-input').setInputFiles(zip);
  await expect(page.getByTestId('product-name')).toHaveValue('Archive Bottle');
  await expect(page.getByTestId('product-price')).toHaveValue('$21');
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await expect(page.getByTestId('segment-text').first()).toHaveValue(firstLine);
  await page.getByTestId('projects-menu').click();
  await expect(page.getByTestId('project-item')).toHaveCount(2);
  await page.keyboard.press('Escape');

  // Hostile and broken archives.
  const notZip = testInfo.outputPath('notes.zip');
  writeFileSync(notZip, 'just text');
  const traversal = testInfo.outputPath('evil.zip');
  writeFileSync(traversal, zipSync({ 'manifest.json': strToU8('{"format":"talkreel-project","version":1,"exportedAt":"x"}'), '../../evil.sh': strToU8('rm -rf /') }));
  for (const [file, reason] of [[notZip, /not a talkreel project file/], [traversal, /unexpected file “\.\.\/\.\.\/evil\.sh”/]] as const) {
    await page.getByTestId('projects-menu').click();
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByTestId('import-error')).toHaveText(reason);
  }
  await expect(page.getByTestId('product-name')).toHaveValue('Archive Bottle');
  await page.getByTestId('projects-menu').click();
  await expect(page.getByTestId('project-item')).toHaveCount(2);
});
