/**
 * No line dropped or misread, in all 14 script languages: one natural product sentence each
 * (with a number, and a Latin brand name where shops write one) spoken by the built-in voice in
 * the app's TTS worker, in the browser.
 *
 * Measured independently of the engine's word timings: voiced time is counted from the PCM
 * (20 ms frames above an RMS threshold), and the sentence's length is counted from the text as
 * it is pronounced (`spelled`: numbers written out), in the language's own units: syllables
 * (vowel groups) for Latin-script languages, morae for Japanese (from a kana twin of the
 * sentence), characters for Chinese, syllable blocks for Korean, aksharas for Hindi, letters for
 * unvoweled Arabic. Each language's voiced seconds per unit must fall in a band of normal speech,
 * and there must be no long silence inside the sentence. Japanese with kanji and Korean with
 * hanja must take about as long as the same line in kana / hangul. A word read as "Chinese letter" (kanji
 * without the dictionary), spelt out letter by letter or skipped moves the sentence out of its band.
 */
import { expect, test } from '@playwright/test';
import { defaultVoiceFor } from '../src/voice/voices.ts';

interface Case {
  lang: string;
  text: string;
  /** The sentence as pronounced, for counting units (numbers written out, brand in the script). */
  spelled: string;
  /**
   * Seconds of voiced audio per unit: this voice's normal pace for the language, about 0.75× to
   * 1.35× of what was measured (espeak at 175 words a minute): a word misread at length ("Chinese
   * letter", a brand spelt letter by letter) or left out moves a sentence out of it.
   */
  band: [number, number];
}

const CASES: Case[] = [
  { lang: 'en', text: 'This lightweight blender crushes ice in 30 seconds and cleans itself in one minute.', spelled: 'This lightweight blender crushes ice in thirty seconds and cleans itself in one minute', band: [0.12, 0.21] },
  { lang: 'es', text: 'Esta licuadora ligera tritura el hielo en 30 segundos y se limpia sola.', spelled: 'Esta licuadora ligera tritura el hielo en treinta segundos y se limpia sola', band: [0.095, 0.17] },
  { lang: 'pt', text: 'Este fone sem fio toca música por 30 horas com uma única carga.', spelled: 'Este fone sem fio toca música por trinta horas com uma única carga', band: [0.095, 0.17] },
  { lang: 'fr', text: 'Ce casque sans fil joue votre musique pendant 30 heures avec une seule charge.', spelled: 'Ce casque sans fil joue votre musique pendant trente heures avec une seule charge', band: [0.075, 0.14] },
  { lang: 'de', text: 'Dieser leichte Mixer zerkleinert Eis in 30 Sekunden und reinigt sich selbst.', spelled: 'Dieser leichte Mixer zerkleinert Eis in dreißig Sekunden und reinigt sich selbst', band: [0.125, 0.22] },
  { lang: 'it', text: 'Queste cuffie senza fili suonano per 30 ore con una sola carica.', spelled: 'Queste cuffie senza fili suonano per trenta ore con una sola carica', band: [0.095, 0.17] },
  { lang: 'nl', text: 'Deze draadloze oordopjes spelen 30 uur muziek na één keer opladen.', spelled: 'Deze draadloze oordopjes spelen dertig uur muziek na één keer opladen', band: [0.12, 0.21] },
  {
    lang: 'ja',
    text: 'この軽量なSonyのイヤホンは、一回の充電で三十時間も音楽を楽しめます。',
    spelled: 'このけいりょうなソニーのイヤホンは、いっかいのじゅうでんでさんじゅうじかんもおんがくをたのしめます。',
    band: [0.09, 0.16],
  },
  { lang: 'zh', text: '这款轻便的AirPods耳机充电一次可以连续播放30个小时。', spelled: '这款轻便的AirPods耳机充电一次可以连续播放三十个小时', band: [0.17, 0.30] },
  { lang: 'ko', text: '이 가벼운 무선 이어폰은 한 번 충전으로 30시간 동안 음악을 들을 수 있습니다.', spelled: '이 가벼운 무선 이어폰은 한 번 충전으로 삼십시간 동안 음악을 들을 수 있습니다', band: [0.125, 0.225] },
  { lang: 'hi', text: 'यह हल्का Sony ईयरफ़ोन एक बार चार्ज करने पर 30 घंटे तक संगीत बजाता है।', spelled: 'यह हल्का सोनी ईयरफ़ोन एक बार चार्ज करने पर तीस घंटे तक संगीत बजाता है', band: [0.08, 0.14] },
  { lang: 'ar', text: 'سماعات Sony اللاسلكية الخفيفة تعمل 30 ساعة بشحنة واحدة.', spelled: 'سماعات سوني اللاسلكية الخفيفة تعمل ثلاثين ساعة بشحنة واحدة', band: [0.06, 0.11] },
  { lang: 'id', text: 'Earphone nirkabel yang ringan ini memutar musik selama 30 jam dengan sekali isi daya.', spelled: 'Earphone nirkabel yang ringan ini memutar musik selama tiga puluh jam dengan sekali isi daya', band: [0.11, 0.20] },
  { lang: 'tr', text: 'Bu hafif kablosuz kulaklık tek şarjla 30 saat boyunca müzik çalar.', spelled: 'Bu hafif kablosuz kulaklık tek şarjla otuz saat boyunca müzik çalar', band: [0.135, 0.24] },
];

