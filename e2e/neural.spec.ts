/*
 * Neural lip-sync plumbing end to end in real Chromium, with RANDOM WEIGHTS: the generated
 * Wav2Lip-architecture model (models/build-wav2lip.ts, 36M parameters, random weights — no
 * trained model ships or is downloaded) runs in onnxruntime-web in the lip-sync worker on a real
 * portrait, through paste-back and H.264/AAC export; then the MP4 is decoded with ffmpeg and its
 * frames compared. These tests prove that the model's output reaches the video, where and only
 * where the mask says, on each backend; they say nothing about how real a trained model's mouths
 * look (random weights draw noise in the mouth box). WebGPU runs on SwiftShader, so that test uses
 * the same architecture at 1/8 the channels (and the other export's input names) and stays short.
 * No request leaves for another origin (e2e/lib/foreign.ts; its control is in
 * custom-avatar-ort.spec.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { GENERATED, GENERATED_DIR, writeGenerated } from '../models/build-wav2lip.ts';
import { portrait } from './fixtures/faces.ts';
import { decodeFrames, ffprobe, regionDiff } from './media.ts';
import type { ClipReply } from '../src/lipsync/neural/headless.ts';
import { guardForeign, type ForeignGuard } from './lib/foreign.ts';
import { bytesFromPage } from '../scripts/lib/page-bytes.ts';

const model = (k: keyof typeof GENERATED): string => `/__fixtures${join(GENERATED_DIR, GENERATED[k])}`;
/** The 145 MB model goes in through a file input, as a user imports it (a routed body that big crashes the page). */
async function fileInput(page: Page, file: string, id = 'model-file'): Promise<string> {
  await page.evaluate((id) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    document.body.append(input);
  }, id);
  await page.setInputFiles(`#${id}`, file);
  return `input:#${id}`;
}
const fixture = (file: string): string => `/__fixtures${file}`;
const out = mkdtempSync(join(tmpdir(), 'neural-e2e-'));

test.beforeAll(() => {
  if (!Object.values(GENERATED).every((f) => existsSync(join(GENERATED_DIR, f)))) writeGenerated();
});

// The guard must see what the code asks for, not what the CSP lets through (see foreign.ts).
test.use({ bypassCSP: true });

let guard: ForeignGuard | null = null;

async function headless(page: Page, baseURL: string): Promise<void> {
  guard = await guardForeign(page, baseURL);
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log('page:', m.text());
  });
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
}

// Checked after each test, in the test's own result (a failure here fails that test).
test.afterEach(async () => {
  const seen = guard?.seen() ?? [];
  await guard?.close();
  guard = null;
  expect(seen, 'requests to other origins').toEqual([]);
});

function saveMp4(r: ClipReply, name: string): string {
  const file = join(out, name);
  writeFileSync(file, Buffer.from(r.mp4Base64, 'base64'));
  return file;
}

/** Mouth area (lower middle of the face box) and an area well away from the face. */
function regions(r: ClipReply): { mouth: { x: number; y: number; w: number; h: number }; away: { x: number; y: number; w: number; h: number } } {
  const b = r.faceBox;
  const w = b.x2 - b.x1;
  const h = b.y2 - b.y1;
  return {
    mouth: { x: b.x1 + w * 0.3, y: b.y1 + h * 0.62, w: w * 0.4, h: h * 0.22 },
    // The top of the frame above the face box (hair/background): never under the mask.
    away: { x: 0, y: 0, w: r.width, h: Math.max(8, b.y1 - 8) },
  };
}

const TEXT = 'Hello! Meet the new bottle.';

