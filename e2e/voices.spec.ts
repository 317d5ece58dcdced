/**
 * Voices in a real browser: every script language's built-in voice (espeak-ng in the app's TTS
 * worker), the voice picker with speed and pitch, and the user's own audio — an MP3 and a WMA
 * made here with Debian ffmpeg both drive a full export (checked with ffprobe, loudness with
 * ffmpeg's ebur128), while a corrupt file and a 25 MB clip get clear errors and store nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleLine } from '../src/ui/sample-lines.ts';
import { encodeWav } from '../src/voice/wav.ts';
import { defaultVoiceFor, SCRIPT_LANGUAGES } from '../src/voice/voices.ts';
import { synthesize } from '../workers/tts/espeak-engine.ts';
import { prepareVideo } from './flow.ts';
import { ffprobe } from './media.ts';

const dir = mkdtempSync(join(tmpdir(), 'voices-e2e-'));

/** Integrated loudness and true peak of a file's audio, measured by Debian ffmpeg. */
function ebur128(file: string): { I: number; TP: number } {
  const err = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-vn', '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
  const summary = err.slice(err.lastIndexOf('Summary:'));
  return { I: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]), TP: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]) };
}

async function exportAndSave(page: Page, name: string): Promise<string> {
  await page.getByTestId('nav-create').click();
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('export')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('export').click();
  // A new export task replaces the last one's "done" row before it finishes.
  await expect(page.getByTestId('export-done')).toHaveCount(0);
  await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const file = join(dir, name);
  await download.saveAs(file);
  return file;
}

test('every script language speaks with its built-in voice: audible, words in order and covering the audio', async ({ page }) => {
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  for (const { code } of SCRIPT_LANGUAGES) {
    for (const gender of ['female', 'male'] as const) {
      const voice = defaultVoiceFor(code, gender);
      const text = sampleLine(code, gender === 'female' ? 'Anna' : 'David', gender === 'female');
      const s = await page.evaluate(([t, v]) => window.talkreel.voice.speak(t!, v!), [text, voice.id]);
      const summary = `${code}/${gender} ${s.voice}: ${s.duration.toFixed(2)} s, rms ${s.rms.toFixed(3)}, ${s.words.length} words ${s.words[0]!.start.toFixed(2)}–${s.words.at(-1)!.end.toFixed(2)} s`;
      console.log(summary);
      expect(s.rms, summary).toBeGreaterThan(0.02);
      expect(s.words.length, summary).toBeGreaterThan(1);
      let t = 0;
      for (const w of s.words) {
        expect(w.start, summary).toBeGreaterThanOrEqual(t);
        expect(w.end, summary).toBeGreaterThan(w.start);
        t = w.end;
      }
      // The words cover the audio: they start near its start and end near its end.
      expect(s.words[0]!.start, summary).toBeLessThan(0.4);
      expect(s.words.at(-1)!.end, summary).toBeGreaterThan(s.duration - 0.5);
      expect(s.words.at(-1)!.end, summary).toBeLessThanOrEqual(s.duration + 1e-6);
    }
  }
  // Speed and pitch reach the engine: twice as fast is about half as long.
  const line = sampleLine('en', 'Anna', true);
  const normal = await page.evaluate((t) => window.talkreel.voice.speak(t, 'en-us-f'), line);
  const fast = await page.evaluate((t) => window.talkreel.voice.speak(t, 'en-us-f', { speed: 2 }), line);
  console.log(`speed 1×: ${normal.duration.toFixed(2)} s, 2×: ${fast.duration.toFixed(2)} s`);
  expect(fast.duration / normal.duration).toBeLessThan(0.65);
});

test('voice picker: sample plays, speed and pitch re-voice the preview and are saved with the project', async ({ page }) => {
  await page.goto('/');
  await prepareVideo(page, 'Voice Picker Bottle');
  const picker = page.getByTestId('voice-picker');
  // English: US and UK, female and male.
  await expect(picker.getByTestId('voice-option')).toHaveCount(4);
  const male = picker.locator('[data-testid="voice-option"][data-id="en-us-m"]');
  await male.getByRole('radio').click();
  await expect(male).toHaveClass(/on/);
  // The preview is re-voiced with the new voice.
  await expect(page.getByTestId('preview-canvas')).toBeVisible({ timeout: 60_000 });
  await picker.getByTestId('voice-play').first().click();
  await expect(picker.getByTestId('voice-play').first()).toHaveClass(/active/, { timeout: 30_000 });
  const before = await page.getByTestId('player').first().getAttribute('data-duration');
  await picker.getByTestId('voice-speed').fill('1.5');
  await expect(picker.getByTestId('voice-speed-value')).toHaveText('1.50×');
  await picker.getByTestId('voice-pitch').fill('10');
  await expect(picker.getByTestId('voice-pitch-value')).toHaveText('+10');
  await page.screenshot({ path: 'test-results/voice-picker.png', fullPage: false, clip: (await page.getByTestId('voice-picker').boundingBox())! });
  if (before) await expect.poll(() => page.getByTestId('player').first().getAttribute('data-duration'), { timeout: 60_000 }).not.toBe(before);
  // Saved in the project: a reload brings the same choices back.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByTestId('voice-speed-value')).toHaveText('1.50×');
  await expect(page.getByTestId('voice-pitch-value')).toHaveText('+10');
  await expect(page.locator('[data-testid="voice-option"][data-id="en-us-m"]')).toHaveClass(/on/);
});

