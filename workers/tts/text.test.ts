import { describe, expect, it } from 'vitest';
import { buildSsml, markIndex, readSigns, tokenAt, tokenize } from './text.ts';
import { assembleTimings, type EspeakEvent } from './timings.ts';

const words = (text: string): string[] => tokenize(text).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('splits on spaces and trims edge punctuation, keeping spoken signs', () => {
    expect(words('"Meet" the Acme—Pro (2024)… only $49, 50% off & #1!  ¿Qué? — ok.')).toEqual([
      'Meet', 'the', 'Acme—Pro', '2024', 'only', '$49', '50%', 'off', '&', '#1', 'Qué', 'ok',
    ]);
    expect(words("it's state-of-the-art, rock 'n' roll")).toEqual(["it's", 'state-of-the-art', 'rock', 'n', 'roll']);
    expect(words('यह अच्छा है। هذا رائع؟')).toEqual(['यह', 'अच्छा', 'है', 'هذا', 'رائع']);
    expect(words('  … — !! ')).toEqual([]);
  });

  it('segments unspaced scripts into dictionary words', () => {
    expect(words('这款搅拌机非常好用。')).toEqual(['这', '款', '搅拌', '机', '非常', '好用']);
    expect(words('iPhone的价格是999元')).toEqual(['iPhone', '的', '价格', '是', '999', '元']);
  });

  it('keeps astral characters whole', () => {
    expect(words('nice 😀 emoji')).toEqual(['nice', '😀', 'emoji']);
  });
});

describe('buildSsml', () => {
  it('escapes, marks each word and maps code points back to the text', () => {
    const text = 'A<b & 😀c';
    const tokens = tokenize(text);
    const { ssml, origin } = buildSsml(text, tokens);
    expect(ssml).toBe('<mark name="w0"/>A&lt;b <mark name="w1"/>&amp; <mark name="w2"/>😀c');
    const cps = [...ssml];
    expect(origin.length).toBe(cps.length);
    // Every original character is found at the position of its (escaped) text.
    expect(origin[cps.indexOf('😀')]).toBe(text.indexOf('😀'));
    expect(origin[cps.indexOf('c')]).toBe(text.indexOf('c'));
    expect(origin[ssml.indexOf('&amp;') + 2]).toBe(text.indexOf('&'));
    expect(markIndex('w2')).toBe(2);
    expect(markIndex('x2')).toBeNull();
  });

  it('reads full-width digits, letters and % as ASCII, one code point each', () => {
    const text = '３０％ＯＦＦ＆，';
    const { ssml, origin } = buildSsml(text, tokenize(text));
    expect(ssml).toBe('<mark name="w0"/>30%OFF&amp;，');
    expect(origin[[...ssml].indexOf('O')]).toBe(text.indexOf('Ｏ'));
  });

  it('reads a word as its `say` text in its `lang` voice, mapped to the word', () => {
    const text = 'a ¥299 b';
    const tokens = readSigns(text, tokenize(text), 'zh');
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.say ?? null])).toEqual([['a', null], ['¥299', '299元'], ['b', null]]);
    const { ssml, origin } = buildSsml(text, [tokens[0]!, { ...tokens[1]!, lang: 'en' }, tokens[2]!]);
    expect(ssml).toBe('<mark name="w0"/>a <mark name="w1"/><voice xml:lang="en">299元</voice> <mark name="w2"/>b');
    expect(origin[[...ssml].indexOf('元')]).toBe(2);
    expect(origin[[...ssml].lastIndexOf('b')]).toBe(7);
  });

  it('gives the signs espeak skips a reading: ¥ in Chinese and Japanese, ₹ in Hindi, % in Arabic', () => {
    const said = (text: string, lang: string): string[] => readSigns(text, tokenize(text), lang).map((t) => t.say ?? text.slice(t.start, t.end));
    expect(said('只要¥1,299！', 'zh')).toEqual(['只要', '1,299元']);
    expect(said('価格は￥12,800', 'ja')).toEqual(['価格', 'は', '12,800えん']);
    expect(said('सिर्फ़ ₹999 में', 'hi')).toEqual(['सिर्फ़', '999 रुपये', 'में']);
    expect(said('خصم 30%.', 'ar')).toEqual(['خصم', '30 بالمئة']);
    expect(said('only $49, 30% off', 'en')).toEqual(['only', '$49', '30%', 'off']);
  });

  it('tokenAt finds the word containing an offset, or the next one', () => {
    const tokens = tokenize('ab, "cd" ef');
    expect(tokenAt(tokens, 0)).toBe(0);
    expect(tokenAt(tokens, 2)).toBe(1); // the comma
    expect(tokenAt(tokens, 4)).toBe(1); // the opening quote
    expect(tokenAt(tokens, 10)).toBe(2);
    expect(tokenAt(tokens, 11)).toBe(-1);
  });
});

