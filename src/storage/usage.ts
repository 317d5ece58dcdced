import { withDb } from './db.ts';
import { scratchBytes } from './files.ts';

export interface StorageUsage {
  /** Bytes per kind of thing the user keeps. */
  projects: number;
  media: number;
  exports: number;
  /** Unfinished export files (cleaned up automatically). */
  scratch: number;
  /** What the browser reports for this site, and how much it allows. */
  usage: number | null;
  quota: number | null;
  persisted: boolean;
}

/** Adds up what each store holds; blobs by their size, records by their JSON length. */
export async function storageUsage(): Promise<StorageUsage> {
  const sums = await withDb(async (db) => {
    let projects = 0;
    let media = 0;
    let exports = 0;
    for (const p of await db.getAll('projects')) projects += JSON.stringify(p).length;
    for (const m of await db.getAll('media')) media += m.size;
    for (const a of await db.getAll('assets')) exports += a.size;
    return { projects, media, exports };
  });
  const scratch = await scratchBytes().catch(() => 0);
  const est = await navigator.storage?.estimate?.().catch(() => null);
  const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
  return { ...sums, scratch, usage: est?.usage ?? null, quota: est?.quota ?? null, persisted };
}
