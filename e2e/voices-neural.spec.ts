/**
 * The neural voice engine (Piper/VITS contract) in a real browser: onnxruntime-web in the TTS
 * worker runs a tiny generated model of the same contract (models/build-piper-tiny.ts). The
 * audio length must be exactly what the phoneme ids make it (so espeak's IPA → ids → session →
 * output all ran), and the forced word timings must be in order and cover the audio.
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { prepareVideo } from './flow.ts';
import { ffprobe } from './media.ts';
import { buildPiperTiny, TINY_HOP, TINY_SAMPLE_RATE } from '../models/build-piper-tiny.ts';
import { phonemeIds, testPhonemeMap } from '../src/voice/piper.ts';
import { phonemize } from '../workers/tts/espeak-engine.ts';

test('a Piper-contract ONNX voice speaks through onnxruntime-web with forced word timings', async ({ page }) => {
  const { model, config } = buildPiperTiny();
  const text = 'Meet the bottle that keeps your water cold all day. Order yours today!';
  const { ids } = phonemeIds(await phonemize(text, 'en-us'), testPhonemeMap());
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  const s = await page.evaluate(([m, c, t]) => window.talkreel.voice.neuralSpeak(m as number[], c, t as string), [Array.from(model), config, text] as const);
  console.log(`neural: ${ids.length} phoneme ids → ${s.duration.toFixed(3)} s at ${s.sampleRate} Hz, rms ${s.rms.toFixed(3)}, ${s.words.length} words, ${s.ms.toFixed(0)} ms (first call, includes loading)`);
  expect(s.sampleRate).toBe(TINY_SAMPLE_RATE);
  expect(Math.round(s.duration * TINY_SAMPLE_RATE)).toBe(ids.length * TINY_HOP);
  expect(s.rms).toBeGreaterThan(0.1);
  expect(s.words.map((w) => w.text).join(' ')).toContain('Meet the bottle');
  let t = 0;
  for (const w of s.words) {
    expect(w.start).toBeGreaterThanOrEqual(t);
    expect(w.end).toBeGreaterThan(w.start);
    t = w.end;
  }
  expect(s.words[0]!.start).toBeLessThan(0.3);
  expect(s.words.at(-1)!.end).toBeGreaterThan(s.duration - 0.4);
  expect(s.words.at(-1)!.end).toBeLessThanOrEqual(s.duration + 1e-6);
  // Loaded once: the second call is the engine alone.
  const again = await page.evaluate(([m, c, t]) => window.talkreel.voice.neuralSpeak(m as number[], c, t as string), [Array.from(model), config, text] as const);
  console.log(`neural second call: ${again.ms.toFixed(0)} ms for ${again.duration.toFixed(2)} s (real-time factor ${(again.ms / 1000 / again.duration).toFixed(3)})`);
  expect(again.duration).toBe(s.duration);

  // A model that is not a Piper voice is refused with a clear sentence.
  const { encodeModel } = await import('../models/onnx-proto.ts');
  const wrong = encodeModel({ name: 'x', nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }], initializers: [], inputs: [{ name: 'x', dims: [1, 4] }], outputs: [{ name: 'y', dims: [1, 4] }] });
  const err = await page.evaluate(([m, c]) => window.talkreel.voice.neuralSpeak(m as number[], c, 'hello').then(() => 'no error', (e: Error) => e.message), [Array.from(wrong), { ...config, espeak: { voice: 'en-gb' } }] as const);
  expect(err).toContain('not a Piper/VITS voice: it has no "input" input');
});

test('an imported neural voice appears in the voice picker for its language and voices the video', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const { model, config } = buildPiperTiny();
  const id = `model:file-${createHash('sha256').update(model).digest('hex').slice(0, 16)}`;
  await page.goto('/#/models');
  await page.getByTestId('import-task').selectOption('tts');
  // The model without its settings file is refused; a bad settings file is named.
  await page.getByTestId('import-model-input').setInputFiles({ name: 'tiny.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(model) });
  await expect(page.getByTestId('import-config-error')).toContainText('.onnx.json');
  await page.getByTestId('import-config-input').setInputFiles({ name: 'tiny.onnx.json', mimeType: 'application/json', buffer: Buffer.from('{"audio": {}}') });
  await expect(page.getByTestId('import-config-error')).toContainText('not a Piper voice config');
  await page.getByTestId('import-config-input').setInputFiles({ name: 'tiny.onnx.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(config)) });
  await expect(page.getByTestId('import-config-ok')).toContainText('22050 Hz');
  await page.getByTestId('import-model-input').setInputFiles({ name: 'Tiny test voice.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(model) });
  await expect(page.getByTestId('models-tts').getByTestId('model-row')).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('nav-create').click();
  await prepareVideo(page, 'Neural Voice Bottle');
  const builtinSeconds = Number(await page.getByTestId('player').first().getAttribute('data-duration'));
  const option = page.locator(`[data-testid="voice-option"][data-id="${id}"]`);
  await expect(option).toContainText('Tiny test voice');
  await expect(option).toContainText('neural');
  await option.getByRole('radio').click();
  // Re-voiced by the neural engine: the tiny model speaks faster than espeak (11.6 ms a symbol).
  await expect.poll(async () => Number(await page.getByTestId('player').first().getAttribute('data-duration')), { timeout: 60_000 }).not.toBe(builtinSeconds);
  await expect(page.getByTestId('video-error')).toHaveCount(0);
  const neuralSeconds = Number(await page.getByTestId('player').first().getAttribute('data-duration'));
  console.log(`preview: built-in voice ${builtinSeconds.toFixed(2)} s → neural ${neuralSeconds.toFixed(2)} s`);
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = testInfo.outputPath('neural.mp4');
  await download.saveAs(file);
  const probe = ffprobe(file);
  expect(probe.streams.map((x) => x.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Math.abs(Number(probe.format.duration) - neuralSeconds)).toBeLessThan(0.2);
});
