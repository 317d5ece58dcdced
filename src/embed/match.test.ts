import { describe, expect, it } from 'vitest';
import { avatarList, matchAvatar } from './match.ts';
import { LOOKS } from './test-fixtures.test-data.ts';

const ctx = (prompts: string, productName = 'Aurora Bottle', productText = '') => ({ prompts, productName, productText });

describe('best-matching avatar', () => {
  it('follows what the prompt asks for', () => {
    expect(matchAvatar(LOOKS, ctx('a man with a beard in a knit sweater')).id).toBe('marcus');
    expect(matchAvatar(LOOKS, ctx('woman with glasses, professional')).id).toBe('mei');
    expect(matchAvatar(LOOKS, ctx('casual guy in a hoodie with stubble')).id).toBe('diego');
    expect(matchAvatar(LOOKS, ctx('energetic woman, ponytail, teal')).id).toBe('sofia');
  });

  it('leans on the product when the prompt says nothing, and varies per product', () => {
    expect(matchAvatar(LOOKS, ctx('', 'Glow Serum', 'A vitamin C skincare serum for radiant skin.')).gender).toBe('female');
    const picks = new Set(['Kettle', 'Lamp', 'Chair', 'Desk', 'Backpack', 'Speaker', 'Blender', 'Watch'].map((n) => matchAvatar(LOOKS, ctx('', n)).id));
    expect(picks.size).toBeGreaterThan(1);
    // Deterministic.
    expect(matchAvatar(LOOKS, ctx('', 'Lamp')).id).toBe(matchAvatar(LOOKS, ctx('', 'Lamp')).id);
  });

  it('lists avatars for the host, filtered', () => {
    expect(avatarList(LOOKS)).toHaveLength(LOOKS.length);
    expect(avatarList(LOOKS, { gender: 'male' }).map((a) => a.id)).toEqual(['marcus', 'diego']);
    expect(avatarList(LOOKS, { query: 'hoodie' }).map((a) => a.id)).toEqual(['diego', 'sofia']);
    expect(avatarList(LOOKS)[0]).toEqual({ id: 'ava', name: 'Ava', gender: 'female', description: 'Warm and upbeat, long wavy hair, navy blazer', kind: 'builtin-2d', outfit: 'blazer', hair: 'long' });
  });
});
