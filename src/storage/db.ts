import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type TalkreelDB } from './schema.ts';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: 'quota' | 'blocked' | 'version' | 'unavailable' | 'cannot-open' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Quota errors come as QuotaExceededError, or as Chromium's AbortError from a full disk. */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = (err as { name?: string } | null)?.name;
  const msg = String((err as { message?: string } | null)?.message ?? err);
  if (name === 'QuotaExceededError' || (name === 'AbortError' && /quota|space/i.test(msg))) {
    return new StorageError('quota', 'The browser has no room left to save this. Free space by deleting old exports, then try again. Nothing already saved was lost.', { cause: err });
  }
  if (name === 'VersionError') {
    return new StorageError('version', 'A newer version of talkreel is open in another tab. Reload this tab to continue.', { cause: err });
  }
  return new StorageError('failed', `Saving failed: ${msg}`, { cause: err });
}

/**
 * Migrations: each step upgrades from version `v` to `v + 1` and must be idempotent, so a
 * half-applied upgrade (tab closed mid-way) is safe to run again.
 */
const MIGRATIONS: Array<(db: IDBPDatabase<TalkreelDB>) => void> = [
  (db) => {
    if (!db.objectStoreNames.contains('projects')) db.createObjectStore('projects', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    if (!db.objectStoreNames.contains('media')) db.createObjectStore('media', { keyPath: 'id' }).createIndex('projectId', 'projectId');
    if (!db.objectStoreNames.contains('assets')) {
      const assets = db.createObjectStore('assets', { keyPath: 'id' });
      assets.createIndex('projectId', 'projectId');
      assets.createIndex('createdAt', 'createdAt');
    }
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
  },
  // v2: the user's own avatars and voices, export tasks (Task Center) and downloaded models.
  (db) => {
    for (const name of ['avatars', 'voices', 'tasks', 'models'] as const) {
      if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    }
  },
];

let dbPromise: Promise<IDBPDatabase<TalkreelDB>> | null = null;
/** Set when another tab upgraded the schema: this tab must stop writing. */
let outdated = false;

export function isOutdated(): boolean {
  return outdated;
}

/**
 * Opening failed for a reason other than another tab's newer schema: a damaged backing store
 * ("Internal error opening backing store"), a migration that threw, storage switched off.
 * The app then offers to save what can still be read and to start afresh (rescue.ts).
 */
function openError(err: unknown): StorageError {
  const e = toStorageError(err);
  if (e.code !== 'failed') return e;
  const reason = String((err as { message?: string } | null)?.message ?? err);
  return new StorageError('cannot-open', `talkreel cannot open the projects saved in this browser (${reason}).`, { cause: err });
}

export function openDb(name = DB_NAME): Promise<IDBPDatabase<TalkreelDB>> {
  // openDB can throw before it returns a promise (indexedDB missing or refusing): same path.
  dbPromise ??= Promise.resolve().then(() => openDB<TalkreelDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db);
    },
    blocking() {
      // A newer schema wants in: close so it can upgrade, and stop writing here.
      outdated = true;
      void dbPromise?.then((db) => db.close());
    },
  })).catch((err: unknown) => {
    dbPromise = null;
    throw openError(err);
  });
  return dbPromise;
}

/** Runs a storage operation, turning browser errors into StorageError. */
export async function withDb<T>(fn: (db: IDBPDatabase<TalkreelDB>) => Promise<T>): Promise<T> {
  if (outdated) throw new StorageError('version', 'A newer version of talkreel is open in another tab. Reload this tab to continue.');
  try {
    return await fn(await openDb());
  } catch (err) {
    throw toStorageError(err);
  }
}

let persistAsked = false;
/** Ask once, after the first real save, that the browser not evict the user's work. */
export function requestPersistence(): void {
  // Typed loosely: workers (which read avatars from here) have no StorageManager.persist().
  const storage = typeof navigator === 'undefined' ? undefined : (navigator.storage as { persist?: () => Promise<boolean> } | undefined);
  if (persistAsked || !storage?.persist) return;
  persistAsked = true;
  void storage.persist().catch(() => undefined);
}
