/**
 * Renderer speed per creative at 1080x1920 (renderFrame + the VideoFrame snapshot the export
 * takes, per frame, averaged over a whole 12 s video) and the image layer drawn by Canvas2D vs
 * WebGL2, measured in the same page: the numbers behind keeping Canvas2D as the default.
 */
import type { Browser } from '@playwright/test';
import { createServer } from 'vite';

export async function creativesBench(browser: Browser, log: (s: string) => void = () => undefined): Promise<Record<string, unknown>> {
  const root = new URL('../..', import.meta.url).pathname;
  const vite = await createServer({ root, logLevel: 'silent', server: { port: 5237, strictPort: false, host: '127.0.0.1' } });
  await vite.listen();
  const addr = vite.httpServer?.address();
  const port = addr && typeof addr === 'object' ? addr.port : 0;
  const page = await browser.newPage();
  try {
    log('renderer per creative, Canvas2D vs WebGL2 image layer…');
    await page.goto(`http://127.0.0.1:${port}/e2e/fixtures/creatives-bench.html?n=120`);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, { timeout: 300_000 });
    type Bench = { frames: number; per_creative_ms: Record<string, number>; image_layer: { canvas2d_ms: number; webgl2_ms: number | null; webgl2: string } };
    const b = await page.evaluate(() => (window as unknown as { __bench: Bench }).__bench);
    const round = (x: number) => Number(x.toFixed(2));
    const il = b.image_layer;
    return {
      size: '1080x1920, CPU canvas, VideoFrame snapshot per frame (as the export)',
      frames_per_creative: b.frames,
      render_ms_per_frame: Object.fromEntries(Object.entries(b.per_creative_ms).map(([k, v]) => [k, round(v)])),
      render_fps: Object.fromEntries(Object.entries(b.per_creative_ms).map(([k, v]) => [k, Number((1000 / v).toFixed(1))])),
      image_layer_full_frame_ken_burns: {
        canvas2d_ms: round(il.canvas2d_ms),
        webgl2_ms: il.webgl2_ms === null ? null : round(il.webgl2_ms),
        webgl2_renderer: il.webgl2,
        default: 'canvas2d',
        why: il.webgl2_ms !== null && il.webgl2_ms < il.canvas2d_ms ? 'WebGL2 measured faster here: consider switching' : 'WebGL2 (software GL here) plus its readback is not faster than Canvas2D on this machine',
      },
    };
  } finally {
    await page.close();
    await vite.close();
  }
}

// `npx tsx scripts/bench/creatives.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { launchChromium } = await import('../lib/chromium.ts');
  const browser = await launchChromium();
  try {
    console.log(JSON.stringify(await creativesBench(browser, (s) => console.error(`bench: ${s}`)), null, 2));
  } finally {
    await browser.close();
  }
}
