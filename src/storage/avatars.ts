/*
 * The user's custom avatars: the record (metadata, face track, self-check, warp material as
 * Blobs) in IndexedDB's `avatars` store; an uploaded video's original bytes in the private file
 * system (OPFS `avatars/`), copied as a stream so a 500 MB file is never one ArrayBuffer. Also
 * read by the render worker (workers can open IndexedDB), which draws avatars by id.
 */
import { requestPersistence, StorageError, withDb } from './db.ts';
import type { AvatarRecord } from './schema.ts';

const DIR = 'avatars';

async function dir(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  return (await navigator.storage.getDirectory()).getDirectoryHandle(DIR, { create: true });
}

/** Streams `source` into OPFS `avatars/<name>` chunk by chunk. */
async function writeStreamed(name: string, source: Blob): Promise<void> {
  const d = await dir();
  if (!d) throw new StorageError('unavailable', 'This browser has no private file system to keep avatar videos in.');
  const handle = await d.getFileHandle(name, { create: true });
  const writable = await (handle as FileSystemFileHandle & { createWritable(): Promise<FileSystemWritableFileStream> }).createWritable();
  await source.stream().pipeTo(writable);
}

async function removeFile(name: string): Promise<void> {
  await (await dir())?.removeEntry(name).catch(() => undefined);
}

/**
 * Saves an avatar. A video's original (`source`) is streamed into OPFS first and the record,
 * which points at it, written after; if the record cannot be written the file is removed, so
 * a failed save leaves the library as it was.
 */
export async function saveAvatar(record: AvatarRecord, source?: Blob): Promise<AvatarRecord> {
  let file: string | undefined;
  if (source && record.media.store === 'opfs') {
    file = record.media.file ?? `${record.id}.bin`;
    try {
      await writeStreamed(file, source);
    } catch (err) {
      await removeFile(file);
      if (err instanceof StorageError) throw err;
      const name = (err as { name?: string } | null)?.name;
      if (name === 'QuotaExceededError') throw new StorageError('quota', 'The browser has no room left for this video. Delete old exports or avatars, then try again. Nothing already saved was lost.', { cause: err });
      throw new StorageError('failed', `The avatar's video could not be saved: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  const rec: AvatarRecord = file ? { ...record, media: { ...record.media, file } } : record;
  try {
    await withDb((db) => db.put('avatars', rec));
  } catch (err) {
    if (file) await removeFile(file);
    throw err;
  }
  requestPersistence();
  return rec;
}

/** Every avatar, newest first. */
export function listAvatars(): Promise<AvatarRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('avatars', 'createdAt')).reverse());
}

export function getAvatar(id: string): Promise<AvatarRecord | undefined> {
  return withDb((db) => db.get('avatars', id));
}

export async function deleteAvatar(id: string): Promise<void> {
  const rec = await getAvatar(id);
  await withDb((db) => db.delete('avatars', id));
  if (rec?.media.store === 'opfs' && rec.media.file) await removeFile(rec.media.file);
}

/** The original media of an avatar (video from OPFS, photo from the record). */
export async function avatarSource(rec: AvatarRecord): Promise<Blob | null> {
  if (rec.media.store === 'blob') return rec.media.blob ?? null;
  const d = await dir();
  if (!d || !rec.media.file) return null;
  return d.getFileHandle(rec.media.file).then((h) => h.getFile(), () => null);
}
