/**
 * The voice-clone engine interface in a real browser: a speaker encoder of the clone contract
 * (a tiny generated one, models/build-clone-tiny.ts) runs on onnxruntime-web in the TTS worker
 * and turns a clip into a unit-length embedding; a model without the contract is refused.
 */
import { expect, test } from '@playwright/test';
import { buildCloneTiny, CLONE_TINY_DIM } from '../models/build-clone-tiny.ts';
import { encodeModel } from '../models/onnx-proto.ts';
import { synthesize } from '../workers/tts/espeak-engine.ts';

test('speaker encoder: a clip becomes a deterministic unit-length embedding of the contract size', async ({ page }) => {
  const { model, contract } = buildCloneTiny();
  const a = await synthesize({ text: 'Hello, this is my voice for the clone. I read a few sentences.', voice: 'en-us+m3' });
  const b = await synthesize({ text: 'Hello, this is my voice for the clone. I read a few sentences.', voice: 'en-us+f3' });
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  const embed = (pcm: Float32Array, rate: number): Promise<number[]> =>
    page.evaluate(([m, c, p, r]) => window.talkreel.voice.cloneEmbed(m as number[], c, p as number[], r as number), [Array.from(model), contract, Array.from(pcm), rate] as const);
  const ea = await embed(a.pcm, a.sampleRate);
  const ea2 = await embed(a.pcm, a.sampleRate);
  const eb = await embed(b.pcm, b.sampleRate);
  expect(ea).toHaveLength(CLONE_TINY_DIM);
  expect(Math.hypot(...ea)).toBeCloseTo(1, 5);
  expect(ea2).toEqual(ea);
  const cos = ea.reduce((s, x, i) => s + x * eb[i]!, 0);
  console.log(`embedding dim ${ea.length}; cosine(male, female) with the tiny encoder ${cos.toFixed(3)}`);
  expect(cos).toBeLessThan(0.9999);

  const wrong = encodeModel({ name: 'x', nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }], initializers: [], inputs: [{ name: 'x', dims: [1, 4] }], outputs: [{ name: 'y', dims: [1, 4] }] });
  const err = await page.evaluate(([m, c]) => window.talkreel.voice.cloneEmbed(m as number[], c, [0, 0.1, 0.2], 16000).then(() => 'no error', (e: Error) => e.message), [Array.from(wrong), contract] as const);
  expect(err).toContain('not a speaker encoder: it has no "audio" input');
});
