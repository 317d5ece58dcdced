/**
 * Product import in the real app: paste a page's source, fetch a link, drop a saved page,
 * refuse bad input; pictures and a product video from the page (served by page.route — nothing
 * here touches the network), and the rest of the flow on the imported product.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, launchOptions } from '../scripts/lib/chromium.ts';
import { ffprobe } from './media.ts';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)));
const fixturePath = (name: string) => fileURLToPath(new URL(`../src/product/fixtures/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

const SHOP = 'https://northwind-coffee.com';
const CORS = { 'access-control-allow-origin': '*' };
/** The stand-in shops' server (ports 5210–5219 are this checkout's). */
const SHOP_PORT = Number(process.env.E2E_SHOP_PORT ?? 5215);
/** Plain-http shop names that resolve to the stand-in shops' server (the `links` tests). */
const HOSTS = ['kilnandco.co.uk', 'northwind-coffee.com', 'gone.example'];
test.use({ launchOptions: { ...launchOptions(), args: [...CHROMIUM_ARGS, `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h}:80 127.0.0.1:${SHOP_PORT}`).join(', ')}`] } });

function ffmpeg(out: string, args: string[]): Buffer {
  execFileSync('ffmpeg', ['-v', 'error', ...args, '-y', out]);
  return readFileSync(out);
}

/** The fixture shop: its pictures and video, as a shop CDN that allows cross-origin reads would serve them. */
async function serveShopMedia(page: Page, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const webp = ffmpeg(`${dir}/pour.webp`, ['-f', 'lavfi', '-i', 'testsrc2=size=900x900', '-frames:v', '1', '-c:v', 'libwebp']);
  const mp4 = ffmpeg(`${dir}/pour.mp4`, ['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=f=330', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac']);
  const served: string[] = [];
  await page.route(`${SHOP}/cdn/shop/**`, (route: Route) => {
    const url = new URL(route.request().url());
    served.push(url.pathname);
    const file = url.pathname.split('/').pop()!;
    if (file === 'kettle-hero.jpg') return route.fulfill({ body: example('bottle-hero.jpg'), contentType: 'image/jpeg', headers: CORS });
    if (file === 'kettle-side.jpg') return route.fulfill({ body: example('bottle-colours.jpg'), contentType: 'image/jpeg', headers: CORS });
    if (file === 'kettle-pour.jpg') return route.fulfill({ body: webp, contentType: 'image/webp', headers: CORS }); // the CDN negotiated WebP
    if (file === 'kettle-kitchen.jpg') return route.fulfill({ status: 404, body: 'Not Found', headers: CORS });
    if (file.endsWith('.mp4')) return route.fulfill({ body: mp4, contentType: 'video/mp4', headers: CORS });
    return route.fulfill({ status: 404, headers: CORS });
  });
  return served;
}

/** Every request that leaves the app's own origin. */
function outsideRequests(page: Page): string[] {
  const out: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1' && u.protocol !== 'blob:' && u.protocol !== 'data:') out.push(`${u.origin}${u.pathname}`);
  });
  return out;
}

