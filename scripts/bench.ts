/**
 * Benchmarks (never timed tests): writes bench-results/bench.json and prints it.
 * Every figure is compared with a baseline measured in the same run on the same machine,
 * because these machines are shared and noisy.
 *
 *   npm run bench
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { HeadlessJob, HeadlessResult } from '../src/app/headless.ts';
import { launchChromium } from './lib/chromium.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';

const root = new URL('..', import.meta.url);
const outDir = new URL('bench-results/', root);
mkdirSync(outDir, { recursive: true });
const log = (s: string) => console.error(`bench: ${s}`);

/** Native libx264 veryfast on a synthetic source of the same size and length. */
function nativeBaseline(width: number, height: number, seconds: number): number {
  const out = new URL('native-baseline.mp4', outDir).pathname;
  const t0 = performance.now();
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=30:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=22050:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out,
  ]);
  return (performance.now() - t0) / 1000;
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
} finally {
  await browser.close();
  await server.close();
}

const json = JSON.stringify(results, null, 2);
writeFileSync(new URL('bench.json', outDir), `${json}\n`);
console.log(json);
