import { describe, expect, it } from 'vitest';
import { VIDEO_FONTS } from '../fonts.ts';
import { layoutAt } from '../layout.ts';
import { DESIGN_SIZE, type Timeline } from '../types.ts';
import { buildCreativeTimeline } from './build.ts';
import { applyCreative, holdPlan, inkFor, withHolds } from './edits.ts';
import { CREATIVE_DEFS, CREATIVES, creativeById, creativeDef, creativeForTimeline, creativesFor } from './index.ts';

const RATIOS = ['9:16', '16:9', '1:1'] as const;
const KINDS = ['presenter', 'product', 'cta'] as const;

const segs = [
  { segment: { text: 'Meet it', scene: { kind: 'presenter' as const } }, start: 0.15, end: 1.2 },
  { segment: { text: 'It is cold', scene: { kind: 'product' as const, image: 0 } }, start: 1.42, end: 2.6 },
  { segment: { text: 'It is light', scene: { kind: 'product' as const, image: 1 } }, start: 2.82, end: 4 },
  { segment: { text: 'Buy now', scene: { kind: 'cta' as const } }, start: 4.22, end: 5 },
];
const words = segs.flatMap((s) => {
  const ws = s.segment.text.split(' ');
  const d = (s.end - s.start) / ws.length;
  return ws.map((text, i) => ({ text, start: s.start + i * d, end: s.start + (i + 1) * d }));
});
const phonemes = words.map((w) => ({ ph: 'a', start: w.start, end: w.end }));
const input = (ratio: (typeof RATIOS)[number]) => ({
  ratio,
  presenterId: 'p001',
  product: { name: 'Aurora Bottle', price: '$34', imageCount: 3 },
  segments: segs,
  speech: { duration: 5.35, words, phonemes },
});

describe('creative catalog', () => {
  it('offers at least four creatives with a presenter and one without, each with a unique id', () => {
    expect(new Set(CREATIVES.map((c) => c.id)).size).toBe(CREATIVES.length);
    expect(CREATIVES.filter((c) => c.supports.presenter).length).toBeGreaterThanOrEqual(4);
    expect(creativesFor(true).length).toBe(CREATIVES.length);
    expect(creativesFor(false).map((c) => c.id)).toEqual(['showcase']);
    expect(creativeById('split')?.name).toBe('Split screen');
    expect(creativeById('nope')).toBeUndefined();
    // Old projects name no creative (or one since removed): they get the original look.
    expect(creativeDef(undefined).id).toBe('classic');
    expect(creativeDef('removed').id).toBe('classic');
  });

  it('keeps every layer of every keyframe where it belongs, per ratio', () => {
    for (const def of CREATIVE_DEFS) {
      for (const ratio of RATIOS) {
        const d = DESIGN_SIZE[ratio];
        for (const kind of KINDS) {
          const f = def.frames[ratio][kind];
          const where = `${def.id} ${ratio} ${kind}`;
          // Captions: centred inside the frame, clear of its top edge, above the bottom.
          expect(f.captionX - f.captionMaxW / 2, where).toBeGreaterThanOrEqual(0);
          expect(f.captionX + f.captionMaxW / 2, where).toBeLessThanOrEqual(d.w);
          expect(f.captionY, where).toBeGreaterThan(d.h * 0.25);
          expect(f.captionY, where).toBeLessThan(d.h - 60);
          // 9:16 social apps cover the bottom ~16 % with their own buttons: new creatives stay above it.
          if (ratio === '9:16' && def.id !== 'classic' && def.id !== 'showcase' && kind !== 'cta') expect(f.captionY, where).toBeLessThan(d.h * 0.8);
          expect(f.card.x, where).toBeGreaterThanOrEqual(0);
          expect(f.card.x + f.card.w, where).toBeLessThanOrEqual(d.w);
          expect(f.card.y + f.card.h, where).toBeLessThanOrEqual(d.h);
          if (f.bubble) {
            expect(f.bubble.w, where).toBe(f.bubble.h);
            expect(f.bubble.x, where).toBeGreaterThanOrEqual(0);
            expect(f.bubble.x + f.bubble.w, where).toBeLessThanOrEqual(d.w);
            expect(f.bubble.y + f.bubble.h, where).toBeLessThanOrEqual(d.h);
          }
          if (f.endText) expect(f.endText.x + f.endText.maxW, where).toBeLessThanOrEqual(d.w);
          expect(f.endCard, where).toBe(kind === 'cta' ? 1 : 0);
        }
      }
    }
  });

  it('gives each creative a different layout of the same scene', () => {
    for (const ratio of RATIOS) {
      const sig = CREATIVE_DEFS.map((d) => JSON.stringify([d.frames[ratio].product.card, d.frames[ratio].product.bubble, d.frames[ratio].product.panel, d.frames[ratio].product.presenter]));
      expect(new Set(sig).size).toBe(CREATIVE_DEFS.length);
    }
  });
});

