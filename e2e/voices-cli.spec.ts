/**
 * The command line's voice options: --list-voices (no browser), --voice checked against the
 * catalog, and --voice-file: the user's own MP3 voices the video, whose length follows it;
 * without --script there are no captions, with --script the words follow the audio.
 */
import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Timeline } from '../src/compose/types.ts';
import { encodeWav } from '../src/voice/wav.ts';
import { synthesize } from '../workers/tts/espeak-engine.ts';
import { ffprobe } from './media.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'voices-cli-'));

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('--list-voices, --voice and --voice-file', async () => {
  test.setTimeout(300_000);
  const list = cli(['--list-voices', '--language', 'de', '--json']);
  expect(list.code).toBe(0);
  const rows = JSON.parse(list.stdout) as Array<{ id: string; gender: string }>;
  expect(rows.map((r) => r.id)).toEqual(['de-de-f', 'de-de-m']);
  const all = cli(['--list-voices']);
  expect(all.stdout).toMatch(/34 voices/);
  const bad = cli(['examples/product.json', '-o', join(dir, 'x.mp4'), '--voice', 'klingon-f']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('unknown --voice "klingon-f"');
  const notAudio = join(dir, 'voice.mp3');
  writeFileSync(notAudio, 'this is not audio at all, only text pretending');
  const refused = cli(['examples/product.json', '-o', join(dir, 'x.mp4'), '--voice-file', notAudio]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('“voice.mp3” is not an audio file');

  // A real spoken MP3 (espeak in Node → Debian ffmpeg).
  const s = await synthesize({ text: 'This is my own voice. The bottle keeps water cold all day. Get yours now!', voice: 'en-us+f3' });
  const wav = join(dir, 'mine.wav');
  writeFileSync(wav, encodeWav(s.pcm, s.sampleRate));
  const mp3 = join(dir, 'mine.mp3');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-i', wav, '-ar', '44100', '-c:a', 'libmp3lame', '-y', mp3]);
  const clip = Number(ffprobe(mp3).format.duration);

  const out = join(dir, 'own.mp4');
  const tl = join(dir, 'own.json');
  const r = cli(['examples/product.json', '-o', out, '--duration', '15', '--resolution', '720', '--voice-file', mp3, '--timeline', tl]);
  expect(r.code, r.stderr).toBe(0);
  const probe = ffprobe(out);
  const d = Number(probe.format.duration);
  console.log(`--voice-file: clip ${clip.toFixed(2)} s → video ${d.toFixed(2)} s`);
  expect(Math.abs(d - (clip + 0.35))).toBeLessThan(0.4);
  const timeline = JSON.parse(readFileSync(tl, 'utf8')) as Timeline;
  expect(timeline.captions).toEqual([]);
  expect(timeline.visemes.length).toBeGreaterThan(10);

  const text = 'This is my own voice. The bottle keeps water cold all day. Get yours now!';
  const r2 = cli(['examples/product.json', '-o', join(dir, 'own2.mp4'), '--duration', '15', '--resolution', '720', '--voice-file', mp3, '--script', text, '--timeline', tl]);
  expect(r2.code, r2.stderr).toBe(0);
  const t2 = JSON.parse(readFileSync(tl, 'utf8')) as Timeline;
  const words = t2.captions.flatMap((c) => c.words.map((w) => w.text));
  expect(words.join(' ')).toBe(text);
  const first = t2.captions[0]!.words[0]!;
  const get = s.words.find((w) => w.text === 'Get')!;
  const mine = t2.captions.flatMap((c) => c.words).find((w) => w.text === 'Get')!;
  console.log(`"Get": espeak ${get.start.toFixed(2)} s, aligned ${mine.start.toFixed(2)} s; first word at ${first.start.toFixed(2)} s`);
  expect(Math.abs(mine.start - get.start)).toBeLessThan(0.3);
});
