/** The render command's --lipsync / --model helpers (issue 8). */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LipsyncReport } from '../../src/lipsync/neural/export.ts';
import { assertOnnx } from '../../src/lipsync/neural/sniff.ts';

/** The --model path, checked to exist and to start like an ONNX model; exits with the reason otherwise. */
export function checkModelFile(path: string): string {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) exit(`--model: ${path} does not exist`);
  const head = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  const n = readSync(fd, head, 0, 64, 0);
  closeSync(fd);
  try {
    assertOnnx(new Uint8Array(head.buffer, head.byteOffset, n), path);
  } catch (err) {
    exit(`--model: ${(err as Error).message}`);
  }
  return file;
}

function exit(msg: string): never {
  console.error(`render: ${msg}`);
  process.exit(2);
}

/** "lipsync: neural on wasm (2 threads), batch 4, 375 frames in 120.3 s" or why not. */
export function describeLipsync(r: LipsyncReport): string {
  if (r.fallback) return `lipsync: ${r.engine} (${r.fallback.message})`;
  if (r.engine !== 'neural') return `lipsync: ${r.engine}`;
  const on = r.backend === 'wasm' ? `wasm (${r.threads} thread${r.threads === 1 ? '' : 's'})` : `${r.backend}${r.fp16 ? ' fp16' : ''}`;
  const t = r.timings;
  const secs = t ? ` in ${((t.melMs + t.cropMs + t.inferMs) / 1000).toFixed(1)} s (mel ${(t.melMs / 1000).toFixed(1)}, crop ${(t.cropMs / 1000).toFixed(1)}, inference ${(t.inferMs / 1000).toFixed(1)})` : '';
  return `lipsync: neural on ${on}, batch ${r.batch}, ${r.frames} frames${secs}`;
}