test('paste page source → fields filled → pictures and video from the page → select → scripts, preview and MP4', async ({ page }, testInfo) => {
  const outside = outsideRequests(page);
  const served = await serveShopMedia(page, testInfo.outputPath('shop'));
  await page.goto('/');
  await page.screenshot({ path: testInfo.outputPath('import-empty.png'), fullPage: true });

  await page.getByTestId('import-tab-source').click();
  await page.getByTestId('import-source').fill(fixture('shopify-kettle.html'));
  await page.getByTestId('import-parse-source').click();

  await expect(page.getByTestId('import-summary')).toContainText('Filled in name, brand, price, description and features from northwind-coffee.com.');
  await expect(page.getByTestId('product-name')).toHaveValue('Aurora Pour-Over Kettle');
  await expect(page.getByTestId('product-brand')).toHaveValue('Northwind');
  await expect(page.getByTestId('product-price')).toHaveValue('$89.00');
  await expect(page.getByTestId('product-description')).toHaveValue('The Aurora is a 1-litre gooseneck kettle for slow, even pour-over brewing.');
  await expect(page.getByTestId('product-features')).toHaveValue('Gooseneck spout for a precise pour\nBuilt-in thermometer reads 40–100 °C\nWorks on gas, electric and induction hobs');
  await expect(page.getByTestId('found-image')).toHaveCount(4);
  await expect(page.getByTestId('found-video')).toHaveCount(1);
  // Parsing requested nothing: the pictures are fetched only when the user says so.
  expect(outside).toEqual([]);
  await page.getByText('Where each detail came from').click();
  await expect(page.getByTestId('import-result')).toContainText('JSON-LD (the only in-stock offer of 2)');
  console.log(`13 KB Shopify page: ${/Read in ([\d.]+) ms/.exec(await page.getByTestId('import-result').innerText())?.[1]} ms in the parse worker`);
  await page.screenshot({ path: testInfo.outputPath('import-parsed.png'), fullPage: true });

  await page.getByTestId('import-add-images').click();
  await expect(page.getByTestId('image-thumb')).toHaveCount(3);
  await expect(page.locator('[data-testid=found-image][data-status=added]')).toHaveCount(3);
  await expect(page.locator('[data-testid=found-image][data-status=failed]')).toHaveCount(1);
  await expect(page.getByTestId('found-image-error')).toHaveText('kettle-kitchen.jpg — northwind-coffee.com answered “404 Not Found”: the file is no longer there.');
  // All three are big enough to be pre-selected; the user drops the WebP close-up and takes it back.
  await expect(page.getByText('3 of 3 selected')).toBeVisible();
  const thumbs = page.getByTestId('image-thumb');
  await expect(thumbs.nth(2)).toHaveAccessibleName('Deselect kettle-pour.webp');
  await thumbs.nth(2).click();
  await expect(page.getByText('2 of 3 selected')).toBeVisible();
  await thumbs.nth(2).click();
  await thumbs.nth(1).click();
  await expect(page.getByText('2 of 3 selected')).toBeVisible();

  await page.getByTestId('import-add-video').click();
  await expect(page.getByTestId('product-video-facts')).toHaveText(/^0:02 · 640×360 · H\.264 · \d+ KB$/);
  await expect(page.getByTestId('found-video')).toContainText('Added as the product video');
  await page.screenshot({ path: testInfo.outputPath('import-media-added.png'), fullPage: true });
  expect([...new Set(served)].sort()).toEqual([
    '/cdn/shop/files/kettle-hero.jpg',
    '/cdn/shop/files/kettle-kitchen.jpg',
    '/cdn/shop/files/kettle-pour.jpg',
    '/cdn/shop/files/kettle-side.jpg',
    '/cdn/shop/videos/c/vp/8f2a61c0/8f2a61c0.HD-1080p-7.2Mbps.mp4',
  ]);
  // Only the shop the page came from, and only for what the user confirmed.
  expect(outside.every((u) => u.startsWith(`${SHOP}/cdn/shop/`))).toBe(true);

  // The rest of the flow, on the imported product.
  await page.getByRole('radio', { name: '15 s', exact: true }).click();
  await page.getByTestId('generate-scripts').click();
  await expect(page.getByTestId('script-option').first()).toBeVisible();
  await expect(page.getByTestId('script-option').first()).toContainText(/Aurora|kettle|pour/i);
  await expect(page.getByText('Timing each option with the real voice…')).toHaveCount(0, { timeout: 120_000 });
  await page.getByTestId('generate-video').click();
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('radio', { name: '720p' }).click();
  await page.getByTestId('export').click();
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = testInfo.outputPath('imported.mp4');
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^Aurora-Pour-Over-Kettle-9x16-720p\.mp4$/);
  const probe = ffprobe(file);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });

  // Everything imported is part of the saved project.
  await page.reload();
  await expect(page.getByTestId('product-name')).toHaveValue('Aurora Pour-Over Kettle');
  await expect(page.getByTestId('image-thumb')).toHaveCount(3);
  await expect(page.getByText('2 of 3 selected')).toBeVisible();
  await expect(page.getByTestId('product-video-facts')).toHaveText(/^0:02 · 640×360 · H\.264/);
  expect(outside.every((u) => u.startsWith(`${SHOP}/cdn/shop/`))).toBe(true);
});

