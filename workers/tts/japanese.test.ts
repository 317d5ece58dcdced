import { describe, expect, it } from 'vitest';
import type { Speech } from '../../src/voice/types.ts';
import { synthesize } from './espeak-engine.ts';
import { tokenizeJapanese } from './japanese.ts';
import { japaneseTokens, toHiragana } from './japanese-reading.ts';
import { buildSsml } from './text.ts';

const KANJI = 'この軽量イヤホンは、一回の充電で三十時間も音楽を楽しめます。';
const KANA = 'このけいりょうイヤホンは、いっかいのじゅうでんでさんじゅうじかんもおんがくをたのしめます。';

/** Seconds of 20 ms frames louder than -34 dBFS: measured on the PCM, not on any timing. */
function voiced(s: Speech): number {
  const n = Math.round(s.sampleRate * 0.02);
  let frames = 0;
  for (let i = 0; i + n <= s.pcm.length; i += n) {
    let e = 0;
    for (let j = i; j < i + n; j++) e += s.pcm[j]! ** 2;
    if (Math.sqrt(e / n) > 0.02) frames++;
  }
  return frames * 0.02;
}

describe('Japanese readings (pure)', () => {
  it('reads kanji as hiragana, particles as pronounced, Latin words in English; keeps offsets', () => {
    const text = '新しいSmartWatchは東京へ。';
    const tokens = japaneseTokens(text, [
      { surface_form: '新しい', pos: '形容詞', reading: 'アタラシイ', pronunciation: 'アタラシイ' },
      { surface_form: 'SmartWatch', pos: '名詞' },
      { surface_form: 'は', pos: '助詞', reading: 'ハ', pronunciation: 'ワ' },
      { surface_form: '東京', pos: '名詞', reading: 'トウキョウ', pronunciation: 'トーキョー' },
      { surface_form: 'へ', pos: '助詞', reading: 'ヘ', pronunciation: 'エ' },
      { surface_form: '。', pos: '記号', reading: '。', pronunciation: '。' },
    ]);
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.say ?? null, t.lang ?? null])).toEqual([
      ['新しい', 'あたらしい', null],
      ['SmartWatch', null, 'en'],
      ['は', 'わ', null],
      ['東京', 'とうきょう', null],
      ['へ', 'え', null],
    ]);
    expect(buildSsml(text, tokens).ssml).toBe(
      '<mark name="w0"/>あたらしい<mark name="w1"/><voice xml:lang="en">SmartWatch</voice><mark name="w2"/>わ<mark name="w3"/>とうきょう<mark name="w4"/>え。',
    );
    expect(toHiragana('ケイリョウー')).toBe('けいりょうー');
  });

  it('joins a number the analyser split, and reads an unknown kanji word character by character', () => {
    const text = '価格12,800で鑫淼';
    const tokens = japaneseTokens(
      text,
      [
        { surface_form: '価格', pos: '名詞', reading: 'カカク' },
        { surface_form: '12', pos: '名詞' },
        { surface_form: ',', pos: '名詞' },
        { surface_form: '800', pos: '名詞' },
        { surface_form: 'で', pos: '助詞', reading: 'デ', pronunciation: 'デ' },
        { surface_form: '鑫淼', pos: '名詞' },
      ],
      (ch) => ({ 鑫: 'キン', 淼: 'ビョウ' })[ch],
    );
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.say ?? null])).toEqual([
      ['価格', 'かかく'],
      ['12,800', null],
      ['で', null],
      ['鑫淼', 'きんびょう'],
    ]);
  });
});

describe('Japanese through kuromoji and espeak-ng', () => {
  it('the dictionary gives readings for a real product sentence', async () => {
    const tokens = await tokenizeJapanese(KANJI);
    const said = tokens.map((t) => t.say ?? KANJI.slice(t.start, t.end)).join('');
    expect(said).not.toMatch(/\p{Script=Han}/u);
    expect(said).toContain('けいりょう');
    expect(said).toContain('じゅうでん');
    expect(said).toContain('おんがく');
  }, 60_000);

  it('a kanji sentence is spoken in about the time of the same sentence in kana, with the kanji in its words', async () => {
    const k = await synthesize({ text: KANJI, voice: 'ja+f3' });
    const h = await synthesize({ text: KANA, voice: 'ja+f3' });
    const ratio = voiced(k) / voiced(h);
    console.log(`ja: kanji ${voiced(k).toFixed(2)} s voiced, kana ${voiced(h).toFixed(2)} s, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
    const words = k.words.map((w) => w.text);
    expect(words).toEqual(expect.arrayContaining(['軽量', '充電', '時間', '音楽']));
    for (const w of k.words) expect(KANJI.slice(w.charStart, w.charEnd)).toBe(w.text);
    // espeak reads a kanji it does not know as "Chinese letter": no such phonemes anywhere.
    expect(k.phonemes.map((p) => p.ph).join('')).not.toContain('tʃˈaɪniːz');
  }, 60_000);
});
