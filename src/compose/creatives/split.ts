import type { CreativeDef } from './types.ts';
import { frame, presenterAt, rect, type Frames } from './frames.ts';

/** Split screen: the product photo on one side, the presenter on a colour panel on the other. */
const FRAMES: Frames = {
  '9:16': {
    presenter: frame({ card: rect(0, 0, 1080, 760), cardRadius: 0, panel: rect(0, 760, 1080, 1160), presenter: presenterAt(540, 2010, 1020), captionX: 540, captionY: 760, captionMaxW: 960, endCard: 0 }),
    product: frame({ card: rect(0, 0, 1080, 1100), cardRadius: 0, panel: rect(0, 1100, 1080, 820), presenter: presenterAt(540, 2010, 760), captionX: 540, captionY: 1100, captionMaxW: 960, endCard: 0 }),
    cta: frame({
      card: rect(0, 0, 1080, 1000), cardRadius: 0, panel: rect(0, 1000, 1080, 920), presenter: presenterAt(820, 2010, 600),
      captionX: 540, captionY: 1000, captionMaxW: 960, endCard: 1, endText: { x: 60, y: 1100, maxW: 560 },
    }),
  },
  '16:9': {
    presenter: frame({ card: rect(0, 0, 800, 1080), cardRadius: 0, panel: rect(800, 0, 1120, 1080), presenter: presenterAt(1360, 1230, 860), captionX: 960, captionY: 960, captionMaxW: 1600, endCard: 0 }),
    product: frame({ card: rect(0, 0, 1100, 1080), cardRadius: 0, panel: rect(1100, 0, 820, 1080), presenter: presenterAt(1510, 1200, 740), captionX: 960, captionY: 960, captionMaxW: 1600, endCard: 0 }),
    cta: frame({
      card: rect(0, 0, 960, 1080), cardRadius: 0, panel: rect(960, 0, 960, 1080), presenter: presenterAt(1700, 1180, 520), scrim: 1,
      captionX: 480, captionY: 960, captionMaxW: 860, endCard: 1, endText: { x: 1020, y: 150, maxW: 820 },
    }),
  },
  '1:1': {
    presenter: frame({ card: rect(0, 0, 440, 1080), cardRadius: 0, panel: rect(440, 0, 640, 1080), presenter: presenterAt(760, 1180, 700), captionX: 540, captionY: 930, captionMaxW: 960, endCard: 0 }),
    product: frame({ card: rect(0, 0, 600, 1080), cardRadius: 0, panel: rect(600, 0, 480, 1080), presenter: presenterAt(840, 1180, 560), captionX: 540, captionY: 930, captionMaxW: 960, endCard: 0 }),
    cta: frame({
      card: rect(0, 0, 1080, 560), cardRadius: 0, panel: rect(0, 560, 1080, 520), presenter: presenterAt(870, 1180, 420),
      captionX: 540, captionY: 560, captionMaxW: 960, endCard: 1, endText: { x: 60, y: 630, maxW: 560 },
    }),
  },
};

export const SPLIT: CreativeDef = {
  id: 'split',
  name: 'Split screen',
  description: 'Product and presenter side by side (stacked on tall videos); the split shifts toward whoever has the line.',
  presenter: true,
  anyshot: false,
  frames: FRAMES,
  transition: { kind: 'slide', seconds: 0.5, easing: 'easeInOut' },
  kenBurns: { from: { zoom: 1.0, x: 0, y: 0 }, to: { zoom: 1.08, x: 0, y: 0.1 }, alternate: false },
  captions: 'karaoke',
  backdrop: 'theme',
  theme: { accent: '#FF6B5B', accentInk: '#FFFFFF', bgTop: '#F7E9DE', bgBottom: '#EBCFBF' },
};
