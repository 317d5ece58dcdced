/**
 * Model downloads against a local stand-in of the Hugging Face hub (e2e/lib/hub.ts: resolve/
 * <revision>/<path>, a 302 to a second host for large files, Range, HEAD, the hub's CORS), with
 * the test catalog of tiny Piper-shaped voices (models/build-piper-tiny.ts) that the e2e build
 * compiles in (e2e/talkreel.config.json → models.catalog). Real fetch through the network
 * gateway, real OPFS and IndexedDB, real onnxruntime-web for the voice.
 *
 * Outcomes are measured independently of the app: file sizes and SHA-256s of what lands in OPFS
 * (Web Crypto in the page against Node's crypto over the hub's bytes), the hub's request log.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { startHub, type Hub } from './lib/hub.ts';
import { prepareVideo } from './flow.ts';
import { ffprobe } from './media.ts';
import { tinyVoiceFiles, TINY_VOICES } from '../models/build-piper-tiny.ts';

let hub: Hub;
const files = tinyVoiceFiles();
const [TINY, BULKY, BROKEN] = TINY_VOICES as [(typeof TINY_VOICES)[0], (typeof TINY_VOICES)[0], (typeof TINY_VOICES)[0]];
const onnxPath = (v: typeof TINY): string => `${v.dir}/${v.key}.onnx`;
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

test.beforeAll(async () => {
  hub = await startHub();
});
test.afterAll(() => hub.close());

/** Names and sizes of the files in the OPFS models folder. */
function opfsModels(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('models', { create: true });
    const out: Record<string, number> = {};
    for await (const [name, h] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) out[name] = (await h.getFile()).size;
    return out;
  });
}

function opfsSha(page: Page, name: string): Promise<string> {
  return page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    const f = await (await (await root.getDirectoryHandle('models')).getFileHandle(n)).getFile();
    return [...new Uint8Array(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, name);
}

/** The model's IndexedDB record (or null). */
function record(page: Page, id: string): Promise<{ state: string; sha256: string; md5?: string; digest?: string } | null> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('talkreel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('models').objectStore('models').get(key);
          get.onsuccess = () => {
            resolve(get.result ?? null);
            open.result.close();
          };
        };
      }),
    id,
  );
}

async function confirmDownload(page: Page, id: string): Promise<void> {
  const row = page.locator(`[data-testid="model-row"][data-id="${id}"]`);
  await row.getByTestId('model-download').click();
  await expect(row.getByTestId('model-card')).toContainText('License: CC0 1.0');
  await row.getByTestId('model-confirm').click();
}

/** Records every buffer the page plays (length, rate, peak): what the voice picker's ▶ really sent out. */
async function recordPlayback(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: Array<{ length: number; sampleRate: number; peak: number }> = [];
    (window as unknown as { played: typeof played }).played = played;
    const copy = AudioBuffer.prototype.copyToChannel;
    AudioBuffer.prototype.copyToChannel = function (this: AudioBuffer, src: Float32Array<ArrayBuffer>, ch: number, at?: number) {
      let peak = 0;
      for (const x of src) peak = Math.max(peak, Math.abs(x));
      played.push({ length: this.length, sampleRate: this.sampleRate, peak });
      return copy.call(this, src, ch, at);
    };
  });
}

const played = (page: Page): Promise<Array<{ length: number; sampleRate: number; peak: number }>> => page.evaluate(() => (window as unknown as { played: Array<{ length: number; sampleRate: number; peak: number }> }).played);

test('one click from the voice step: model card first, installed through the hub’s redirect, checked, chosen, kept across reload and offline', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const offer = page.getByTestId('voice-offer');
  await expect(offer).toContainText('Natural English voice — 1.6 kB, downloaded once, then offline');
  await offer.getByTestId('voice-offer-get').click();
  // The card is fetched (and shown) before anything large: the model itself is not asked for yet.
  await expect(offer.getByTestId('voice-offer-card')).toContainText('License: CC0 1.0');
  expect(hub.log.filter((l) => l.includes('.onnx '))).toEqual([]);
  await page.getByTestId('voice-picker').screenshot({ path: 'test-results/voice-offer-card.png' });
  await offer.getByTestId('voice-offer-confirm').click();
  await expect(offer).toHaveCount(0);
  const option = page.locator(`[data-testid="voice-option"][data-id="model:${TINY.id}"]`);
  await expect(option.getByRole('radio')).toHaveAttribute('aria-checked', 'true');
  // Natural voices are listed first; the built-in ones stay, labelled as the fallback.
  await expect(page.getByTestId('voice-option').first()).toHaveAttribute('data-id', `model:${TINY.id}`);
  await expect(page.getByTestId('voice-option').nth(1)).toContainText('offline fallback');
  await page.getByTestId('voice-picker').screenshot({ path: 'test-results/voice-offer-installed.png' });

  // Through the hub: config and card straight from it, the model by a 302 to the CDN host.
  const model = onnxPath(TINY);
  expect(hub.log).toContain(`hub GET /rhasspy/piper-voices/resolve/v1.0.0/${model} full → 302`);
  expect(hub.log.some((l) => /^cdn GET \/repos\/\w+\/\w+ full → 200$/.test(l))).toBe(true);
  // What landed is the publisher's file, and its recorded SHA-256 is that file's.
  const want = sha256(files.get(model)!);
  expect(await opfsSha(page, `${TINY.id}.bin`)).toBe(want);
  const rec = await record(page, TINY.id);
  expect(rec).toMatchObject({ state: 'ready', sha256: want, digest: 'md5', md5: createHash('md5').update(files.get(model)!).digest('hex') });

  // Offline and reloaded: still installed and chosen, the bytes intact, nothing asked of the hub.
  await page.getByTestId('make-offline').click();
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
  await context.setOffline(true);
  const before = hub.log.length;
  await page.reload();
  await expect(option.getByRole('radio')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('voice-offer')).toHaveCount(0);
  expect(await opfsSha(page, `${TINY.id}.bin`)).toBe(want);
  expect(hub.log.length).toBe(before);
  await context.setOffline(false);
});

