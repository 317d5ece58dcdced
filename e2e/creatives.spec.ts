/**
 * Creatives and the editor, in the real app: one script rendered in every creative, side by
 * side; each layout screenshotted at each ratio (test-results/creatives/); a scene's text
 * edited and seen in the preview.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { example, prepareVideo } from './flow.ts';
import { decodeFrames, ffprobe, frameAt, regionDiff, tone } from './media.ts';
import { layoutAt } from '../src/compose/layout.ts';
import type { Timeline } from '../src/compose/types.ts';

const SHOTS = 'test-results/creatives';
const RATIOS = [
  ['9:16', '9x16'],
  ['16:9', '16x9'],
  ['1:1', '1x1'],
] as const;

/** The preview's scenes, from the player's data attribute. */
async function scenes(page: Page): Promise<Array<{ kind: 'presenter' | 'product' | 'cta'; start: number; end: number }>> {
  const raw = (await page.getByTestId('player').getAttribute('data-scenes')) ?? '';
  return raw.split(' ').map((s) => {
    const [kind, span] = s.split(':') as ['presenter' | 'product' | 'cta', string];
    const [start, end] = span.split('-').map(Number) as [number, number];
    return { kind, start, end };
  });
}

/** Seeks the preview to t seconds (the player draws that instant). */
async function seek(page: Page, t: number): Promise<void> {
  await page.getByTestId('seek').fill(String(t));
  await page.waitForTimeout(400);
}

async function pause(page: Page): Promise<void> {
  const play = page.getByTestId('play');
  if ((await play.getAttribute('aria-label')) === 'Pause') await play.click();
}

test('several creatives side by side, each playing at once when picked, each layout at each ratio', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('/');
  // Stills for people to look at: no play button over the picture.
  await page.addStyleTag({ content: '.bigplay { display: none !important; }' });
  await prepareVideo(page, 'Aurora Insulated Bottle');
  const cards = page.getByTestId('creative-card');
  await expect(cards).toHaveCount(5);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-creative')!));
  expect(ids).toEqual(['classic', 'cutin', 'split', 'bubble', 'showcase']);
  // Every still is drawn by the renderer.
  await expect(page.locator('[data-testid=creative-card] canvas[data-drawn="1"]')).toHaveCount(5, { timeout: 60_000 });
  await page.getByLabel('Preview and export').screenshot({ path: `${SHOTS}/panel-gallery.png` });

  for (const [ratio, tag] of RATIOS) {
    await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: ratio }).click();
    await expect(page.getByTestId('player')).toBeVisible();
    for (const id of ids) {
      await page.locator(`[data-testid=creative-card][data-creative=${id}]`).click();
      await expect(page.locator(`[data-testid=creative-card][data-creative=${id}]`)).toHaveAttribute('aria-checked', 'true');
      // Picking plays at once.
      await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
      await pause(page);
      const duration = Number(await page.getByTestId('player').getAttribute('data-duration'));
      const product = (await scenes(page)).find((x) => x.kind === 'product')!;
      for (const [name, t] of [['product', (product.start + product.end) / 2], ['end', duration - 0.4]] as const) {
        await seek(page, t);
        await page.getByTestId('preview-canvas').screenshot({ path: `${SHOTS}/${id}-${tag}-${name}.png` });
      }
    }
  }
});

/** RGB of one pixel of a decoded frame. */
const px = (f: Uint8Array, w: number, x: number, y: number) => {
  const i = (Math.round(y) * w + Math.round(x)) * 3;
  return [f[i]!, f[i + 1]!, f[i + 2]!] as const;
};

/** Decodes a PNG screenshot to RGB at w x h. */
function pngRgb(file: string, w: number, h: number): Uint8Array {
  return frameAt(file, 0, w, h);
}

