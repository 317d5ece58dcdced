import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { layoutAt } from '../src/compose/layout.ts';
import { mouthRegion } from '../src/compose/presenter/index.ts';
import { DESIGN_SIZE, type Timeline } from '../src/compose/types.ts';
import { audioRms, decodeFrames, ffprobe } from './media.ts';

const root = new URL('..', import.meta.url).pathname;

function render(args: string[]): { output: string; duration: number; voiceSeconds: number } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', 'examples/product.json', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as { output: string; duration: number; voiceSeconds: number };
  } catch (err) {
    throw new Error(String((err as { stderr?: string }).stderr ?? err), { cause: err });
  }
}

/** Fraction of dark pixels (inner mouth, not lips or skin) in a region of an RGB frame. */
function openness(frame: Uint8Array, width: number, r: { x: number; y: number; w: number; h: number }): number {
  let dark = 0;
  let n = 0;
  for (let y = Math.floor(r.y); y < Math.ceil(r.y + r.h); y++) {
    for (let x = Math.floor(r.x); x < Math.ceil(r.x + r.w); x++) {
      const i = (y * width + x) * 3;
      const luma = 0.299 * frame[i]! + 0.587 * frame[i + 1]! + 0.114 * frame[i + 2]!;
      if (luma < 75) dark++;
      n++;
    }
  }
  return dark / n;
}

const std = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};

test('command-line render: 9:16 720p, the mouth moves with speech and rests in pauses', async ({ browserName: _ }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = testInfo.outputPath('cli-9x16.mp4');
  const tlFile = testInfo.outputPath('cli-9x16.timeline.json');
  const result = render(['-o', file, '--ratio', '9:16', '--duration', '15', '--resolution', '720', '--avatar', 'ava', '--timeline', tlFile]);
  const probe = ffprobe(file);
  const v = probe.streams.find((s) => s.codec_type === 'video')!;
  expect(v).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
  expect(probe.streams.find((s) => s.codec_type === 'audio')!.codec_name).toBe('aac');
  const duration = Number(probe.format.duration);
  expect(Math.abs(duration - result.voiceSeconds)).toBeLessThan(0.5);
  expect(duration).toBeGreaterThan(12);
  expect(duration).toBeLessThan(18);

  const tl = JSON.parse(readFileSync(tlFile, 'utf8')) as Timeline;
  const words = tl.captions.flatMap((c) => c.words);
  // Half size keeps the decoded frames in memory small; the mouth is still ~50 px wide.
  const W = 360;
  const k = W / DESIGN_SIZE['9:16'].w;
  const frames = decodeFrames(file, W, 640);
  const speaking: number[] = [];
  const silent: number[] = [];
  frames.forEach((f, i) => {
    const t = i / 30;
    const box = layoutAt(tl, t).presenter;
    const m = mouthRegion(box);
    const r = { x: m.x * k, y: m.y * k, w: m.w * k, h: m.h * k };
    const o = openness(f, W, r);
    const near = words.some((w) => t > w.start - 0.12 && t < w.end + 0.12);
    const inside = words.some((w) => t >= w.start + 0.03 && t <= w.end - 0.03);
    if (inside) speaking.push(o);
    else if (!near) silent.push(o);
  });
  expect(speaking.length).toBeGreaterThan(200);
  expect(silent.length).toBeGreaterThan(8);
  const maxSpeaking = Math.max(...speaking);
  const maxSilent = Math.max(...silent);
  const stats = { speaking: speaking.length, silent: silent.length, speakingStd: std(speaking), silentStd: std(silent), maxSpeaking, maxSilent };
  console.log('mouth openness', JSON.stringify(stats));
  testInfo.annotations.push({ type: 'mouth', description: JSON.stringify(stats) });
  // Speech opens the mouth often and by varying amounts; in pauses it stays closed.
  expect(maxSpeaking).toBeGreaterThan(0.15);
  expect(std(speaking)).toBeGreaterThan(0.04);
  expect(maxSilent).toBeLessThan(0.05);
  expect(std(silent)).toBeLessThan(0.02);
  expect(speaking.filter((o) => o > maxSilent + 0.05).length).toBeGreaterThan(speaking.length * 0.15);

  // The audio is the voice: loud while words are spoken, near silent in the lead-in.
  const w0 = words[0]!;
  expect(audioRms(file, w0.start, w0.end)).toBeGreaterThan(0.02);
  expect(audioRms(file, 0, Math.max(0.05, w0.start - 0.03))).toBeLessThan(0.01);
});

test('command-line render: 1:1 at 1080 and bad arguments', async ({ browserName: _ }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = testInfo.outputPath('cli-1x1.mp4');
  render(['-o', file, '--ratio', '1:1', '--duration', '15', '--resolution', '1080']);
  const v = ffprobe(file).streams.find((s) => s.codec_type === 'video')!;
  expect(v).toMatchObject({ codec_name: 'h264', width: 1080, height: 1080 });
  expect(() => render(['-o', file, '--ratio', '4:3'])).toThrow(/--ratio must be 9:16, 16:9 or 1:1/);
});
