import type { CreativeDef } from './types.ts';
import { frame, offFrame, rect, type Frames } from './frames.ts';

/**
 * Product-only showcase: the product card takes the presenter's room. The presenter box is
 * parked off-frame (it is not drawn), so the end card's text may use the full width.
 */
const FRAMES: Frames = {
  '9:16': {
    presenter: frame({ card: rect(90, 200, 900, 1200), presenter: offFrame('9:16'), captionX: 540, captionY: 1600, captionMaxW: 940, endCard: 0 }),
    product: frame({ card: rect(60, 190, 960, 1280), presenter: offFrame('9:16'), captionX: 540, captionY: 1650, captionMaxW: 940, endCard: 0 }),
    cta: frame({ card: rect(140, 210, 800, 800), presenter: offFrame('9:16'), captionX: 540, captionY: 1720, captionMaxW: 940, endCard: 1 }),
  },
  '16:9': {
    presenter: frame({ card: rect(360, 80, 1200, 780), presenter: offFrame('16:9'), captionX: 960, captionY: 960, captionMaxW: 1500, endCard: 0 }),
    product: frame({ card: rect(200, 70, 1520, 820), presenter: offFrame('16:9'), captionX: 960, captionY: 975, captionMaxW: 1500, endCard: 0 }),
    cta: frame({ card: rect(140, 110, 700, 700), presenter: offFrame('16:9'), captionX: 960, captionY: 975, captionMaxW: 1500, endCard: 1 }),
  },
  '1:1': {
    presenter: frame({ card: rect(120, 70, 840, 780), presenter: offFrame('1:1'), captionX: 540, captionY: 950, captionMaxW: 960, endCard: 0 }),
    product: frame({ card: rect(60, 70, 960, 800), presenter: offFrame('1:1'), captionX: 540, captionY: 965, captionMaxW: 960, endCard: 0 }),
    cta: frame({ card: rect(290, 70, 500, 500), presenter: offFrame('1:1'), captionX: 540, captionY: 1010, captionMaxW: 960, endCard: 1 }),
  },
};

export const SHOWCASE: CreativeDef = {
  id: 'showcase',
  name: 'Product showcase',
  description: 'No presenter: large product shots with a slow push-in, the voiceover and captions.',
  presenter: false,
  anyshot: true,
  frames: FRAMES,
  transition: { kind: 'crossfade', seconds: 0.45, easing: 'easeInOut' },
  kenBurns: { from: { zoom: 1.02, x: -0.4, y: -0.2 }, to: { zoom: 1.1, x: 0.4, y: 0.1 }, alternate: true },
  captions: 'pill',
  backdrop: 'blur',
};
