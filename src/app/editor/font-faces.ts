/**
 * The editor's typeface buttons show each name in its own face: the page registers one weight of
 * each (Latin, the files the renderer uses too), fetched by the browser only when a label needs it.
 */
import poppins from '@fontsource/poppins/files/poppins-latin-600-normal.woff2?url';
import playfair from '@fontsource/playfair-display/files/playfair-display-latin-600-normal.woff2?url';
import oswald from '@fontsource/oswald/files/oswald-latin-600-normal.woff2?url';
import { videoFont, type FontId } from '../../compose/fonts.ts';

const FILES: Partial<Record<FontId, string>> = { poppins, playfair, oswald };
let registered = false;

export function registerFontFaces(): void {
  if (registered || typeof document === 'undefined' || !('fonts' in document)) return;
  registered = true;
  for (const [id, url] of Object.entries(FILES) as Array<[FontId, string]>) {
    document.fonts.add(new FontFace(videoFont(id).family, `url(${url})`, { weight: '600' }));
  }
}

/** CSS for a label in the typeface (Inter is the page's own font already). */
export function fontStyle(id: FontId): string {
  return id === 'inter' ? '' : `font-family: "${videoFont(id).family}", Inter, system-ui, sans-serif`;
}