test('random-weight Wav2Lip-size model on WASM: its output reaches the export, nothing outside the mask moves', async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  await headless(page, baseURL!);
  const photo = fixture(portrait('woman', { scale: 3 }));
  const full = await fileInput(page, join(GENERATED_DIR, GENERATED.full));

  const neural = await page.evaluate(
    (req) => window.talkreel.neural.clip(req),
    { modelUrl: full, photoUrl: photo, text: TEXT, prefer: 'wasm' as const, shortEdge: 320, batch: 8 },
  );
  console.log('neural wasm', JSON.stringify({ ...neural, mp4Base64: undefined, progress: neural.progress.slice(-3) }));
  expect(neural.engine).toBe('neural');
  expect(neural.fallbackReason).toBeUndefined();
  expect(neural.info!.backend).toBe('wasm');
  expect(neural.info!.size).toBe(96);
  expect([neural.info!.melInput, neural.info!.faceInput]).toEqual(['mel', 'vid']);
  expect(neural.progress.some((l) => /^lipsync \d+\/\d+ wasm x\d$/.test(l))).toBe(true);
  expect(neural.pastedPixels).toBeGreaterThan(neural.frames * 200);

  // Same photo and voice without the model (the runtime-failing model falls back to the still photo).
  const still = await page.evaluate(
    (req) => window.talkreel.neural.clip(req),
    { modelUrl: model('throws'), photoUrl: photo, text: TEXT, prefer: 'wasm' as const, shortEdge: 320 },
  );
  expect(still.engine).toBe('still');
  expect(still.fallbackCode).toBe('runtime');

  const nFile = saveMp4(neural, 'neural.mp4');
  const sFile = saveMp4(still, 'still.mp4');
  const probe = ffprobe(nFile);
  const v = probe.streams.find((s) => s.codec_type === 'video')!;
  expect(v.codec_name).toBe('h264');
  expect([v.width, v.height]).toEqual([neural.width, neural.height]);
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
  expect(Number(probe.format.duration)).toBeGreaterThan(neural.voiceSeconds - 0.2);

  const nf = decodeFrames(nFile, neural.width, neural.height, 25);
  const sf = decodeFrames(sFile, still.width, still.height, 25);
  expect(nf.length).toBeGreaterThanOrEqual(neural.frames - 1);
  const { mouth, away } = regions(neural);
  const mouthVsStill: number[] = [];
  const awayVsStill: number[] = [];
  const mouthMotion: number[] = [];
  for (let i = 1; i < Math.min(nf.length, sf.length); i++) {
    mouthVsStill.push(regionDiff(nf[i]!, sf[i]!, neural.width, mouth));
    awayVsStill.push(regionDiff(nf[i]!, sf[i]!, neural.width, away));
    mouthMotion.push(regionDiff(nf[i]!, nf[i - 1]!, neural.width, mouth));
  }
  const mean = (a: number[]): number => a.reduce((s, x) => s + x, 0) / a.length;
  console.log('mouth vs still', mean(mouthVsStill).toFixed(2), 'away vs still', mean(awayVsStill).toFixed(2), 'mouth frame-to-frame', mean(mouthMotion).toFixed(2));
  // The (random-weight) model's output is in the video: the mouth differs from the still photo,
  // and from frame to frame as the mel changes (random weights respond to it; this shows data
  // flow, not realistic mouths)...
  expect(mean(mouthVsStill), 'random-weight model output in the mouth box').toBeGreaterThan(4);
  expect(mean(mouthMotion)).toBeGreaterThan(0.5);
  // ...while away from the face the two videos match to codec noise.
  expect(mean(awayVsStill)).toBeLessThan(1.5);

  // Exact check on raw canvas pixels (no codec): zero changed pixels outside the mask.
  const check = await page.evaluate(
    (req) => window.talkreel.neural.pasteCheck(req),
    { modelUrl: full, photoUrl: photo, text: TEXT, prefer: 'wasm' as const, frames: 6 },
  );
  console.log('paste check', JSON.stringify(check));
  expect(check.changedOutsideMask).toBe(0);
  expect(check.changedInsideMask).toBeGreaterThan(check.maskPixels * check.frames * 0.5);
  expect(check.differingBetweenFrames).toBeGreaterThan(0);
});

