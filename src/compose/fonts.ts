/**
 * The video's typeface (captions, end card, product name), chosen in the editor. Each is
 * bundled (OFL-1.1, @fontsource) in the weights the renderer uses (Oswald's heaviest is 700, which
 * CSS font matching then uses for 800), Latin and Latin Extended (Turkish, Polish…); other scripts
 * fall back to the bundled Noto fonts (workers/render/fonts.ts).
 */
export type FontId = 'inter' | 'poppins' | 'playfair' | 'oswald';

export interface VideoFont {
  id: FontId;
  /** What the editor shows. */
  name: string;
  /** CSS family name the renderer asks for. */
  family: string;
}

export const VIDEO_FONTS: readonly VideoFont[] = [
  { id: 'inter', name: 'Modern', family: 'Inter' },
  { id: 'poppins', name: 'Friendly', family: 'Poppins' },
  { id: 'playfair', name: 'Elegant', family: 'Playfair Display' },
  { id: 'oswald', name: 'Bold', family: 'Oswald' },
];

export const DEFAULT_FONT: FontId = 'inter';

export function isFontId(v: unknown): v is FontId {
  return VIDEO_FONTS.some((f) => f.id === v);
}

export function videoFont(id: string | undefined): VideoFont {
  return VIDEO_FONTS.find((f) => f.id === id) ?? VIDEO_FONTS[0]!;
}
