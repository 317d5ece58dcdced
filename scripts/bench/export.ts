/**
 * Export benchmark (issue 9): for every creative, a 30 s 1080x1920 export through WebCodecs
 * and through ffmpeg.wasm, against native ffmpeg libx264 veryfast on a synthetic source of the
 * same size and length; and the peak memory (RSS of every Chromium process, summed) of 15 s
 * and 60 s exports and of 30 s exports with 3 and 12 photos of 4000x3000, each in a fresh page,
 * sampled from /proc while it runs. Each creative's frames at fixed instants are kept and, given
 * TALKREEL_BENCH_FRAMES_BEFORE, compared with an earlier run's (mean absolute difference).
 *
 * Env: TALKREEL_BENCH_CREATIVES=<id,id> limits the creatives; TALKREEL_BENCH_FFMPEG=0 skips the
 * (slow: ~0.1-0.2x native) ffmpeg.wasm runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import { bytesFromPage } from '../lib/page-bytes.ts';
import { runBenchAlone } from '../lib/run-alone.ts';
import type { HeadlessJob, HeadlessResult } from '../../src/app/headless.ts';
import { CREATIVES } from '../../src/compose/creatives/index.ts';

const root = new URL('../../', import.meta.url);

interface ProductFile {
  name: string;
  description: string;
  features: string[];
  price: string;
  brand: string;
  images: string[];
}

/** Native libx264 veryfast on testsrc2 of the given size and length (video and AAC audio). */
export function nativeX264Seconds(width: number, height: number, seconds: number, out: string): number {
  const t0 = performance.now();
  execFileSync('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=30:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=220:sample_rate=22050:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out,
  ]);
  return (performance.now() - t0) / 1000;
}

/**
 * `n` different 4000x3000 JPEGs (the example photos scaled up, each tinted), made once with
 * native ffmpeg into bench-results/.
 */
function largePhotos(n: number): string[] {
  const dir = new URL('bench-results/photos/', root).pathname;
  mkdirSync(dir, { recursive: true });
  const sources = ['bottle-hero.jpg', 'bottle-colours.jpg', 'bottle-outdoors.jpg'];
  return Array.from({ length: n }, (_, i) => {
    const out = `${dir}photo-${i}.jpg`;
    if (!existsSync(out)) {
      const src = new URL(`examples/${sources[i % sources.length]}`, root).pathname;
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', src, '-vf', `scale=4000:3000,hue=h=${i * 30}`, '-frames:v', '1', '-q:v', '3', out]);
    }
    return out;
  });
}

/** Every process below this one (Chromium's browser, renderer, GPU and utility processes). */
function descendants(): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may contain spaces and parentheses: ppid follows the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited */
    }
  }
  const out: number[] = [];
  const want = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (want.has(ppid) && !want.has(pid)) {
        want.add(pid);
        out.push(pid);
        grew = true;
      }
    }
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Samples Chromium's memory every 200 ms until stopped; returns the peaks in MB. */
function sampleMemory(): () => { peak_total_mb: number; peak_largest_process_mb: number; samples: number } {
  let total = 0;
  let largest = 0;
  let samples = 0;
  const tick = () => {
    const rss = descendants().map(rssKb);
    total = Math.max(total, rss.reduce((a, b) => a + b, 0));
    largest = Math.max(largest, ...rss);
    samples++;
  };
  tick();
  const timer = setInterval(tick, 200);
  return () => {
    clearInterval(timer);
    tick();
    return { peak_total_mb: Math.round(total / 1024), peak_largest_process_mb: Math.round(largest / 1024), samples };
  };
}

const round = (n: number, d = 2) => Number(n.toFixed(d));

/** Instants (s) of the 30 s export whose frames are kept to compare looks between runs. */
const LOOK_TIMES = [1, 4.5, 9, 14.2, 19.6, 24, 29];
const LOOK_SIZE = { w: 270, h: 480 };

/**
 * Keeps grey 270x480 frames of an export at LOOK_TIMES (decoded by native ffmpeg) in
 * bench-results/frames/<id>.gray, and compares them with the same file under
 * TALKREEL_BENCH_FRAMES_BEFORE (a copy of bench-results/frames from a run before a change), so a
 * speed-up that changes how a creative looks shows as a mean absolute difference (0-255).
 */
