import { describe, expect, it } from 'vitest';
import type { Speech } from '../../src/voice/types.ts';
import { TtsError } from '../../src/voice/errors.ts';
import { BUILTIN_VOICES, defaultVoiceFor } from '../../src/voice/voices.ts';
import { listVariants, listVoices, loadEngine, synthesize } from './espeak-engine.ts';
import { tokenize } from './text.ts';

function rms(pcm: Float32Array): number {
  let s = 0;
  for (let i = 0; i < pcm.length; i++) s += pcm[i]! * pcm[i]!;
  return Math.sqrt(s / Math.max(1, pcm.length));
}

const wordsOf = (text: string): string[] => tokenize(text).map((t) => text.slice(t.start, t.end));

/** The invariants every Speech must keep. */
function expectWellFormed(s: Speech): void {
  expect(s.sampleRate).toBe(22050);
  expect(s.duration).toBeCloseTo(s.pcm.length / s.sampleRate, 9);
  expect(rms(s.pcm)).toBeGreaterThan(0.01);
  for (let i = 0; i < s.pcm.length; i += 97) expect(Math.abs(s.pcm[i]!)).toBeLessThanOrEqual(1);
  let t = 0;
  for (const w of s.words) {
    expect(w.start).toBeGreaterThanOrEqual(t);
    expect(w.end).toBeGreaterThan(w.start);
    expect(w.end).toBeLessThanOrEqual(s.duration);
    t = w.end;
  }
  t = 0;
  for (const p of s.phonemes) {
    expect(p.ph).not.toBe('');
    expect(p.start).toBeGreaterThanOrEqual(t);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(s.duration);
    t = p.end;
  }
  // Each word is spanned by its phonemes: it starts where one starts and ends where one ends
  // (gaps inside a word are pauses espeak made, e.g. between Chinese syllables).
  for (const w of s.words) {
    const inside = s.phonemes.filter((p) => p.start >= w.start - 1e-9 && p.end <= w.end + 1e-9);
    expect(inside.length, `phonemes of "${w.text}"`).toBeGreaterThan(0);
    expect(inside[0]!.start).toBeCloseTo(w.start, 9);
    expect(inside[inside.length - 1]!.end).toBeCloseTo(w.end, 9);
  }
}

