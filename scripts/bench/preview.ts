/**
 * Time from *Generate video* to the first preview frame (issue 21), in the real app: a 30 s
 * project with the example product, scripts written (they are fitted with the real voice, so
 * its lines are ready), then the click. Timed in the page from the click to the player's
 * `data-shown` counter going up (the render worker has drawn the new timeline), so neither
 * Playwright's round trips nor the screenshot pipeline are counted. The script is voiced in the
 * background once it has settled (src/app/voice/voiceover-ahead.ts); the bench waits for that
 * ("once the voice is ready"), then times the first Generate video of the project (the player
 * and its render worker start then) and three Regenerates.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { runBenchAlone } from '../lib/run-alone.ts';

const root = new URL('../../', import.meta.url);

/** Clicks the button and resolves with the ms until the player has drawn one more timeline. */
function clickToFirstFrame(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        const player = '[data-testid="player"]';
        const before = Number(document.querySelector(player)?.getAttribute('data-shown') ?? 0);
        const timer = setTimeout(() => reject(new Error('no preview frame within 60 s')), 60_000);
        const t0 = performance.now();
        const watch = new MutationObserver(() => {
          if (Number(document.querySelector(player)?.getAttribute('data-shown') ?? 0) <= before) return;
          watch.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - t0);
        });
        watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-shown'] });
        (document.querySelector('[data-testid="generate-video"]') as HTMLButtonElement).click();
      }),
  );
}

export async function previewBench(browser: Browser, serverUrl: string, log: (s: string) => void): Promise<Record<string, unknown>> {
  const product = JSON.parse(readFileSync(new URL('examples/product.json', root), 'utf8')) as { name: string; description: string; features: string[]; images: string[] };
  const page = await browser.newPage();
  try {
    await page.goto(`${serverUrl}/`);
    await page.getByTestId('product-name').fill(product.name);
    await page.getByTestId('product-description').fill(product.description);
    await page.getByTestId('product-features').fill(product.features.join('\n'));
    await page.getByTestId('image-input').setInputFiles(product.images.map((f) => fileURLToPath(new URL(`examples/${f}`, root))));
    await page.getByTestId('image-thumb').nth(product.images.length - 1).waitFor();
    await page.getByRole('radio', { name: '30 s', exact: true }).click();
    log('preview: scripts for a 30 s project (fitted with the real voice)…');
    await page.getByTestId('generate-scripts').click();
    await page.getByTestId('script-option').first().waitFor({ timeout: 120_000 });
    // The script is voiced in the background once it has settled: "once the voice is ready".
    const t0 = Date.now();
    await page.locator('[data-testid="generate-video"][data-voice-ready="true"]').waitFor({ timeout: 120_000 });
    const voiceMs = Date.now() - t0;
    log('preview: Generate video → first preview frame…');
    const first = await clickToFirstFrame(page);
    const duration = Number(await page.getByTestId('player').getAttribute('data-duration'));
    const again: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('generate-video').waitFor();
      await page.waitForFunction(() => !(document.querySelector('[data-testid="generate-video"]') as HTMLButtonElement).disabled);
      again.push(await clickToFirstFrame(page));
    }
    const round = (n: number) => Math.round(n);
    return {
      video_seconds: Number(duration.toFixed(2)),
      voice_ready_after_scripts_ms: voiceMs,
      first_generate_ms: round(first),
      regenerate_ms: again.map(round),
      target_ms: 1000,
      measured: 'in the page, from the click to the player reporting the new timeline drawn (render worker reply)',
    };
  } finally {
    await page.close();
  }
}

// `npx tsx scripts/bench/preview.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) await runBenchAlone(previewBench);
