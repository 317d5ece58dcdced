/**
 * Voicing with a memory: the same text in the same voice is spoken once. Editing one scene's
 * line re-voices that scene only (voiceScript voices segment by segment), so the preview
 * updates in a moment however long the script is.
 */
import type { Speech, VoiceRequest } from '../../voice/types.ts';
import type { Synthesize } from '../pipeline.ts';

/** Enough for a few versions of a 60 s script's lines. */
const MAX_ENTRIES = 120;

export function cachedSynthesize(synthesize: Synthesize, max = MAX_ENTRIES): Synthesize & { hits: () => number } {
  const cache = new Map<string, Promise<Speech>>();
  let hits = 0;
  const fn = (req: VoiceRequest, opts: { signal?: AbortSignal }): Promise<Speech> => {
    const key = JSON.stringify(req);
    const found = cache.get(key);
    if (found) {
      hits++;
      // Most recently used last, so the oldest is evicted first.
      cache.delete(key);
      cache.set(key, found);
      return found;
    }
    const p = synthesize(req, opts);
    cache.set(key, p);
    // A failed or cancelled voicing is not remembered.
    p.catch(() => cache.delete(key));
    while (cache.size > max) cache.delete(cache.keys().next().value!);
    return p;
  };
  return Object.assign(fn, { hits: () => hits });
}
