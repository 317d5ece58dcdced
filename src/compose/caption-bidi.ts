/**
 * Word order of a caption row as it is seen, by the Unicode Bidirectional Algorithm (bidi-js):
 * in an Arabic or Hebrew line an English brand name or a number keeps its own left-to-right
 * order ("Nike Air", "120") while the line runs right to left around it.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export interface VisualWord {
  /** Index of the word in the row, as spoken. */
  index: number;
  /** Direction the word's own letters run in (for ctx.direction when it is drawn). */
  dir: 'ltr' | 'rtl';
}

/** Direction of a word's first strong character (letters; digits count as left to right); null: none. */
function wordDirection(text: string): 'ltr' | 'rtl' | null {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'R' || type === 'AL') return 'rtl';
    if (type === 'L' || type === 'EN' || type === 'AN') return 'ltr';
  }
  return null;
}

/**
 * The row's words from left to right. `base` is the line's direction (a line with Arabic or
 * Hebrew in it runs right to left). Words are joined by single spaces and reordered as one
 * paragraph, so the algorithm sees the whole row; each word stays whole (its letters are
 * drawn, and shaped, by the canvas).
 */
export function visualWordOrder(words: readonly string[], base: 'ltr' | 'rtl'): VisualWord[] {
  if (!words.length) return [];
  const text = words.join(' ');
  const levels = bidi.getEmbeddingLevels(text, base);
  // Where each character ends up: apply the algorithm's reversals to the character positions.
  const at = Array.from({ length: text.length }, (_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    const part = at.slice(start, end + 1).reverse();
    at.splice(start, part.length, ...part);
  }
  const visualPos = new Array<number>(text.length);
  at.forEach((logical, visual) => (visualPos[logical] = visual));
  let offset = 0;
  const placed = words.map((w, index) => {
    // A word's place: where its first character went (its characters stay together).
    let pos = Infinity;
    for (let i = offset; i < offset + w.length; i++) pos = Math.min(pos, visualPos[i]!);
    offset += w.length + 1;
    return { index, pos, dir: wordDirection(w) ?? base };
  });
  return placed.sort((a, b) => a.pos - b.pos).map(({ index, dir }) => ({ index, dir }));
}