test('an uploaded MP3 and a WMA drive full exports; the voiceover is -16 LUFS; bad files are refused', async ({ page }) => {
  test.setTimeout(480_000);
  // A real spoken clip (espeak in Node), turned into MP3 and WMA by Debian ffmpeg.
  const s = await synthesize({ text: 'Hi, I recorded this myself. This bottle keeps water cold all day. Order yours today!', voice: 'en-gb-x-rp+m3' });
  const wav = join(dir, 'me.wav');
  writeFileSync(wav, encodeWav(s.pcm.map((x) => x * 0.3), s.sampleRate));
  const mp3 = join(dir, 'my-voiceover.mp3');
  const wma = join(dir, 'my-voiceover.wma');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-i', wav, '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '128k', '-y', mp3]);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-i', wav, '-ar', '44100', '-c:a', 'wmav2', '-b:a', '128k', '-y', wma]);
  const clip = Number(ffprobe(mp3).format.duration);

  await page.goto('/');
  await prepareVideo(page, 'Own Voice Bottle');

  // The built-in voice's export first: its voiceover leaves at -16 LUFS, true peak < -1 dBTP.
  const builtin = await exportAndSave(page, 'builtin.mp4');
  const lb = ebur128(builtin);
  console.log(`built-in voice export: ${lb.I} LUFS, true peak ${lb.TP} dBTP`);
  expect(Math.abs(lb.I - -16)).toBeLessThanOrEqual(1);
  expect(lb.TP).toBeLessThan(-1);

  await page.getByTestId('nav-voices').click();
  // Corrupt audio: MP3 magic bytes, then garbage.
  const corrupt = join(dir, 'broken.mp3');
  writeFileSync(corrupt, Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(40_000, 0x5a)]));
  await page.getByTestId('voice-upload-input').setInputFiles(corrupt);
  await expect(page.getByTestId('voice-upload-error')).toContainText('“broken.mp3” could not be decoded', { timeout: 60_000 });
  // A 25 MB clip (a real WAV, 48 kHz stereo, 136 s) is refused by its size before it is read.
  const big = join(dir, 'long-take.wav');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=f=220:sample_rate=48000', '-t', '136.5', '-ac', '2', '-y', big]);
  await page.getByTestId('voice-upload-input').setInputFiles(big);
  await expect(page.getByTestId('voice-upload-error')).toContainText('voice files can be at most 20.0 MB');
  await expect(page.getByTestId('user-voice')).toHaveCount(0);

  // MP3: decoded by the browser, becomes the project's voice.
  await page.getByTestId('voice-upload-input').setInputFiles(mp3);
  await expect(page.getByTestId('user-voice')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('voice-in-use')).toBeVisible();
  await page.screenshot({ path: 'test-results/voices-screen.png', fullPage: true });
  const fromMp3 = await exportAndSave(page, 'mp3-voice.mp4');
  const p1 = ffprobe(fromMp3);
  const d1 = Number(p1.format.duration);
  console.log(`mp3 clip ${clip.toFixed(2)} s → video ${d1.toFixed(2)} s, streams ${p1.streams.map((x) => x.codec_name).join('+')}`);
  expect(p1.streams.map((x) => x.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Math.abs(d1 - (clip + 0.35))).toBeLessThan(0.4);
  const l1 = ebur128(fromMp3);
  console.log(`mp3 voice export: ${l1.I} LUFS, true peak ${l1.TP} dBTP`);
  expect(Math.abs(l1.I - -16)).toBeLessThanOrEqual(1);
  expect(l1.TP).toBeLessThan(-1);

  // WMA: the browser refuses it; ffmpeg.wasm converts it; the video follows it too.
  await page.getByTestId('nav-voices').click();
  await page.getByTestId('voice-upload-input').setInputFiles(wma);
  await expect(page.getByTestId('user-voice')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByTestId('user-voice').first().getByTestId('voice-in-use')).toBeVisible();
  const fromWma = await exportAndSave(page, 'wma-voice.mp4');
  const p2 = ffprobe(fromWma);
  const d2 = Number(p2.format.duration);
  console.log(`wma clip → video ${d2.toFixed(2)} s`);
  expect(p2.streams.map((x) => x.codec_type).sort()).toEqual(['audio', 'video']);
  expect(Math.abs(d2 - (clip + 0.35))).toBeLessThan(0.5);
  const l2 = ebur128(fromWma);
  expect(Math.abs(l2.I - -16)).toBeLessThanOrEqual(1);
  expect(l2.TP).toBeLessThan(-1);
});

