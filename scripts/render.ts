/**
 * Headless command-line renderer: drives the app's own browser pipeline in headless Chromium.
 *   npm run render -- <product.json> -o <out.mp4> [--ratio 9:16|16:9|1:1] [--duration 15|30|60]
 *                     [--language en] [--resolution 720|1080] [--avatar <id>] [--script "<text>"]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { HeadlessJob, HeadlessResult } from '../src/app/headless.ts';
import { launchChromium } from './lib/chromium.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';

const USAGE = `usage: npm run render -- <product.json> -o <out.mp4> [--ratio 9:16|16:9|1:1] [--duration 15|30|60] [--language en] [--resolution 720|1080] [--avatar <id>] [--voice <id>] [--script "<text>"] [--timeline <out.json>]`;

function fail(msg: string): never {
  console.error(`render: ${msg}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    output: { type: 'string', short: 'o' },
    ratio: { type: 'string', default: '9:16' },
    duration: { type: 'string', default: '30' },
    language: { type: 'string', default: 'en' },
    resolution: { type: 'string', default: '1080' },
    avatar: { type: 'string' },
    voice: { type: 'string' },
    script: { type: 'string' },
    timeline: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const productPath = positionals[0] ?? fail('missing <product.json>');
const out = values.output ?? fail('missing -o <out.mp4>');
if (!['9:16', '16:9', '1:1'].includes(values.ratio)) fail(`--ratio must be 9:16, 16:9 or 1:1 (got ${values.ratio})`);
if (!['15', '30', '60'].includes(values.duration)) fail(`--duration must be 15, 30 or 60 (got ${values.duration})`);
if (!['720', '1080'].includes(values.resolution)) fail(`--resolution must be 720 or 1080 (got ${values.resolution})`);

interface ProductFile {
  name?: string;
  description?: string;
  features?: string[];
  price?: string;
  brand?: string;
  images?: string[];
}
let product: ProductFile;
try {
  product = JSON.parse(readFileSync(productPath, 'utf8')) as ProductFile;
} catch (err) {
  fail(`cannot read ${productPath}: ${(err as Error).message}`);
}
if (!product.name?.trim()) fail(`${productPath} has no "name"`);
const images = product.images ?? [];
if (images.length < 2) fail(`${productPath} needs at least 2 "images" (file paths or http URLs)`);

// Images: local paths relative to the JSON file, or URLs the user named (fetched here, on request).
const base = dirname(resolve(productPath));
const imageBytes: Buffer[] = [];
for (const ref of images) {
  if (/^https?:\/\//.test(ref)) {
    const res = await fetch(ref).catch((e: Error) => fail(`cannot fetch ${ref}: ${e.message}`));
    if (!res.ok) fail(`cannot fetch ${ref}: HTTP ${res.status}`);
    imageBytes.push(Buffer.from(await res.arrayBuffer()));
  } else {
    try {
      imageBytes.push(readFileSync(resolve(base, ref)));
    } catch (err) {
      fail(`cannot read image ${ref}: ${(err as Error).message}`);
    }
  }
}

const log = (s: string) => console.error(`render: ${s}`);
ensureBuild(log);
const server = await serveBuild();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') log(`page: ${m.text()}`);
  });
  // The page fetches the images from its own origin; the bytes never leave this machine.
  await page.route('**/__input/*', (route) => {
    const i = Number(new URL(route.request().url()).pathname.split('/').pop());
    const ext = extname(images[i] ?? '').toLowerCase();
    void route.fulfill({ body: imageBytes[i], contentType: ext === '.png' ? 'image/png' : 'image/jpeg' });
  });
  await page.exposeFunction('__talkreelProgress', (msg: string) => log(msg));
  await page.goto(`${server.url}/headless.html`);
  await page.waitForFunction(() => window.talkreel?.ready);
  const job: HeadlessJob = {
    product: {
      name: product.name!,
      ...(product.description ? { description: product.description } : {}),
      ...(product.features ? { features: product.features } : {}),
      ...(product.price ? { price: product.price } : {}),
      ...(product.brand ? { brand: product.brand } : {}),
    },
    imageUrls: images.map((_, i) => `${server.url}/__input/${i}`),
    ratio: values.ratio as HeadlessJob['ratio'],
    duration: Number(values.duration) as HeadlessJob['duration'],
    language: values.language,
    resolution: Number(values.resolution) as HeadlessJob['resolution'],
    ...(values.avatar ? { presenterId: values.avatar } : {}),
    ...(values.voice ? { voiceId: values.voice } : {}),
    ...(values.script ? { script: values.script } : {}),
  };
  const result = await page.evaluate(
    (j) => window.talkreel.render(j, (m) => (window as unknown as { __talkreelProgress: (s: string) => void }).__talkreelProgress(m)),
    job,
  ).catch((err: Error) => fail(err.message.replace(/^page\.evaluate: (Error: )?/, '')));
  // Stream the finished file out of the page as a download (no base64 copy of the video).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((r: HeadlessResult) => {
      const a = document.createElement('a');
      a.href = r.url;
      a.download = r.fileName;
      document.body.append(a);
      a.click();
    }, result),
  ]);
  await download.saveAs(resolve(out));
  if (values.timeline) writeFileSync(values.timeline, JSON.stringify(result.timeline));
  const summary = { output: resolve(out), ...result, url: undefined, timeline: undefined };
  writeFileSync(1, `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  await browser.close();
  await server.close();
}
