import type { CreativeDef } from './types.ts';
import { CLASSIC } from './classic.ts';
import { frame, presenterAt, rect, type Frames } from './frames.ts';

const c = CLASSIC.frames;

/**
 * Presenter full frame; product lines cut to the product photo filling the frame (the
 * presenter steps out of shot), with a zoom transition. The end card is the classic one.
 */
const FRAMES: Frames = {
  '9:16': {
    presenter: frame({ card: rect(0, 0, 1080, 1920), cardRadius: 0, cardAlpha: 0, presenter: presenterAt(540, 2060, 1200), captionX: 540, captionY: 1430, captionMaxW: 940, endCard: 0 }),
    product: frame({ card: rect(0, 0, 1080, 1920), cardRadius: 0, presenter: presenterAt(1450, 2700, 1000), scrim: 1, captionX: 540, captionY: 1430, captionMaxW: 940, endCard: 0 }),
    cta: { ...c['9:16'].cta, captionY: 1700 },
  },
  '16:9': {
    presenter: frame({ card: rect(0, 0, 1920, 1080), cardRadius: 0, fit: 'contain', cardAlpha: 0, presenter: presenterAt(960, 1290, 900), captionX: 960, captionY: 930, captionMaxW: 1500, endCard: 0 }),
    product: frame({ card: rect(0, 0, 1920, 1080), cardRadius: 0, fit: 'contain', presenter: presenterAt(2400, 1800, 800), scrim: 1, captionX: 960, captionY: 940, captionMaxW: 1500, endCard: 0 }),
    cta: c['16:9'].cta,
  },
  '1:1': {
    presenter: frame({ card: rect(0, 0, 1080, 1080), cardRadius: 0, cardAlpha: 0, presenter: presenterAt(540, 1210, 860), captionX: 540, captionY: 900, captionMaxW: 960, endCard: 0 }),
    product: frame({ card: rect(0, 0, 1080, 1080), cardRadius: 0, presenter: presenterAt(1500, 1900, 700), scrim: 1, captionX: 540, captionY: 920, captionMaxW: 960, endCard: 0 }),
    cta: c['1:1'].cta,
  },
};

export const CUTIN: CreativeDef = {
  id: 'cutin',
  name: 'Full-frame cut-ins',
  description: 'The presenter fills the frame; product lines cut to full-screen product shots.',
  presenter: true,
  anyshot: false,
  frames: FRAMES,
  transition: { kind: 'zoom', seconds: 0.4, easing: 'easeOut' },
  kenBurns: { from: { zoom: 1.0, x: 0, y: 0.2 }, to: { zoom: 1.16, x: 0, y: -0.1 }, alternate: false },
  captions: 'box',
  backdrop: 'blur',
};
