import { describe, it, expect } from 'vitest';
import { cleanText, countWords, lowerFirst, removeEmoji, scriptText, splitSentences, stripMarkup, trimSentence, unshout } from './text.ts';
import { estimateSeconds, spokenWords } from './estimate.ts';
import { extractPoints } from './points.ts';
import { en } from './lang/en.ts';

describe('splitSentences', () => {
  it('splits on sentence ends but not on abbreviations, decimals, initials or units', () => {
    expect(splitSentences('Holds 1.2 L. Great for tea. Made by Dr. Brew, e.g. for mornings. J. R. Smith approves!')).toEqual([
      'Holds 1.2 L.',
      'Great for tea.',
      'Made by Dr. Brew, e.g. for mornings.',
      'J. R. Smith approves!',
    ]);
    expect(splitSentences('Runs approx. two hours. Then sleeps.')).toEqual(['Runs approx. two hours.', 'Then sleeps.']);
    expect(splitSentences('Version 2.5 is here… Try it?')).toEqual(['Version 2.5 is here…', 'Try it?']);
  });

  it('treats bullets, numbered items, separators and newlines as boundaries and drops headings', () => {
    const text = 'Why you will love it:\n• Gooseneck spout\n- Dishwasher safe\n* BPA-free\n1. Cork handle\n2) Matte glaze\nLight • Strong | Quiet';
    expect(splitSentences(text)).toEqual(['Gooseneck spout', 'Dishwasher safe', 'BPA-free', 'Cork handle', 'Matte glaze', 'Light', 'Strong', 'Quiet']);
  });
});

describe('splitSentences in other scripts', () => {
  it('splits Chinese and Japanese at full-width ends, Hindi at the danda, Arabic at ؟', () => {
    expect(splitSentences('保冷24小时。保温12小时！好用吗？')).toEqual(['保冷24小时。', '保温12小时！', '好用吗？']);
    expect(splitSentences('つめたい のみもの。あたたかい のみもの。')).toEqual(['つめたい のみもの。', 'あたたかい のみもの。']);
    expect(splitSentences('यह बोतल है। यह ठंडा रखती है।')).toEqual(['यह बोतल है।', 'यह ठंडा रखती है।']);
    expect(splitSentences('هل تبحث عن زجاجة؟ إليك الحل.')).toEqual(['هل تبحث عن زجاجة؟', 'إليك الحل.']);
  });

  it('counts Chinese and Japanese words by characters', () => {
    expect(countWords('保冷24小时')).toBe(3);
    expect(countWords('Aurora 保温杯')).toBe(3);
  });
});

describe('cleaning', () => {
  it('strips HTML and Markdown, decodes entities, drops links', () => {
    const html = '<p>Fast &amp; <b>quiet</b>&nbsp;motor.</p><ul><li>One</li><li>Two</li></ul><script>alert(1)</script>';
    expect(cleanText(html)).toBe('Fast & quiet motor.\n\nOne\n\nTwo');
    expect(stripMarkup('**Bold** and _soft_ [link](https://x.y) ![img](a.png) `code` see https://shop.example/p?id=1'))
      .toMatch(/^Bold and soft link\s+code see\s*$/);
  });

  it('removes emoji; bullet-like emoji separate items', () => {
    expect(cleanText('Hot coffee ☕️✨ all day 😍')).toBe('Hot coffee\nall day');
    expect(removeEmoji('Cozy 😍 nights')).toBe('Cozy   nights');
    expect(splitSentences(cleanText('✅ Dishwasher safe ✅ BPA-free 🔥🔥🔥 Cork handle'))).toEqual(['Dishwasher safe', 'BPA-free', 'Cork handle']);
    expect(cleanText('👍🏽 Great 🇺🇸 kettle')).toBe('Great kettle');
  });

  it('un-shouts all-caps copy but keeps acronyms', () => {
    expect(unshout('AMAZING SOUND WITH USB-C CHARGING')).toBe('Amazing sound with USB-C charging');
    expect(unshout('Normal text with USB')).toBe('Normal text with USB');
  });

  it('lower-cases the first word unless it is a name or acronym', () => {
    expect(lowerFirst('Dishwasher safe')).toBe('dishwasher safe');
    expect(lowerFirst('USB-C powered')).toBe('USB-C powered');
    expect(lowerFirst('iPhone ready')).toBe('iPhone ready');
    expect(lowerFirst('Aurora keeps heat', new Set(['aurora']))).toBe('Aurora keeps heat');
  });

  it('trims long sentences at a clause boundary, or refuses', () => {
    const long = 'The double-walled body keeps your water hot for longer, which means fewer trips back to the stove every morning';
    expect(trimSentence(long, 12)).toBe('The double-walled body keeps your water hot for longer');
    expect(trimSentence('one two three four five six seven eight nine ten eleven twelve thirteen', 8)).toBeNull();
    expect(trimSentence('Short one.', 8)).toBe('Short one');
  });
});

describe('selling points', () => {
  it('ranks features first, drops shop boilerplate, makes units speakable', () => {
    const pts = extractPoints(
      {
        name: 'Aurora Kettle',
        description: 'Free shipping on orders over $50! Add to cart now. The kettle holds 1.2L and keeps water hot for 30 min. Rated 4.8 out of 5 by customers.',
        features: ['Gooseneck spout for precise pouring', 'Dishwasher safe'],
      },
      en,
    );
    const texts = pts.map((p) => p.text);
    expect(texts.some((t) => /shipping|cart|rated|out of 5/i.test(t))).toBe(false);
    expect(texts).toContain('The kettle holds 1.2 liters and keeps water hot for 30 minutes');
    expect(pts[0]!.source).toBe('feature');
    expect(pts.find((p) => p.text === 'Dishwasher safe')?.kind).toBe('adj');
    expect(pts.find((p) => p.text.startsWith('Gooseneck'))?.kind).toBe('noun');
  });

  it('reads "Key: value" specs and box contents', () => {
    const pts = extractPoints({ name: 'X', description: '', features: ['Capacity: 1.2 L', 'Package includes: kettle, lid, filter'] }, en);
    expect(pts.find((p) => p.kind === 'spec')).toMatchObject({ key: 'capacity', value: '1.2 liters' });
    expect(pts.find((p) => p.kind === 'box')?.value).toBe('kettle, lid, and filter');
  });
});

describe('estimateSeconds', () => {
  it('scales with words and adds pauses per sentence', () => {
    const one = estimateSeconds('This kettle keeps water hot for thirty minutes.', 'en');
    const two = estimateSeconds('This kettle keeps water hot. For thirty minutes.', 'en');
    expect(one).toBeGreaterThan(2);
    expect(one).toBeLessThan(4);
    expect(two).toBeGreaterThan(one);
    expect(estimateSeconds('', 'en')).toBe(0);
    expect(estimateSeconds('a b c d e f g h i j', 'en', { wordsPerSecond: 1, sentencePause: 0, clausePause: 0 })).toBe(10);
  });

  it('counts numbers, prices and acronyms by how long they take to say', () => {
    expect(spokenWords('$129.99')).toBeGreaterThan(4);
    expect(spokenWords('2024')).toBeGreaterThan(2);
    expect(spokenWords('USB')).toBeGreaterThan(1);
    expect(spokenWords('pour-over')).toBe(2);
    expect(spokenWords('—')).toBe(0);
  });

  it('joins segments for the voice', () => {
    expect(scriptText({ segments: [{ text: ' Hi. ', scene: { kind: 'presenter' } }, { text: 'Bye.', scene: { kind: 'cta' } }] })).toBe('Hi. Bye.');
  });
});