test('edit a scene and add music in the editor: the preview and the exported MP4 show the new line and carry the music, in the chosen layout', async ({ page }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('/');
  await page.addStyleTag({ content: '.bigplay { display: none !important; }' });
  await prepareVideo(page, 'Aurora Insulated Bottle');
  // Script fitting may still have refined the lines after the first preview: bring it up to date.
  const update = page.getByRole('button', { name: 'Update preview' });
  if (await update.isVisible()) {
    await update.click();
    await expect(update).toBeHidden({ timeout: 30_000 });
  }
  await expect(page.getByTestId('generate-video')).toBeEnabled({ timeout: 30_000 });
  await page.locator('[data-testid=creative-card][data-creative=split]').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-creative', 'split');
  await pause(page);

  await page.getByTestId('edit-creative').click();
  const texts = page.getByTestId('scene-text');
  await expect(texts.first()).toBeVisible();
  const before = await scenes(page);
  // The first product scene: its caption is what we change.
  const k = before.findIndex((s) => s.kind === 'product');
  const oldLine = await texts.nth(k).inputValue();
  const at = before[k]!.start + 0.45;
  await seek(page, at);
  const beforeShot = testInfo.outputPath('before.png');
  await page.getByTestId('preview-canvas').screenshot({ path: beforeShot });

  const newLine = 'Wow, zero leaks, even upside down in your gym bag.';
  await texts.nth(k).fill(newLine);
  await page.getByTestId('scene-apply').click();
  // Only that scene is voiced again; the timeline (and the player's scenes) follow.
  await expect(page.getByTestId('player')).not.toHaveAttribute('data-scenes', before.map((s) => `${s.kind}:${s.start.toFixed(2)}-${s.end.toFixed(2)}`).join(' '), { timeout: 30_000 });
  await expect(page.getByTestId('generate-video')).toBeEnabled();
  await expect(texts.nth(k)).toHaveValue(newLine);
  const after = await scenes(page);
  expect(after[k - 1]!.start).toBeCloseTo(before[k - 1]!.start, 2);
  const at2 = after[k]!.start + 0.45;
  await pause(page);
  await seek(page, at2);
  const afterShot = testInfo.outputPath('after.png');
  await page.getByTestId('preview-canvas').screenshot({ path: afterShot });
  await page.getByTestId('preview-canvas').screenshot({ path: `${SHOTS}/edited-split-9x16.png` });
  await page.getByLabel('Preview and export').screenshot({ path: `${SHOTS}/panel-editor.png` });

  // Undo puts the old line back; redo brings the edit again.
  await page.getByTestId('undo').click();
  await expect(texts.nth(k)).toHaveValue(oldLine);
  await expect(page.getByTestId('generate-video')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('redo').click();
  await expect(texts.nth(k)).toHaveValue(newLine);
  await expect(page.getByTestId('generate-video')).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('player')).toHaveAttribute('data-scenes', after.map((s) => `${s.kind}:${s.start.toFixed(2)}-${s.end.toFixed(2)}`).join(' '));

  // The typeface: an elegant serif redraws the caption (the worker loaded the font: a missing
  // one would fall back to Inter and look the same); back to Modern, the old caption returns.
  const band0 = { x: 0, y: 384 * 0.5, w: 216, h: 384 * 0.13 };
  const fonts = page.getByRole('radiogroup', { name: 'Font' });
  await fonts.getByRole('radio', { name: 'Elegant' }).click();
  await expect(fonts.getByRole('radio', { name: 'Elegant' })).toHaveAttribute('aria-checked', 'true');
  const serifShot = testInfo.outputPath('serif.png');
  await expect
    .poll(async () => {
      await seek(page, at2);
      await page.getByTestId('preview-canvas').screenshot({ path: serifShot });
      return regionDiff(pngRgb(serifShot, 216, 384), pngRgb(afterShot, 216, 384), 216, band0);
    }, { timeout: 15_000 })
    .toBeGreaterThan(8);
  await page.getByTestId('preview-canvas').screenshot({ path: `${SHOTS}/font-elegant-split-9x16.png` });
  await fonts.getByRole('radio', { name: 'Modern' }).click();
  const modernShot = testInfo.outputPath('modern.png');
  await seek(page, at2);
  await page.getByTestId('preview-canvas').screenshot({ path: modernShot });
  expect(regionDiff(pngRgb(modernShot, 216, 384), pngRgb(afterShot, 216, 384), 216, band0)).toBeLessThan(3);

  // Background music: a picture named like audio is refused by its bytes; a real file is kept.
  const fake = testInfo.outputPath('song.mp3');
  copyFileSync(example('bottle-hero.jpg'), fake);
  await page.getByTestId('music-input').setInputFiles(fake);
  await expect(page.getByTestId('music-error')).toContainText('not audio');
  const music = testInfo.outputPath('chord.m4a');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=6', '-filter_complex', 'amix=inputs=2', '-ac', '2', music]);
  await page.getByTestId('music-input').setInputFiles(music);
  await expect(page.getByTestId('music-name')).toContainText('chord.m4a');
  await expect(page.getByTestId('music-error')).toBeHidden();
  await page.getByTestId('editor').screenshot({ path: `${SHOTS}/editor-with-music.png` });
  // A look-only change (captions) re-renders the playing preview without stopping the sound.
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await page.getByRole('radiogroup', { name: 'Captions' }).getByRole('radio', { name: 'Boxed' }).click();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-label', 'Pause');
  await pause(page);
  // Back to the creative's own captions (the export is compared with the preview shot above).
  await page.getByRole('radiogroup', { name: 'Captions' }).getByRole('radio', { name: 'Karaoke' }).click();

  // Export the edited split-screen creative.
  await page.getByTestId('export').click();
  const download = page.waitForEvent('download', { timeout: 180_000 });
  await expect(page.getByTestId('download')).toBeVisible({ timeout: 180_000 });
  await page.getByTestId('download').click();
  const file = testInfo.outputPath('split.mp4');
  await (await download).saveAs(file);
  const probe = ffprobe(file);
  const v = probe.streams.find((s) => s.codec_type === 'video')!;
  expect(v.codec_name).toBe('h264');
  expect([v.width, v.height]).toEqual([720, 1280]);
  // With (stereo) music the sound is 44.1 kHz stereo: music keeps its top octave and its width.
  const a = probe.streams.find((s) => s.codec_type === 'audio')!;
  expect([a.codec_name, Number(a.sample_rate), a.channels]).toEqual(['aac', 44100, 2]);
  const duration = Number(await page.getByTestId('player').getAttribute('data-duration'));
  expect(Math.abs(Number(probe.format.duration) - duration)).toBeLessThan(0.15);
  // The music is in the exported sound track (its 220 Hz note), under the voice.
  const note = tone(file, 220);
  const off = tone(file, 247);
  console.log(`exported audio: 220 Hz ${note.toExponential(2)}, 247 Hz ${off.toExponential(2)}`);
  expect(note).toBeGreaterThan(off * 4);

  // The caption band of the exported frame matches the edited preview, not the old one.
  const W = 216;
  const H = 384;
  const band = { x: 0, y: H * 0.5, w: W, h: H * 0.13 }; // split 9:16 product scene: captions on the seam at y = 1100/1920
  const exported = frameAt(file, at2, W, H);
  const preAfter = pngRgb(afterShot, W, H);
  const preBefore = pngRgb(beforeShot, W, H);
  const same = regionDiff(exported, preAfter, W, band);
  const old = regionDiff(exported, preBefore, W, band);
  console.log(`caption band: export vs edited preview ${same.toFixed(1)}, vs old preview ${old.toFixed(1)}`);
  expect(same).toBeLessThan(12);
  expect(old).toBeGreaterThan(same * 1.5);

  // Layout: split screen, product scene: photo on top, the presenter on the colour panel below.
  const tl = { ratio: '9:16', creative: 'split', scenes: after.map((s) => ({ ...s, image: 0, text: '' })) } as unknown as Timeline;
  const mid = (after[k]!.start + after[k]!.end) / 2;
  const lay = layoutAt(tl, mid);
  expect(lay.panel).not.toBeNull();
  const s = W / 1080;
  const frames = decodeFrames(file, W, H, 10).slice(Math.ceil(after[k]!.start * 10) + 6, Math.floor(after[k]!.end * 10));
  expect(frames.length).toBeGreaterThan(5);
  // The panel's corner is the creative's light panel colour, not the dark photo backdrop.
  const [r, g, b] = px(frames[0]!, W, 8, (lay.panel!.y + lay.panel!.h - 20) * s);
  expect(r).toBeGreaterThan(200);
  expect(g).toBeGreaterThan(170);
  expect(b).toBeGreaterThan(150);
  // The presenter's head (upper third of the box, where the layout puts it) moves: lips, blinks.
  const box = lay.presenter;
  const head = { x: (box.x + box.w * 0.3) * s, y: (box.y + box.h * 0.15) * s, w: box.w * 0.4 * s, h: box.h * 0.3 * s };
  let headMotion = 0;
  for (let i = 1; i < frames.length; i++) {
    headMotion = Math.max(headMotion, regionDiff(frames[i]!, frames[0]!, W, head));
  }
  console.log(`split presenter head motion ${headMotion.toFixed(2)}`);
  expect(headMotion).toBeGreaterThan(1.5);

  // The edit is kept with the project: after a reload the editor shows the new line.
  await page.reload();
  await page.getByTestId('edit-creative').click({ timeout: 60_000 });
  await expect(page.getByTestId('scene-text').nth(k)).toHaveValue(newLine);
  await expect(page.locator('[data-testid=creative-card][data-creative=split]')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('music-name')).toContainText('chord.m4a');
});
