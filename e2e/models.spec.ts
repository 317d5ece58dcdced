/**
 * The model download manager against a local test server on 127.0.0.1 (real fetch, real OPFS,
 * real IndexedDB): a connection cut mid-download resumes with an HTTP Range request, the result
 * is verified by SHA-256, and a file whose hash does not match is rejected and purged.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BODY = randomBytes(3_000_000);
const SHA = createHash('sha256').update(BODY).digest('hex');

let server: Server;
let base = '';
const log: string[] = [];
let cutNext = true;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Range');
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length, Accept-Ranges');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const range = req.headers.range;
    log.push(`${req.url} ${range ?? 'full'}`);
    const m = range ? /^bytes=(\d+)-$/.exec(range) : null;
    const from = m ? Number(m[1]) : 0;
    const body = BODY.subarray(from);
    res.writeHead(m ? 206 : 200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.length),
      'Accept-Ranges': 'bytes',
      ...(m ? { 'Content-Range': `bytes ${from}-${BODY.length - 1}/${BODY.length}` } : {}),
    });
    if (req.url?.startsWith('/slow')) {
      // 100 kB every 100 ms: slow enough to press Cancel mid-way.
      let o = 0;
      const tick = (): void => {
        if (res.destroyed) return;
        const part = body.subarray(o, o + 100_000);
        o += part.length;
        if (o >= body.length) return void res.end(part);
        res.write(part, () => setTimeout(tick, 100));
      };
      return tick();
    }
    if (req.url?.startsWith('/cut') && cutNext) {
      // Send a third of the file, then drop the connection.
      cutNext = false;
      res.write(body.subarray(0, 1_000_000), () => setTimeout(() => res.socket?.destroy(), 200));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function addLink(page: Page, url: string, sha: string, name: string): Promise<void> {
  const details = page.getByTestId('add-link');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await page.getByTestId('link-url').fill(url);
  await page.getByTestId('link-sha256').fill(sha);
  await page.getByTestId('link-bytes').fill(String(BODY.length));
  await page.getByTestId('link-name').fill(name);
  await page.getByTestId('link-download').click();
}

/** Names and sizes of the files in the OPFS models folder. */
function opfsModels(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('models', { create: true });
    const out: Record<string, number> = {};
    for await (const [name, h] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) out[name] = (await h.getFile()).size;
    return out;
  });
}

function opfsSha(page: Page, name: string): Promise<string> {
  return page.evaluate(async (n) => {
    const root = await navigator.storage.getDirectory();
    const f = await (await (await root.getDirectoryHandle('models')).getFileHandle(n)).getFile();
    return [...new Uint8Array(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()))].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, name);
}

test('a cut download resumes with a Range request and is verified; a wrong sha256 is rejected and purged', async ({ page }) => {
  await page.goto('/#/models');
  await expect(page.getByTestId('screen-models')).toBeVisible();

  // 1. The connection drops after 1 MB of 3 MB: the partial file is kept, Resume appears.
  await addLink(page, `${base}/cut/voice.onnx`, SHA, 'Test voice');
  const row = page.getByTestId('model-row').filter({ hasText: 'Test voice' });
  await expect(row).toHaveAttribute('data-state', 'partial');
  await expect(row.getByTestId('model-error')).toContainText('Resume');
  const id = `link-${SHA.slice(0, 16)}`;
  const partial = (await opfsModels(page))[`${id}.part`] ?? 0;
  console.log(`partial after cut: ${partial} bytes`);
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(BODY.length);
  await expect(row.getByTestId('model-progress')).toContainText('paused');

  // 2. Resume asks only for the rest and the result is the exact file.
  await row.getByTestId('model-resume').click();
  await expect(row).toHaveAttribute('data-state', 'ready');
  expect(log.at(-1)).toBe(`/cut/voice.onnx bytes=${partial}-`);
  const files = await opfsModels(page);
  expect(files[`${id}.bin`]).toBe(BODY.length);
  expect(files[`${id}.part`]).toBeUndefined();
  expect(await opfsSha(page, `${id}.bin`)).toBe(SHA);

  // Survives a reload (record in IndexedDB, bytes in OPFS).
  await page.reload();
  await expect(page.getByTestId('model-row').filter({ hasText: 'Test voice' })).toHaveAttribute('data-state', 'ready');

  // 3. A file whose hash does not match what was promised is rejected and nothing is kept.
  const wrong = createHash('sha256').update('something else').digest('hex');
  await addLink(page, `${base}/whole/other.onnx`, wrong, 'Tampered voice');
  const bad = page.getByTestId('model-row').filter({ hasText: 'Tampered voice' });
  await expect(page.getByTestId('model-error').filter({ hasText: 'checksum' })).toBeVisible();
  await expect(bad).toHaveCount(0);
  const after = await opfsModels(page);
  expect(Object.keys(after).filter((n) => n.startsWith(`link-${wrong.slice(0, 16)}`))).toEqual([]);

  // 4. Remove deletes the good one.
  await page.getByTestId('model-row').filter({ hasText: 'Test voice' }).getByTestId('model-remove').click();
  await expect(page.getByTestId('model-row').filter({ hasText: 'Test voice' })).toHaveCount(0);
  expect(await opfsModels(page)).toEqual({});
  await page.screenshot({ path: 'test-results/models-screen.png', fullPage: true });
});