describe('buildCreativeTimeline', () => {
  it('names the creative, takes its theme and caption look, and keeps the voice timing', () => {
    const tl = buildCreativeTimeline(input('9:16'), { id: 'split' });
    expect(tl.creative).toBe('split');
    expect(tl.captionStyle).toBe('karaoke');
    expect(tl.theme.accent).toBe(creativeDef('split').theme!.accent);
    expect(tl.scenes.map((s) => s.kind)).toEqual(['presenter', 'product', 'product', 'cta']);
    expect(tl.captions.flatMap((c) => c.words.map((w) => w.text)).join(' ')).toBe('Meet it It is cold It is light Buy now');
  });

  it('lays the presenter out where the creative puts it: a bubble in the corner for product lines', () => {
    const tl = buildCreativeTimeline(input('9:16'), { id: 'bubble' });
    const onProduct = layoutAt(tl, 2);
    expect(onProduct.bubble).not.toBeNull();
    expect(onProduct.bubble!.x).toBeGreaterThan(540);
    expect(onProduct.bubble!.y).toBeLessThan(600);
    expect(onProduct.card).toEqual({ x: 0, y: 0, w: 1080, h: 1920 });
    // Mid-move between the presenter scene's big bubble and the corner one.
    const mid = layoutAt(tl, 1.42 + 0.25);
    expect(mid.bubble!.w).toBeLessThan(creativeDef('bubble').frames['9:16'].presenter.bubble!.w);
    expect(mid.bubble!.w).toBeGreaterThan(onProduct.bubble!.w);
  });

  it('carries the chosen typeface; the default and unknown ones leave the timeline without one', () => {
    expect(buildCreativeTimeline(input('9:16'), { id: 'classic', edits: { font: 'playfair' } }).font).toBe('playfair');
    expect(buildCreativeTimeline(input('9:16'), { id: 'classic', edits: { font: 'inter' } }).font).toBeUndefined();
    expect(buildCreativeTimeline(input('9:16'), { id: 'classic', edits: { font: 'comic-sans' as never } }).font).toBeUndefined();
    expect(VIDEO_FONTS.map((f) => f.id)).toEqual(['inter', 'poppins', 'playfair', 'oswald']);
  });

  it('applies scene edits: image swap, crop, caption style, accent', () => {
    const tl = buildCreativeTimeline(input('1:1'), { id: 'cutin', edits: { scenes: [null, { image: 2, zoom: 1.5, panX: -3 }], captions: 'off', accent: '#112233' } });
    expect(tl.scenes[1]!.image).toBe(2);
    expect(tl.scenes[1]!.zoom).toBe(1.5);
    expect(tl.scenes[1]!.panX).toBe(-1);
    expect(tl.scenes[2]!.image).toBe(1);
    expect(tl.captionStyle).toBe('off');
    expect(tl.theme.accent).toBe('#112233');
    expect(tl.theme.accentInk).toBe('#FFFFFF');
    expect(inkFor('#FFD23F')).toBe('#1B1B1F');
    // Out of range: wrapped and clamped, never an error.
    const wild = buildCreativeTimeline(input('1:1'), { id: 'cutin', edits: { scenes: [{ image: 5, zoom: 9, panY: 7 }] } });
    expect(wild.scenes[0]!.image).toBe(2);
    expect(wild.scenes[0]!.zoom).toBe(3);
    expect(wild.scenes[0]!.panY).toBe(1);
  });

  it('holds a scene: later scenes, words and the end move later by the hold', () => {
    const plain = buildCreativeTimeline(input('9:16'), { id: 'classic' });
    const held = buildCreativeTimeline(input('9:16'), { id: 'classic', edits: { scenes: [null, { hold: 1.5 }] } });
    expect(held.duration).toBeCloseTo(plain.duration + 1.5, 6);
    expect(held.scenes[1]!.start).toBeCloseTo(plain.scenes[1]!.start, 6);
    expect(held.scenes[2]!.start).toBeCloseTo(plain.scenes[2]!.start + 1.5, 6);
    // "cold" ends the held line and stays put; "It" of the next line moves.
    const w = (tl: Timeline, text: string, n = 0) => tl.captions.flatMap((c) => c.words).filter((x) => x.text === text)[n]!;
    expect(w(held, 'cold').start).toBeCloseTo(w(plain, 'cold').start, 6);
    expect(w(held, 'It', 1).start).toBeCloseTo(w(plain, 'It', 1).start + 1.5, 6);
    expect(held.visemes.length).toBeGreaterThan(0);
  });

  it('falls back to the showcase for product-only videos with a presenter creative', () => {
    const tl = { ...buildCreativeTimeline(input('16:9'), { id: 'split' }), presenter: false };
    expect(creativeForTimeline(tl).id).toBe('showcase');
    expect(layoutAt(tl, 2).panel).toBeNull();
  });
});

