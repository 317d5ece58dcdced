/**
 * Task Center and My Assets: two creatives exported as queued tasks, a reload in the middle
 * of an export (the task says it was interrupted and restarts), both videos in My Assets
 * (thumbnail, duration, size, date), download, rename, delete, reopen; files checked with
 * ffprobe and by their pixels. Also: cancel and restart, two exports at a time, ffmpeg.wasm.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { decodeFrames, ffprobe } from './media.ts';
import { prepareVideo } from './flow.ts';

/** Screenshots are test artifacts; SCREENS_DIR also keeps a copy out of the shared test-results. */
async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  if (process.env.SCREENS_DIR) {
    mkdirSync(process.env.SCREENS_DIR, { recursive: true });
    copyFileSync(path, `${process.env.SCREENS_DIR}/${name}.png`);
  }
}
const byStatus = (page: Page, status: string) => page.locator(`[data-testid="task"][data-status="${status}"]`);
const progressOf = async (l: Locator) => Number(await l.getByTestId('task-progress').getAttribute('aria-valuenow').catch(() => '0'));

test('two creatives export as tasks, survive a reload mid-export, and land in My Assets', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  await page.goto('/');
  await prepareVideo(page, 'Task Bottle');

  // Export two different creatives: the second waits in the queue behind the first.
  const cards = page.getByTestId('creative-card');
  await expect(cards.nth(2)).toBeVisible();
  const first = (await cards.nth(1).getAttribute('data-creative'))!;
  const second = (await cards.nth(2).getAttribute('data-creative'))!;
  await cards.nth(1).click();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-progress').or(page.getByTestId('export-queued'))).toBeVisible();
  await cards.nth(2).click();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('tasks-active')).toHaveText('2');

  // Both tasks in the Task Center: one exporting with live progress, one queued.
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('task')).toHaveCount(2);
  await expect(byStatus(page, 'running')).toHaveCount(1, { timeout: 60_000 });
  await expect(byStatus(page, 'queued')).toHaveCount(1);
  await expect(byStatus(page, 'queued')).toContainText('next in line');
  const running = byStatus(page, 'running');
  await expect.poll(() => progressOf(running), { timeout: 120_000 }).toBeGreaterThan(15);
  await expect(running).toContainText(/% · about \d+ s left/);
  const interruptedId = (await running.getAttribute('data-task'))!;
  await shot(page, testInfo, 'tasks-running');

  // Reload in the middle of the export: that task is marked interrupted (and says so); the
  // queued one starts by itself.
  await page.reload();
  const interrupted = page.locator(`[data-task="${interruptedId}"]`);
  await expect(interrupted).toHaveAttribute('data-status', 'interrupted');
  await expect(interrupted.getByTestId('task-error')).toContainText(/Interrupted at \d+ %.*reloaded/);
  await expect(byStatus(page, 'running')).toHaveCount(1, { timeout: 60_000 });
  await shot(page, testInfo, 'tasks-interrupted');

  // Restart it: it queues behind the running one, then both finish.
  await interrupted.getByTestId('task-restart').click();
  await expect(interrupted).toHaveAttribute('data-status', /queued|running/);
  await expect(byStatus(page, 'done')).toHaveCount(2, { timeout: 600_000 });
  await expect(page.getByTestId('tasks-active')).toHaveCount(0);
  await expect(byStatus(page, 'done').first()).toContainText(/MB · exported in/);
  await expect(page.locator('[data-testid="task"] img')).toHaveCount(2);
  await shot(page, testInfo, 'tasks-done');

  // My Assets: both videos with thumbnail, duration, size and date.
  await page.getByTestId('nav-assets').click();
  const assets = page.getByTestId('asset');
  await expect(assets).toHaveCount(2);
  await expect(page.getByTestId('asset-thumb')).toHaveCount(2);
  for (const img of await page.getByTestId('asset-thumb').all()) {
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(100);
  }
  await expect(page.getByTestId('asset-duration').first()).toHaveText(/^0:1[4-7]$/);
  await expect(page.getByTestId('asset-meta').first()).toHaveText(/^720×1280 · \d+\.\d MB · \w/);
  await shot(page, testInfo, 'assets');

  // Download both and check them: H.264 + AAC, 720×1280, about 15 s; different layouts.
  const files: string[] = [];
  for (const [i, asset] of (await assets.all()).entries()) {
    const [download] = await Promise.all([page.waitForEvent('download'), asset.getByTestId('asset-download').click()]);
    const file = testInfo.outputPath(`asset-${i}.mp4`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^Task-Bottle-.*9x16-720p\.mp4$/);
    files.push(file);
    const probe = ffprobe(file);
    const v = probe.streams.find((s) => s.codec_type === 'video')!;
    const a = probe.streams.find((s) => s.codec_type === 'audio')!;
    expect([v.codec_name, v.width, v.height]).toEqual(['h264', 720, 1280]);
    expect(a.codec_name).toBe('aac');
    expect(Number(probe.format.duration)).toBeGreaterThan(13);
    expect(Number(probe.format.duration)).toBeLessThan(17.5);
    expect(Number(probe.format.size)).toBeGreaterThan(300_000);
  }
  const names = await page.getByTestId('asset-name').allTextContents();
  expect(names.some((n) => n.includes(first)) || names.some((n) => n.includes(second))).toBe(true);
  // The two creatives lay the same moment out differently.
  const [fa] = decodeFrames(files[0]!, 72, 128).slice(90, 91);
  const [fb] = decodeFrames(files[1]!, 72, 128).slice(90, 91);
  let diff = 0;
  for (let i = 0; i < fa!.length; i++) diff += Math.abs(fa![i]! - fb![i]!);
  expect(diff / fa!.length).toBeGreaterThan(8);

  // Play one in the player dialog.
  await assets.first().getByTestId('asset-play').click();
  const video = page.getByTestId('asset-player').locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.3);
  await shot(page, testInfo, 'assets-player');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('asset-player')).toHaveCount(0);

  // Rename: the list and the download take the new name.
  await assets.first().getByTestId('asset-rename').click();
  await page.getByTestId('asset-name-input').fill('Launch cut / final');
  await page.getByTestId('asset-name-input').press('Enter');
  await expect(assets.first().getByTestId('asset-name')).toHaveText('Launch cut - final.mp4');
  const [renamed] = await Promise.all([page.waitForEvent('download'), assets.first().getByTestId('asset-download').click()]);
  expect(renamed.suggestedFilename()).toBe('Launch cut - final.mp4');

  // Delete one (asks first): the record and its file are gone, also after a reload.
  await assets.nth(1).getByTestId('asset-delete').click();
  await assets.nth(1).getByTestId('asset-delete-confirm').click();
  await expect(assets).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('asset')).toHaveCount(1);
  const filesLeft = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('assets');
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.length;
  });
  expect(filesLeft).toBe(1);

  // Reopen for editing: the project opens in Create.
  await page.getByTestId('asset-edit').click();
  await expect(page.getByTestId('product-name')).toBeVisible();
  await expect(page.getByTestId('product-name')).toHaveValue('Task Bottle');
});

