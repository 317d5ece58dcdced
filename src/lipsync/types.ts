/** The 15 visemes (Oculus/MPEG-4 style set) every lip-sync engine speaks in. */
export const VISEMES = [
  'sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'ih', 'oh', 'ou',
] as const;
export type Viseme = (typeof VISEMES)[number];

/** A viseme held over an interval of the speech (seconds). */
export interface VisemeKey {
  viseme: Viseme;
  start: number;
  end: number;
}

/**
 * The mouth as a drawer needs it, all 0..1: how far the jaw/lips open, how wide the corners
 * pull, how rounded/pursed the lips are, lips pressed (p/b/m), upper teeth on lower lip (f/v),
 * how much teeth and tongue show.
 */
export interface MouthShape {
  open: number;
  wide: number;
  round: number;
  press: number;
  lipBite: number;
  teeth: number;
  tongue: number;
}
