/**
 * The custom-avatar self-check on the command line, measured by the app's own code in headless
 * Chromium (BlazeFace on onnxruntime-web, mediabunny decoding):
 *   npm run check-avatar -- <video-or-photo> [--backdrop "rgb(r,g,b)"] [--json]
 * Prints each item (id, pass|warn|fail, measured value, limit, advice). Exit code 0 when the
 * material is usable (pass or warn), 1 when an item fails, 2 when the file cannot be checked.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReport } from '../src/avatar/checks.ts';
import { checkAvatarFile, checkBackdrop, handOver } from './lib/avatar-cli.ts';
import { launchChromium } from './lib/chromium.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';

const USAGE = 'usage: npm run check-avatar -- <video.mp4|video.mov|photo.png|photo.jpg> [--backdrop "rgb(r,g,b)"] [--json]';

function fail(msg: string, code = 2): never {
  console.error(`check-avatar: ${msg}\n${USAGE}`);
  process.exit(code);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { backdrop: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const path = positionals[0] ?? fail('missing <video-or-photo>');
const checked = checkAvatarFile(path, 'any');
if ('error' in checked) fail(checked.error);
const badKey = checkBackdrop(values.backdrop);
if (badKey) fail(badKey);

const log = (s: string) => console.error(`check-avatar: ${s}`);
ensureBuild(log);
const server = await serveBuild();
const browser = await launchChromium();
let code: number;
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/headless.html`);
  await page.waitForFunction(() => window.talkreel?.ready);
  const url = await handOver(page, 'talkreel-avatar', path);
  const t0 = Date.now();
  const res = await page.evaluate((job) => window.talkreel.avatar.check(job), { url, name: basename(path), kind: checked.ok.kind, ...(values.backdrop ? { backdrop: values.backdrop } : {}) });
  if ('error' in res) {
    if (values.json) writeFileSync(1, `${JSON.stringify({ file: path, error: res.error }, null, 2)}\n`);
    console.error(`check-avatar: ${res.error.message}`);
    code = 2;
  } else {
    const r = res.report;
    if (values.json) {
      writeFileSync(1, `${JSON.stringify({ file: path, kind: r.kind, status: r.status, seconds: (Date.now() - t0) / 1000, items: r.items.map((i) => ({ id: i.id, status: i.status, value: i.value, measured: i.measured ?? null, limit: i.limit, advice: i.advice })) }, null, 2)}\n`);
    } else {
      writeFileSync(1, `${basename(path)}\n${formatReport(r)}\n`);
    }
    code = r.status === 'fail' ? 1 : 0;
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(code);
