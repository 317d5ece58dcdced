/**
 * The neural voice engine (Piper/VITS contract) in a real browser: onnxruntime-web in the TTS
 * worker runs a tiny generated model of the same contract (models/build-piper-tiny.ts). The
 * audio length must be exactly what the phoneme ids make it (so espeak's IPA → ids → session →
 * output all ran), and the aligned word timings must be in order and cover the audio. The
 * chosen neural voice is what the preview plays and the export contains (told apart from
 * espeak by its spectrum, measured with ffmpeg), and the command line speaks with it too.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HeadlessResult } from '../src/app/headless.ts';
import type { Timeline } from '../src/compose/types.ts';
import { encodeWav } from '../src/voice/wav.ts';
import { addExampleImages } from './flow.ts';
import { ffprobe } from './media.ts';
import { buildPiperTiny, TINY_HOP, TINY_SAMPLE_RATE } from '../models/build-piper-tiny.ts';
import { phonemeIds, testPhonemeMap } from '../src/voice/piper.ts';
import { phonemize } from '../workers/tts/espeak-engine.ts';

const root = new URL('..', import.meta.url).pathname;

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

/**
 * Share of the sound above 3 kHz, in dB relative to the whole (ffmpeg's own filters, not our
 * code): espeak's fricatives put real energy up there; the tiny Piper model's tone bursts sit
 * below 2.5 kHz. So the number tells which voice spoke.
 */
function highBandDb(file: string): number {
  const rms = (filter: string | null): number => {
    const buf = execFileSync('ffmpeg', ['-v', 'error', '-i', file, ...(filter ? ['-af', filter] : []), '-ac', '1', '-ar', '22050', '-f', 's16le', '-'], { maxBuffer: 1 << 28 });
    let s = 0;
    const n = buf.length / 2;
    for (let i = 0; i < n; i++) s += (buf.readInt16LE(i * 2) / 32768) ** 2;
    return Math.sqrt(s / Math.max(1, n));
  };
  return 20 * Math.log10(rms('highpass=f=3000,highpass=f=3000,highpass=f=3000') / rms(null));
}

/** What the preview player last handed to Web Audio (AudioBuffer.copyToChannel, channel 0). */
const CAPTURE_PLAYBACK = (): void => {
  const orig = AudioBuffer.prototype.copyToChannel;
  AudioBuffer.prototype.copyToChannel = function (this: AudioBuffer, source: Float32Array, channel: number, start?: number) {
    if (channel === 0) (window as unknown as { __played: unknown }).__played = { sampleRate: this.sampleRate, pcm: Array.from(source) };
    return orig.call(this, source as Float32Array<ArrayBuffer>, channel, start);
  };
};

async function previewSound(page: Page, file: string): Promise<{ seconds: number; highDb: number }> {
  await page.evaluate(() => ((window as unknown as { __played: unknown }).__played = null));
  await page.getByTestId('play').first().click();
  const played = await page.waitForFunction(() => (window as unknown as { __played: { sampleRate: number; pcm: number[] } | null }).__played).then((h) => h.jsonValue());
  await page.getByTestId('play').first().click();
  if (!played) throw new Error('The preview played nothing.');
  writeFileSync(file, encodeWav(Float32Array.from(played.pcm), played.sampleRate));
  return { seconds: played.pcm.length / played.sampleRate, highDb: highBandDb(file) };
}

