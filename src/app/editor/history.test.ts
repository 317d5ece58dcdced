import { describe, expect, it } from 'vitest';
import { History, segmentOfScene } from './history.ts';

describe('History', () => {
  it('undoes and redoes in order, and a new change clears redo', () => {
    const h = new History<number>(2);
    expect(h.undo(0)).toBeNull();
    h.push(0);
    h.push(1);
    h.push(2); // limit 2: 0 is forgotten
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBeNull();
    expect(h.canRedo).toBe(true);
    expect(h.redo(1)).toBe(2);
    h.push(2);
    expect(h.canRedo).toBe(false);
  });
});

describe('segmentOfScene', () => {
  it('skips segments without words', () => {
    const segs = [{ text: 'a' }, { text: '  ' }, { text: 'b' }];
    expect(segmentOfScene(segs, 0)).toBe(0);
    expect(segmentOfScene(segs, 1)).toBe(2);
    expect(segmentOfScene(segs, 2)).toBe(-1);
  });
});
