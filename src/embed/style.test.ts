import { describe, expect, it } from 'vitest';
import { PALETTES, styleFromPrompts } from './style.ts';

describe('prompt keywords → style', () => {
  it('no prompt: defaults', () => {
    expect(styleFromPrompts(null, undefined)).toEqual({ palette: null, theme: null, pace: 'normal', voiceRate: null, focus: null, scriptStyle: null, voiceGender: null, matched: [] });
  });

  it('palette: the strongest wins, image_prompt counting double', () => {
    expect(styleFromPrompts('luxury black and gold, elegant', null).palette).toBe('luxe');
    expect(styleFromPrompts('blue', 'warm sunset cozy vibes').palette).toBe('sunset');
    expect(styleFromPrompts('ocean blue', 'warm').palette).toBe('ocean');
    expect(styleFromPrompts('eco-friendly organic, natural look', null).palette).toBe('forest');
    expect(styleFromPrompts(null, 'soft pastel pink').theme).toEqual(PALETTES.find((p) => p.name === 'blush')!.theme);
  });

  it('matches whole words only', () => {
    expect(styleFromPrompts('bluetooth speaker, darkroom', null).palette).toBeNull();
    expect(styleFromPrompts(null, 'breakfast').pace).toBe('normal');
  });

  it('pace, focus, structure and voice', () => {
    const s = styleFromPrompts('close-up product shots', 'Fast, energetic demo: how it works. Male voice.');
    expect(s).toMatchObject({ pace: 'fast', voiceRate: 200, focus: 'product', scriptStyle: 'demo', voiceGender: 'male' });
    expect(styleFromPrompts(null, 'calm and relaxed testimonial').pace).toBe('calm');
    expect(styleFromPrompts(null, 'calm and relaxed testimonial').focus).toBe('presenter');
    expect(styleFromPrompts(null, 'big summer sale: limited offer').scriptStyle).toBe('offer-value');
    expect(styleFromPrompts(null, 'top 3 reasons to buy').scriptStyle).toBe('listicle');
    expect(styleFromPrompts(null, 'tired of leaky bottles? the fix').scriptStyle).toBe('problem-solution');
    expect(styleFromPrompts(null, 'a female narrator').voiceGender).toBe('female');
  });
});
