/**
 * Headless command-line renderer: drives the app's own browser pipeline in headless Chromium.
 *   npm run render -- <product.json> -o <out.mp4> [--ratio 9:16|16:9|1:1] [--duration 15|30|60]
 *                     [--language en] [--resolution 720|1080] [--avatar <id>] [--script "<text>"]
 *                     [--script-style <style>]
 *   npm run render -- <product.json> --print-scripts [--language en] [--duration 15|30|60]
 *     prints every script option as JSON, each fitted and measured with the real voice, and exits.
 *   npm run render -- --list-avatars [--json]
 *     lists every built-in presenter with its id and tags (no browser needed); --avatar <id> picks one.
 *   --page <page.html|page.mhtml|product page URL> instead of <product.json>: the product is read
 *     from the page with the app's own parsers (see `npm run parse`), pictures pre-selected as in the app.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { HeadlessJob, HeadlessResult, ScriptsJob } from '../src/app/headless.ts';
import { STYLES } from '../src/script/generate.ts';
import { BUILTIN_PRESENTERS, facetsOf, hasPresenter } from '../src/compose/presenter/catalog.ts';
import { launchChromium } from './lib/chromium.ts';
import { productFromPage } from './lib/read-product.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';

const USAGE = `usage: npm run render -- <product.json> | --page <page.html|page.mhtml|URL> -o <out.mp4> [--ratio 9:16|16:9|1:1] [--duration 15|30|60] [--language en] [--resolution 720|1080] [--avatar <id>] [--voice <id>] [--script "<text>" | --script-style <${STYLES.join('|')}>] [--timeline <out.json>]
       npm run render -- <product.json> --print-scripts [--language en] [--duration 15|30|60] [--voice <id>]
       npm run render -- --list-avatars [--json]`;

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
    'script-style': { type: 'string' },
    'print-scripts': { type: 'boolean' },
    'list-avatars': { type: 'boolean' },
    json: { type: 'boolean' },
    timeline: { type: 'string' },
    page: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values['list-avatars']) {
  // The presenter library is plain data: listed without a browser.
  const rows = BUILTIN_PRESENTERS.map((p) => {
    const f = facetsOf(p);
    return {
      id: p.id, name: p.name, description: p.description, gender: f.gender, age: f.age, skin: f.skin, hair: f.hair,
      ...(f.hairColor ? { hairColor: f.hairColor } : {}), outfit: f.outfit, outfitStyle: p.outfit.style, pose: f.pose, style: f.style,
      background: f.background, fits: f.orientation, tags: p.tags ?? [],
    };
  });
  if (values.json) writeFileSync(1, `${JSON.stringify(rows, null, 2)}\n`);
  else {
    const lines = rows.map((r) => `${r.id.padEnd(24)} ${r.name.padEnd(26)} ${[r.style, r.pose, r.outfit, r.gender, r.age, r.background].join(' · ').padEnd(50)} ${r.tags.join(', ')}`);
    writeFileSync(1, `${'id'.padEnd(24)} ${'name'.padEnd(26)} ${'style · pose · outfit · gender · age · background'.padEnd(50)} tags\n${lines.join('\n')}\n${rows.length} presenters\n`);
  }
  process.exit(0);
}
if (values.avatar !== undefined && !hasPresenter(values.avatar)) fail(`unknown --avatar "${values.avatar}" (see --list-avatars)`);
const productPath = values.page ?? positionals[0] ?? fail('missing <product.json> (or --page <page.html>)');
const printScripts = values['print-scripts'] === true;
const out = printScripts ? '' : (values.output ?? fail('missing -o <out.mp4>'));
const scriptStyle = values['script-style'];
if (scriptStyle !== undefined && !(STYLES as readonly string[]).includes(scriptStyle)) fail(`--script-style must be one of ${STYLES.join(', ')} (got ${scriptStyle})`);
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
  product = values.page ? await productFromPage(values.page, (s) => console.error(`render: ${s}`)) : (JSON.parse(readFileSync(productPath, 'utf8')) as ProductFile);
} catch (err) {
  fail(`cannot read ${productPath}: ${(err as Error).message}`);
}
if (!product.name?.trim()) fail(`${productPath} has no "name"`);
const images = product.images ?? [];
if (images.length < 2 && !printScripts) fail(`${productPath} needs at least 2 "images" (file paths or http URLs)`);

// Images: local paths relative to the JSON file, or URLs the user named (fetched here, on request).
const base = dirname(resolve(productPath));
const imageBytes: Buffer[] = [];
for (const ref of printScripts ? [] : images) {
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
  if (printScripts) {
    const sjob: ScriptsJob = {
      product: {
        name: product.name!,
        ...(product.description ? { description: product.description } : {}),
        ...(product.features ? { features: product.features } : {}),
        ...(product.price ? { price: product.price } : {}),
        ...(product.brand ? { brand: product.brand } : {}),
      },
      duration: Number(values.duration) as ScriptsJob['duration'],
      language: values.language,
      imageCount: images.length,
      ...(values.voice ? { voiceId: values.voice } : {}),
    };
    const printed = await page
      .evaluate((j) => window.talkreel.scripts(j, (m) => (window as unknown as { __talkreelProgress: (s: string) => void }).__talkreelProgress(m)), sjob)
      .catch((err: Error) => fail(err.message.replace(/^page\.evaluate: (Error: )?/, '')));
    writeFileSync(1, `${JSON.stringify({ language: sjob.language, duration: sjob.duration, options: printed }, null, 2)}\n`);
    await browser.close();
    await server.close();
    process.exit(0);
  }
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
    ...(scriptStyle ? { scriptStyle } : {}),
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