test('voice clone: the material check reports every item before anything runs, and a passing clip is stored', async ({ page }) => {
  const parts: Float32Array[] = [];
  let rate = 22050;
  for (const line of ['Hello, this is my voice for the clone.', 'I am reading a few sentences in a quiet room.', 'The bottle keeps water cold all day, and coffee hot all morning.', 'Three colours, one price. Order yours today.']) {
    const s = await synthesize({ text: line, voice: 'en-us+m3' });
    rate = s.sampleRate;
    parts.push(s.pcm, new Float32Array(Math.round(0.4 * rate)));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const pcm = new Float32Array(total);
  let o = 0;
  for (const p of parts) {
    pcm.set(p, o);
    o += p.length;
  }
  const wav = join(dir, 'clone-take.wav');
  writeFileSync(wav, encodeWav(pcm, rate));
  const clip = join(dir, 'clone-take.m4a');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-i', wav, '-ar', '44100', '-c:a', 'aac', '-b:a', '160k', '-y', clip]);

  await page.goto('/#/voices');
  await page.getByTestId('clone-name').fill('my voice');
  await page.getByTestId('clone-input').setInputFiles(clip);
  const table = page.getByTestId('clone-check');
  await expect(table).toBeVisible({ timeout: 60_000 });
  for (const id of ['name', 'size', 'duration', 'sample-rate', 'clipping', 'noise', 'reverb']) await expect(page.getByTestId(`check-${id}`)).toBeVisible();
  // A name with a space fails the name rule: the clip cannot be saved yet.
  await expect(page.getByTestId('check-name')).toHaveAttribute('data-status', 'fail');
  await expect(table).toHaveAttribute('data-verdict', 'fail');
  await expect(page.getByTestId('clone-save')).toBeDisabled();
  await expect(page.getByTestId('check-sample-rate')).toContainText('44100 Hz');
  await expect(page.getByTestId('check-duration')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-clipping')).toHaveAttribute('data-status', 'pass');
  await page.getByTestId('clone-name').fill('my_voice');
  await expect(page.getByTestId('check-name')).toHaveAttribute('data-status', 'pass');
  await expect(table).not.toHaveAttribute('data-verdict', 'fail');
  const rows = await page.getByTestId('clone-check').locator('tr').allInnerTexts();
  console.log(rows.join('\n'));
  await page.screenshot({ path: 'test-results/voice-clone-check.png', fullPage: true });
  await page.getByTestId('clone-save').click();
  await expect(page.getByTestId('clone-saved')).toContainText('my_voice');
  await expect(page.getByTestId('user-voice')).toHaveCount(1);
  await expect(page.getByTestId('user-voice')).toContainText('Clone sample');

  // Nothing claimed that does not work: no clone engine exists, so the screen says what it does
  // (checks and keeps the clip), and the sample is never offered as a script's voice.
  const card = page.getByTestId('clone');
  await expect(card).not.toContainText('speaks any script');
  await expect(page.getByTestId('clone-what')).toContainText('checks a clip of your voice');
  await expect(page.getByTestId('clone-what')).toContainText('no voice-clone engine yet');
  const sample = page.getByTestId('user-voice');
  await expect(sample.getByTestId('voice-clone-kept')).toHaveText(/not a script voice/);
  await expect(sample.getByTestId('voice-use')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/voice-clone-kept.png', fullPage: true });
  await page.getByTestId('nav-create').click();
  const picker = page.getByTestId('voice-picker');
  await expect(picker.getByTestId('voice-option').first()).toBeVisible();
  await expect(picker.locator('[data-testid="voice-option"][data-id^="user:"]')).toHaveCount(0);
  await expect(picker).not.toContainText('my_voice');
  // A language no natural voice speaks says so in the voice list.
  await expect(picker.getByTestId('voice-builtin-only')).toHaveCount(0);
  await page.getByTestId('language').selectOption('ja');
  await expect(picker.getByTestId('voice-builtin-only')).toHaveText('Japanese has only the built-in voice: no natural (neural) voice is published for it.');
  await picker.screenshot({ path: 'test-results/voice-picker-ja.png' });
});