async function compareFrames(page: Page, url: string, id: string): Promise<Record<string, unknown>> {
  const dir = new URL('bench-results/frames/', root).pathname;
  mkdirSync(dir, { recursive: true });
  const mp4 = `${dir}${id}.mp4`;
  writeFileSync(mp4, await bytesFromPage(page, url));
  const frames = LOOK_TIMES.map((t) =>
    execFileSync('ffmpeg', ['-v', 'error', '-ss', String(t), '-i', mp4, '-frames:v', '1', '-vf', `scale=${LOOK_SIZE.w}:${LOOK_SIZE.h}`, '-pix_fmt', 'gray', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 24 }),
  );
  const now = Buffer.concat(frames);
  writeFileSync(`${dir}${id}.gray`, now);
  rmSync(mp4);
  const beforeDir = process.env.TALKREEL_BENCH_FRAMES_BEFORE;
  const beforeFile = beforeDir ? join(beforeDir, `${id}.gray`) : '';
  if (!beforeFile || !existsSync(beforeFile)) return { times: LOOK_TIMES, mean_abs_diff: null, why: 'no TALKREEL_BENCH_FRAMES_BEFORE copy to compare with' };
  const before = readFileSync(beforeFile);
  const n = LOOK_SIZE.w * LOOK_SIZE.h;
  const mad = LOOK_TIMES.map((_, f) => {
    let sum = 0;
    for (let i = f * n; i < (f + 1) * n; i++) sum += Math.abs(now[i]! - (before[i] ?? 0));
    return round(sum / n, 3);
  });
  return { times: LOOK_TIMES, mean_abs_diff: mad };
}

