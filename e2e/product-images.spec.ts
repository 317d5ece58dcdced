import { chromium, expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { withExifOrientation } from '../src/product/exif-fixture.ts';
import { launchOptions } from '../scripts/lib/chromium.ts';

/*
 * Product pictures as the export decodes and draws them (workers/render/images.ts and the
 * renderer, served from the sources by a Vite dev server this spec starts, ports from 5241):
 * memory held while six big photos decode, the same frames as the old decoder, portrait phone
 * photos upright, and a caption mixing Arabic with an English brand name in reading order.
 * Pictures are made by ImageMagick; the checks read pixels (e2e/fixtures/product-images.html).
 */

let vite: ViteDevServer;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'talkreel-images-'));
const file = (name: string, args: string[]): string => {
  const out = join(dir, name);
  execFileSync('convert', [...args, out]);
  return out;
};

test.beforeAll(async () => {
  // The fixture page is the entry Vite scans, so its dependencies (bidi-js…) are bundled before
  // the page loads rather than found on the way (which reloads the page under the test).
  vite = await createServer({ root: new URL('..', import.meta.url).pathname, logLevel: 'silent', optimizeDeps: { entries: ['e2e/fixtures/product-images.html'] }, server: { port: 5241, strictPort: false, host: '127.0.0.1' } });
  await vite.listen();
  const addr = vite.httpServer?.address();
  base = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 5241}`;
});

test.afterAll(async () => {
  await vite?.close();
});

async function open(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/__img/*', (route) => route.fulfill({ body: readFileSync(join(dir, route.request().url().split('/__img/')[1]!.split('?')[0]!)), contentType: 'image/jpeg' }));
  await page.goto(`${base}/e2e/fixtures/product-images.html`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, null, { timeout: 120_000 });
  expect(errors).toEqual([]);
}

type T = {
  decode(urls: string[], which: 'before' | 'after'): Promise<{ peak: number; kept: number; ms: number; sizes: number[][] }>;
  compareFrames(urls: string[], t: number): Promise<{ mean: number; max: number }>;
  upright(url: string, points: number[][]): Promise<{ width: number; height: number; colours: number[][] }>;
  frameColours(url: string): Promise<Record<'red' | 'blue', { x: number; y: number; n: number }>>;
  captionOrder(words: string[]): Promise<{ centres: Array<number | null>; png: number[] }>;
  oracle(words: string[], dir: 'rtl' | 'ltr'): number[];
};
const t = <R>(page: Page, fn: (t: T, arg: unknown) => R | Promise<R>, arg?: unknown): Promise<R> =>
  page.evaluate(([src, a]) => (new Function('t', 'a', `return (${src})(t, a)`) as (t: unknown, a: unknown) => R)((window as unknown as { __t: unknown }).__t, a), [fn.toString(), arg] as const);

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // Gone.
    }
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

test('six 4000×3000 photos decode to the video size, one at a time, and draw the same frames', async ({ browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  // One photo served six times (each fetch is a blob of its own to the decoder).
  file('big.jpg', ['-size', '4000x3000', 'gradient:rgb(40,20,200)-rgb(250,200,30)', '-quality', '90']);
  const urls = Array.from({ length: 6 }, (_, i) => `/__img/big.jpg?${i}`);
  // A browser of its own, so its processes' memory can be read from outside it.
  const server = await chromium.launchServer(launchOptions());
  const pid = server.process().pid;
  expect(pid).toBeTruthy();
  const browser = await chromium.connect(server.wsEndpoint());
  const MB = (n: number) => Math.round(n / 1048576);
  const run = async (which: 'before' | 'after') => {
    const page = await browser.newPage();
    await open(page);
    const idle = treeRss(pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid!))), 20);
    const r = await t(page, (t, a) => t.decode((a as [string[], 'before' | 'after'])[0], (a as [string[], 'before' | 'after'])[1]), [urls, which]);
    clearInterval(sampler);
    peak = Math.max(peak, treeRss(pid!));
    await page.close();
    return { ...r, rssPeak: peak - idle };
  };
  try {
    const before = await run('before');
    const after = await run('after');
    const line = `six 4000×3000 JPEGs: browser memory at peak over idle ${MB(before.rssPeak)} MB before, ${MB(after.rssPeak)} MB after; decoded bitmaps kept ${MB(before.kept)} / ${MB(after.kept)} MB; ${Math.round(before.ms)} / ${Math.round(after.ms)} ms`;
    console.log(line);
    testInfo.annotations.push({ type: 'measurement', description: line });
    // The same pictures come out, at 2048 px on the long side.
    expect(after.sizes).toEqual(Array(6).fill([2048, 1536]));
    expect(after.sizes).toEqual(before.sizes);
    // No full-size bitmap ever reaches the page (6 × 2048 × 1536 × 4 bytes = 72 MB kept).
    expect(after.peak).toBe(6 * 2048 * 1536 * 4);
    // Six full-size decodes at once (6 × 46 MB) are what the old way held; one at a time does not.
    expect(before.rssPeak).toBeGreaterThan(after.rssPeak + 64 * 1048576);
    const page = await browser.newPage();
    await open(page);
    const diff = await t(page, (t, u) => t.compareFrames(u as string[], 1.0), urls);
    console.log(`a frame drawn from each decoder's bitmaps: mean channel difference ${diff.mean.toFixed(4)}, largest ${diff.max}`);
    expect(diff.mean).toBeLessThan(0.5);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a portrait phone photo (EXIF Orientation 6) is decoded and drawn upright', async ({ page }) => {
  // Stored sideways as the phone writes it: left half red, right half blue. Upright (turned a
  // quarter clockwise), red is the top half and blue the bottom.
  for (const [name, size] of [['portrait-small.jpg', '1200x900'], ['portrait-big.jpg', '4000x3000']] as const) {
    const [w, h] = size.split('x').map(Number) as [number, number];
    const stored = file(`stored-${name}`, ['-size', size, 'xc:blue', '-fill', 'red', '-draw', `rectangle 0,0 ${w / 2 - 1},${h - 1}`, '-quality', '92']);
    writeFileSync(join(dir, name), withExifOrientation(new Uint8Array(readFileSync(stored)), 6));
    expect(execFileSync('identify', ['-format', '%[EXIF:Orientation]', join(dir, name)], { encoding: 'utf8' })).toBe('6');
  }
  await open(page);
  const small = await t(page, (t, u) => t.upright(u as string, [[0.5, 0.1], [0.5, 0.9]]), '/__img/portrait-small.jpg');
  expect(small).toMatchObject({ width: 900, height: 1200 });
  // Decoded straight to 2048 px on the long side from the header's size: portrait, not squashed.
  const big = await t(page, (t, u) => t.upright(u as string, [[0.5, 0.1], [0.5, 0.9]]), '/__img/portrait-big.jpg');
  expect(big).toMatchObject({ width: 1536, height: 2048 });
  for (const { colours } of [small, big]) {
    expect(colours[0]![0]).toBeGreaterThan(200); // top: red
    expect(colours[0]![2]).toBeLessThan(60);
    expect(colours[1]![2]).toBeGreaterThan(200); // bottom: blue
    expect(colours[1]![0]).toBeLessThan(60);
  }
  // In a rendered frame, red lies above blue, side by side it does not.
  const frame = await t(page, (t, u) => t.frameColours(u as string), '/__img/portrait-big.jpg');
  expect(frame.red.n).toBeGreaterThan(1000);
  expect(frame.blue.n).toBeGreaterThan(1000);
  expect(frame.blue.y - frame.red.y).toBeGreaterThan(150);
  expect(Math.abs(frame.blue.x - frame.red.x)).toBeLessThan(60);
});

test('a caption mixing Arabic, an English brand name and a number reads in order', async ({ page }, testInfo) => {
  await open(page);
  // "Buy Nike Air for 120 dollars".
  const words = ['اشترِ', 'Nike', 'Air', 'بـ', '120', 'دولارًا'];
  const drawn = await t(page, (t, w) => t.captionOrder(w as string[]), words);
  writeFileSync(testInfo.outputPath('caption-mixed.png'), Buffer.from(drawn.png));
  expect(drawn.centres.every((c) => c !== null)).toBe(true);
  const byX = (xs: Array<number | null>) => words.map((w, i) => [w, xs[i]!] as const).sort((a, b) => a[1] - b[1]).map(([w]) => w);
  // Chromium's own text layout of the same line is the reference.
  const reference = byX(await t(page, (t, w) => t.oracle(w as string[], 'rtl'), words));
  expect(reference).toEqual(['دولارًا', '120', 'بـ', 'Nike', 'Air', 'اشترِ']);
  expect(byX(drawn.centres)).toEqual(reference);
});