describe('espeak engine (English)', () => {
  const text = 'Meet the Acme Pro Blender. Its motor crushes ice in seconds, and it costs only $49!';

  it('loads once and lists espeak voices and variants', async () => {
    const ms = await loadEngine();
    expect(ms).toBeGreaterThan(0);
    expect(await loadEngine()).toBe(ms);
    const voices = await listVoices();
    expect(voices.length).toBeGreaterThan(100);
    expect(voices.find((v) => v.identifier === 'gmw/en-US')?.languages.map((l) => l.name)).toContain('en-us');
    const variants = await listVariants();
    expect(variants).toEqual(expect.arrayContaining(['f3', 'm3']));
  });

  it('speaks a sentence with word and phoneme timings', async () => {
    const s = await synthesize({ text, voice: 'en-us' });
    expectWellFormed(s);
    expect(s.duration).toBeGreaterThan(2);
    expect(s.duration).toBeLessThan(10);
    expect(s.words.map((w) => w.text)).toEqual(['Meet', 'the', 'Acme', 'Pro', 'Blender', 'Its', 'motor', 'crushes', 'ice', 'in', 'seconds', 'and', 'it', 'costs', 'only', '$49']);
    for (const w of s.words) expect(text.slice(w.charStart, w.charEnd)).toBe(w.text);
    // The phonemes cover the speech: from the first word to the last, only pauses between.
    expect(s.phonemes[0]!.start).toBeLessThan(0.1);
    expect(s.phonemes.at(-1)!.end).toBeCloseTo(s.words.at(-1)!.end, 9);
    const spoken = s.phonemes.reduce((n, p) => n + (p.end - p.start), 0);
    expect(spoken / s.duration).toBeGreaterThan(0.7);
    // The pause after "Blender." is not part of the word.
    const blender = s.words[4]!;
    const its = s.words[5]!;
    expect(its.start - blender.end).toBeGreaterThan(0.15);
    // IPA as espeak writes it.
    expect(s.phonemes.map((p) => p.ph).join(' ')).toMatch(/^m ˈiː t ð \S+ ˈæ k m i/);
  });

  it('splits words espeak runs together ("of the") and keeps words after a full stop', async () => {
    const t = 'Test it. State of the art, a gift for the whole family.';
    const s = await synthesize({ text: t, voice: 'en-us' });
    expectWellFormed(s);
    expect(s.words.map((w) => w.text)).toEqual(wordsOf(t));
  });

  it('escapes SSML-looking text instead of obeying it', async () => {
    const t = 'Tom & Jerry <break time="3s"/> say 5 > 4.';
    const s = await synthesize({ text: t, voice: 'en-us' });
    expectWellFormed(s);
    expect(s.duration).toBeLessThan(5);
    expect(s.words.map((w) => w.text).join(' ')).toContain('Tom & Jerry');
  });

  it('rate makes it shorter or longer; pitch is accepted', async () => {
    const base = await synthesize({ text, voice: 'en-us' });
    const fast = await synthesize({ text, voice: 'en-us', rate: 300 });
    const slow = await synthesize({ text, voice: 'en-us', rate: 110 });
    expect(fast.duration).toBeLessThan(base.duration * 0.75);
    expect(slow.duration).toBeGreaterThan(base.duration * 1.3);
    expect(fast.words.at(-1)!.end).toBeLessThan(base.words.at(-1)!.end);
    const high = await synthesize({ text, voice: 'en-us', pitch: 90 });
    expectWellFormed(high);
  });

  it('female and male variants differ; the state of one request does not leak into the next', async () => {
    const f = await synthesize({ text: 'Hello there, friend.', voice: 'en-us+f3' });
    const m = await synthesize({ text: 'Hello there, friend.', voice: 'en-us+m3' });
    expectWellFormed(f);
    expectWellFormed(m);
    // Crude pitch proxy: zero crossings per second of voiced audio is higher for +f3.
    const zc = (pcm: Float32Array): number => {
      let n = 0;
      for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) n++;
      return n / pcm.length;
    };
    expect(zc(f.pcm)).toBeGreaterThan(zc(m.pcm));
    // espeak is not bit-exact from run to run (a few samples of jitter): compare loosely.
    const again = await synthesize({ text: 'Hello there, friend.', voice: 'en-us+m3' });
    expect(Math.abs(again.duration - m.duration)).toBeLessThan(0.02);
    expect(zc(again.pcm)).toBeCloseTo(zc(m.pcm), 2);
  });

  it('names errors with a code', async () => {
    const code = (p: Promise<unknown>): Promise<string> =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e instanceof TtsError ? e.code : `not a TtsError: ${String(e)}`),
      );
    expect(await code(synthesize({ text, voice: 'xx-nope' }))).toBe('voice-not-found');
    expect(await code(synthesize({ text, voice: 'en-us+nosuchvariant' }))).toBe('voice-not-found');
    expect(await code(synthesize({ text: '  … — ', voice: 'en-us' }))).toBe('empty-text');
    // A failed set_voice must not leave the previous voice half-set.
    expectWellFormed(await synthesize({ text: 'Still fine.', voice: 'en-us' }));
  });

  it('accepts language tags that are not espeak file names', async () => {
    expectWellFormed(await synthesize({ text: 'Good morning.', voice: 'en-gb' }));
    expectWellFormed(await synthesize({ text: '你好。', voice: 'zh' }));
  });
});

describe('espeak engine (other languages)', () => {
  const samples: Array<[string, string]> = [
    ['es', 'Esta licuadora es la mejor del mundo, y cuesta solo cuarenta euros.'],
    ['de', 'Der Mixer kostet nur neunundvierzig Euro. Bestellen Sie noch heute!'],
    ['zh', '这款搅拌机非常好用。价格只要九十九元！'],
    ['ko', '이 믹서기는 정말 좋습니다.'],
  ];
  for (const [lang, text] of samples) {
    it(`${lang}: speaks with one timed word per word of the text`, async () => {
      const v = defaultVoiceFor(lang);
      const s = await synthesize({ text, voice: v.espeakVoice });
      expectWellFormed(s);
      expect(s.words.map((w) => w.text)).toEqual(wordsOf(text));
    });
  }

  it('every catalog voice exists in the engine', async () => {
    for (const v of BUILTIN_VOICES) {
      const s = await synthesize({ text: '1 2 3', voice: v.espeakVoice });
      expect(rms(s.pcm), v.id).toBeGreaterThan(0.01);
    }
  });
});
