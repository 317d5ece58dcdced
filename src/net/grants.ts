/**
 * The sites the user allowed talkreel to contact, each granted by their own action: pressing
 * Parse on a product link, Add on its pictures, Save on a CORS proxy or a script-writer server,
 * Download on a model. Kept in IndexedDB, where the network gateway (gateway.ts) reads them for
 * every request — never from its URL or from the page that asks.
 *
 * A grant needs a real user gesture (`navigator.userActivation`): script that merely runs in the
 * page cannot click on the user's behalf, so it cannot add a site this way. What this does not
 * stop (README: Privacy): script in talkreel's own origin that writes IndexedDB directly or waits
 * for the user's next click.
 */
import { withDb } from '../storage/db.ts';
import { addGrants, cleanGrants, type Grant, type GrantPurpose } from './sites.ts';

export type { GrantPurpose } from './sites.ts';

const KEY = 'net-grants';

export class NetPermissionError extends Error {
  override name = 'NetPermissionError';
  readonly code = 'net-permission';
}

function hasUserGesture(): boolean {
  const ua = (globalThis.navigator as { userActivation?: { isActive: boolean } } | undefined)?.userActivation;
  return ua?.isActive === true;
}

/** Every grant the user made (read fresh: another tab may have added one). */
export function readGrants(): Promise<Grant[]> {
  return withDb(async (db) => cleanGrants(await db.get('meta', KEY)));
}

/**
 * Lets the gateway reach `origins` for `purpose`. Call it first thing in the click handler (a
 * gesture lasts a few seconds); without one it throws NetPermissionError and grants nothing.
 */
export async function grantSites(origins: readonly string[], purpose: GrantPurpose): Promise<void> {
  if (!hasUserGesture()) throw new NetPermissionError('talkreel contacts another site only when you ask it to yourself. Press the button again.');
  await withDb(async (db) => {
    const tx = db.transaction('meta', 'readwrite');
    const store = tx.objectStore('meta');
    const next = addGrants(cleanGrants(await store.get(KEY)), origins, purpose, Date.now());
    await Promise.all([store.put(next, KEY), tx.done]);
  });
}

/** Forgets the grants of one purpose (the user turned the proxy or script writer off). */
export async function revokeSites(purpose: GrantPurpose): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction('meta', 'readwrite');
    const store = tx.objectStore('meta');
    const next = cleanGrants(await store.get(KEY)).filter((g) => g.purpose !== purpose);
    await Promise.all([store.put(next, KEY), tx.done]);
  });
}
