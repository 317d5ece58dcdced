import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

test('bad input gets a clear inline message and loses nothing', async ({ page }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const fakePng = testInfo.outputPath('notes.png');
  writeFileSync(fakePng, 'These are my shopping notes, not a picture.\n'.repeat(20));
  // A real JPEG header followed by 11 MB of padding: valid bytes, too big.
  const bigJpeg = testInfo.outputPath('huge.jpg');
  writeFileSync(bigJpeg, Buffer.concat([readFileSync(example('bottle-hero.jpg')), Buffer.alloc(11 * 1024 * 1024)]));
  // A PNG whose header claims 30000 x 30000 pixels (a decompression bomb in waiting).
  const bomb = testInfo.outputPath('bomb.png');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=red:s=16x16', '-frames:v', '1', '-y', bomb]);
  const bombBytes = readFileSync(bomb);
  bombBytes.writeUInt32BE(30000, 16);
  bombBytes.writeUInt32BE(30000, 20);
  writeFileSync(bomb, bombBytes);
  // A 1×1 PNG (a tracking pixel) and an iPhone's HEIC photo (ImageMagick with libheif).
  const pixel = testInfo.outputPath('pixel.png');
  execFileSync('convert', ['-size', '1x1', 'xc:red', pixel]);
  const heic = testInfo.outputPath('IMG_0001.HEIC');
  execFileSync('convert', ['-size', '400x300', 'xc:red', `heic:${heic}`]);

  await page.goto('/');
  await page.getByTestId('product-description').fill('Hand-thrown stoneware mug that keeps coffee warm.');

  // Empty name and no images: both problems are shown, nothing typed is lost.
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByText('Give the product a name')).toBeVisible();
  await expect(page.getByTestId('images-error')).toHaveText(/Add at least 2 product images \(0 so far\)/);
  await expect(page.getByTestId('product-description')).toHaveValue('Hand-thrown stoneware mug that keeps coffee warm.');
  await expect(page.getByTestId('script-option')).toHaveCount(0);

  await page.getByTestId('image-input').setInputFiles([fakePng, bigJpeg, bomb, pixel, heic, example('bottle-hero.jpg')]);
  const errors = page.getByTestId('upload-error');
  await expect(errors).toHaveCount(5);
  await expect(errors.nth(0)).toHaveText(/“notes\.png” is not a PNG or JPEG image/);
  await expect(errors.nth(1)).toHaveText(/“huge\.jpg” is 11\.0 MB; images must be under 10 MB/);
  await expect(errors.nth(2)).toHaveText(/“bomb\.png” is 30000×30000 px/);
  await expect(errors.nth(3)).toHaveText('“pixel.png” is only 1×1 px; a product picture needs at least 200 px on its shorter side to look sharp in the video. Use a bigger photo (a shop’s thumbnail is too small).');
  await expect(errors.nth(4)).toHaveText(/^“IMG_0001\.HEIC” is a HEIC photo \(the iPhone’s own format\), which talkreel does not support\. Browsers cannot read HEIC\. Save it as JPEG first: .*File → Export → JPEG/);
  // The one good image was kept; one image is still not enough.
  await expect(page.getByTestId('image-thumb')).toHaveCount(1);
  await expect(page.getByTestId('images-error')).toHaveText(/Add at least 2 product images \(1 so far\)/);

  await page.getByTestId('product-name').fill('Stoneware Mug');
  await expect(page.getByText('Give the product a name')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('bad-input.png'), fullPage: true });

  // Deselecting below two images is caught too.
  await page.getByTestId('image-input').setInputFiles([example('bottle-colours.jpg')]);
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await expect(page.getByTestId('images-error')).toHaveCount(0);
  await page.getByTestId('image-thumb').first().click();
  await expect(page.getByTestId('images-error')).toHaveText(/Select at least 2 images for the video \(1 selected\)/);

  // Everything entered survives a reload, including the deselection.
  await page.reload();
  await expect(page.getByTestId('product-name')).toHaveValue('Stoneware Mug');
  await expect(page.getByTestId('product-description')).toHaveValue('Hand-thrown stoneware mug that keeps coffee warm.');
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await expect(page.getByTestId('image-thumb').first()).toHaveAttribute('aria-pressed', 'false');
});

test('broken product videos: truncated, fuzzed boxes, zero bytes, 600 MB — each refused plainly, the product kept', async ({ page }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const good = testInfo.outputPath('good.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=f=330', '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', '-y', good]);
  const bytes = readFileSync(good);
  // Cut off in the middle of the media data, as an interrupted copy leaves it.
  const truncated = testInfo.outputPath('truncated.mp4');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
  // Every box header after `ftyp` overwritten with noise (sizes and types), deterministically.
  const fuzzed = Buffer.from(bytes);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  for (let i = 32; i < Math.min(fuzzed.length, 4096); i += 1 + (rnd() % 24)) fuzzed[i] = rnd();
  const fuzzedPath = testInfo.outputPath('fuzzed.mp4');
  writeFileSync(fuzzedPath, fuzzed);
  const empty = testInfo.outputPath('empty.mp4');
  writeFileSync(empty, '');
  // 600 MB with a real MP4 start: sparse on disk, never read whole.
  const huge = testInfo.outputPath('huge.mp4');
  writeFileSync(huge, bytes.subarray(0, 64));
  execFileSync('truncate', ['-s', String(600 * 1024 * 1024), huge]);

  await page.goto('/');
  await page.getByTestId('product-name').fill('Steady Product');
  const input = page.getByTestId('video-input');
  const error = page.getByTestId('video-error');

  await input.setInputFiles(truncated);
  await expect(error).toContainText('truncated.mp4');
  await expect(error).toContainText(/damaged|incomplete|could not be read/i);
  await input.setInputFiles(fuzzedPath);
  await expect(error).toContainText('fuzzed.mp4');
  await expect(error).toContainText(/damaged|incomplete|could not be read|not an MP4|no video track/i);
  await input.setInputFiles(empty);
  await expect(error).toContainText(/empty/i);
  await input.setInputFiles(huge);
  await expect(error).toHaveText('“huge.mp4” is 600 MB; videos must be under 500 MB.');
  // Nothing broken was kept, nothing typed was lost; a good video is still taken.
  await expect(page.getByTestId('product-video')).toHaveCount(0);
  await expect(page.getByTestId('product-name')).toHaveValue('Steady Product');
  await input.setInputFiles(good);
  await expect(page.getByTestId('product-video-facts')).toContainText('640×360');
});