describe('assembleTimings', () => {
  const ev = (type: string, ms: number, id?: string | number, pos = 0): EspeakEvent => ({
    type,
    audio_position: ms,
    text_position: pos,
    word_length: 0,
    ...(id === undefined ? {} : { id }),
  });

  it('uses marks, ends phonemes at the next phoneme or pause, and ends words at their last phoneme', () => {
    const text = 'Hi there.';
    const tokens = tokenize(text);
    const { origin } = buildSsml(text, tokens);
    const events = [
      ev('mark', 0, 'w0'), ev('phoneme', 10, 'h'), ev('phoneme', 60, 'aɪ'),
      ev('mark', 200, 'w1'), ev('phoneme', 210, 'ð'), ev('phoneme', 260, 'ɛɹ'),
      ev('phoneme', 400, ''), ev('phoneme', 600, ''), ev('end', 600),
    ];
    const r = assembleTimings({ text, tokens, origin, events, durationMs: 650 });
    expect(r.phonemes).toEqual([
      { ph: 'h', start: 0.01, end: 0.06 },
      { ph: 'aɪ', start: 0.06, end: 0.21 },
      { ph: 'ð', start: 0.21, end: 0.26 },
      { ph: 'ɛɹ', start: 0.26, end: 0.4 },
    ]);
    expect(r.words).toEqual([
      { text: 'Hi', start: 0.01, end: 0.21, charStart: 0, charEnd: 2 },
      { text: 'there', start: 0.21, end: 0.4, charStart: 3, charEnd: 8 },
    ]);
  });

  it("falls back to espeak's word events when a mark is lost", () => {
    const text = 'Go. Now';
    const tokens = tokenize(text);
    const { ssml, origin } = buildSsml(text, tokens);
    const nowPos = [...ssml].indexOf('N') + 1;
    const events = [
      ev('mark', 0, 'w0'), ev('phoneme', 0, 'ɡ'), ev('phoneme', 50, 'oʊ'), ev('phoneme', 200, ''),
      ev('end', 400), ev('word', 400, 2, nowPos), ev('phoneme', 400, 'n'), ev('phoneme', 450, 'aʊ'),
    ];
    const r = assembleTimings({ text, tokens, origin, events, durationMs: 600 });
    expect(r.words.map((w) => [w.text, w.start, w.end])).toEqual([['Go', 0, 0.2], ['Now', 0.4, 0.6]]);
  });

  it('splits words espeak ran together using their phonemes spoken alone', () => {
    const text = 'of the art';
    const tokens = tokenize(text);
    const { origin } = buildSsml(text, tokens);
    // espeak's real stream for "of the art": the mark of "the" comes after its phonemes.
    const events = [
      ev('mark', 0, 'w0'), ev('phoneme', 0, 'ʌ'), ev('phoneme', 60, 'v'), ev('phoneme', 120, 'ð'), ev('phoneme', 170, 'ə'),
      ev('mark', 220, 'w1'), ev('mark', 220, 'w2'), ev('phoneme', 220, 'ˈɑːɹ'), ev('phoneme', 400, 't'),
    ];
    const refs: Record<string, string[]> = { of: ['ʌ', 'v'], the: ['ð', 'ə'], art: ['ˈɑːɹ', 't'] };
    const reference = (i: number): string[] => refs[text.slice(tokens[i]!.start, tokens[i]!.end)]!;
    const r = assembleTimings({ text, tokens, origin, events, durationMs: 500, reference });
    expect(r.words.map((w) => [w.text, w.start, w.end])).toEqual([['of', 0, 0.12], ['the', 0.12, 0.22], ['art', 0.22, 0.5]]);
    // Without references the words stay joined rather than losing "the".
    const joined = assembleTimings({ text, tokens, origin, events, durationMs: 500 });
    expect(joined.words.map((w) => w.text)).toEqual(['of the', 'art']);
  });

  it('does not move a shared sound between words that were not run together', () => {
    const text = 'bus stop';
    const tokens = tokenize(text);
    const { origin } = buildSsml(text, tokens);
    const events = [
      ev('mark', 0, 'w0'), ev('phoneme', 0, 'b'), ev('phoneme', 50, 'ʌ'), ev('phoneme', 100, 's'),
      ev('mark', 150, 'w1'), ev('phoneme', 150, 's'), ev('phoneme', 200, 't'), ev('phoneme', 250, 'ɑː'), ev('phoneme', 300, 'p'),
    ];
    const refs: Record<string, string[]> = { bus: ['b', 'ʌ', 's'], stop: ['s', 't', 'ɑː', 'p'] };
    const reference = (i: number): string[] => refs[text.slice(tokens[i]!.start, tokens[i]!.end)]!;
    const r = assembleTimings({ text, tokens, origin, events, durationMs: 350, reference });
    expect(r.words.map((w) => [w.text, w.start, w.end])).toEqual([['bus', 0, 0.15], ['stop', 0.15, 0.35]]);
  });
});