test('random-weight slim model on WebGPU (SwiftShader), mel_spectrogram/video_frames names: exports', async ({ page, baseURL }) => {
  test.setTimeout(400_000);
  await headless(page, baseURL!);
  const r = await page.evaluate(
    (req) => window.talkreel.neural.clip(req),
    { modelUrl: model('slim'), photoUrl: fixture(portrait('man', { scale: 2 })), text: 'Hi.', fps: 12, prefer: 'webgpu' as const, shortEdge: 320, batch: 8, freshWorker: true },
  );
  console.log('neural webgpu', JSON.stringify({ ...r, mp4Base64: undefined }));
  expect(r.engine).toBe('neural');
  expect(r.info!.backend).toBe('webgpu');
  expect(r.info!.gpuIo).toBe(true);
  expect([r.info!.melInput, r.info!.faceInput, r.info!.output]).toEqual(['mel_spectrogram', 'video_frames', 'predicted_frames']);
  expect(r.progress.some((l) => /^lipsync \d+\/\d+ webgpu$/.test(l))).toBe(true);
  const file = saveMp4(r, 'webgpu.mp4');
  const frames = decodeFrames(file, r.width, r.height, 12);
  expect(frames.length).toBeGreaterThanOrEqual(r.frames - 1);
  const { mouth } = regions(r);
  let motion = 0;
  for (let i = 1; i < frames.length; i++) motion += regionDiff(frames[i]!, frames[i - 1]!, r.width, mouth);
  expect(motion / (frames.length - 1)).toBeGreaterThan(0.2);
});

test('bad models: clear messages, and the export falls back without losing anything', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await headless(page, baseURL!);
  const load = (req: { modelUrl: string; truncateTo?: number }) => page.evaluate((r) => window.talkreel.neural.load(r), req);

  const png = await load({ modelUrl: fixture(portrait('man', { scale: 1 })) });
  expect(png).toMatchObject({ ok: false, code: 'not-onnx' });
  expect((png as { message: string }).message).toMatch(/not an ONNX model/);

  const html = join(out, 'page.onnx');
  writeFileSync(html, '<!DOCTYPE html><html><body>Sign in to download</body></html>');
  expect(await load({ modelUrl: fixture(html) })).toMatchObject({ ok: false, code: 'not-onnx', message: expect.stringMatching(/a web page/) });

  const wrong = await load({ modelUrl: model('wrongInputs') });
  expect(wrong).toMatchObject({ ok: false, code: 'incompatible' });
  expect((wrong as { message: string }).message).toMatch(/not a Wav2Lip-style lip-sync model: it has 1 input, not 2\. It takes image \[1,3,224,224\]/);

  const truncated = await load({ modelUrl: model('slim'), truncateTo: 300_000 });
  expect(truncated).toMatchObject({ ok: false, code: 'unreadable' });
  expect((truncated as { message: string }).message).toMatch(/incomplete \(a cut-off download\) or damaged/);

  // Loads fine, fails on the first batch: the clip is still made, with the reason.
  const r = await page.evaluate(
    (req) => window.talkreel.neural.clip(req),
    { modelUrl: model('throws'), photoUrl: fixture(portrait('woman', { scale: 2 })), text: 'Hi.', prefer: 'wasm' as const, shortEdge: 160 },
  );
  expect(r.engine).toBe('still');
  expect(r.fallbackCode).toBe('runtime');
  expect(r.fallbackReason).toMatch(/^The lip-sync model failed while running: The input tensor cannot be reshaped to the requested shape. Input shape:\{\d,6,96,96\}, requested shape:\{-1,7\}\.? The video was made with the built-in lip-sync instead\.$/);
  expect(ffprobe(saveMp4(r, 'fallback.mp4')).streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);

  // A non-ONNX file handed to the export also falls back.
  const r2 = await page.evaluate(
    (req) => window.talkreel.neural.clip(req),
    { modelUrl: fixture(html), photoUrl: fixture(portrait('woman', { scale: 2 })), text: 'Hi.', prefer: 'wasm' as const, shortEdge: 160 },
  );
  expect(r2).toMatchObject({ engine: 'still', fallbackCode: 'not-onnx' });
});