test('an installed catalog voice speaks its sample line in the voice step', async ({ page }) => {
  // The first neural call loads onnxruntime-web and espeak-ng in the voice worker (slow on 2 busy cores).
  test.setTimeout(240_000);
  await recordPlayback(page);
  await page.goto('/#/models');
  await confirmDownload(page, TINY.id);
  await expect(page.locator(`[data-testid="model-row"][data-id="${TINY.id}"]`)).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('nav-create').click();
  const option = page.locator(`[data-testid="voice-option"][data-id="model:${TINY.id}"]`);
  // The sample line comes out of the tiny model (one 256-sample burst per phoneme id at
  // 22.05 kHz, peak 0.3), exactly as long as Node's own phonemization of the line says.
  const { sampleLine } = await import('../src/ui/sample-lines.ts');
  const { phonemize } = await import('../workers/tts/espeak-engine.ts');
  const { phonemeIds, testPhonemeMap } = await import('../src/voice/piper.ts');
  const { ids } = phonemeIds(await phonemize(sampleLine('en', 'Anna', true), 'en-us'), testPhonemeMap());
  await option.getByTestId('voice-play').click();
  await expect.poll(async () => (await played(page)).length, { timeout: 200_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('voice-picker').getByRole('alert')).toHaveCount(0);
  const heard = (await played(page)).at(-1)!;
  console.log(`sample: ${heard.length} samples at ${heard.sampleRate} Hz (${ids.length} phoneme ids), peak ${heard.peak.toFixed(3)}`);
  expect(heard.sampleRate).toBe(22050);
  expect(heard.length).toBe(ids.length * 256);
  expect(heard.peak).toBeGreaterThan(0.1);
});

test('a voice installed from the hub is what the preview and the exported MP4 speak', async ({ page }, testInfo) => {
  // The first neural call loads onnxruntime-web and espeak-ng in the voice worker (slow on 2 busy cores).
  test.setTimeout(300_000);
  await page.goto('/#/models');
  await confirmDownload(page, TINY.id);
  await expect(page.locator(`[data-testid="model-row"][data-id="${TINY.id}"]`)).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('nav-create').click();
  // First the built-in voice, to know how long the same script is in espeak's voice.
  await page.locator('[data-testid="voice-option"][data-id="en-us-f"]').getByRole('radio').click();
  await prepareVideo(page, 'Hub Voice Bottle');
  const player = page.getByTestId('player').first();
  const builtinSeconds = Number(await player.getAttribute('data-duration'));
  await page.locator(`[data-testid="voice-option"][data-id="model:${TINY.id}"]`).getByRole('radio').click();
  // Re-voiced by the tiny model, which speaks far faster than espeak (one 11.6 ms burst a symbol).
  await expect.poll(async () => Number(await player.getAttribute('data-duration')), { timeout: 120_000 }).toBeLessThan(builtinSeconds - 1);
  await expect(page.getByTestId('video-error')).toHaveCount(0);
  const neuralSeconds = Number(await player.getAttribute('data-duration'));
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = testInfo.outputPath('hub-voice.mp4');
  await download.saveAs(file);
  // Seen by ffprobe, not the app: an MP4 with sound, as long as the neural voiceover, not espeak's.
  const probe = ffprobe(file);
  expect(probe.streams.map((x) => x.codec_type).sort()).toEqual(['audio', 'video']);
  console.log(`built-in ${builtinSeconds.toFixed(2)} s → hub voice ${neuralSeconds.toFixed(2)} s; export ${Number(probe.format.duration).toFixed(2)} s`);
  expect(Math.abs(Number(probe.format.duration) - neuralSeconds)).toBeLessThan(0.2);
});

test('Models screen: a download cut half-way resumes with Range; a damaged file is refused with its sentence; a full disk and a cancel leave nothing half-installed', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/#/models');
  const bulky = page.locator(`[data-testid="model-row"][data-id="${BULKY.id}"]`);
  await expect(bulky.getByTestId('model-check')).toHaveText('✓ MD5 from the publisher, SHA-256 recorded on install');
  await expect(bulky.getByTestId('model-facts')).toHaveText('Medium quality · 1 speaker · en_GB');
  const path = onnxPath(BULKY);
  const size = files.get(path)!.byteLength;
  const want = sha256(files.get(path)!);

  // 1. The CDN drops the connection half-way: the bytes so far are kept, Resume is offered.
  hub.cutNext(path);
  await confirmDownload(page, BULKY.id);
  await expect(bulky).toHaveAttribute('data-state', 'partial');
  await expect(bulky.getByTestId('model-error')).toContainText('Resume');
  const partial = (await opfsModels(page))[`${BULKY.id}.part`] ?? 0;
  console.log(`cut after ${partial} of ${size} bytes`);
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(size);

  // 2. Resume asks (after the hub's redirect) for the rest only; the result is the publisher's file.
  await bulky.getByTestId('model-resume').click();
  await expect(bulky).toHaveAttribute('data-state', 'ready');
  expect(hub.log.filter((l) => l.startsWith('cdn GET')).at(-1)).toMatch(new RegExp(` bytes=${partial}- → 206$`));
  expect(await opfsSha(page, `${BULKY.id}.bin`)).toBe(want);
  expect((await record(page, BULKY.id))?.sha256).toBe(want);
  await page.screenshot({ path: 'test-results/models-screen.png', fullPage: true });

  // 3. Wrong bytes from the hub: refused with the sentence, nothing kept.
  await confirmDownload(page, BROKEN.id);
  const broken = page.locator(`[data-testid="model-row"][data-id="${BROKEN.id}"]`);
  await expect(broken.getByTestId('model-error')).toHaveText(`The download of ${BROKEN.name} was damaged (its checksum did not match the publisher’s); nothing was kept. Try again.`);
  await expect(broken).toHaveAttribute('data-state', 'none');
  expect(Object.keys(await opfsModels(page)).filter((n) => n.startsWith(BROKEN.id))).toEqual([]);
  expect(await record(page, BROKEN.id)).toBeNull();

  // 4. A full disk: a clear sentence, and neither file nor record left behind.
  await bulky.getByTestId('model-remove').click();
  await expect(bulky).toHaveAttribute('data-state', 'none');
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1_000_000 });
  await confirmDownload(page, BULKY.id);
  await expect(bulky.getByTestId('model-error')).toContainText('There is not enough free storage for');
  await expect(bulky).toHaveAttribute('data-state', 'none');
  expect(Object.keys(await opfsModels(page)).filter((n) => n.startsWith(BULKY.id))).toEqual([]);
  expect(await record(page, BULKY.id)).toBeNull();
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });

  // 5. Cancel keeps what arrived (a pause); Resume finishes it.
  hub.setChunkDelay(150);
  await confirmDownload(page, BULKY.id);
  await expect.poll(async () => Number(await bulky.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(5);
  await bulky.getByTestId('model-cancel').click();
  await expect(bulky).toHaveAttribute('data-state', 'partial');
  await expect(bulky.getByTestId('model-error')).toContainText('cancelled');
  hub.setChunkDelay(0);
  await bulky.getByTestId('model-resume').click();
  await expect(bulky).toHaveAttribute('data-state', 'ready');
  expect(await opfsSha(page, `${BULKY.id}.bin`)).toBe(want);
  await bulky.getByTestId('model-remove').click();
});

