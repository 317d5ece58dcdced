import { describe, expect, it } from 'vitest';
import { displaySegments } from './runner.ts';

describe('job runner', () => {
  it('display style: presenter-only scenes show the next product image; others are kept', () => {
    const out = displaySegments(
      [
        { text: 'Hook.', scene: { kind: 'presenter' } },
        { text: 'Look.', scene: { kind: 'product', image: 0 } },
        { text: 'Also.', scene: { kind: 'presenter' } },
        { text: 'And.', scene: { kind: 'presenter' } },
        { text: 'Buy.', scene: { kind: 'cta' } },
      ],
      2,
    );
    expect(out.map((s) => s.scene)).toEqual([
      { kind: 'product', image: 0 },
      { kind: 'product', image: 0 },
      { kind: 'product', image: 1 },
      { kind: 'product', image: 0 },
      { kind: 'cta' },
    ]);
    expect(out.map((s) => s.text)).toEqual(['Hook.', 'Look.', 'Also.', 'And.', 'Buy.']);
  });
});
