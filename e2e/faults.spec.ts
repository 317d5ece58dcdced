import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { addExampleImages, prepareVideo } from './flow.ts';

test('an export worker that dies mid-export fails the export with a reason, and a retry succeeds', async ({ page }) => {
  await page.goto('/');
  await prepareVideo(page);
  const before = new Set(page.workers());
  await page.getByTestId('export').click();
  await expect.poll(async () => Number(await page.getByTestId('export-progress').getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(10);
  // The export runs in a worker of its own: kill it from the inside, with no error event.
  const exporter = page.workers().find((w) => !before.has(w) && w.url().includes('render.worker'));
  expect(exporter).toBeTruthy();
  await exporter!.evaluate(() => self.close()).catch(() => undefined);
  await expect(page.getByTestId('export-error')).toHaveText(/stopped responding.*try the export again/, { timeout: 30_000 });
  await expect(page.getByTestId('product-name')).toHaveValue('Fault Test Bottle');
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
});

test('running out of storage during an export says so and keeps every project', async ({ page, context }) => {
  await page.goto('/');
  await prepareVideo(page, 'Quota Bottle');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  // Leave room for far less than the video needs (a 15 s 720p export is several MB).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: usage + 400_000 });
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-error')).toHaveText(/not enough free storage/i, { timeout: 120_000 });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
  await page.reload();
  await expect(page.getByTestId('product-name')).toHaveValue('Quota Bottle');
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
});

test('closing the page in the middle of typing reopens on a committed state', async ({ page, context }) => {
  await page.goto('/');
  await page.getByTestId('product-name').fill('Committed name');
  await expect(page.getByTestId('saved')).toBeVisible();
  await page.waitForTimeout(300);
  // Type and close at once: the newest write may or may not land, but nothing is corrupt.
  await page.getByTestId('product-description').fill('A description typed just before the tab closed.');
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await again.goto('/');
  await expect(again.getByTestId('product-name')).toHaveValue('Committed name');
  const desc = await again.getByTestId('product-description').inputValue();
  expect(['', 'A description typed just before the tab closed.']).toContain(desc);
  await expect(again.getByTestId('save-error')).toHaveCount(0);
});

test('a newer schema opened in another tab makes this tab stop writing and say why', async ({ page, context }) => {
  await page.goto('/');
  await page.getByTestId('product-name').fill('Old tab');
  await expect(page.getByTestId('saved')).toBeVisible();
  // Another tab (a newer talkreel) upgrades the database.
  const other = await context.newPage();
  await other.goto('/headless.html');
  await other.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('talkreel', 99);
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
  );
  await page.getByTestId('product-name').fill('Old tab, edited');
  await expect(page.getByTestId('save-error')).toHaveText(/newer version of talkreel is open in another tab/);
});

test('a database that cannot be opened: save every readable project, then start afresh, then import it back', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('product-name').fill('Rescued Bottle');
  await page.getByTestId('product-description').fill('A steel bottle that survived a damaged database.');
  await addExampleImages(page);
  await expect(page.getByTestId('saved')).toBeVisible();
  await page.waitForTimeout(500);

  // Chromium's answer for a damaged LevelDB backing store, for the app's own (versioned) open
  // only; reading at the stored version without migrating still works, as it does in that case.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('break-db') !== '1') return;
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (version !== undefined) throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      return open.call(this, name);
    };
  });
  await page.evaluate(() => sessionStorage.setItem('break-db', '1'));
  await page.reload();
  await expect(page.getByTestId('storage-rescue')).toBeVisible();
  await expect(page.getByTestId('storage-problem')).toContainText('Internal error opening backing store');
  await page.screenshot({ path: testInfo.outputPath('storage-rescue.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rescue-download').click()]);
  await expect(page.getByTestId('rescue-saved')).toContainText('Saved 1 project');
  const file = testInfo.outputPath('rescued.zip');
  await download.saveAs(file);
  const outer = unzipSync(new Uint8Array(readFileSync(file)));
  const names = Object.keys(outer);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^Rescued Bottle-.{6}\.talkreel\.zip$/);
  const inner = unzipSync(outer[names[0]!]!);
  expect(JSON.parse(strFromU8(inner['project.json']!)).name).toBe('Rescued Bottle');
  expect(Object.keys(inner).filter((n) => n.startsWith('media/'))).toHaveLength(2);
  const archive = testInfo.outputPath('rescued-project.zip');
  writeFileSync(archive, outer[names[0]!]!);

  // Start afresh (the damage is gone with the deleted database), then take the project back.
  await page.evaluate(() => sessionStorage.removeItem('break-db'));
  await page.getByTestId('rescue-reset').click();
  await page.getByTestId('rescue-reset-confirm').click();
  await expect(page.getByTestId('product-name')).toHaveValue('');
  await page.getByTestId('import-input').setInputFiles(archive);
  await expect(page.getByTestId('product-name')).toHaveValue('Rescued Bottle');
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
});
