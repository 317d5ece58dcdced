/* The render command's --lipsync / --model checks: exit 2 with the reason, before any browser starts. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeLipsync } from './lipsync-cli.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lipsync-cli-'));

function render(...args: string[]): { code: number | null; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/render.ts'), join(root, 'examples/product.json'), '-o', join(dir, 'out.mp4'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, err: r.stderr };
}

describe('render --lipsync / --model', { timeout: 120_000 }, () => {
  it('refuses an unknown engine', () => {
    const r = render('--lipsync', 'magic');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--lipsync must be neural, warp or viseme \(got magic\)/);
  });
  it('refuses a missing model file and a file that is not ONNX, by its bytes', () => {
    expect(render('--lipsync', 'neural', '--model', join(dir, 'nope.onnx'))).toMatchObject({ code: 2, err: expect.stringMatching(/--model: .*nope\.onnx does not exist/) });
    const html = join(dir, 'wav2lip.onnx');
    writeFileSync(html, '<!DOCTYPE html><html><body>Sign in to continue</body></html>');
    expect(render('--lipsync', 'neural', '--model', html)).toMatchObject({ code: 2, err: expect.stringMatching(/--model: .*is a web page, not a model/) });
  });
  it('refuses --model with another engine', () => {
    expect(render('--lipsync', 'warp', '--model', 'x.onnx')).toMatchObject({ code: 2, err: expect.stringMatching(/use it with --lipsync neural/) });
  });
  it('describes what ran', () => {
    expect(describeLipsync({ engine: 'neural', backend: 'wasm', threads: 2, batch: 4, frames: 52, timings: { melMs: 1300, cropMs: 200, inferMs: 2600 } })).toBe(
      'lipsync: neural on wasm (2 threads), batch 4, 52 frames in 4.1 s (mel 1.3, crop 0.2, inference 2.6)',
    );
    expect(describeLipsync({ engine: 'warp', fallback: { code: 'runtime', message: 'The lip-sync model failed while running. This video uses the built-in lip-sync instead.' } })).toMatch(/^lipsync: warp \(The lip-sync model failed/);
  });
});
