import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceSprite, prepareAssets } from './assets.ts';

// Node has no canvas: the cache policy is what is tested here, so a canvas only needs a size
// and a context that counts the paints. The drawing itself is covered by the e2e creatives.
class FakeCanvas {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext(): object {
    return {};
  }
}
const original = (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
beforeAll(() => {
  (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas = FakeCanvas;
});
afterAll(() => {
  (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas = original;
});

describe('deviceSprite', () => {
  it('paints a size once and blits it unscaled afterwards', () => {
    const a = prepareAssets([]);
    let paints = 0;
    const paint = () => void paints++;
    const first = deviceSprite(a, 'scrim', 1080, 960, paint);
    const again = deviceSprite(a, 'scrim', 1080, 960, paint);
    expect(first.exact).toBe(true);
    expect(again).toEqual({ canvas: first.canvas, exact: true });
    expect(paints).toBe(1);
    expect([first.canvas.width, first.canvas.height]).toEqual([1080, 960]);
  });

  it('while the size keeps changing, hands out the latest sprite to be scaled instead of painting', () => {
    const a = prepareAssets([]);
    let paints = 0;
    const paint = () => void paints++;
    const base = deviceSprite(a, 'card-shadow', 500, 600, paint).canvas;
    for (let w = 501; w < 520; w++) expect(deviceSprite(a, 'card-shadow', w, 600, paint)).toEqual({ canvas: base, exact: false });
    expect(paints).toBe(1);
    // The layout settles: the size asked twice in a row gets a sprite of its own.
    deviceSprite(a, 'card-shadow', 640, 640, paint);
    const settled = deviceSprite(a, 'card-shadow', 640, 640, paint);
    expect(settled.exact).toBe(true);
    expect(settled.canvas.width).toBe(640);
    expect(paints).toBe(2);
  });

  it('keeps kinds apart and drops the least recently used beyond its limit', () => {
    const a = prepareAssets([]);
    const paint = () => undefined;
    const keep = deviceSprite(a, 'scrim-top', 1080, 300, paint).canvas;
    for (let i = 0; i < 40; i++) {
      deviceSprite(a, `kind-${i}`, 10, 10, paint);
      // Used every frame, so it is never the least recently used.
      expect(deviceSprite(a, 'scrim-top', 1080, 300, paint).canvas).toBe(keep);
    }
    expect(a.sprites.size).toBeLessThanOrEqual(16);
    expect(a.sprites.has('kind-0:10x10')).toBe(false);
  });
});
