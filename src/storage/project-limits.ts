/**
 * How much one project may hold. The editor refuses more than this and the project archive
 * accepts exactly this, so whatever the app can make it can export, import and rescue again.
 * Lengths are string lengths (UTF-16 code units), as both an input's `maxlength` and valibot's
 * `maxLength` count them.
 */
export const LIMITS = {
  /** The project's name: the product's name, or 'Untitled project'. */
  projectName: 200,
  productName: 120,
  brand: 60,
  price: 24,
  description: 20_000,
  /** Key features: lines, and characters a line. */
  features: 100,
  featureChars: 1000,
  /**
   * Product images a project holds (selected or not). With every image at the 10 MB intake
   * limit, a 500 MB video and 50 MB of music, that is the archive's size ceiling (archive.ts).
   */
  images: 60,
  /** A file name as the browser gives it (255 bytes on most file systems). */
  fileName: 300,
  /** Scenes of the voiceover and characters a scene. */
  segments: 40,
  segmentChars: 4000,
  /** Script options kept to choose from. */
  scriptOptions: 20,
} as const;

/**
 * The script's fingerprint of the product (project-defaults.ts scriptBasis): the product's
 * texts as JSON, where one character can take six ("\u0001"), plus room for the rest.
 */
export const MAX_BASIS_CHARS = 6 * (LIMITS.productName + LIMITS.description + LIMITS.features * (LIMITS.featureChars + 3) + LIMITS.price + LIMITS.brand) + 1000;

/** Feature lines as the form reads them: one a line, bullets dropped, blank lines skipped. */
export function parseFeatureLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^[-•*]\s*/, '').trim())
    .filter(Boolean);
}

/**
 * What of the features text is kept, and why not all of it: the first `LIMITS.features` lines,
 * each cut at `LIMITS.featureChars`. `problem` says what was not kept, for the form to show.
 */
export function limitFeatures(lines: string[]): { features: string[]; problem: string | null } {
  const tooLong = lines.filter((l) => l.length > LIMITS.featureChars).length;
  const features = lines.slice(0, LIMITS.features).map((l) => l.slice(0, LIMITS.featureChars));
  const problems: string[] = [];
  if (lines.length > LIMITS.features) problems.push(`only the first ${LIMITS.features} of ${lines.length} features are kept`);
  if (tooLong) problems.push(`${tooLong === 1 ? 'one line is' : `${tooLong} lines are`} longer than ${LIMITS.featureChars} characters and cut there`);
  if (!problems.length) return { features, problem: null };
  const sentence = problems.join('; ');
  return { features, problem: `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.` };
}
