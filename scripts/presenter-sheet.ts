/**
 * Renders the presenter contact sheet (e2e/fixtures/presenter-sheet.html) in Chromium and
 * screenshots it, with face close-ups, and prints ms per drawPresenter.
 *
 *   npx vite --port 5191 --strictPort &      # serves the fixture and the TS modules
 *   npx tsx scripts/presenter-sheet.ts [looks=ava,marcus] [out=/tmp/presenter-sheet.png]
 *
 * Env: SHEET_URL (default http://127.0.0.1:5191), CHROMIUM (default /usr/bin/chromium).
 */
import { chromium } from 'playwright-core';

const looks = process.argv[2] ?? 'ava,marcus';
const out = process.argv[3] ?? '/tmp/presenter-sheet.png';
const base = process.env.SHEET_URL ?? 'http://127.0.0.1:5191';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1800, height: 1000 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error('console:', m.text());
  });
  await page.goto(`${base}/e2e/fixtures/presenter-sheet.html?looks=${encodeURIComponent(looks)}`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, { timeout: 300_000 });
  await page.screenshot({ path: out, fullPage: true });
  console.log('sheet:', out);
  type Timing = Record<string, { perDraw: number; firstDraw: number }>;
  const timing = await page.evaluate(() => (window as unknown as { __timing: Timing }).__timing);
  for (const [id, t] of Object.entries(timing)) {
    console.log(`drawPresenter ${id}: ${t.perDraw.toFixed(2)} ms/draw (750x1000 box); cold start (layers painted) ${t.firstDraw.toFixed(1)} ms`);
  }
  // Large face close-ups of each viseme, one sheet per look.
  for (const id of looks.split(',')) {
    const file = out.replace(/\.png$/, `-faces-${id}.png`);
    await page.goto(`${base}/e2e/fixtures/presenter-sheet.html?big=1&looks=${id}&face=400&cols=4&bench=0`);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, { timeout: 60_000 });
    await page.screenshot({ path: file, fullPage: true });
    console.log('faces:', file);
  }
} finally {
  await browser.close();
}
