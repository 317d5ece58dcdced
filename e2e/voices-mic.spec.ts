/**
 * Microphone recording with MediaRecorder in a real browser: Chromium's fake capture device
 * plays a WAV made here with Debian ffmpeg (syllable-like bursts), the app records it, decodes
 * it, levels it and stores it as the project's voice.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, launchOptions } from '../scripts/lib/chromium.ts';

const wav = join(mkdtempSync(join(tmpdir(), 'voices-mic-')), 'mic.wav');
execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', "aevalsrc='0.4*sin(2*PI*180*t)*gt(sin(2*PI*3*t),0)':s=48000:d=20", '-ac', '1', '-y', wav]);

test.use({
  launchOptions: { ...launchOptions(), args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`] },
  permissions: ['microphone'],
});

test('record with the microphone: the recording becomes the project voice', async ({ page }) => {
  await page.goto('/#/voices');
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('record-stop')).toBeVisible();
  const t0 = Date.now();
  await page.waitForTimeout(3500);
  await page.screenshot({ path: 'test-results/voices-recording.png', clip: { x: 0, y: 0, width: 1440, height: 360 } });
  await page.getByTestId('record-stop').click();
  const seconds = (Date.now() - t0) / 1000;
  const row = page.getByTestId('user-voice');
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row).toContainText('Recording');
  await expect(row.getByTestId('voice-in-use')).toBeVisible();
  const facts = await row.locator('.facts').innerText();
  console.log(`recorded: ${facts}`);
  // As long as the recording ran (± 1.5 s), 48 kHz (Opus in WebM), levelled to -16 LUFS.
  const [m, s] = /(\d+):(\d\d)/.exec(facts)!.slice(1).map(Number);
  expect(Math.abs(m! * 60 + s! - seconds)).toBeLessThan(1.5);
  expect(facts).toContain('48.0 kHz');
  await expect(page.getByTestId('record-error')).toHaveCount(0);
});
