/*
 * The command line: `npm run check-avatar` prints the self-check (text and --json, exit code 1
 * on a failed item), and `npm run render -- --avatar-photo … --backdrop … --background …` makes
 * a video whose green backdrop is keyed out (WebGL2 in the render worker) with the image behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeFrames, ffprobe } from './media.ts';
import { onGreen, portrait, sizedVideo } from './fixtures/faces.ts';

const root = new URL('..', import.meta.url).pathname;
const tsx = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, encoding: 'utf8', timeout: 280_000 });

test('check-avatar prints every item with its number; exit 1 on a failed item', () => {
  test.setTimeout(300_000);
  const ok = tsx('scripts/check-avatar.ts', [portrait('man'), '--json']);
  expect(ok.status, ok.stderr).toBe(0);
  const r = JSON.parse(ok.stdout) as { status: string; items: Array<{ id: string; status: string; measured: number | null; limit: string; value: string; advice: string }> };
  expect(r.status).toBe('pass');
  const size = r.items.find((i) => i.id === 'face-size')!;
  expect(size.measured).toBeGreaterThan(0.12);
  expect(size.limit).toBe('10%–33% of the frame width');

  const short = tsx('scripts/check-avatar.ts', [sizedVideo('five-seconds', 640, 480, 5)]);
  expect(short.status).toBe(1);
  expect(short.stdout).toMatch(/FAIL {2}duration {6}5\.0 s {2}\(limit: 10 s – 5 min\)/);
  expect(short.stdout).toContain('film at least 10 seconds');

  const green = tsx('scripts/check-avatar.ts', [onGreen(), '--backdrop', 'rgb(0,177,64)']);
  expect(green.stdout).toMatch(/PASS {2}backdrop/);
  const wrong = tsx('scripts/check-avatar.ts', [onGreen(), '--backdrop', 'green']);
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toContain('--backdrop must look like "rgb(0,177,64)"');
});

test('render --avatar-photo with a keyed green backdrop and a background image', () => {
  test.setTimeout(400_000);
  const out = join(tmpdir(), 'talkreel-avatar-export', 'cli-keyed.mp4');
  const res = tsx('scripts/render.ts', ['examples/product.json', '-o', out, '--ratio', '16:9', '--duration', '15', '--resolution', '720',
    '--script', 'Meet the Aurora bottle. Cold all day, light in your bag.', '--avatar-photo', onGreen(), '--backdrop', 'rgb(0,177,64)', '--background', join(root, 'examples', 'bottle-outdoors.jpg')]);
  expect(res.status, res.stderr).toBe(0);
  expect(res.stderr).toMatch(/avatar: (pass|warn)/);
  expect(existsSync(out)).toBe(true);
  expect(ffprobe(out).streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
  // No backdrop green is left in the frames: the key took it out.
  const frames = decodeFrames(out, 320, 180, 2);
  let green = 0;
  let total = 0;
  for (const f of frames.slice(1, 6)) {
    for (let i = 0; i < f.length; i += 3) {
      total++;
      if (Math.hypot(f[i]! - 0, f[i + 1]! - 177, f[i + 2]! - 64) < 60) green++;
    }
  }
  console.log(`backdrop-green pixels after keying: ${((100 * green) / total).toFixed(3)}%`);
  expect(green / total).toBeLessThan(0.002);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '2', '-i', out, '-frames:v', '1', out.replace(/\.mp4$/, '.png')]);

  // The same without --backdrop keeps the green: the check above can fail.
  const plain = out.replace(/\.mp4$/, '-unkeyed.mp4');
  const res2 = tsx('scripts/render.ts', ['examples/product.json', '-o', plain, '--ratio', '16:9', '--duration', '15', '--resolution', '720',
    '--script', 'Meet the Aurora bottle.', '--avatar-photo', onGreen()]);
  expect(res2.status, res2.stderr).toBe(0);
  const f2 = decodeFrames(plain, 320, 180, 2)[2]!;
  let g2 = 0;
  for (let i = 0; i < f2.length; i += 3) if (Math.hypot(f2[i]! - 0, f2[i + 1]! - 177, f2[i + 2]! - 64) < 60) g2++;
  expect(g2 / (f2.length / 3)).toBeGreaterThan(0.01);
});
