import type { CreativeDef } from './types.ts';
import { frame, offFrame, rect, type Frames } from './frames.ts';

const FULL = { '9:16': rect(0, 0, 1080, 1920), '16:9': rect(0, 0, 1920, 1080), '1:1': rect(0, 0, 1080, 1080) } as const;

/**
 * Full-screen product shots with a slow Ken Burns move; the presenter talks from a round
 * bubble, large while the presenter has the line, tucked into a corner for product lines.
 */
const FRAMES: Frames = {
  '9:16': {
    presenter: frame({ card: FULL['9:16'], cardRadius: 0, presenter: offFrame('9:16'), bubble: rect(220, 420, 640, 640), scrim: 1, captionX: 540, captionY: 1400, captionMaxW: 940, endCard: 0 }),
    product: frame({ card: FULL['9:16'], cardRadius: 0, presenter: offFrame('9:16'), bubble: rect(660, 190, 360, 360), scrim: 1, captionX: 540, captionY: 1420, captionMaxW: 940, endCard: 0 }),
    cta: frame({
      card: rect(140, 230, 800, 800), presenter: offFrame('9:16'), bubble: rect(700, 1110, 320, 320), scrim: 0.6,
      captionX: 540, captionY: 1540, captionMaxW: 940, endCard: 1, endText: { x: 140, y: 1090, maxW: 530 },
    }),
  },
  '16:9': {
    presenter: frame({ card: FULL['16:9'], cardRadius: 0, fit: 'contain', presenter: offFrame('16:9'), bubble: rect(680, 120, 560, 560), scrim: 1, captionX: 960, captionY: 880, captionMaxW: 1500, endCard: 0 }),
    product: frame({ card: FULL['16:9'], cardRadius: 0, fit: 'contain', presenter: offFrame('16:9'), bubble: rect(1480, 520, 360, 360), scrim: 1, captionX: 800, captionY: 950, captionMaxW: 1200, endCard: 0 }),
    cta: frame({
      card: rect(110, 110, 640, 640), presenter: offFrame('16:9'), bubble: rect(1500, 500, 340, 340), scrim: 0.6,
      captionX: 960, captionY: 975, captionMaxW: 1500, endCard: 1, endText: { x: 830, y: 150, maxW: 900 },
    }),
  },
  '1:1': {
    presenter: frame({ card: FULL['1:1'], cardRadius: 0, presenter: offFrame('1:1'), bubble: rect(300, 150, 480, 480), scrim: 1, captionX: 540, captionY: 850, captionMaxW: 960, endCard: 0 }),
    product: frame({ card: FULL['1:1'], cardRadius: 0, presenter: offFrame('1:1'), bubble: rect(770, 70, 250, 250), scrim: 1, captionX: 540, captionY: 900, captionMaxW: 960, endCard: 0 }),
    cta: frame({
      card: rect(60, 80, 480, 480), presenter: offFrame('1:1'), bubble: rect(740, 620, 280, 280), scrim: 0.6,
      captionX: 540, captionY: 1000, captionMaxW: 960, endCard: 1, endText: { x: 60, y: 610, maxW: 640 },
    }),
  },
};

export const BUBBLE: CreativeDef = {
  id: 'bubble',
  name: 'Corner bubble',
  description: 'Full-screen product shots with a Ken Burns move; the presenter talks from a round bubble.',
  presenter: true,
  anyshot: false,
  frames: FRAMES,
  transition: { kind: 'wipe', seconds: 0.5, easing: 'easeInOut' },
  kenBurns: { from: { zoom: 1.0, x: -0.6, y: 0 }, to: { zoom: 1.18, x: 0.6, y: 0 }, alternate: true },
  captions: 'pill',
  backdrop: 'blur',
  theme: { accent: '#3DDC97', accentInk: '#0B1A14' },
};
