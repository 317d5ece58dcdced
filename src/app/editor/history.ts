/** Undo/redo over plain snapshots (pure; the editor decides what a snapshot holds). */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];

  constructor(private readonly limit = 100) {}

  /** Call before a change with the state as it was. */
  push(before: T): void {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  /** The state to go back to, given the current one (kept for redo); null when nothing to undo. */
  undo(current: T): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(current);
    return prev;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}

/** Index in the script's segments of the i-th scene (scenes are the segments with words). */
export function segmentOfScene(segments: ReadonlyArray<{ text: string }>, scene: number): number {
  let n = -1;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]!.text.trim()) n++;
    if (n === scene) return i;
  }
  return -1;
}
