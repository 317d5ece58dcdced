import type { CreativeDef } from './types.ts';
import { frame, presenterAt, rect, type Frames } from './frames.ts';

// Captions always sit in a band across the presenter's chest, never over a face or product.
const FRAMES: Frames = {
  '9:16': {
    presenter: frame({ card: rect(330, 170, 420, 420), presenter: presenterAt(540, 2010, 1100), captionX: 540, captionY: 1660, captionMaxW: 940, endCard: 0 }),
    product: frame({ card: rect(60, 170, 960, 940), presenter: presenterAt(720, 2010, 760), captionX: 540, captionY: 1700, captionMaxW: 940, endCard: 0 }),
    cta: frame({ card: rect(150, 170, 780, 780), presenter: presenterAt(800, 2010, 620), captionX: 540, captionY: 1760, captionMaxW: 940, endCard: 1 }),
  },
  '16:9': {
    presenter: frame({ card: rect(110, 170, 560, 560), presenter: presenterAt(1180, 1230, 860), captionX: 960, captionY: 960, captionMaxW: 1500, endCard: 0 }),
    product: frame({ card: rect(80, 80, 1080, 820), presenter: presenterAt(1560, 1180, 660), captionX: 620, captionY: 975, captionMaxW: 1000, endCard: 0 }),
    cta: frame({ card: rect(110, 110, 640, 640), presenter: presenterAt(1660, 1180, 560), captionX: 560, captionY: 975, captionMaxW: 1000, endCard: 1 }),
  },
  '1:1': {
    presenter: frame({ card: rect(60, 80, 330, 330), presenter: presenterAt(620, 1160, 780), captionX: 540, captionY: 950, captionMaxW: 960, endCard: 0 }),
    product: frame({ card: rect(50, 80, 640, 640), presenter: presenterAt(850, 1140, 500), captionX: 540, captionY: 960, captionMaxW: 960, endCard: 0 }),
    cta: frame({ card: rect(60, 80, 500, 500), presenter: presenterAt(880, 1140, 440), captionX: 540, captionY: 1010, captionMaxW: 960, endCard: 1 }),
  },
};

/** The original talkreel look: the presenter beside a floating product card. */
export const CLASSIC: CreativeDef = {
  id: 'classic',
  name: 'Presenter + card',
  description: 'The presenter talks beside a floating product card that grows on product lines.',
  presenter: true,
  anyshot: false,
  frames: FRAMES,
  transition: { kind: 'crossfade', seconds: 0.45, easing: 'easeInOut' },
  kenBurns: { from: { zoom: 1.02, x: -0.4, y: -0.2 }, to: { zoom: 1.1, x: 0.4, y: 0.1 }, alternate: true },
  captions: 'pill',
  backdrop: 'blur',
};
