import { requestPersistence, withDb } from './db.ts';
import type { MediaRecord, ProjectRecord } from './schema.ts';

export const CURRENT_KEY = 'currentProject';

export function getProject(id: string): Promise<ProjectRecord | undefined> {
  return withDb((db) => db.get('projects', id));
}

export async function saveProject(project: ProjectRecord): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['projects', 'meta'], 'readwrite');
    await Promise.all([tx.objectStore('projects').put(project), tx.objectStore('meta').put(project.id, CURRENT_KEY), tx.done]);
  });
  requestPersistence();
}

export function currentProjectId(): Promise<string | undefined> {
  return withDb(async (db) => (await db.get('meta', CURRENT_KEY)) as string | undefined);
}

export function listProjects(): Promise<ProjectRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('projects', 'updatedAt')).reverse());
}

/** Stores an uploaded file and the project that references it in one transaction. */
export async function addMedia(media: MediaRecord, project: ProjectRecord): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['media', 'projects'], 'readwrite');
    await Promise.all([tx.objectStore('media').put(media), tx.objectStore('projects').put(project), tx.done]);
  });
  requestPersistence();
}

export async function removeMedia(id: string, project: ProjectRecord): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['media', 'projects'], 'readwrite');
    await Promise.all([tx.objectStore('media').delete(id), tx.objectStore('projects').put(project), tx.done]);
  });
}

export function getMedia(id: string): Promise<MediaRecord | undefined> {
  return withDb((db) => db.get('media', id));
}
