/**
 * Headless command-line renderer: drives the app's own browser pipeline in headless Chromium.
 *   npm run render -- <product.json> -o <out.mp4> [--ratio 9:16|16:9|1:1] [--duration 15|30|60]
 *                     [--language en] [--resolution 720|1080] [--avatar <id>] [--script "<text>"]
 *                     [--script-style <style>] [--encoder auto|webcodecs|ffmpeg]
 *   npm run render -- <product.json> --print-scripts [--language en] [--duration 15|30|60]
 *     prints every script option as JSON, each fitted and measured with the real voice, and exits.
 *   npm run render -- --list-avatars [--json]
 *     lists every built-in presenter with its id and tags (no browser needed); --avatar <id> picks one.
 *   npm run render -- --list-voices [--language xx] [--json]
 *     lists the built-in voices (no browser needed); --voice <id> picks one, --voice-file <audio>
 *     uses the user's own recording (the video follows its length; captions only with --script).
 *   --voice <catalog id> --models <folder>: a natural (Piper) voice whose files are already on disk
 *     (<id>.onnx or the catalog's file name, with its .onnx.json beside it); it speaks as in the app.
 *   --page <page.html|page.mhtml|product page URL> instead of <product.json>: the product is read
 *     from the page with the app's own parsers (see `npm run parse`), pictures pre-selected as in the app.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { checkAudioFile } from '../src/voice/audio-file.ts';
import { formatVoiceRows, voiceRows } from '../src/voice/list.ts';
import { voiceById } from '../src/voice/voices.ts';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { HeadlessJob, HeadlessResult, ScriptsJob } from '../src/app/headless.ts';
import type { EncoderChoice } from '../src/encode/choose.ts';
import { STYLES } from '../src/script/generate.ts';
import { BUILTIN_PRESENTERS, facetsOf, hasPresenter } from '../src/compose/presenter/catalog.ts';
import { launchChromium } from './lib/chromium.ts';
import { CREATIVES, creativeById } from '../src/compose/creatives/index.ts';
import { isEncoderChoice } from '../src/encode/choose.ts';
import { productFromPage } from './lib/read-product.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';
import { checkModelFile, describeLipsync } from './lib/lipsync-cli.ts';
import { avatarArgs, createAvatar } from './lib/avatar-cli.ts';
import { findVoiceModel, type VoiceModelFiles } from './lib/voice-models.ts';

const USAGE = `usage: npm run render -- <product.json> | --page <page.html|page.mhtml|URL> -o <out.mp4> [--ratio 9:16|16:9|1:1] [--duration 15|30|60] [--language en] [--resolution 720|1080] [--avatar <id>] [--voice <id>] [--script "<text>" | --script-style <${STYLES.join('|')}>] [--timeline <out.json>] [--encoder auto|webcodecs|ffmpeg]
       npm run render -- <product.json> --print-scripts [--language en] [--duration 15|30|60] [--voice <id>]
       npm run render -- --list-avatars [--json]
       npm run render -- --list-voices [--language xx] [--json]
       npm run render -- --list-creatives [--json]
       natural voice: --voice <catalog id> --models <folder with its .onnx and .onnx.json>
       your own voice: --voice-file <wav|mp3|aac|m4a|wma|asf> (the video follows its length; captions only with --script)
       creatives: [--creative <id> | --all-creatives (writes <out>-<id>.mp4 each)] [--music <audio file>]
       lip-sync: [--lipsync neural|warp|viseme] [--model <wav2lip.onnx>] (neural: photo and video avatars; the run reports the backend)
       your own avatar: --avatar-photo <png|jpg> | --avatar-video <mp4|mov> [--backdrop "rgb(r,g,b)"] [--background <image>] (self-checked first)`;

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
    models: { type: 'string' },
    script: { type: 'string' },
    'script-style': { type: 'string' },
    'print-scripts': { type: 'boolean' },
    'list-avatars': { type: 'boolean' },
    'list-voices': { type: 'boolean' },
    'voice-file': { type: 'string' },
    json: { type: 'boolean' },
    timeline: { type: 'string' },
    page: { type: 'string' },
    encoder: { type: 'string', default: 'auto' },
    'list-creatives': { type: 'boolean' },
    creative: { type: 'string' },
    'all-creatives': { type: 'boolean' },
    music: { type: 'string' },
    lipsync: { type: 'string' },
    model: { type: 'string' },
    'avatar-photo': { type: 'string' },
    'avatar-video': { type: 'string' },
    backdrop: { type: 'string' },
    background: { type: 'string' },
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
if (values['list-voices']) {
  // Built-in voices are plain data: listed without a browser. --language narrows them.
  const rows = voiceRows(process.argv.some((a) => a === '--language' || a.startsWith('--language=')) ? values.language : undefined);
  if (rows.length === 0) fail(`no built-in voice speaks "${values.language}"`);
  writeFileSync(1, values.json ? `${JSON.stringify(rows, null, 2)}\n` : formatVoiceRows(rows));
  process.exit(0);
}
// A built-in voice, or a natural voice whose files --models holds (checked here, loaded by the page).
let voiceModel: VoiceModelFiles | null = null;
if (values.voice !== undefined && !voiceById(values.voice)) {
  if (values.models === undefined) fail(`unknown --voice "${values.voice}" (see --list-voices; a natural voice needs --models <folder> with its files)`);
  const found = findVoiceModel(values.models, values.voice.replace(/^model:/, ''), fileURLToPath(new URL('../models/catalog.json', import.meta.url)));
  if ('error' in found) fail(found.error);
  voiceModel = found;
}
if (values.models !== undefined && !voiceModel) fail('--models holds a natural voice\'s files: use it with --voice <catalog id>');
const voiceId = voiceModel ? voiceModel.voiceId : values.voice;
const voiceJob = voiceModel ? { voiceModel: { url: 'input:#talkreel-voice-model', config: voiceModel.config } } : {};
let voiceFile: { bytes: Buffer; name: string } | null = null;
if (values['voice-file'] !== undefined) {
  const path = values['voice-file'];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    fail(`cannot read --voice-file ${path}: ${(err as Error).message}`);
  }
  try {
    checkAudioFile(basename(path), bytes.length, new Uint8Array(bytes.subarray(0, 64)));
  } catch (err) {
    fail((err as Error).message);
  }
  voiceFile = { bytes, name: basename(path) };
}
if (values['list-creatives']) {
  // Creatives are plain data too.
  if (values.json) writeFileSync(1, `${JSON.stringify(CREATIVES, null, 2)}\n`);
  else writeFileSync(1, `${CREATIVES.map((c) => `${c.id.padEnd(10)} ${c.name.padEnd(20)} ${(c.supports.presenter ? 'presenter' : 'no presenter').padEnd(12)} ${c.description}`).join('\n')}\n`);
  process.exit(0);
}
if (values.creative !== undefined && !creativeById(values.creative)) fail(`unknown --creative "${values.creative}" (one of ${CREATIVES.map((c) => c.id).join(', ')})`);
if (values.creative !== undefined && values['all-creatives']) fail('--creative and --all-creatives exclude each other');
let musicBytes: Buffer | null = null;
if (values.music !== undefined) {
  try {
    musicBytes = readFileSync(values.music);
  } catch (err) {
    fail(`cannot read --music ${values.music}: ${(err as Error).message}`);
  }
}
if (values.avatar !== undefined && !hasPresenter(values.avatar)) fail(`unknown --avatar "${values.avatar}" (see --list-avatars)`);
// --avatar-photo / --avatar-video (issue 7): checked by their bytes here, made in the page.
const customAvatar = avatarArgs(values, fail);
const productPath = values.page ?? positionals[0] ?? fail('missing <product.json> (or --page <page.html>)');
const printScripts = values['print-scripts'] === true;
const out = printScripts ? '' : (values.output ?? fail('missing -o <out.mp4>'));
const scriptStyle = values['script-style'];
if (scriptStyle !== undefined && !(STYLES as readonly string[]).includes(scriptStyle)) fail(`--script-style must be one of ${STYLES.join(', ')} (got ${scriptStyle})`);
if (!['9:16', '16:9', '1:1'].includes(values.ratio)) fail(`--ratio must be 9:16, 16:9 or 1:1 (got ${values.ratio})`);
if (!['15', '30', '60'].includes(values.duration)) fail(`--duration must be 15, 30 or 60 (got ${values.duration})`);
if (!isEncoderChoice(values.encoder)) fail(`--encoder must be auto, webcodecs or ffmpeg (got ${values.encoder})`);
// --lipsync / --model (issue 8): the model is checked by its bytes here, loaded by the page.
if (values.lipsync !== undefined && !['neural', 'warp', 'viseme'].includes(values.lipsync)) fail(`--lipsync must be neural, warp or viseme (got ${values.lipsync})`);
if (values.model !== undefined && values.lipsync !== undefined && values.lipsync !== 'neural') fail('--model is the neural lip-sync model: use it with --lipsync neural');
const modelFile = values.model !== undefined ? checkModelFile(values.model) : null;
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
  if (voiceFile) {
    const vf = voiceFile;
    await page.route('**/__voice', (route) => void route.fulfill({ body: vf.bytes, contentType: 'application/octet-stream' }));
  }
  if (musicBytes) {
    const music = musicBytes;
    await page.route('**/__music', (route) => void route.fulfill({ body: music, contentType: 'application/octet-stream' }));
  }
  await page.exposeFunction('__talkreelProgress', (msg: string) => log(msg));
  await page.goto(`${server.url}/headless.html`);
  await page.waitForFunction(() => window.talkreel?.ready);
  if (modelFile) {
    // A model is 100+ MB: handed over as a file input (a routed body that big crashes the page).
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'talkreel-model';
      document.body.append(input);
    });
    await page.setInputFiles('#talkreel-model', modelFile);
  }
  if (voiceModel) {
    // The voice's model the same way (60+ MB).
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'talkreel-voice-model';
      document.body.append(input);
    });
    await page.setInputFiles('#talkreel-voice-model', voiceModel.onnx);
  }
  let customPresenterId: string | undefined;
  if (customAvatar && !printScripts) {
    log(`avatar: self-check and preparation of ${customAvatar.file.path}…`);
    const made = await createAvatar(page, customAvatar);
    if ('error' in made) fail(made.error);
    log(`avatar: ${made.report.status} (${made.report.items.filter((i) => i.status === 'warn').map((i) => i.id).join(', ') || 'no warnings'}), prepared in ${(made.preprocessMs / 1000).toFixed(1)} s`);
    customPresenterId = made.presenterId;
  }
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
      ...(voiceId ? { voiceId } : {}),
      ...voiceJob,
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
    ...(customPresenterId ? { presenterId: customPresenterId } : {}),
    ...(voiceId ? { voiceId } : {}),
    ...voiceJob,
    ...(values.script ? { script: values.script } : {}),
    ...(scriptStyle ? { scriptStyle } : {}),
    ...(values.encoder !== 'auto' ? { encoder: values.encoder as EncoderChoice } : {}),
    ...(values.creative ? { creative: values.creative } : {}),
    ...(musicBytes ? { musicUrl: `${server.url}/__music` } : {}),
    ...(voiceFile ? { voiceFileUrl: `${server.url}/__voice`, voiceFileName: voiceFile.name } : {}),
    ...(values.lipsync ? { lipsync: values.lipsync as NonNullable<HeadlessJob['lipsync']> } : {}),
    ...(modelFile ? { modelUrl: 'input:#talkreel-model' } : {}),
  };
  // --all-creatives: one MP4 per creative, out.mp4 → out-<id>.mp4.
  const runs = values['all-creatives']
    ? CREATIVES.map((c) => ({ job: { ...job, creative: c.id }, file: resolve(out).replace(/(\.[^./\\]+)?$/, (ext) => `-${c.id}${ext || '.mp4'}`) }))
    : [{ job, file: resolve(out) }];
  const summaries = [];
  for (const run of runs) {
    if (runs.length > 1) log(`creative ${run.job.creative}`);
    const result = await page.evaluate(
      (j) => window.talkreel.render(j, (m) => (window as unknown as { __talkreelProgress: (s: string) => void }).__talkreelProgress(m)),
      run.job,
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
    await download.saveAs(run.file);
    if (result.lipsync) log(describeLipsync(result.lipsync));
    await page.evaluate((u) => URL.revokeObjectURL(u), result.url);
    if (values.timeline) writeFileSync(runs.length > 1 ? values.timeline.replace(/(\.json)?$/, `-${run.job.creative}.json`) : values.timeline, JSON.stringify(result.timeline));
    summaries.push({ output: run.file, creative: result.timeline.creative ?? 'classic', ...result, url: undefined, timeline: undefined });
  }
  writeFileSync(1, `${JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2)}\n`);
} finally {
  await browser.close();
  await server.close();
}
