/**
 * Neural lip-sync benchmark (issue 8), in headless Chromium with the app's own engine and the
 * generated Wav2Lip-architecture model (models/build-wav2lip.ts: 36M parameters, the public
 * 96x96 generator's layers and compute, random weights):
 * - bare model speed on WASM with 1 and 2 threads at batch 1, 8 and 32 (frames per second);
 * - WebGPU (SwiftShader here: a CPU rasteriser, so only a lower bound) with the slim variant;
 * - a 15 s talking-head export end to end (mel → crops → model → paste-back → H.264/AAC), with
 *   where the time goes.
 * The model goes into the page through a file input: a 145 MB routed body crashes the page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { GENERATED, GENERATED_DIR, writeGenerated } from '../../models/build-wav2lip.ts';
import { portrait } from '../../e2e/fixtures/faces.ts';

const TEXT_15S =
  'Meet the Aurora bottle. It keeps your water ice cold for a whole day and your coffee hot all morning. ' +
  'Double walled steel, lighter than a paperback, and it fits every cup holder. Three colours, one fair price, free returns. Order yours today.';

async function open(browser: Browser, serverUrl: string, model: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${serverUrl}/headless.html`);
  await page.waitForFunction(() => window.talkreel?.ready);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-model';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-model', model);
  return page;
}

const r1 = (x: number): number => Number(x.toFixed(1));
const r2 = (x: number): number => Number(x.toFixed(2));

export async function lipsyncBench(browser: Browser, serverUrl: string, log: (s: string) => void): Promise<Record<string, unknown>> {
  // A real portrait (cropped from @vladmandic/human's samples.jpg with ffmpeg).
  const photo = portrait('woman', { scale: 3 });
  if (!Object.values(GENERATED).every((f) => existsSync(join(GENERATED_DIR, f)))) {
    log('lipsync: building the Wav2Lip-architecture test models…');
    writeGenerated();
  }
  const full = join(GENERATED_DIR, GENERATED.full);
  const out: Record<string, unknown> = { model: 'generated Wav2Lip-architecture 96x96, 36.3M parameters, fp32 (models/build-wav2lip.ts)' };

  const wasm: Record<string, unknown> = {};
  for (const threads of [1, 2]) {
    const page = await open(browser, serverUrl, full);
    try {
      const isolated = await page.evaluate(() => window.talkreel.neural.isolated());
      log(`lipsync: WASM ${threads} thread(s) (cross-origin isolated: ${isolated}), batch 1/8/32…`);
      const r = await page.evaluate((t) => window.talkreel.neural.inferSpeed({ modelUrl: 'input:#bench-model', prefer: 'wasm', threads: t, batches: [1, 8, 32], minFrames: 16 }), threads);
      wasm[`threads_${threads}`] = {
        threads_used: r.threads,
        load_ms: Math.round(r.loadMs),
        ...Object.fromEntries(r.results.map((x) => [`batch_${x.batch}`, { fps: r2(x.fps), ms_per_batch: Math.round(x.msPerBatch), runs: x.runs }])),
      };
      log(`lipsync: WASM x${r.threads}: ${r.results.map((x) => `batch ${x.batch} ${x.fps.toFixed(2)} fps`).join(', ')}`);
    } finally {
      await page.close();
    }
  }
  out.wasm = wasm;

  {
    const page = await open(browser, serverUrl, join(GENERATED_DIR, GENERATED.slim));
    try {
      log('lipsync: WebGPU (SwiftShader) with the 1/8-width model, batch 1/8…');
      const r = await page.evaluate(() => window.talkreel.neural.inferSpeed({ modelUrl: 'input:#bench-model', prefer: 'webgpu', batches: [1, 8], minFrames: 8 }));
      out.webgpu_swiftshader_slim = {
        backend: r.backend,
        note: 'SwiftShader is a CPU rasteriser: a lower bound, not a GPU figure; slim = same layers at 1/8 the channels',
        ...Object.fromEntries(r.results.map((x) => [`batch_${x.batch}`, { fps: r2(x.fps), ms_per_batch: Math.round(x.msPerBatch) }])),
      };
    } finally {
      await page.close();
    }
  }

  {
    const page = await open(browser, serverUrl, full);
    try {
      await page.route('**/__bench-photo', (route) => route.fulfill({ path: photo }));
      log('lipsync: 15 s talking-head export end to end on WASM (full model)…');
      const r = await page.evaluate(
        (text) => window.talkreel.neural.clip({ modelUrl: 'input:#bench-model', photoUrl: '/__bench-photo', text, prefer: 'wasm', batch: 8, fps: 25, shortEdge: 480 }),
        TEXT_15S,
      );
      const t = r.timings;
      out.export_15s_wasm = {
        engine: r.engine,
        backend: r.info?.backend,
        threads: r.info?.threads,
        batch: r.batch,
        video_seconds: r2(r.voiceSeconds),
        frames: r.frames,
        size: `${r.width}x${r.height}`,
        total_seconds: r1(t.totalMs / 1000),
        neural_fps: r2(r.frames / (t.inferMs / 1000)),
        split_seconds: { load: r2(t.loadMs / 1000), mel: r2(t.melMs / 1000), crop: r2(t.cropMs / 1000), inference: r2(t.inferMs / 1000), paste: r2(t.pasteMs / 1000), encode: r2(t.encodeMs / 1000) },
      };
      log(`lipsync: 15 s export ${r1(t.totalMs / 1000)} s (inference ${r1(t.inferMs / 1000)} s, ${r.frames} frames)`);
    } finally {
      await page.close();
    }
  }
  return out;
}
