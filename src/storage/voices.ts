/** The `voices` store: voices the user brought (uploads, recordings, clone samples). */
import { requestPersistence, withDb } from './db.ts';
import type { VoiceRecord } from './schema.ts';

export async function saveVoice(record: VoiceRecord): Promise<void> {
  await withDb((db) => db.put('voices', record));
  requestPersistence();
}

export function listUserVoices(): Promise<VoiceRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('voices', 'createdAt')).reverse());
}

export function getUserVoice(id: string): Promise<VoiceRecord | undefined> {
  return withDb((db) => db.get('voices', id));
}

export function deleteUserVoice(id: string): Promise<void> {
  return withDb((db) => db.delete('voices', id));
}

export async function renameUserVoice(id: string, name: string): Promise<void> {
  await withDb(async (db) => {
    const r = await db.get('voices', id);
    if (r) await db.put('voices', { ...r, name });
  });
}
