/**
 * When the database cannot be opened normally (see openError in db.ts), save what can still be
 * read and offer a clean start. Reading opens the database at whatever version it is, without
 * running any migration, and takes every project with its pictures; each becomes a normal
 * project archive (Projects → Import takes it back), all of them in one download.
 */
import { openDB } from 'idb';
import { zipSync } from 'fflate';
import { packProject, type ArchiveMedia } from './archive.ts';
import { DB_NAME, type MediaRecord, type ProjectRecord } from './schema.ts';

export interface Rescued {
  zip: Blob;
  projects: number;
  /** Projects that could not be packed (unreadable or malformed), by name. */
  skipped: string[];
}

const safeName = (s: string) => s.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 60) || 'project';

export async function rescueProjects(name = DB_NAME): Promise<Rescued> {
  const db = await openDB(name);
  try {
    if (!db.objectStoreNames.contains('projects')) return { zip: new Blob([zipSync({})], { type: 'application/zip' }), projects: 0, skipped: [] };
    const projects = (await db.getAll('projects')) as ProjectRecord[];
    const hasMedia = db.objectStoreNames.contains('media');
    const files: Record<string, Uint8Array> = {};
    const skipped: string[] = [];
    for (const project of projects) {
      try {
        const media: ArchiveMedia[] = [];
        for (const img of project.product?.images ?? []) {
          const m = hasMedia ? ((await db.get('media', img.id)) as MediaRecord | undefined) : undefined;
          if (m?.blob) media.push({ id: m.id, mime: m.mime, bytes: new Uint8Array(await m.blob.arrayBuffer()) });
        }
        const kept = new Set(media.map((m) => m.id));
        const archived = { ...project, product: { ...project.product, images: project.product.images.filter((i) => kept.has(i.id)) } };
        files[`${safeName(project.name)}-${project.id.slice(-6)}.talkreel.zip`] = packProject(archived, media);
      } catch {
        skipped.push(project.name || project.id);
      }
    }
    // The archives are already compressed: store them as they are.
    const zip = zipSync(files, { level: 0 });
    return { zip: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), projects: Object.keys(files).length, skipped };
  } finally {
    db.close();
  }
}

/** Deletes the whole database (after the user agreed); the next load starts empty. */
export function resetDatabase(name = DB_NAME): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error('The browser refused to delete the database.'));
    // Another tab still holds it open: deletion waits for that tab; say so rather than hang.
    req.onblocked = () => reject(new Error('Close talkreel in your other tabs, then try again.'));
  });
}
