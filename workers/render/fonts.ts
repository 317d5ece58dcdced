import inter600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import inter800 from '@fontsource/inter/files/inter-latin-800-normal.woff2?url';

let loaded: Promise<void> | null = null;

/** Bundled fonts so captions look the same on every machine (no system font lottery). */
export function loadFonts(): Promise<void> {
  loaded ??= (async () => {
    const faces = [
      new FontFace('Inter', `url(${inter600})`, { weight: '600' }),
      new FontFace('Inter', `url(${inter700})`, { weight: '700' }),
      new FontFace('Inter', `url(${inter800})`, { weight: '800' }),
    ];
    await Promise.all(faces.map((f) => f.load()));
    // TypeScript's WebWorker lib omits FontFaceSet.add, which workers do have (setlike).
    const set = self.fonts as unknown as { add(face: FontFace): void };
    for (const f of faces) set.add(f);
  })().catch(() => {
    // Fallback fonts in FONT_FAMILY still render; a missing font must not fail an export.
    loaded = null;
  });
  return loaded;
}