describe('presenter size and position', () => {
  it('scales the presenter from its feet and shifts it; bubbles scale about their centre', () => {
    const plain = buildCreativeTimeline(input('9:16'), { id: 'classic' });
    const big = buildCreativeTimeline(input('9:16'), { id: 'classic', edits: { presenterScale: 1.2, presenterX: -1 } });
    const a = layoutAt(plain, 2).presenter;
    const b = layoutAt(big, 2).presenter;
    expect(b.w).toBeCloseTo(a.w * 1.2, 6);
    expect(b.y + b.h).toBeCloseTo(a.y + a.h, 6);
    expect(b.x + b.w / 2).toBeCloseTo(a.x + a.w / 2 - 270, 6);
    const bub = buildCreativeTimeline(input('9:16'), { id: 'bubble', edits: { presenterScale: 0.5 } });
    const o = layoutAt(buildCreativeTimeline(input('9:16'), { id: 'bubble' }), 2).bubble!;
    const s = layoutAt(bub, 2).bubble!;
    expect(s.w).toBeCloseTo(o.w * 0.7, 6); // clamped to 0.7
    expect(s.x + s.w / 2).toBeCloseTo(o.x + o.w / 2, 6);
    // Back to the default: no adjustment left on the timeline.
    expect(applyCreative(big, 'classic', {}).presenterAdjust).toBeUndefined();
  });
});

describe('withHolds (audio)', () => {
  it('inserts silence after the held line and moves what follows', () => {
    const rate = 100;
    const pcm = new Float32Array(535).fill(0.5);
    const v = { speech: { pcm, sampleRate: rate, duration: 5.35, words, phonemes }, segments: segs };
    expect(withHolds(v, undefined)).toBe(v);
    const out = withHolds(v, { scenes: [{ hold: 1 }] });
    expect(out.speech.pcm.length).toBe(635);
    expect(out.speech.duration).toBeCloseTo(6.35, 6);
    // Samples 120..219 are the inserted silence; the voice before and after is intact.
    expect(out.speech.pcm[119]).toBe(0.5);
    expect(out.speech.pcm[120]).toBe(0);
    expect(out.speech.pcm[219]).toBe(0);
    expect(out.speech.pcm[220]).toBe(0.5);
    expect(out.segments[1]!.start).toBeCloseTo(2.42, 6);
    expect(out.segments[0]!.end).toBeCloseTo(1.2, 6);
    expect(holdPlan(segs, { scenes: [{ hold: 9 }] }).total).toBe(3);
  });
});

describe('applyCreative', () => {
  it('keeps a custom theme when asked', () => {
    const base = buildCreativeTimeline(input('9:16'), { id: 'classic' });
    const custom = { ...base, theme: { ...base.theme, accent: '#ABCDEF' } };
    expect(applyCreative(custom, 'bubble', undefined, { customTheme: true }).theme.accent).toBe('#ABCDEF');
    expect(applyCreative(custom, 'bubble').theme.accent).toBe(creativeDef('bubble').theme!.accent);
  });
});
