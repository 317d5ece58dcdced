import { withDb } from './db.ts';

/** The user's favourite presenters: ids, most recently starred first, in the meta store. */
const KEY = 'favouritePresenters';

function clean(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function getFavourites(): Promise<string[]> {
  return withDb(async (db) => clean(await db.get('meta', KEY)));
}

/** Stars or unstars a presenter (read and write in one transaction); resolves with the new list. */
export function setFavourite(id: string, on: boolean): Promise<string[]> {
  return withDb(async (db) => {
    const tx = db.transaction('meta', 'readwrite');
    const store = tx.objectStore('meta');
    const list = clean(await store.get(KEY)).filter((x) => x !== id);
    const next = on ? [id, ...list] : list;
    await store.put(next, KEY);
    await tx.done;
    return next;
  });
}
