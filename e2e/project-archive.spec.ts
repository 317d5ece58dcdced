import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

test('a project filled to every limit the editor allows exports and imports again', async ({ page }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  // 61 small (but big enough) pictures: the 61st is one more than a project holds.
  const pic = testInfo.outputPath('pic.jpg');
  execFileSync('convert', ['-size', '240x240', 'xc:teal', pic]);
  const pics = Array.from({ length: 61 }, (_, i) => ({ name: `pic-${String(i + 1).padStart(2, '0')}.jpg`, mimeType: 'image/jpeg', buffer: readFileSync(pic) }));
  await page.goto('/');
  // Typed past every limit: the form keeps what a project archive carries.
  await page.getByTestId('product-name').fill('N'.repeat(300));
  await page.getByTestId('product-brand').fill('B'.repeat(300));
  await page.getByTestId('product-price').fill('9'.repeat(300));
  await page.getByTestId('product-description').fill('ب'.repeat(25_000));
  await page.getByTestId('product-features').fill(Array.from({ length: 105 }, (_, i) => `${i} ${'f'.repeat(1100)}`).join('\n'));
  await expect(page.getByTestId('features-error')).toHaveText('Only the first 100 of 105 features are kept; 105 lines are longer than 1000 characters and cut there.');
  await page.getByTestId('image-input').setInputFiles(pics);
  await expect(page.getByTestId('image-thumb')).toHaveCount(60, { timeout: 120_000 });
  await expect(page.getByTestId('upload-error')).toHaveText('“pic-61.jpg” was not added: a project holds at most 60 images. Remove some you do not use first.');
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).toBeVisible();
  await page.getByTestId('segment-text').first().fill('w'.repeat(5000));
  const kept = {
    name: await page.getByTestId('product-name').inputValue(),
    brand: await page.getByTestId('product-brand').inputValue(),
    price: await page.getByTestId('product-price').inputValue(),
    description: await page.getByTestId('product-description').inputValue(),
    features: await page.getByTestId('product-features').inputValue(),
    segment: await page.getByTestId('segment-text').first().inputValue(),
  };
  expect(Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, v.length]))).toMatchObject({ name: 120, brand: 60, price: 24, description: 20_000, segment: 4000 });

  await page.getByTestId('projects-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
  const zip = testInfo.outputPath('full.zip');
  await download.saveAs(zip);
  // The project left open is renamed after the export, so the checks below can only pass on
  // the imported copy (the import opens it once its 60 images are read). Its features field
  // still holds all 105 typed lines, which read as the same 100 kept ones: only opening
  // another project may replace them.
  await page.getByTestId('product-name').fill('Left open');
  await page.getByTestId('projects-menu').click();
  await page.getByTestId('import-input').setInputFiles(zip);
  await expect(page.getByTestId('product-name')).toHaveValue(kept.name, { timeout: 60_000 });
  await page.getByTestId('projects-menu').click();
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expect(page.getByTestId('project-item')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('image-thumb')).toHaveCount(60);
  // The features field shows the kept features one a line; the rest as they were kept.
  await page.getByTestId('product-features').focus();
  expect((await page.getByTestId('product-features').inputValue()).split('\n')).toHaveLength(100);
  for (const [id, value] of [['product-name', kept.name], ['product-brand', kept.brand], ['product-price', kept.price], ['product-description', kept.description]] as const) {
    await expect(page.getByTestId(id)).toHaveValue(value);
  }
  await expect(page.getByTestId('segment-text').first()).toHaveValue(kept.segment);
  await page.screenshot({ path: testInfo.outputPath('limits-imported.png') });
});
