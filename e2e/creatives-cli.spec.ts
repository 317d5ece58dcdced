/**
 * The command line's creatives: --list-creatives, --all-creatives (one MP4 each, each in its
 * own layout), --creative, and --music mixed under the voice; bad creative ids and music files.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Timeline } from '../src/compose/types.ts';
import { layoutAt } from '../src/compose/layout.ts';
import { ffprobe, frameAt, regionDiff, tone } from './media.ts';

const root = new URL('..', import.meta.url).pathname;

function cli(args: string[]): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(String((err as { stderr?: string }).stderr ?? err), { cause: err });
  }
}

test('--all-creatives writes one MP4 per creative, each in its layout, with --music under the voice', async ({ browserName: _ }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const listed = JSON.parse(cli(['--list-creatives', '--json'])) as Array<{ id: string; supports: { presenter: boolean } }>;
  expect(listed.map((c) => c.id)).toEqual(['classic', 'cutin', 'split', 'bubble', 'showcase']);
  expect(listed.filter((c) => c.supports.presenter).length).toBeGreaterThanOrEqual(4);

  // A music bed: an A-minor-ish chord (220, 277, 330 Hz), 8 s, looped by the mixer.
  const music = testInfo.outputPath('music.m4a');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=8', '-f', 'lavfi', '-i', 'sine=frequency=277:duration=8', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=8', '-filter_complex', 'amix=inputs=3', '-ac', '2', music]);
  const out = testInfo.outputPath('ad.mp4');
  const summary = JSON.parse(cli(['examples/product.json', '-o', out, '--all-creatives', '--duration', '15', '--resolution', '720', '--music', music, '--timeline', testInfo.outputPath('tl.json')])) as Array<{ output: string; creative: string; duration: number }>;
  expect(summary.map((s) => s.creative)).toEqual(listed.map((c) => c.id));
  const W = 180;
  const H = 320;
  const stills: Record<string, Uint8Array> = {};
  for (const s of summary) {
    expect(s.output).toBe(out.replace(/\.mp4$/, `-${s.creative}.mp4`));
    const p = ffprobe(s.output);
    expect(p.streams.find((x) => x.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 720, height: 1280 });
    expect(p.streams.some((x) => x.codec_type === 'audio' && x.codec_name === 'aac')).toBe(true);
    expect(Math.abs(Number(p.format.duration) - s.duration)).toBeLessThan(0.15);
    const tl = JSON.parse(readFileSync(testInfo.outputPath(`tl-${s.creative}.json`), 'utf8')) as Timeline;
    expect(tl.creative).toBe(s.creative);
    const product = tl.scenes.find((x) => x.kind === 'product')!;
    const t = product.start + 1;
    stills[s.creative] = frameAt(s.output, t, W, H);
    if (s.creative === 'bubble') {
      // The presenter's bubble sits where the layout puts it: its white ring, top-right.
      const b = layoutAt(tl, t).bubble!;
      const k = 720 / 1080;
      const r = b.w / 2;
      const top = frameAt(s.output, t, 720, 1280);
      const at = (x: number, y: number) => {
        const i = (Math.round(y * k) * 720 + Math.round(x * k)) * 3;
        return Math.min(top[i]!, top[i + 1]!, top[i + 2]!);
      };
      const ring = r - Math.max(3, r * 0.025);
      for (const a of [0, Math.PI / 2, Math.PI, 1.5 * Math.PI]) expect(at(b.x + r + Math.cos(a) * ring, b.y + r + Math.sin(a) * ring), `ring at ${a}`).toBeGreaterThan(215);
      expect(b.x).toBeGreaterThan(540);
    }
  }
  // Every creative looks different at the same instant.
  const ids = Object.keys(stills);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const d = regionDiff(stills[ids[i]!]!, stills[ids[j]!]!, W, { x: 0, y: 0, w: W, h: H });
      expect(d, `${ids[i]} vs ${ids[j]}`).toBeGreaterThan(8);
    }
  }

  // The music is in the mix: its 220 Hz note, against the same creative without music.
  const plain = testInfo.outputPath('plain.mp4');
  cli(['examples/product.json', '-o', plain, '--creative', 'classic', '--duration', '15', '--resolution', '720']);
  const withMusic = tone(summary[0]!.output, 220);
  const without = tone(plain, 220);
  console.log(`220 Hz amplitude: with music ${withMusic.toExponential(2)}, without ${without.toExponential(2)}`);
  expect(withMusic).toBeGreaterThan(without * 5);
});

test('bad creative ids and music files get a clear error', async ({ browserName: _ }, testInfo) => {
  mkdirSync(testInfo.outputDir, { recursive: true });
  const out = testInfo.outputPath('x.mp4');
  expect(() => cli(['examples/product.json', '-o', out, '--creative', 'hologram'])).toThrow(/unknown --creative "hologram" \(one of classic, cutin, split, bubble, showcase\)/);
  expect(() => cli(['examples/product.json', '-o', out, '--creative', 'split', '--all-creatives'])).toThrow(/exclude each other/);
  expect(() => cli(['examples/product.json', '-o', out, '--music', testInfo.outputPath('missing.mp3')])).toThrow(/cannot read --music/);
  // Not audio at all (a JPEG named .mp3): decoded by its bytes, refused with a reason.
  expect(() => cli(['examples/product.json', '-o', out, '--duration', '15', '--resolution', '720', '--music', 'examples/bottle-hero.jpg'])).toThrow(/The music file could not be read: it is not audio/);
});