test('import from a file: an ONNX model is hashed and kept; a file that is not ONNX is refused', async ({ page }) => {
  const { encodeModel } = await import('../models/onnx-proto.ts');
  const onnx = encodeModel({
    name: 'tiny',
    nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
    initializers: [],
    inputs: [{ name: 'x', dims: [1, 4] }],
    outputs: [{ name: 'y', dims: [1, 4] }],
  });
  const sha = createHash('sha256').update(onnx).digest('hex');
  await page.goto('/#/models');
  // (A neural voice also needs its .onnx.json; e2e/voices-neural.spec.ts covers that path.)
  await page.getByTestId('import-task').selectOption('lipsync');
  await page.getByTestId('import-model-input').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('just some text, not a model') });
  await expect(page.getByTestId('import-model-error')).toContainText('“notes.onnx” is not an ONNX model');
  await expect(page.getByTestId('model-row')).toHaveCount(0);

  await page.getByTestId('import-model-input').setInputFiles({ name: 'my-lips.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from(onnx) });
  const row = page.getByTestId('models-lipsync').getByTestId('model-row').filter({ hasText: 'my-lips' });
  await expect(row).toHaveAttribute('data-state', 'ready');
  await expect(row).toContainText('Imported');
  const id = `file-${sha.slice(0, 16)}`;
  expect(await row.getAttribute('data-id')).toBe(id);
  expect(await opfsSha(page, `${id}.bin`)).toBe(sha);
  await row.getByTestId('model-remove').click();
  await expect(page.getByTestId('model-row')).toHaveCount(0);
});

test('cancel stops a download where it is; resume finishes it', async ({ page }) => {
  await page.goto('/#/models');
  await addLink(page, `${base}/slow/voice.onnx`, SHA, 'Slow voice');
  const row = page.getByTestId('model-row').filter({ hasText: 'Slow voice' });
  await expect(row.getByTestId('model-cancel')).toBeVisible();
  await expect.poll(async () => Number(await row.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(5);
  await row.getByTestId('model-cancel').click();
  await expect(row).toHaveAttribute('data-state', 'partial');
  await expect(row.getByTestId('model-error')).toContainText('cancelled');
  const id = `link-${SHA.slice(0, 16)}`;
  const kept = (await opfsModels(page))[`${id}.part`] ?? 0;
  console.log(`cancelled with ${kept} bytes kept`);
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(BODY.length);
  await row.getByTestId('model-resume').click();
  await expect(row).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(log.at(-1)).toMatch(/^\/slow\/voice\.onnx bytes=\d+-$/);
  expect(await opfsSha(page, `${id}.bin`)).toBe(SHA);
  await row.getByTestId('model-remove').click();
});