test('the app export with a random-weight model: a photo avatar set to neural runs the model, warp stays the default', async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  await headless(page, baseURL!);
  const photo = await page.evaluate((url) => window.talkreel.avatar.create({ url, name: 'man.png', gender: 'male', avatarName: 'Marco (photo)' }), fixture(portrait('man')));
  if ('error' in photo) throw new Error(photo.error.message);
  const slim = await fileInput(page, join(GENERATED_DIR, GENERATED.slim), 'slim-model');
  const images = ['bottle-hero.jpg', 'bottle-colours.jpg'].map((f) => fixture(join(new URL('..', import.meta.url).pathname, 'examples', f)));
  const render = (lipsync: 'neural' | 'warp') =>
    page.evaluate(
      ({ presenterId, images, lipsync, modelUrl }) =>
        window.talkreel.render(
          { product: { name: 'Aurora Bottle' }, imageUrls: images, ratio: '9:16', duration: 15, language: 'en', resolution: 720, presenterId, script: 'Meet the Aurora bottle.', lipsync, ...(lipsync === 'neural' ? { modelUrl, lipsyncBackend: 'wasm' as const } : {}) },
          () => undefined,
        ),
      { presenterId: photo.presenterId, images, lipsync, modelUrl: slim },
    );
  const neural = await render('neural');
  console.log('app export lipsync', JSON.stringify(neural.lipsync));
  expect(neural.lipsync).toMatchObject({ engine: 'neural', backend: 'wasm', frames: neural.frames });
  expect(neural.lipsync!.fallback).toBeUndefined();
  const warp = await render('warp');
  expect(warp.lipsync).toEqual({ engine: 'warp' });

  const save = async (url: string, name: string): Promise<string> => {
    const file = join(out, name);
    writeFileSync(file, await bytesFromPage(page, url));
    return file;
  };
  const nFile = await save(neural.url, 'app-neural.mp4');
  const wFile = await save(warp.url, 'app-warp.mp4');
  // Where is the face in the video? Found again by our own detector in a decoded frame.
  const png = join(out, 'app-neural.png');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '0.5', '-i', nFile, '-frames:v', '1', png]);
  const { faces } = await page.evaluate((u) => window.talkreel.avatar.detect(u), fixture(png));
  expect(faces.length).toBeGreaterThanOrEqual(1);
  const [x, y, w, h] = faces[0]!.box;
  const mouth = { x: x + w * 0.3, y: y + h * 0.65, w: w * 0.4, h: h * 0.3 };
  const forehead = { x: x + w * 0.25, y: y + h * 0.05, w: w * 0.5, h: h * 0.2 };
  const nf = decodeFrames(nFile, 720, 1280, 10);
  const wf = decodeFrames(wFile, 720, 1280, 10);
  let dm = 0;
  let df = 0;
  const n = Math.min(nf.length, wf.length, 20);
  for (let i = 2; i < n; i++) {
    dm += regionDiff(nf[i]!, wf[i]!, 720, mouth);
    df += regionDiff(nf[i]!, wf[i]!, 720, forehead);
  }
  console.log('neural vs warp: mouth', (dm / (n - 2)).toFixed(2), 'forehead', (df / (n - 2)).toFixed(2));
  // The random-weight model's output is in the exported video (not realistic mouths: data
  // flow); the rest of the face is the same photo.
  expect(dm / (n - 2), 'random-weight model output in the mouth box').toBeGreaterThan(3);
  expect(df / (n - 2)).toBeLessThan(1.5);
});
