import { describe, expect, it } from 'vitest';
import { visualWordOrder } from './caption-bidi.ts';

const order = (words: string[], base: 'ltr' | 'rtl') => visualWordOrder(words, base).map((w) => words[w.index]);

describe('caption word order (Unicode bidi)', () => {
  it('keeps an English brand name and a number left to right inside an Arabic line', () => {
    // "Buy Nike Air for 120 dollars": spoken right to left, the brand and the price read as written.
    const words = ['اشترِ', 'Nike', 'Air', 'بـ', '120', 'دولارًا'];
    expect(order(words, 'rtl')).toEqual(['دولارًا', '120', 'بـ', 'Nike', 'Air', 'اشترِ']);
    const dirs = Object.fromEntries(visualWordOrder(words, 'rtl').map((w) => [words[w.index], w.dir]));
    expect(dirs).toMatchObject({ Nike: 'ltr', Air: 'ltr', '120': 'ltr', 'اشترِ': 'rtl' });
  });

  it('keeps a multi-word Hebrew phrase right to left inside an English line', () => {
    const words = ['Say', 'שלום', 'עולם', 'to', 'Aurora'];
    expect(order(words, 'ltr')).toEqual(['Say', 'עולם', 'שלום', 'to', 'Aurora']);
  });

  it('leaves single-direction lines in spoken order (reversed for right to left)', () => {
    expect(order(['Cold', 'for', '24', 'hours.'], 'ltr')).toEqual(['Cold', 'for', '24', 'hours.']);
    expect(order(['بارد', 'طوال', 'اليوم.'], 'rtl')).toEqual(['اليوم.', 'طوال', 'بارد']);
    expect(visualWordOrder([], 'rtl')).toEqual([]);
  });
});
