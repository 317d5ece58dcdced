/*
 * Lip-sync agreement on exported videos of the drawn library presenters, measured independently
 * of the app: the exported MP4 is decoded with ffmpeg, @vladmandic/human's face mesh finds the
 * mouth in each frame and measures its opening (inner-lip gap over face height), and that series
 * must correlate with the loudness of the file's own audio track (Pearson r at the best lag within
 * ±3 sampled frames), far above the same mouth against the audio cut into 0.5 s blocks and
 * shuffled, and against the envelope played backwards. Photo and video avatars get the same
 * measure in custom-avatar-export.spec.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openMesh } from './lib/face-mesh.ts';
import { describe as line, mouthSync } from './lib/lipsync-measure.ts';

const root = new URL('..', import.meta.url).pathname;
const OUT = join(tmpdir(), 'talkreel-lipsync-sync');
const at = (file: string): string => `/__fixtures${file}`;
const SCRIPT = 'Meet the Aurora bottle. It keeps your water ice cold for a whole day, and it never leaks in your bag.';

test('drawn presenters: mouth opening in the exported frames follows the voice’s loudness', async ({ page, context }) => {
  // Two short exports and ~60 mesh frames each (about 1 s a frame on an idle core, several on a
  // busy shared one).
  test.setTimeout(1_500_000);
  const mesh = await context.newPage();
  const backend = await openMesh(mesh);
  await page.route('**/__fixtures/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__fixtures', ''))) }));
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  mkdirSync(OUT, { recursive: true });
  const images = ['bottle-hero.jpg', 'bottle-colours.jpg'].map((f) => at(join(root, 'examples', f)));
  // One presenter in each of two art styles (soft: Ava; cartoon: Ethan).
  for (const id of (process.env.LIPSYNC_IDS ?? 'ava,ethan').split(',')) {
    const res = await page.evaluate(
      ({ id, images, script }) => window.talkreel.render({ product: { name: 'Aurora Insulated Bottle' }, imageUrls: images, ratio: '9:16', duration: 15, language: 'en', resolution: 720, presenterId: id, script }, () => undefined),
      { id, images, script: SCRIPT },
    );
    const file = join(OUT, `${id}.mp4`);
    writeFileSync(file, Buffer.from(await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), res.url)));
    const m = await mouthSync(mesh, file, { t1: res.duration, fps: 10 });
    console.log(line(`${id} (mesh on ${backend})`, m), JSON.stringify(m.opening.map((x) => Math.round(x * 1000))));
    test.info().annotations.push({ type: `lip-sync ${id}`, description: line(id, m) });
    expect(m.found, `${id}: the mesh finds the face`).toBeGreaterThan(0.9);
    expect(m.r, id).toBeGreaterThan(0.35);
    // The controls: the same mouth against the audio cut into 0.5 s blocks and shuffled scores
    // at most half as well on average, and no shuffle reaches the real pairing. The reversed
    // envelope keeps the silences at both ends of a short clip, so it is only held below r.
    expect(m.shuffledMean, id).toBeLessThan(m.r / 2);
    expect(m.shuffledMax, id).toBeLessThan(m.r);
    expect(m.reversed, id).toBeLessThan(m.r);
  }
});