/** Files in the app's OPFS scratch folder for exports being written. */
const exportFiles = (page: Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('exports', { create: true });
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });

test('cancelling a running export stops it, leaves no file behind, and Restart exports it', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await prepareVideo(page, 'Cancel Bottle');
  await page.getByTestId('export').click();
  await page.getByTestId('nav-tasks').click();
  const task = page.getByTestId('task');
  await expect(task).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  await expect.poll(() => progressOf(task), { timeout: 120_000 }).toBeGreaterThan(5);
  expect(await exportFiles(page)).toHaveLength(1);

  await task.getByTestId('task-cancel').click();
  await expect(task).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await expect(task.getByTestId('task-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('tasks-active')).toHaveCount(0);
  // The half-written video is removed, and nothing reaches My Assets.
  await expect.poll(() => exportFiles(page)).toHaveLength(0);
  await shot(page, testInfo, 'tasks-cancelled');
  await page.getByTestId('nav-assets').click();
  await expect(page.getByTestId('assets-empty')).toBeVisible();

  await page.getByTestId('nav-tasks').click();
  await task.getByTestId('task-restart').click();
  await expect(task).toHaveAttribute('data-status', 'done', { timeout: 500_000 });
  // The finished video moved out of the scratch folder into My Assets.
  expect(await exportFiles(page)).toHaveLength(0);
  await page.getByTestId('nav-assets').click();
  await expect(page.getByTestId('asset')).toHaveCount(1);
});

test('with two exports at a time, two queued creatives export side by side', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/#/tasks');
  await page.getByRole('radiogroup', { name: 'Exports at a time' }).getByRole('radio', { name: 'Two' }).click();
  await page.getByTestId('nav-create').click();
  await prepareVideo(page, 'Pair Bottle');
  const cards = page.getByTestId('creative-card');
  await cards.nth(1).click();
  await page.getByTestId('export').click();
  await cards.nth(3).click();
  await page.getByTestId('export').click();
  await page.getByTestId('nav-tasks').click();
  // Both run at once (none waits in the queue), and both finish as separate videos.
  await expect(byStatus(page, 'running')).toHaveCount(2, { timeout: 60_000 });
  await expect(byStatus(page, 'queued')).toHaveCount(0);
  await expect(byStatus(page, 'done')).toHaveCount(2, { timeout: 500_000 });
  await page.getByTestId('nav-assets').click();
  await expect(page.getByTestId('asset')).toHaveCount(2);
  // The setting is kept for the next visit.
  await page.reload();
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByRole('radiogroup', { name: 'Exports at a time' }).getByRole('radio', { name: 'Two' })).toHaveAttribute('aria-checked', 'true');
});