export async function exportBench(browser: Browser, serverUrl: string, log: (s: string) => void): Promise<Record<string, unknown>> {
  const product = JSON.parse(readFileSync(new URL('examples/product.json', root), 'utf8')) as ProductFile;
  const job = (over: Partial<HeadlessJob>): HeadlessJob => ({
    product: { name: product.name, description: product.description, features: product.features, price: product.price, brand: product.brand },
    imageUrls: product.images.map((_, i) => `${serverUrl}/__input/${i}`),
    ratio: '9:16',
    duration: 30,
    language: 'en',
    resolution: 1080,
    ...over,
  });
  /** A fresh page (its own renderer process) with the product images routed to it. */
  const openPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.route('**/__input/*', (route) => {
      const i = Number(new URL(route.request().url()).pathname.split('/').pop());
      void route.fulfill({ body: readFileSync(new URL(`examples/${product.images[i]}`, root)), contentType: 'image/jpeg' });
    });
    await page.goto(`${serverUrl}/headless.html`);
    await page.waitForFunction(() => window.talkreel?.ready);
    return page;
  };
  const render = (page: Page, j: HeadlessJob): Promise<HeadlessResult> => page.evaluate((x) => window.talkreel.render(x, () => undefined), j);

  const only = process.env.TALKREEL_BENCH_CREATIVES?.split(',').filter(Boolean);
  const creatives = CREATIVES.filter((c) => !only || only.includes(c.id));
  const withFfmpeg = process.env.TALKREEL_BENCH_FFMPEG !== '0';
  const load: Record<string, number[]> = { at_start: loadavg().map((n) => round(n)) };

  const page = await openPage();
  const perCreative: Record<string, unknown> = {};
  let native: number;
  let nativeAll: number[];
  const baselineFile = new URL('bench-results/native-export-baseline.mp4', root).pathname;
  mkdirSync(new URL('bench-results/', root), { recursive: true });
  try {
    log('export bench: warm-up (voice data, fonts, encoders, ffmpeg.wasm core)…');
    await render(page, job({ resolution: 720, duration: 15 }));
    if (withFfmpeg) await render(page, job({ resolution: 720, duration: 15, encoder: 'ffmpeg' }));
    // The machine is shared and noisy: native is timed three times spread over the run and
    // every WebCodecs export twice; the best of each is compared (all times are reported).
    const nativeRuns = [nativeX264Seconds(1080, 1920, 30, baselineFile)];
    for (const c of creatives) {
      log(`export bench: ${c.id}, 30 s 1080x1920 via WebCodecs (twice)…`);
      const runs = [await render(page, job({ creative: c.id, encoder: 'webcodecs' })), await render(page, job({ creative: c.id, encoder: 'webcodecs' }))];
      const wc = runs.reduce((a, b) => (b.exportSeconds < a.exportSeconds ? b : a));
      const row: Record<string, unknown> = {
        name: c.name,
        video_seconds: round(wc.duration, 3),
        frames: wc.frames,
        webcodecs_seconds: round(wc.exportSeconds),
        webcodecs_runs_seconds: runs.map((r) => round(r.exportSeconds)),
        webcodecs_fps: round(wc.frames / wc.exportSeconds, 1),
        webcodecs_mb: round(wc.bytes / 1e6),
        webcodecs_render_seconds: round(wc.renderSeconds),
        webcodecs_encode_wait_seconds: round(wc.encodeWaitSeconds),
        frames_vs_before: await compareFrames(page, wc.url, c.id),
      };
      if (c === creatives[Math.floor(creatives.length / 2)]) nativeRuns.push(nativeX264Seconds(1080, 1920, 30, baselineFile));
      if (withFfmpeg) {
        log(`export bench: ${c.id}, 30 s 1080x1920 via ffmpeg.wasm (slow)…`);
        const ff = await render(page, job({ creative: c.id, encoder: 'ffmpeg' }));
        Object.assign(row, {
          ffmpeg_wasm_seconds: round(ff.exportSeconds),
          ffmpeg_wasm_fps: round(ff.frames / ff.exportSeconds, 1),
          ffmpeg_wasm_mb: round(ff.bytes / 1e6),
          ffmpeg_wasm_render_seconds: round(ff.renderSeconds),
          ffmpeg_wasm_encode_wait_seconds: round(ff.encodeWaitSeconds),
        });
      }
      perCreative[c.id] = row;
    }
    load.after_creatives = loadavg().map((n) => round(n));
    log('export bench: native ffmpeg libx264 veryfast, 30 s 1080x1920…');
    nativeRuns.push(nativeX264Seconds(1080, 1920, 30, baselineFile));
    native = Math.min(...nativeRuns);
    nativeAll = nativeRuns.map((n) => round(n));
    for (const row of Object.values(perCreative) as Array<Record<string, number>>) {
      row.webcodecs_vs_native = round(row.webcodecs_seconds! / native);
      if (row.ffmpeg_wasm_seconds) row.ffmpeg_wasm_vs_native = round(row.ffmpeg_wasm_seconds / native);
    }
  } finally {
    await page.close();
  }

  // Memory: 15 s and 60 s exports (default creative, WebCodecs), each in a fresh renderer.
  const memory: Record<string, unknown> = {};
  for (const duration of [15, 60] as const) {
    const p = await openPage();
    try {
      // The whole job is sampled (script fitting and voice included): the export is its peak.
      log(`export bench: memory of a ${duration} s 1080x1920 export…`);
      const stop = sampleMemory();
      const r = await render(p, job({ duration, encoder: 'webcodecs' }));
      memory[`export_${duration}s`] = { ...stop(), video_seconds: round(r.duration), export_seconds: round(r.exportSeconds) };
    } finally {
      await p.close();
    }
  }
  // Memory against the number of large photos: 3 and 12 photos of 4000x3000 (JPEG, a few MB
  // each, as phones take them), a 30 s export each, in a fresh renderer.
  const photos = largePhotos(12);
  for (const count of [3, 12] as const) {
    const p = await browser.newPage();
    try {
      await p.route('**/__photo/*', (route) => void route.fulfill({ body: readFileSync(photos[Number(route.request().url().split('/').pop())]!), contentType: 'image/jpeg' }));
      await p.goto(`${serverUrl}/headless.html`);
      await p.waitForFunction(() => window.talkreel?.ready);
      log(`export bench: memory of a 30 s 1080x1920 export with ${count} photos of 4000x3000…`);
      const stop = sampleMemory();
      const r = await render(p, job({ encoder: 'webcodecs', imageUrls: photos.slice(0, count).map((_, i) => `${serverUrl}/__photo/${i}`) }));
      memory[`export_30s_${count}_photos`] = { ...stop(), video_seconds: round(r.duration), export_seconds: round(r.exportSeconds) };
    } finally {
      await p.close();
    }
  }
  const m15 = (memory.export_15s as { peak_total_mb: number }).peak_total_mb;
  const m60 = (memory.export_60s as { peak_total_mb: number }).peak_total_mb;
  load.at_end = loadavg().map((n) => round(n));
  const wcWorst = Math.max(...(Object.values(perCreative) as Array<{ webcodecs_vs_native: number }>).map((r) => r.webcodecs_vs_native));
  return {
    size: '1080x1920, 30 fps',
    native_ffmpeg_veryfast_30s_seconds: round(native),
    native_runs_seconds: nativeAll,
    compared: 'best of two WebCodecs exports vs best of three native runs (start, middle, end)',
    per_creative_30s: perCreative,
    webcodecs_vs_native_worst: wcWorst,
    webcodecs_target: 1.3,
    ffmpeg_wasm_target: 3,
    memory: {
      ...memory,
      ratio_60s_vs_15s: round(m60 / m15, 3),
      ratio_12_vs_3_photos: round((memory.export_30s_12_photos as { peak_total_mb: number }).peak_total_mb / (memory.export_30s_3_photos as { peak_total_mb: number }).peak_total_mb, 3),
      target_ratio: 1.2,
      measured: 'sum of VmRSS over every Chromium process, sampled every 200 ms',
    },
    load_average_1_5_15: load,
  };
}

// `npx tsx scripts/bench/export.ts` runs this part alone (TALKREEL_BENCH_FFMPEG=0 skips ffmpeg.wasm).
if (import.meta.url === `file://${process.argv[1]}`) await runBenchAlone(exportBench);
