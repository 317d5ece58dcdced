import { describe, it, expect } from 'vitest';
import { fitScript } from './fit.ts';
import { generateScripts } from './generate.ts';
import { scriptText } from './text.ts';
import type { Duration, ScriptOption } from './types.ts';
import { RICH, THIN, TETERA } from './fixtures.test-data.ts';

/** A stand-in for the real voice: a fixed word rate plus a pause per sentence. */
function fakeVoice(wordsPerSecond: number, pause = 0.25) {
  const calls: string[] = [];
  const measure = async (text: string) => {
    calls.push(text);
    const words = text.split(/\s+/).filter(Boolean).length;
    const sentences = (text.match(/[.!?]+(\s|$)/g) ?? []).length;
    return words / wordsPerSecond + sentences * pause;
  };
  return { measure, calls };
}

const within = (s: number, d: number) => Math.abs(s - d) <= d * 0.1;

describe('fitScript', () => {
  // (A 4.2 words/s voice would need ~230 words for 60 s: more than the material holds.)
  for (const wps of [3.1, 2.3, 4.2]) {
    for (const duration of (wps > 4 ? [15, 30] : [15, 30, 60]) as Duration[]) {
      it(`brings every option within ±10 % of ${duration} s for a ${wps} words/s voice`, async () => {
        for (const product of [RICH, THIN]) {
          const opts = { language: 'en', duration };
          for (const option of generateScripts(product, opts)) {
            const voice = fakeVoice(wps);
            const fitted = await fitScript(option, product, opts, voice.measure);
            const text = scriptText(fitted);
            expect(within(fitted.measuredSeconds, duration), `${option.style} ${fitted.measuredSeconds}`).toBe(true);
            expect(fitted.measuredSeconds).toBe(await fakeVoice(wps).measure(text));
            expect(fitted.estimatedSeconds).toBeCloseTo(fitted.measuredSeconds, 1);
            expect(voice.calls.length).toBeLessThanOrEqual(5);
            expect(fitted.id).toBe(option.id);
            expect(fitted.style).toBe(option.style);
            expect(text).toContain(product.name);
            expect(fitted.segments[0]!.scene.kind).toBe('presenter');
            expect(fitted.segments.at(-1)!.scene.kind).toBe('cta');
            for (const s of fitted.segments) if (s.scene.kind === 'product') expect(s.scene.image).toBeLessThan(product.imageCount);
          }
        }
      });
    }
  }

  it('measures once and returns the option unchanged when it already fits', async () => {
    const opts = { language: 'en', duration: 30 as Duration };
    const option = generateScripts(RICH, opts)[0]!;
    const voice = fakeVoice(1, 0);
    const exact = async (text: string) => (voice.calls.push(text), 31);
    const fitted = await fitScript(option, RICH, opts, exact);
    expect(voice.calls).toHaveLength(1);
    expect(fitted.segments).toEqual(option.segments);
    expect(fitted.measuredSeconds).toBe(31);
  });

  it('re-fits an already fitted option', async () => {
    const opts = { language: 'en', duration: 30 as Duration };
    const option = generateScripts(RICH, opts)[1]!;
    const slow = await fitScript(option, RICH, opts, fakeVoice(2.2).measure);
    const fast = await fitScript(slow, RICH, opts, fakeVoice(4).measure);
    expect(within(fast.measuredSeconds, 30)).toBe(true);
  });

  it('trims or extends a script the user edited, by whole sentences', async () => {
    const opts = { language: 'en', duration: 15 as Duration };
    const edited: ScriptOption = {
      ...generateScripts(RICH, opts)[0]!,
      segments: [
        { text: 'Hi there, my friends. This is the Aurora Ceramic Pour-Over Kettle.', scene: { kind: 'presenter' } },
        { text: 'It pours like a dream. It looks great on any stove. It is my favorite thing in the kitchen.', scene: { kind: 'product', image: 0 } },
        { text: 'The handle stays cool. The spout is precise. The glaze is matte and lovely. Honestly I use it every day.', scene: { kind: 'product', image: 1 } },
        { text: 'Go get one now.', scene: { kind: 'cta' } },
      ],
    };
    const trimmed = await fitScript(edited, RICH, opts, fakeVoice(2).measure);
    expect(within(trimmed.measuredSeconds, 15), String(trimmed.measuredSeconds)).toBe(true);
    expect(scriptText(trimmed).startsWith('Hi there, my friends.')).toBe(true);
    expect(scriptText(trimmed).endsWith('Go get one now.')).toBe(true);

    const short: ScriptOption = { ...edited, segments: [edited.segments[0]!, edited.segments[3]!] };
    const extended = await fitScript(short, RICH, { language: 'en', duration: 30 }, fakeVoice(3).measure);
    expect(extended.measuredSeconds).toBeGreaterThan(15);
    expect(scriptText(extended)).toContain('Go get one now.');
  });

  it('fits Spanish options too', async () => {
    const opts = { language: 'es', duration: 30 as Duration };
    for (const option of generateScripts(TETERA, opts)) {
      const fitted = await fitScript(option, TETERA, opts, fakeVoice(2.6).measure);
      expect(within(fitted.measuredSeconds, 30), `${option.style} ${fitted.measuredSeconds}`).toBe(true);
    }
  });

  it('rejects a broken measure function', async () => {
    const opts = { language: 'en', duration: 15 as Duration };
    const option = generateScripts(RICH, opts)[0]!;
    await expect(fitScript(option, RICH, opts, async () => Number.NaN)).rejects.toThrow(/measure/);
  });
});