test.describe('links', () => {
  // Shops here are a real HTTP server on 127.0.0.1: Playwright's route.fulfill skips the
  // browser's CORS check, and whether a shop allows cross-origin reads is the point. The shop
  // names resolve to it through Chromium's host resolver rules (set at the top of the file).
  let server: Server;
  const hits: string[] = [];
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `http://${host}`);
      hits.push(`${host}${url.pathname}`);
      if (host === 'kilnandco.co.uk') {
        res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', ...CORS });
        res.end(fixture('woocommerce-mug.html'));
      } else if (host === 'northwind-coffee.com') {
        // A shop that does not allow other sites to read its pages (no Access-Control-Allow-Origin).
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(fixture('shopify-kettle.html'));
      } else if (host === 'gone.example') {
        res.writeHead(404, 'Not Found', CORS);
        res.end('nope');
      } else if (url.pathname === '/proxy') {
        // The user's own CORS proxy: fetches the page server-side (here: from the fixtures).
        const target = url.searchParams.get('url') ?? '';
        res.writeHead(200, { 'content-type': 'text/html', ...CORS });
        res.end(target.includes('northwind-coffee.com') ? fixture('shopify-kettle.html') : '');
      } else {
        res.writeHead(500);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(SHOP_PORT, '127.0.0.1', r));
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('read when the shop allows it, a plain message when it blocks, undo, and the optional proxy', async ({ page }, testInfo) => {
    const outside = outsideRequests(page);
    await page.goto('/');
    await page.getByTestId('import-link').fill('http://kilnandco.co.uk/shop/mugs/hand-thrown-stoneware-mug-moss/');
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('product-name')).toHaveValue('Hand-Thrown Stoneware Mug – Moss Glaze');
    await expect(page.getByTestId('product-price')).toHaveValue('£28.00');
    await expect(page.getByTestId('found-image')).toHaveCount(3);

    // Blocked: the message says why and what to do; the form keeps what it had.
    await page.getByTestId('import-link').fill('http://northwind-coffee.com/products/aurora-pour-over-kettle');
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('import-error-message')).toHaveText('northwind-coffee.com does not let other sites read its pages from your browser (most shops block this), or it could not be reached.');
    await expect(page.getByTestId('import-error')).toContainText('Paste the page’s source instead');
    await expect(page.getByTestId('product-name')).toHaveValue('Hand-Thrown Stoneware Mug – Moss Glaze');
    await page.screenshot({ path: testInfo.outputPath('import-error-blocked.png'), fullPage: true });
    await page.getByTestId('import-use-source').click();
    await expect(page.getByTestId('import-source')).toBeVisible();

    await page.getByTestId('import-tab-link').click();
    await page.getByTestId('import-link').fill('http://gone.example/products/old');
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('import-error-message')).toHaveText('gone.example answered “404 Not Found”: there is no page at this link.');
    await page.getByTestId('import-link').fill('not a link at all');
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('import-error-message')).toHaveText('“not a link at all” is not a web address.');
    await expect(page.getByTestId('product-name')).toHaveValue('Hand-Thrown Stoneware Mug – Moss Glaze');

    // Undo puts the form back as it was before an import.
    await page.getByTestId('product-name').fill('Typed first');
    await page.getByTestId('import-link').fill('http://kilnandco.co.uk/shop/mugs/hand-thrown-stoneware-mug-moss/');
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('product-name')).toHaveValue('Hand-Thrown Stoneware Mug – Moss Glaze');
    await page.getByTestId('import-undo').click();
    await expect(page.getByTestId('product-name')).toHaveValue('Typed first');

    // The user's own CORS proxy (off by default) gets the blocked shop's page.
    await page.getByTestId('link-settings').click();
    const settings = page.getByTestId('proxy-settings');
    await page.getByTestId('proxy-input').fill('http://proxy.example/?url=');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings).toContainText('The proxy must be an https:// address (or http://localhost).');
    await page.getByTestId('proxy-input').fill(`http://localhost:${SHOP_PORT}/proxy?url=`);
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings).toContainText('Proxy saved on this device.');
    await page.screenshot({ path: testInfo.outputPath('import-proxy-settings.png'), fullPage: true });
    await page.getByTestId('import-link').fill('http://northwind-coffee.com/products/aurora-pour-over-kettle');
    await page.getByTestId('import-parse').click();
    await expect(page.getByTestId('product-name')).toHaveValue('Aurora Pour-Over Kettle');

    // Requests went to the links entered and to the proxy the user set, nowhere else.
    expect([...new Set(outside.map((u) => new URL(u).host))].sort()).toEqual(['gone.example', 'kilnandco.co.uk', `localhost:${SHOP_PORT}`, 'northwind-coffee.com']);
    expect(hits.filter((h) => h.startsWith('northwind-coffee.com'))).toEqual(['northwind-coffee.com/products/aurora-pour-over-kettle']);
  });
});

