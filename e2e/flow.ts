/** Shared steps for specs that need a project ready to export. */
import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const example = (name: string): string => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

/** Fills a product, writes scripts at 15 s and builds the preview. */
export async function prepareVideo(page: Page, name = 'Fault Test Bottle'): Promise<void> {
  await page.getByTestId('product-name').fill(name);
  await page.getByTestId('product-description').fill('A steel bottle that keeps water cold all day and hot all morning.');
  await addExampleImages(page);
  await writeAndPreview(page);
}

export async function addExampleImages(page: Page): Promise<void> {
  await page.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg'), example('bottle-colours.jpg')]);
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
}

/** With the product filled in: scripts at 15 s, the first option, the preview, 720p chosen. */
export async function writeAndPreview(page: Page): Promise<void> {
  await page.getByRole('radio', { name: '15 s', exact: true }).click();
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).toBeVisible();
  await page.getByTestId('generate-video').click();
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('radio', { name: '720p' }).click();
}
