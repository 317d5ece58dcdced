/**
 * Benchmarks (never timed tests): writes bench-results/bench.json and prints it.
 * Every figure is compared with a baseline measured in the same run on the same machine,
 * because these machines are shared and noisy.
 *
 *   npm run bench
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { createServer } from 'vite';
import type { HeadlessJob, HeadlessResult } from '../src/app/headless.ts';
import { launchChromium } from './lib/chromium.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';
import { exportBench, nativeX264Seconds } from './bench/export.ts';
import { previewBench } from './bench/preview.ts';
import { ttsBench } from './bench/tts.ts';
import { alignBench } from './bench/align.ts';
import { creativesBench } from './bench/creatives.ts';
import { lipsyncBench } from './bench/lipsync.ts';
import { avatarBench } from './bench/avatar.ts';

const root = new URL('..', import.meta.url);
const outDir = new URL('bench-results/', root);
mkdirSync(outDir, { recursive: true });
const log = (s: string) => console.error(`bench: ${s}`);

/** Native libx264 veryfast on a synthetic source of the same size and length. */
const nativeBaseline = (width: number, height: number, seconds: number): number => nativeX264Seconds(width, height, seconds, new URL('native-baseline.mp4', outDir).pathname);

/**
 * Presenter drawing speed: drawPresenter into a 1080x1920 CPU canvas at the 9:16 presenter
 * layout's box (1100x1467, the largest the videos use), a frame rasterised each time, gestures
 * on half of the frames; per look and per art style. The page (e2e/fixtures/avatar-sheet.html)
 * is served from the sources by Vite: the same code the export runs.
 */
async function presenterBench(browser: Browser): Promise<Record<string, unknown>> {
  const looks: Record<string, string[]> = {
    soft: ['ava', 'zara', 'kwame', 'olivia-stockroom'],
    flat: ['omar', 'ava-keynote', 'kenji-office-hours', 'mei-talk'],
    cartoon: ['ethan', 'hana', 'grace', 'omar-keynote'],
  };
  const vite = await createServer({ root: new URL('.', root).pathname, logLevel: 'silent', server: { port: 5236, strictPort: false, host: '127.0.0.1' } });
  await vite.listen();
  const addr = vite.httpServer?.address();
  const port = addr && typeof addr === 'object' ? addr.port : 0;
  const page = await browser.newPage();
  try {
    const ids = Object.values(looks).flat().join(',');
    await page.goto(`http://127.0.0.1:${port}/e2e/fixtures/avatar-sheet.html?mode=bench&n=300&ids=${ids}`);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, { timeout: 300_000 });
    type Row = { style: string; pose: string; background: string; msPerDraw: number; drawsPerSecond: number; coldMs: number };
    const rows = await page.evaluate(() => (window as unknown as { __bench: Record<string, Row> }).__bench);
    const perStyle: Record<string, unknown> = {};
    for (const [style, ids] of Object.entries(looks)) {
      const ms = ids.map((id) => rows[id]!.msPerDraw);
      const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
      perStyle[style] = {
        draws_per_second: Number((1000 / mean).toFixed(0)),
        ms_per_draw_mean: Number(mean.toFixed(3)),
        ms_per_draw_worst: Number(Math.max(...ms).toFixed(3)),
        looks: Object.fromEntries(ids.map((id) => {
          const r = rows[id]!;
          return [id, { pose: r.pose, background: r.background, ms_per_draw: Number(r.msPerDraw.toFixed(3)), first_draw_ms: Number(r.coldMs.toFixed(1)) }];
        })),
      };
    }
    return { box: '1100x1467 in a 1080x1920 CPU canvas', gestures: 'half of the frames', per_style: perStyle };
  } finally {
    await page.close();
    await vite.close();
  }
}

