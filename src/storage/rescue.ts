/**
 * When the database cannot be opened normally (see openError in db.ts), save what can still be
 * read and offer a clean start. Reading opens the database at whatever version it is, without
 * running any migration, and takes every project with its pictures, product video and music;
 * each becomes a normal project archive (Projects → Import takes it back), all of them in one
 * download.
 */
import { openDB } from 'idb';
import { zipSync } from 'fflate';
import { archiveMediaIds, packProject, type ArchiveMedia } from './archive.ts';
import { DB_NAME, type MediaRecord, type ProjectRecord } from './schema.ts';

export interface Rescued {
  zip: Blob;
  projects: number;
  /** Projects that could not be packed (unreadable or malformed), by name. */
  skipped: string[];
}

/** Product videos and music, all projects together, that one rescue download may hold (memory). */
const MAX_RESCUE_VIDEO_BYTES = 1024 * 1048576;

const safeName = (s: string) => s.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 60) || 'project';

export async function rescueProjects(name = DB_NAME): Promise<Rescued> {
  const db = await openDB(name);
  try {
    if (!db.objectStoreNames.contains('projects')) return { zip: new Blob([zipSync({})], { type: 'application/zip' }), projects: 0, skipped: [] };
    const projects = (await db.getAll('projects')) as ProjectRecord[];
    const hasMedia = db.objectStoreNames.contains('media');
    const files: Record<string, Uint8Array> = {};
    const skipped: string[] = [];
    let videoBytes = 0;
    for (const project of projects) {
      try {
        const media: ArchiveMedia[] = [];
        const images = new Set((project.product?.images ?? []).map((i) => i.id));
        // Pictures, product video and music; what cannot be read is left out of the archive.
        for (const id of archiveMediaIds(project)) {
          const m = hasMedia ? ((await db.get('media', id)) as MediaRecord | undefined) : undefined;
          if (!m?.blob) continue;
          // Everything is held in memory for the one download: videos and music only while they fit.
          if (!images.has(id) && videoBytes + m.blob.size > MAX_RESCUE_VIDEO_BYTES) continue;
          if (!images.has(id)) videoBytes += m.blob.size;
          media.push({ id: m.id, mime: m.mime, bytes: new Uint8Array(await m.blob.arrayBuffer()) });
        }
        files[`${safeName(project.name)}-${project.id.slice(-6)}.talkreel.zip`] = packProject(project, media);
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