test('bad input — empty page, no product, 20 MB of HTML, binary data, malformed JSON — gets a clear message and the form is untouched', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('bad');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/empty.html`, '');
  const noise = Buffer.alloc(64 * 1024);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256;
  writeFileSync(`${dir}/page.html`, noise);
  writeFileSync(`${dir}/product.json`, '{\n  "product": {\n    "title": "Tote",\n    "variants": [ {"price": "68.00"} \n  }\n}\n');
  const huge = Buffer.alloc(20 * 1024 * 1024, '<div class="card"><p>filler</p></div>\n');
  writeFileSync(`${dir}/huge.html`, huge);

  await page.goto('/');
  await page.getByTestId('product-name').fill('My own name');
  await page.getByTestId('product-description').fill('Typed by hand.');
  const untouched = async () => {
    await expect(page.getByTestId('product-name')).toHaveValue('My own name');
    await expect(page.getByTestId('product-description')).toHaveValue('Typed by hand.');
    await expect(page.getByTestId('product-price')).toHaveValue('');
    await expect(page.getByTestId('import-error')).toContainText('Nothing in the form was changed.');
  };
  const message = page.getByTestId('import-error-message');
  const file = page.getByTestId('import-file');

  await page.getByTestId('import-tab-file').click();
  await file.setInputFiles(`${dir}/empty.html`);
  await expect(message).toHaveText('“empty.html” is empty.');
  await untouched();
  await page.screenshot({ path: testInfo.outputPath('import-error-empty.png'), fullPage: true });

  await file.setInputFiles(fixturePath('no-product-blog.html'));
  await expect(message).toHaveText('“How to Brew Better Pour-Over at Home | The Northwind Journal” does not describe a product: it has no product data (JSON-LD, microdata, Open Graph product tags or shop JSON).');
  await untouched();
  await page.screenshot({ path: testInfo.outputPath('import-error-no-product.png'), fullPage: true });

  let t = Date.now();
  await file.setInputFiles(`${dir}/huge.html`);
  await expect(message).toHaveText('“huge.html” is 20.0 MB; talkreel reads pages up to 10.0 MB.');
  console.log(`20 MB saved page refused in ${Date.now() - t} ms (file input to message)`);
  await untouched();
  await page.screenshot({ path: testInfo.outputPath('import-error-too-large.png'), fullPage: true });

  await file.setInputFiles(`${dir}/page.html`);
  await expect(message).toHaveText('“page.html” is binary data, not a web page or product JSON.');
  await untouched();
  await page.screenshot({ path: testInfo.outputPath('import-error-binary.png'), fullPage: true });

  await file.setInputFiles(`${dir}/product.json`);
  await expect(message).toHaveText('“product.json” looks like JSON but is malformed: expected “,” or “]” but found “}” at line 5, column 3.');
  await untouched();
  await page.screenshot({ path: testInfo.outputPath('import-error-bad-json.png'), fullPage: true });

  // 20 MB pasted: kept out of the textarea, refused without freezing the page.
  await page.getByTestId('import-tab-source').click();
  t = Date.now();
  await page.getByTestId('import-source').evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', `<!doctype html><html><body>${'<div class="card"><p>filler</p></div>\n'.repeat(553_000)}</body></html>`);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(message).toHaveText('The pasted text is 20.0 MB; talkreel reads pages up to 10.0 MB.');
  console.log(`20 MB paste refused in ${Date.now() - t} ms (paste to message)`);
  await expect(page.getByTestId('import-pasted')).toContainText('Pasted 20.0 MB of page source');
  await untouched();

  // Plain text is not page source.
  await page.getByTestId('import-pasted').getByRole('button', { name: 'Clear' }).click();
  await page.getByTestId('import-source').fill('Aurora kettle, black, 89 dollars');
  await page.getByTestId('import-parse-source').click();
  await expect(message).toHaveText('The pasted text is not a web page’s source: no HTML tags were found.');
  await untouched();

  // A big but valid page (9.5 MB) is read off the main thread and fills the form. Timed in the
  // page, from the paste event to the filled name field (not counting Playwright's transfer).
  const big = fixture('shopify-kettle.html').replace('</main>', `${'<div class="card"><a href="/p"><img src="//cdn.example/x_200x200.jpg" alt=""></a><p>Other product text</p></div>\n'.repeat(90_000)}</main>`);
  await page.evaluate((text) => ((window as unknown as { __big: string }).__big = text), big);
  const inPageMs = await page.getByTestId('import-source').evaluate(async (el) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', (window as unknown as { __big: string }).__big);
    const name = document.querySelector<HTMLInputElement>('[data-testid=product-name]')!;
    const t0 = performance.now();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    while (name.value !== 'Aurora Pour-Over Kettle') {
      if (performance.now() - t0 > 60_000) throw new Error('not filled within 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - t0;
  });
  await page.getByText('Where each detail came from').click();
  const parseMs = /Read in (\d+) ms/.exec(await page.getByTestId('import-result').innerText())?.[1];
  console.log(`${(Buffer.byteLength(big) / 1048576).toFixed(1)} MB pasted page: parsed in the worker in ${parseMs} ms; paste to filled form ${Math.round(inPageMs)} ms`);
  await expect(page.getByTestId('product-brand')).toHaveValue('Northwind');
});

test('a saved page (.mhtml) carries its pictures: added without any download', async ({ page }, testInfo) => {
  const outside = outsideRequests(page);
  await page.goto('/');
  await page.getByTestId('import-tab-file').click();
  await page.getByTestId('import-file').setInputFiles(fixturePath('saved-page-candle.mhtml'));
  await expect(page.getByTestId('product-name')).toHaveValue('Ember Smart Candle');
  await expect(page.getByTestId('product-price')).toHaveValue('€39.00');
  await expect(page.getByTestId('found-images')).toContainText('They are saved inside the file: nothing is downloaded.');
  await page.getByTestId('import-add-images').click();
  await expect(page.getByTestId('image-thumb')).toHaveCount(2);
  await expect(page.getByText('2 of 2 selected')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('import-mhtml.png'), fullPage: true });
  expect(outside).toEqual([]);
});

test('product video from disk: MP4 kept as is, ProRes converted with ffmpeg.wasm, a fake refused', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('video');
  mkdirSync(dir, { recursive: true });
  ffmpeg(`${dir}/demo.mp4`, ['-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=30', '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
  ffmpeg(`${dir}/studio.mov`, ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=f=220', '-t', '2', '-c:v', 'prores_ks', '-c:a', 'pcm_s16le']);
  writeFileSync(`${dir}/notes.mp4`, 'not a video\n'.repeat(100));

  await page.goto('/');
  const input = page.getByTestId('video-input');
  await input.setInputFiles(`${dir}/notes.mp4`);
  await expect(page.getByTestId('video-error')).toHaveText('“notes.mp4” is not an MP4, MOV or WebM video (whatever its name says).');

  await input.setInputFiles(`${dir}/demo.mp4`);
  await expect(page.getByTestId('product-video-facts')).toHaveText(/^0:03 · 1280×720 · H\.264 · \d+ KB$/);

  const t = Date.now();
  await input.setInputFiles(`${dir}/studio.mov`);
  await expect(page.getByTestId('video-busy')).toContainText('converting to MP4 (H.264)');
  await page.screenshot({ path: testInfo.outputPath('video-converting.png'), fullPage: true });
  await expect(page.getByTestId('product-video')).toContainText('studio.mp4', { timeout: 120_000 });
  console.log(`2 s 640x360 ProRes MOV converted to H.264 MP4 by ffmpeg.wasm in ${Date.now() - t} ms (including loading the 31 MB core)`);
  await expect(page.getByTestId('product-video-facts')).toHaveText(/^0:02 · 640×360 · H\.264/);
  await expect(page.getByTestId('product-video')).toContainText('Converted from ProRes');
  await page.screenshot({ path: testInfo.outputPath('video-added.png'), fullPage: true });

  // The converted file is what is stored: download it from the preview element and probe it.
  const bytes = await page.locator('[data-testid=product-video] video').evaluate(async (v: HTMLVideoElement) => Array.from(new Uint8Array(await (await fetch(v.src)).arrayBuffer())));
  writeFileSync(`${dir}/stored.mp4`, Buffer.from(bytes));
  const probe = ffprobe(`${dir}/stored.mp4`);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 640, height: 360 });
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');

  await page.getByTestId('remove-video').click();
  await expect(page.getByTestId('add-video')).toBeVisible();
});

test('command line: render --page reads a saved page (pictures next to it) and makes the MP4', async ({ browserName: _ }, testInfo) => {
  // "Save page as… complete": the HTML plus a folder of its pictures, referenced relatively.
  const dir = testInfo.outputPath('saved');
  mkdirSync(`${dir}/Bottle_files`, { recursive: true });
  writeFileSync(`${dir}/Bottle_files/bottle-hero.jpg`, example('bottle-hero.jpg'));
  writeFileSync(`${dir}/Bottle_files/bottle-colours.jpg`, example('bottle-colours.jpg'));
  writeFileSync(`${dir}/Bottle_files/bottle-outdoors.jpg`, example('bottle-outdoors.jpg'));
  writeFileSync(`${dir}/Bottle.html`, `<!doctype html><html lang="en"><head><title>Aurora Insulated Bottle | Northwind</title>
<meta property="og:type" content="product"><meta property="og:site_name" content="Northwind">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Aurora Insulated Bottle","brand":{"@type":"Brand","name":"Northwind"},
"description":"A double-wall stainless steel bottle that keeps drinks ice cold for 24 hours or hot for 12.","image":["./Bottle_files/bottle-hero.jpg","./Bottle_files/bottle-colours.jpg"],
"offers":{"@type":"Offer","price":"34.00","priceCurrency":"USD","availability":"https://schema.org/InStock"}}</script></head>
<body><div class="product-gallery"><img src="./Bottle_files/bottle-hero.jpg"><img src="./Bottle_files/bottle-colours.jpg"><img src="./Bottle_files/bottle-outdoors.jpg"></div></body></html>`);
  const out = testInfo.outputPath('page.mp4');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const r = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', '--page', `${dir}/Bottle.html`, '-o', out, '--duration', '15', '--resolution', '720'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const summary = JSON.parse(r) as { scriptText: string; width: number; height: number };
  expect(summary).toMatchObject({ width: 720, height: 1280 });
  expect(summary.scriptText).toContain('Aurora Insulated Bottle');
  const probe = ffprobe(out);
  expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
  expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
});