ensureBuild(log);
const server = await serveBuild();
const browser = await launchChromium();
const product = JSON.parse(readFileSync(new URL('examples/product.json', root), 'utf8')) as { name: string; description: string; features: string[]; price: string; brand: string; images: string[] };
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown' },
  chromium: browser.version(),
};
try {
  const page = await browser.newPage();
  await page.route('**/__input/*', (route) => {
    const i = Number(new URL(route.request().url()).pathname.split('/').pop());
    void route.fulfill({ body: readFileSync(new URL(`examples/${product.images[i]}`, root)), contentType: 'image/jpeg' });
  });
  await page.goto(`${server.url}/headless.html`);
  await page.waitForFunction(() => window.talkreel?.ready);
  const job = (resolution: 720 | 1080, lanes?: number, cpuCanvas?: boolean): HeadlessJob => ({
    ...(lanes ? { lanes } : {}),
    ...(cpuCanvas !== undefined ? { cpuCanvas } : {}),
    product: { name: product.name, description: product.description, features: product.features, price: product.price, brand: product.brand },
    imageUrls: product.images.map((_, i) => `${server.url}/__input/${i}`),
    ratio: '9:16',
    duration: 30,
    language: 'en',
    resolution,
  });
  // Warm-up: load the voice data, fonts and encoders once, so the timed run measures steady state.
  log('warm-up render (720p)…');
  await page.evaluate((j) => window.talkreel.render(j, () => undefined), job(720));

  log('30 s 1080x1920 export, two parallel encoders…');
  const dual: HeadlessResult = await page.evaluate((j) => window.talkreel.render(j, () => undefined), job(1080, 2));
  log('30 s 1080x1920 export, GPU-backed canvas…');
  const gpu: HeadlessResult = await page.evaluate((j) => window.talkreel.render(j, () => undefined), job(1080, undefined, false));
  log('30 s 1080x1920 export, default settings…');
  const t0 = performance.now();
  const r: HeadlessResult = await page.evaluate((j) => window.talkreel.render(j, () => undefined), job(1080));
  const wall = (performance.now() - t0) / 1000;

  log('native ffmpeg libx264 veryfast baseline…');
  const native = nativeBaseline(1080, 1920, r.duration);
  results.export_1080x1920 = {
    video_seconds: Number(r.duration.toFixed(3)),
    frames: r.frames,
    export_seconds: Number(r.exportSeconds.toFixed(3)),
    export_fps: Number((r.frames / r.exportSeconds).toFixed(1)),
    encoder_lanes: r.lanes,
    alternatives: {
      two_lanes_export_seconds: Number(dual.exportSeconds.toFixed(3)),
      gpu_canvas_export_seconds: Number(gpu.exportSeconds.toFixed(3)),
    },
    where_time_goes: {
      setup_seconds: Number(r.setupSeconds.toFixed(3)),
      audio_aac_seconds: Number(r.audioSeconds.toFixed(3)),
      render_and_snapshot_seconds: Number(r.renderSeconds.toFixed(3)),
      encoder_queue_wait_seconds: Number(r.encodeWaitSeconds.toFixed(3)),
      encoder_flush_seconds: Number(r.finalizeSeconds.toFixed(3)),
    },
    pipeline_seconds_incl_script_and_voice: Number(wall.toFixed(3)),
    native_ffmpeg_veryfast_seconds: Number(native.toFixed(3)),
    ratio_export_vs_native: Number((r.exportSeconds / native).toFixed(3)),
    target_ratio: 1.5,
    bytes: r.bytes,
  };

  // Presenter library: drawing speed per art style, and exports with other presenters.
  log('presenter draws per second at 1080x1920, per art style…');
  results.presenter_1080x1920 = await presenterBench(browser);
  // Issue 9: renderer speed per creative, Canvas2D vs WebGL2 for the image layer.
  results.creatives_renderer_1080x1920 = await creativesBench(browser, log);
  const others: Record<string, unknown> = {};
  for (const id of ['omar-keynote', 'kenji-office-hours']) {
    log(`30 s 1080x1920 export with presenter ${id}…`);
    const o: HeadlessResult = await page.evaluate((j) => window.talkreel.render(j, () => undefined), { ...job(1080), presenterId: id });
    others[id] = { export_seconds: Number(o.exportSeconds.toFixed(3)), export_fps: Number((o.frames / o.exportSeconds).toFixed(1)) };
  }
  results.export_1080x1920_other_presenters = others;

  // Issue 5: TTS real-time factor (espeak-ng in the worker, and in Node).
  results.tts_real_time_factor = await ttsBench(browser, server.url, log);
  // Issue 17: neural voice word timings by alignment, on a case with a known answer (Node).
  results.neural_voice_alignment = await alignBench(log);

  // Issue 21: Generate video → first preview frame, once the voice is ready (the real app).
  results.preview_first_frame = await previewBench(browser, server.url, log);

  // Issue 9: every creative via WebCodecs and ffmpeg.wasm vs native x264; memory at 15 s vs 60 s.
  results.export_creatives_encoders_memory = await exportBench(browser, server.url, log);

  // Issue 8: neural lip-sync (generated Wav2Lip-architecture model): fps per batch/threads, 15 s export split.
  results.neural_lipsync = await lipsyncBench(browser, server.url, log);

  // Issue 7: custom avatars: BlazeFace ms/run, preprocessing per minute of video, warp fps at 1080x1920.
  results.custom_avatar = await avatarBench(browser, server.url, log);
} finally {
  await browser.close();
  await server.close();
}

const json = JSON.stringify(results, null, 2);
writeFileSync(new URL('bench.json', outDir), `${json}\n`);
console.log(json);