/** Units of speech in a sentence as pronounced (see the header), counted from its letters alone. */
function units(spelled: string): number {
  let n = 0;
  // Latin script: vowel groups ("ou", "ie" count once).
  n += (spelled.match(/[aeiouyàáâãäåæèéêëìíîïıòóôõöøœùúûüÿ]+/giu) ?? []).length;
  // Kana: one mora each, except the small kana that join the one before (ゃゅょぁぃぅぇぉ).
  n += (spelled.match(/[\p{Script=Hiragana}\p{Script=Katakana}ー]/gu) ?? []).length - (spelled.match(/[ゃゅょぁぃぅぇぉャュョァィゥェォ]/gu) ?? []).length;
  n += (spelled.match(/\p{Script=Han}/gu) ?? []).length;
  n += (spelled.match(/\p{Script=Hangul}/gu) ?? []).length;
  // Devanagari aksharas: consonants and independent vowels, less consonants joined by a virama.
  n += (spelled.match(/[\u0904-\u0914\u0915-\u0939\u0958-\u095F]/gu) ?? []).length - (spelled.match(/\u094D/gu) ?? []).length;
  n += (spelled.match(/[\u0621-\u064A]/gu) ?? []).length;
  return n;
}

test('every script language: a product sentence is spoken in full, its length in proportion to its text', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/headless.html');
  await page.waitForFunction(() => window.talkreel?.ready === true);
  const measure = (text: string, voiceId: string) =>
    page.evaluate(async ([t, v]) => {
      const s = await window.talkreel.voice.speakPcm(t!, v!);
      // 20 ms frames; voiced = RMS above 0.02 (-34 dBFS): espeak's pauses are digital silence.
      const n = Math.round(s.sampleRate * 0.02);
      const loud: boolean[] = [];
      for (let i = 0; i + n <= s.pcm.length; i += n) {
        let e = 0;
        for (let j = i; j < i + n; j++) e += s.pcm[j]! * s.pcm[j]!;
        loud.push(Math.sqrt(e / n) > 0.02);
      }
      const first = loud.indexOf(true);
      const last = loud.lastIndexOf(true);
      let gap = 0;
      let run = 0;
      for (let i = first; i <= last; i++) {
        run = loud[i] ? 0 : run + 1;
        gap = Math.max(gap, run);
      }
      return { voiced: loud.filter(Boolean).length * 0.02, longestGap: gap * 0.02, duration: s.pcm.length / s.sampleRate, words: s.words.length };
    }, [text, voiceId] as const);

  const failures: string[] = [];
  for (const c of CASES) {
    const voice = defaultVoiceFor(c.lang);
    const t0 = Date.now();
    const m = await measure(c.text, voice.id);
    // Japanese is the first line that needs the dictionary: its download and load are in this time.
    if (c.lang === 'ja') console.log(`ja: first line (dictionary download + load + speech) ${Date.now() - t0} ms`);
    const u = units(c.spelled);
    const perUnit = m.voiced / u;
    const line = `${c.lang} ${voice.id}: ${m.voiced.toFixed(2)} s voiced of ${m.duration.toFixed(2)} s, ${u} units → ${(perUnit * 1000).toFixed(0)} ms/unit (band ${c.band[0] * 1000}–${c.band[1] * 1000}), longest pause ${m.longestGap.toFixed(2)} s, ${m.words} words`;
    console.log(line);
    if (perUnit < c.band[0] || perUnit > c.band[1]) failures.push(`${line}: out of band`);
    if (m.longestGap > 0.8) failures.push(`${line}: a silence inside the sentence`);
  }

  // Japanese written with kanji takes about as long as the same sentence in kana.
  const ja = CASES.find((c) => c.lang === 'ja')!;
  const t1 = Date.now();
  const kanji = await measure(ja.text, 'ja-jp-f');
  console.log(`ja: the same line again (dictionary loaded) ${Date.now() - t1} ms`);
  const kana = await measure(ja.spelled, 'ja-jp-f');
  const ratio = kanji.voiced / kana.voiced;
  console.log(`ja: kanji ${kanji.voiced.toFixed(2)} s voiced, kana ${kana.voiced.toFixed(2)} s, ratio ${ratio.toFixed(2)}`);
  if (ratio < 0.85 || ratio > 1.15) failures.push(`ja: kanji/kana voiced ratio ${ratio.toFixed(2)}`);
  // Korean written with hanja takes about as long as the same line in hangul.
  const hanja = await measure('韓國 最高의 品質, 無線 이어폰 30% 할인!', 'ko-kr-f');
  const hangul = await measure('한국 최고의 품질, 무선 이어폰 30% 할인!', 'ko-kr-f');
  const koRatio = hanja.voiced / hangul.voiced;
  console.log(`ko: hanja ${hanja.voiced.toFixed(2)} s voiced, hangul ${hangul.voiced.toFixed(2)} s, ratio ${koRatio.toFixed(2)}`);
  if (koRatio < 0.85 || koRatio > 1.15) failures.push(`ko: hanja/hangul voiced ratio ${koRatio.toFixed(2)}`);
  expect(failures).toEqual([]);
});
