import { describe, expect, it } from 'vitest';
import { layoutAt, layoutFor } from './layout.ts';
import { DESIGN_SIZE, type Timeline } from './types.ts';

const RATIOS = ['9:16', '16:9', '1:1'] as const;
const KINDS = ['presenter', 'product', 'cta'] as const;

describe('product-only showcase layouts (Timeline.presenter === false)', () => {
  it('keep the card and captions in frame, give the card more room, and park the presenter off-frame', () => {
    for (const ratio of RATIOS) {
      const d = DESIGN_SIZE[ratio];
      for (const kind of KINDS) {
        const l = layoutFor(ratio, kind, false);
        expect(l.card.x).toBeGreaterThanOrEqual(0);
        expect(l.card.y).toBeGreaterThanOrEqual(0);
        expect(l.card.x + l.card.w).toBeLessThanOrEqual(d.w);
        expect(l.card.y + l.card.h).toBeLessThan(l.captionY);
        expect(l.captionY).toBeLessThan(d.h);
        expect(l.presenter.x).toBeGreaterThanOrEqual(d.w);
        if (kind !== 'cta') expect(l.card.w * l.card.h).toBeGreaterThan(layoutFor(ratio, kind).card.w * layoutFor(ratio, kind).card.h);
        expect(l.endCard).toBe(kind === 'cta' ? 1 : 0);
      }
    }
  });

  it('layoutAt follows the timeline flag; the default keeps the presenter', () => {
    const tl = {
      ratio: '9:16',
      scenes: [
        { start: 0, end: 2, kind: 'presenter', image: 0, text: '' },
        { start: 2, end: 4, kind: 'product', image: 1, text: '' },
      ],
    } as unknown as Timeline;
    expect(layoutAt(tl, 3)).toEqual(layoutFor('9:16', 'product'));
    expect(layoutAt({ ...tl, presenter: false }, 3)).toEqual(layoutFor('9:16', 'product', false));
    // Mid-transition between two showcase layouts.
    const mid = layoutAt({ ...tl, presenter: false }, 2.2);
    expect(mid.card.w).toBeGreaterThan(layoutFor('9:16', 'presenter', false).card.w);
    expect(mid.card.w).toBeLessThan(layoutFor('9:16', 'product', false).card.w);
  });
});