test('import from a file: an ONNX model is hashed and kept; a file that is not ONNX is refused', async ({ page }) => {
  const { encodeModel } = await import('../models/onnx-proto.ts');
  const onnx = encodeModel({
    name: 'tiny',
    nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
    initializers: [],
    inputs: [{ name: 'x', dims: [1, 4] }],
    outputs: [{ name: 'y', dims: [1, 4] }],
  });
  const sha = sha256(onnx);
  await page.goto('/#/models');
  await page.getByTestId('import-task').selectOption('lipsync');
  await page.getByTestId('import-model-input').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('just some text, not a model') });
  await expect(page.getByTestId('import-model-error')).toContainText('“notes.onnx” is not an ONNX model');
  await page.getByTestId('import-model-input').setInputFiles({ name: 'my-lips.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(onnx) });
  const row = page.getByTestId('models-lipsync').getByTestId('model-row').filter({ hasText: 'my-lips' });
  await expect(row).toHaveAttribute('data-state', 'ready');
  await expect(row).toContainText('Imported');
  await expect(row.getByTestId('model-check')).toContainText('SHA-256 computed on import');
  const id = `file-${sha.slice(0, 16)}`;
  expect(await row.getAttribute('data-id')).toBe(id);
  expect(await opfsSha(page, `${id}.bin`)).toBe(sha);
  await row.getByTestId('model-remove').click();
  await expect(row).toHaveCount(0);
});
