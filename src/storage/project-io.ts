import { packProject, unpackProject, archiveMediaIds, ArchiveError, MAX_ARCHIVE_BYTES, type ArchiveMedia, type MediaKind } from './archive.ts';
import { requestPersistence, withDb } from './db.ts';
import { newId } from './ids.ts';
import { CURRENT_KEY } from './projects.ts';
import type { MediaRecord, ProjectRecord } from './schema.ts';

/** The project with its images, product video and background music as one .zip file. */
export async function exportProjectFile(projectId: string): Promise<Blob> {
  const { project, media } = await withDb(async (db) => {
    const project = await db.get('projects', projectId);
    if (!project) throw new Error('That project no longer exists.');
    const media: MediaRecord[] = [];
    for (const id of archiveMediaIds(project)) {
      const m = await db.get('media', id);
      if (m) media.push(m);
    }
    return { project, media };
  });
  const files: ArchiveMedia[] = [];
  for (const m of media) files.push({ id: m.id, mime: m.mime, bytes: new Uint8Array(await m.blob.arrayBuffer()) });
  // Media that went missing is dropped from the archived project (by packProject) rather than failing it.
  const zip = packProject(project, files);
  return new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

const PREFIX: Record<MediaKind, string> = { image: 'img', video: 'vid', music: 'mus' };

/**
 * Imports a project archive as a new project (fresh ids, so importing twice or into the
 * browser it came from never overwrites anything). Project and media land in one transaction.
 */
export async function importProjectFile(file: Blob): Promise<ProjectRecord> {
  if (file.size > MAX_ARCHIVE_BYTES) {
    throw new ArchiveError('too-large', `The file is ${(file.size / 1048576).toFixed(0)} MB; a project archive may be at most ${MAX_ARCHIVE_BYTES / 1048576} MB.`);
  }
  const { project, media } = unpackProject(new Uint8Array(await file.arrayBuffer()));
  const ids = new Map(media.map((m) => [m.id, newId(PREFIX[m.kind ?? 'image'])]));
  const now = Date.now();
  const imported: ProjectRecord = {
    ...project,
    id: newId('prj'),
    createdAt: now,
    updatedAt: now,
    product: { ...project.product, images: project.product.images.map((i) => ({ ...i, id: ids.get(i.id)! })) },
  };
  const video = project.product.video;
  const videoMedia = media.find((m) => m.kind === 'video');
  if (video && videoMedia) imported.product.video = { ...video, id: ids.get(video.id)!, size: videoMedia.bytes.length };
  const music = project.creative?.edits?.music;
  if (project.creative && music) imported.creative = { ...project.creative, edits: { ...project.creative.edits, music: { ...music, mediaId: ids.get(music.mediaId)! } } };

  const records: MediaRecord[] = media.map((m) => {
    const id = ids.get(m.id)!;
    const blob = new Blob([m.bytes as Uint8Array<ArrayBuffer>], { type: m.mime });
    const base = { id, projectId: imported.id, mime: m.mime, size: m.bytes.length, blob, createdAt: now };
    if (m.kind === 'video') return { ...base, name: imported.product.video!.name, width: imported.product.video!.width, height: imported.product.video!.height };
    if (m.kind === 'music') return { ...base, name: music!.name, width: 0, height: 0 };
    const img = imported.product.images.find((i) => i.id === id)!;
    return { ...base, name: img.name, width: img.width, height: img.height };
  });
  await withDb(async (db) => {
    const tx = db.transaction(['projects', 'media', 'meta'], 'readwrite');
    const writes: Promise<unknown>[] = [tx.objectStore('projects').put(imported), tx.objectStore('meta').put(imported.id, CURRENT_KEY)];
    for (const record of records) writes.push(tx.objectStore('media').put(record));
    await Promise.all([...writes, tx.done]);
  });
  requestPersistence();
  return imported;
}