test('an imported neural voice appears in the voice picker for its language and is what the preview plays and the export contains', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.addInitScript(CAPTURE_PLAYBACK);
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
  await expect(page.getByTestId('models-tts').locator(`[data-testid="model-row"][data-id="${id.slice('model:'.length)}"]`)).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('nav-create').click();
  // The built-in voice first (an installed natural voice may be offered as the default).
  await page.locator('[data-testid="voice-option"][data-id="en-us-f"]').getByRole('radio').click();
  await page.getByTestId('product-name').fill('Neural Voice Bottle');
  await page.getByTestId('product-description').fill('A steel bottle that keeps water cold all day and hot all morning.');
  await addExampleImages(page);
  await page.getByRole('radio', { name: '15 s', exact: true }).click();
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).toBeVisible();
  await page.getByTestId('generate-video').click();
  // The first voicing loads the 24 MB voice data: slow on a busy machine.
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 180_000 });
  await page.getByRole('radio', { name: '720p' }).click();
  const builtinSeconds = Number(await page.getByTestId('player').first().getAttribute('data-duration'));
  const builtin = await previewSound(page, testInfo.outputPath('preview-builtin.wav'));
  const option = page.locator(`[data-testid="voice-option"][data-id="${id}"]`);
  await expect(option).toContainText('Tiny test voice');
  await expect(option).toContainText('neural');
  await option.getByRole('radio').click();
  // Re-voiced by the neural engine: the tiny model speaks faster than espeak (11.6 ms a symbol).
  await expect.poll(async () => Number(await page.getByTestId('player').first().getAttribute('data-duration')), { timeout: 60_000 }).not.toBe(builtinSeconds);
  await expect(page.getByTestId('video-error')).toHaveCount(0);
  const neuralSeconds = Number(await page.getByTestId('player').first().getAttribute('data-duration'));
  const neural = await previewSound(page, testInfo.outputPath('preview-neural.wav'));
  await page.getByTestId('preview-canvas').first().screenshot({ path: testInfo.outputPath('preview-neural.png') });
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = testInfo.outputPath('neural.mp4');
  await download.saveAs(file);
  const probe = ffprobe(file);
  expect(probe.streams.map((x) => x.codec_type).sort()).toEqual(['audio', 'video']);
  const exported = highBandDb(file);
  console.log(`preview: built-in ${builtinSeconds.toFixed(2)} s (sound above 3 kHz ${builtin.highDb.toFixed(1)} dB) → neural ${neuralSeconds.toFixed(2)} s (${neural.highDb.toFixed(1)} dB, ${neural.seconds.toFixed(2)} s played); export ${Number(probe.format.duration).toFixed(2)} s, ${exported.toFixed(1)} dB`);
  // The preview plays the neural voice, not espeak: far less sound above 3 kHz …
  expect(neural.highDb).toBeLessThan(builtin.highDb - 10);
  // … and the export contains the same sound, as long as what the preview played.
  expect(Math.abs(exported - neural.highDb)).toBeLessThan(4);
  expect(Math.abs(Number(probe.format.duration) - neuralSeconds)).toBeLessThan(0.2);
  expect(Math.abs(neural.seconds - neuralSeconds)).toBeLessThan(0.1);
});

test('the command line speaks with a natural voice from --models (--voice <catalog id>)', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'voices-neural-cli-'));
  const { model, config } = buildPiperTiny();
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', 'examples/product.json', '-o', join(dir, 'out.mp4'), ...args], { cwd: root, encoding: 'utf8' });
  // Not a built-in voice and no folder: said so. A folder without the settings file: named.
  const noFolder = cli(['--voice', 'tiny-test']);
  expect(noFolder.status).toBe(2);
  expect(noFolder.stderr).toContain('a natural voice needs --models <folder>');
  writeFileSync(join(dir, 'tiny-test.onnx'), model);
  const noConfig = cli(['--voice', 'tiny-test', '--models', dir]);
  expect(noConfig.status).toBe(2);
  expect(noConfig.stderr).toContain('tiny-test.onnx has no settings file beside it (tiny-test.onnx.json');
  writeFileSync(join(dir, 'tiny-test.onnx.json'), JSON.stringify(config));

  const script = 'Meet the bottle that keeps your water cold all day. Order yours today!';
  const r = cli(['--voice', 'tiny-test', '--models', dir, '--duration', '15', '--resolution', '720', '--script', script, '--timeline', join(dir, 'tl.json')]);
  expect(r.status, r.stderr).toBe(0);
  const summary = JSON.parse(r.stdout) as HeadlessResult;
  expect(summary.voice).toEqual({ id: 'model:tiny-test', engine: 'neural' });
  // The tiny model's length is exact: 256 samples per phoneme id, plus the voiceover's 0.15 s lead and 0.35 s tail.
  const { ids } = phonemeIds(await phonemize(script, 'en-us'), testPhonemeMap());
  expect(summary.voiceSeconds).toBeCloseTo(0.15 + (ids.length * TINY_HOP) / TINY_SAMPLE_RATE + 0.35, 1);
  const high = highBandDb(join(dir, 'out.mp4'));
  console.log(`CLI --voice tiny-test: ${summary.voiceSeconds.toFixed(2)} s of voice (${ids.length} ids), sound above 3 kHz ${high.toFixed(1)} dB`);
  // espeak's voice measures about -14 dB here, the tiny model about -28 dB (see the test above).
  expect(high).toBeLessThan(-22);
  // Captions follow the aligned neural timings: in order, inside the voice.
  const tl = JSON.parse(readFileSync(join(dir, 'tl.json'), 'utf8')) as Timeline;
  const words = tl.captions.flatMap((c) => c.words);
  expect(words.map((w) => w.text).join(' ')).toContain('Meet the bottle');
  for (let i = 1; i < words.length; i++) expect(words[i]!.start).toBeGreaterThanOrEqual(words[i - 1]!.start);
  expect(words.at(-1)!.end).toBeLessThanOrEqual(summary.voiceSeconds);
});