/** Sizes of the two ffmpeg.wasm cores' wasm files, as npm ships them. */
const coreWasmBytes = (pkg: '@ffmpeg/core' | '@ffmpeg/core-mt'): number => statSync(new URL(`../node_modules/${pkg}/dist/esm/ffmpeg-core.wasm`, import.meta.url)).size;

test('the ffmpeg.wasm encoder, chosen in the Task Center settings, exports a valid MP4', async ({ page, context }, testInfo) => {
  test.setTimeout(600_000);
  // Which core really ran, seen from the network rather than from the app's own report: the
  // wasm file fetched (the threaded core's differs in size) and how often the core's script is
  // loaded (each thread of the threaded core's pool loads it once more).
  const dist = process.env.TALKREEL_DIST ?? 'dist';
  const wasmFetched: number[] = [];
  const coreScripts: string[] = [];
  context.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/^ffmpeg-core-.*\.wasm$/.test(name)) wasmFetched.push(statSync(join(dist, 'assets', name)).size);
    if (/^ffmpeg-core-.*\.js$/.test(name)) coreScripts.push(name);
  });
  await page.goto('/#/tasks');
  await expect(page.getByTestId('tasks-empty')).toBeVisible();
  await page.getByTestId('export-settings').getByRole('radio', { name: 'ffmpeg.wasm' }).click();
  await page.getByTestId('nav-create').click();
  await prepareVideo(page, 'Wasm Bottle');
  await page.getByTestId('export').click();
  await page.getByTestId('nav-tasks').click();
  const task = page.getByTestId('task');
  await expect(task).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  await expect(task).toContainText('ffmpeg.wasm, as chosen in the settings', { timeout: 60_000 });
  // The app is cross-origin isolated, so with two cores or more the threaded core must start.
  // The app is served cross-origin isolated (COOP/COEP), so shared memory is there.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const threaded = await page.evaluate(() => navigator.hardwareConcurrency > 1);
  await expect(task).toContainText(threaded ? /multi-threaded core, \d+ threads/ : 'single-threaded core');
  expect([...new Set(wasmFetched)]).toEqual([coreWasmBytes(threaded ? '@ffmpeg/core-mt' : '@ffmpeg/core')]);
  const loads = Math.max(0, ...[...new Set(coreScripts)].map((n) => coreScripts.filter((m) => m === n).length));
  if (threaded) expect(loads, 'the threaded core’s thread pool loads its script in every thread').toBeGreaterThan(2);
  await shot(page, testInfo, 'tasks-ffmpeg-running');
  await expect(task).toHaveAttribute('data-status', 'done', { timeout: 500_000 });
  await expect(task).toContainText('ffmpeg.wasm');
  const [download] = await Promise.all([page.waitForEvent('download'), task.getByTestId('task-download').click()]);
  const file = testInfo.outputPath('ffmpeg.mp4');
  await download.saveAs(file);
  const probe = ffprobe(file);
  const v = probe.streams.find((s) => s.codec_type === 'video')!;
  expect([v.codec_name, v.width, v.height, (v as { pix_fmt?: string }).pix_fmt]).toEqual(['h264', 720, 1280, 'yuv420p']);
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
  expect(Number(probe.format.duration)).toBeGreaterThan(13);
  // Every frame decodes (one-second segments joined into one track), none of them blank.
  const frames = decodeFrames(file, 72, 128);
  expect(frames.length).toBeGreaterThan(13 * 30);
  const mean = (f: Uint8Array) => f.reduce((n, x) => n + x, 0) / f.length;
  expect(Math.min(...frames.map(mean))).toBeGreaterThan(20);
});
