/*
 * Bad material for custom avatars, in real Chromium: each is refused with a sentence a person
 * understands (a failed check with its number, or an error), and the library is left as it was.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { CheckReport } from '../src/avatar/types.ts';
import { corruptMov, jpegNamedMp4, plainImage, portrait, sizedVideo, stillVideo } from './fixtures/faces.ts';

async function headless(page: Page): Promise<void> {
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
}
const at = (file: string): string => `/__fixtures${file}`;
const failed = (r: CheckReport | undefined) => (r?.items ?? []).filter((i) => i.status === 'fail').map((i) => `${i.id}: ${i.value}`);

test('bad videos and photos are refused with clear messages; the library is untouched', async ({ page }) => {
  test.setTimeout(300_000);
  await headless(page);
  const good = await page.evaluate((url) => window.talkreel.avatar.create({ url, name: 'man.png', gender: 'male' }), at(portrait('man')));
  if ('error' in good) throw new Error(good.error.message);
  const before = await page.evaluate(() => window.talkreel.avatar.list());
  expect(before).toHaveLength(1);

  const cases: Array<{ label: string; file: string; name: string; kind?: 'video' | 'photo'; expect: RegExp }> = [
    { label: '5 s video', file: sizedVideo('five-seconds', 640, 480, 5), name: 'five.mp4', expect: /^duration: 5\.0 s$/ },
    { label: '6 min video', file: sizedVideo('six-minutes', 320, 240, 360), name: 'six.mp4', expect: /^duration: 360\.0 s$/ },
    { label: '8K video', file: sizedVideo('eight-k', 7680, 4320, 11, 1), name: 'eightk.mp4', expect: /^resolution: 7680×4320$/ },
    { label: '8K photo', file: plainImage('eight-k-photo', 7680, 4320, 'gray'), name: 'big.jpg', expect: /^resolution: 7680×4320$/ },
    { label: 'no face', file: plainImage('wall', 800, 600, 'beige'), name: 'wall.jpg', expect: /^face-count: no faces found$/ },
    { label: 'no audio', file: stillVideo('mute-man', portrait('man'), 12, { audio: 'none' }), name: 'mute.mp4', expect: /^audio: no audio track$/ },
    { label: 'corrupt MOV', file: corruptMov(), name: 'broken.mov', expect: /looks damaged/ },
    { label: 'JPEG renamed .mp4', file: jpegNamedMp4(), name: 'holiday.mp4', kind: 'video', expect: /is a JPEG picture, not a video/ },
  ];
  for (const c of cases) {
    const res = await page.evaluate(({ url, name, kind }) => window.talkreel.avatar.create({ url, name, ...(kind ? { kind } : {}) }), { url: at(c.file), name: c.name, kind: c.kind });
    expect('error' in res, c.label).toBe(true);
    if (!('error' in res)) continue;
    const said = res.report ? failed(res.report) : [res.error.message];
    console.log(`${c.label.padEnd(18)} → ${res.report ? `check failed: ${said.join('; ')}` : `${res.error.code}: ${res.error.message}`}`);
    expect(said.some((s) => c.expect.test(s)), `${c.label}: ${said.join(' | ')}`).toBe(true);
    // Every failed item says what to do.
    for (const i of res.report?.items.filter((x) => x.status === 'fail') ?? []) expect(i.advice.length, i.id).toBeGreaterThan(20);
  }
  expect(await page.evaluate(() => window.talkreel.avatar.list())).toEqual(before);
});
