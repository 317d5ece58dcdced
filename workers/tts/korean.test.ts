import { describe, expect, it } from 'vitest';
import type { Speech } from '../../src/voice/types.ts';
import { synthesize } from './espeak-engine.ts';
import { readHanja } from './korean.ts';
import { tokenize } from './text.ts';

/** Seconds of 20 ms frames louder than -34 dBFS, from the PCM alone. */
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

describe('Korean hanja', () => {
  it('reads each word with hanja as hangul, with the initial-sound rule at a word start', async () => {
    const text = '韓國 最高의 品質, 力量과 勞動';
    const said = (await readHanja(text, tokenize(text))).map((t) => t.say ?? text.slice(t.start, t.end));
    expect(said).toEqual(['한국', '최고', '의', '품질', '역량', '과', '노동']);
  });

  it('a line with hanja is spoken in about the time of the same line in hangul, captions keep the hanja', async () => {
    const hanja = '韓國 最高의 品質, 無線 이어폰 30% 할인!';
    const hangul = '한국 최고의 품질, 무선 이어폰 30% 할인!';
    const a = await synthesize({ text: hanja, voice: 'ko+f3' });
    const b = await synthesize({ text: hangul, voice: 'ko+f3' });
    const ratio = voiced(a) / voiced(b);
    console.log(`ko: hanja ${voiced(a).toFixed(2)} s voiced, hangul ${voiced(b).toFixed(2)} s, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
    // Captions show the hanja words (espeak runs "품질, 무선" together in both lines).
    for (const w of ['韓國', '最高', '品質', '無線']) expect(a.words.some((x) => x.text.includes(w)), w).toBe(true);
    expect(a.phonemes.map((p) => p.ph).join('')).not.toContain('tʃˈaɪniːz');
  });
});
