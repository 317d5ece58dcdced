import { packProject, unpackProject, ArchiveError, MAX_ARCHIVE_BYTES, type ArchiveMedia } from './archive.ts';
import { requestPersistence, withDb } from './db.ts';
import { newId } from './ids.ts';
import { CURRENT_KEY } from './projects.ts';
import type { MediaRecord, ProjectRecord } from './schema.ts';

/** The project and its images as one .zip file. */
export async function exportProjectFile(projectId: string): Promise<Blob> {
  const { project, media } = await withDb(async (db) => {
    const project = await db.get('projects', projectId);
    if (!project) throw new Error('That project no longer exists.');
    const media: MediaRecord[] = [];
    for (const img of project.product.images) {
      const m = await db.get('media', img.id);
      if (m) media.push(m);
    }
    return { project, media };
  });
  const files: ArchiveMedia[] = [];
  for (const m of media) files.push({ id: m.id, mime: m.mime, bytes: new Uint8Array(await m.blob.arrayBuffer()) });
  // Images that went missing are dropped from the archived project rather than failing it.
  const kept = new Set(files.map((f) => f.id));
  const archived = { ...project, product: { ...project.product, images: project.product.images.filter((i) => kept.has(i.id)) } };
  const zip = packProject(archived, files);
  return new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/**
 * Imports a project archive as a new project (fresh ids, so importing twice or into the
 * browser it came from never overwrites anything). Project and images land in one transaction.
 */
export async function importProjectFile(file: Blob): Promise<ProjectRecord> {
  if (file.size > MAX_ARCHIVE_BYTES) throw new ArchiveError('too-large', `The file is ${(file.size / 1048576).toFixed(0)} MB; a project archive may be at most 600 MB.`);
  const { project, media } = unpackProject(new Uint8Array(await file.arrayBuffer()));
  const ids = new Map(media.map((m) => [m.id, newId('img')]));
  const now = Date.now();
  const imported: ProjectRecord = {
    ...project,
    id: newId('prj'),
    createdAt: now,
    updatedAt: now,
    product: { ...project.product, images: project.product.images.map((i) => ({ ...i, id: ids.get(i.id)! })) },
  };
  await withDb(async (db) => {
    const tx = db.transaction(['projects', 'media', 'meta'], 'readwrite');
    const writes: Promise<unknown>[] = [tx.objectStore('projects').put(imported), tx.objectStore('meta').put(imported.id, CURRENT_KEY)];
    for (const m of media) {
      const img = imported.product.images.find((i) => i.id === ids.get(m.id))!;
      const record: MediaRecord = { id: img.id, projectId: imported.id, name: img.name, mime: m.mime, width: img.width, height: img.height, size: m.bytes.length, blob: new Blob([m.bytes as Uint8Array<ArrayBuffer>], { type: m.mime }), createdAt: now };
      writes.push(tx.objectStore('media').put(record));
    }
    await Promise.all([...writes, tx.done]);
  });
  requestPersistence();
  return imported;
}
