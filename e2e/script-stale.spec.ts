/**
 * The script step: generate options (each showing its spoken length), change the duration and
 * see the stale notice, regenerate in one click; switch to Arabic and get Arabic scripts in a
 * right-to-left editor.
 */
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

test('changing the duration marks the script stale, and one click regenerates it', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('product-name').fill('Aurora Insulated Bottle');
  await page.getByTestId('product-price').fill('$34');
  await page.getByTestId('product-description').fill(
    'A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12. The leak-proof cap has a carry loop, and the wide mouth fits ice cubes and cleans easily.',
  );
  await page.getByTestId('product-features').fill('Cold for 24 hours, hot for 12\nLeak-proof cap with carry loop\n750 ml, fits cup holders');
  await page.getByTestId('image-input').setInputFiles([example('bottle-hero.jpg'), example('bottle-colours.jpg')]);
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await page.getByRole('radio', { name: '15 s', exact: true }).click();

  await page.getByTestId('generate-scripts').click();
  const options = page.getByTestId('script-option');
  await expect(options.first()).toBeVisible();
  expect(await options.count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('script-stale')).toHaveCount(0);
  // Every option shows its spoken length, measured with the real voice once timed.
  await expect(page.getByText('Timing each option with the real voice…')).toHaveCount(0, { timeout: 60_000 });
  for (const text of await options.allInnerTexts()) expect(text).toMatch(/1[3-6]\.\d s voiced/);
  // The feature line reads as an ad line, not as "the cold for 24 hours".
  expect((await options.allInnerTexts()).join(' ')).not.toMatch(/the cold for 24 hours/i);

  // A new duration: the script is stale, said plainly, with a one-click regenerate.
  await page.getByRole('radio', { name: '30 s', exact: true }).click();
  const stale = page.getByTestId('script-stale');
  await expect(stale).toBeVisible();
  await expect(stale).toContainText('changed since these scripts were written');
  await stale.getByRole('button', { name: 'Regenerate' }).click();
  await expect(stale).toHaveCount(0);
  await expect(page.getByText('Timing each option with the real voice…')).toHaveCount(0, { timeout: 60_000 });
  for (const text of await options.allInnerTexts()) expect(text).toMatch(/(2[7-9]|3[0-3])\.\d s voiced/);

  // Another language: stale again; the regenerated scripts are Arabic, edited right to left.
  await page.getByTestId('language').selectOption('ar');
  await expect(stale).toBeVisible();
  await page.getByTestId('generate-scripts').click();
  await expect(stale).toHaveCount(0);
  await expect(options.first()).toContainText(/[\u0600-\u06FF]/);
  await expect(page.getByTestId('segment-text').first()).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText('Timing each option with the real voice…')).toHaveCount(0, { timeout: 60_000 });
  // The script writer is there, off by default.
  await expect(page.getByTestId('writer-settings')).toContainText('Templates (built in)');
});
