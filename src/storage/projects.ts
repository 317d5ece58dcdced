import type { IDBPTransaction } from 'idb';
import { archiveMediaIds } from './archive.ts';
import { requestPersistence, StorageError, withDb } from './db.ts';
import type { MediaRecord, ProjectRecord, TalkreelDB } from './schema.ts';

export const CURRENT_KEY = 'currentProject';

/**
 * Two tabs on one project: the tab that holds the project's Web Lock (tab-lock.ts) writes its
 * own random token under this meta key, and every write below checks the token inside the same
 * transaction. IndexedDB serialises read-write transactions over the same store, so a tab whose
 * lock was taken over can never commit after the new holder has read the project: its write is
 * refused instead of silently overwriting the newer state (and orphaning the other tab's files).
 */
export const editorKey = (projectId: string): string => `editor:${projectId}`;

/** This tab's claim: the project it may edit and the token it wrote for it. */
let claim: { projectId: string; token: string } | null = null;

export class ProjectLockedError extends StorageError {
  constructor() {
    super('failed', 'This project is being edited in another tab, so this change was not saved here. Use “Edit here instead” to edit in this tab.');
  }
}

/** Messages to other tabs of this browser: "this project was just saved". */
const CHANNEL = 'talkreel-projects';
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

/** Calls `fn` with the id of each project another tab saves. Returns an unsubscribe. */
export function onProjectSaved(fn: (projectId: string) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  // A channel of its own: a BroadcastChannel does not hear its own messages, but other
  // channels in the same tab do, and tests may run several studios in one page.
  const listen = new BroadcastChannel(CHANNEL);
  listen.onmessage = (e: MessageEvent<{ projectId?: unknown }>) => {
    if (typeof e.data?.projectId === 'string') fn(e.data.projectId);
  };
  return () => listen.close();
}

function announce(projectId: string): void {
  try {
    channel?.postMessage({ projectId });
  } catch {
    // A closed channel (tab shutting down) has no one left to tell.
  }
}

type Tx = IDBPTransaction<TalkreelDB, Array<'projects' | 'meta' | 'media'>, 'readwrite'>;

/**
 * Refuses the write when another tab has claimed the project. A project nobody claimed (no Web
 * Locks in this browser, or saved before tabs were coordinated) stays writable, as before.
 */
async function checkClaim(tx: Tx, projectId: string): Promise<void> {
  const holder = await tx.objectStore('meta').get(editorKey(projectId));
  const mine = claim?.projectId === projectId ? claim.token : undefined;
  if (holder !== undefined && holder !== mine) {
    tx.done.catch(() => undefined);
    tx.abort();
    throw new ProjectLockedError();
  }
}

/**
 * Records that this tab now edits `projectId` (it holds the project's Web Lock). Any later write
 * from a tab with another token is refused. `null` drops the claim (the lock was lost).
 */
export async function claimProject(projectId: string | null, token?: string): Promise<void> {
  if (projectId === null || !token) {
    claim = null;
    return;
  }
  claim = { projectId, token };
  await withDb(async (db) => {
    const tx = db.transaction(['meta'], 'readwrite');
    await Promise.all([tx.objectStore('meta').put(token, editorKey(projectId)), tx.done]);
  });
}

export function getProject(id: string): Promise<ProjectRecord | undefined> {
  return withDb((db) => db.get('projects', id));
}

export async function saveProject(project: ProjectRecord): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['projects', 'meta'], 'readwrite');
    await checkClaim(tx as unknown as Tx, project.id);
    await Promise.all([tx.objectStore('projects').put(project), tx.objectStore('meta').put(project.id, CURRENT_KEY), tx.done]);
  });
  announce(project.id);
  requestPersistence();
}

export function currentProjectId(): Promise<string | undefined> {
  return withDb(async (db) => (await db.get('meta', CURRENT_KEY)) as string | undefined);
}

export function listProjects(): Promise<ProjectRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('projects', 'updatedAt')).reverse());
}

/**
 * Stores an uploaded file and the project that references it in one transaction, so no file is
 * ever stored without the project that points at it. `replaces` names media the project no
 * longer references (a replaced video or music), deleted in the same transaction.
 */
export async function addMedia(media: MediaRecord, project: ProjectRecord, replaces: string[] = []): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['media', 'projects', 'meta'], 'readwrite');
    await checkClaim(tx as unknown as Tx, project.id);
    const gone = replaces.filter((id) => id !== media.id).map((id) => tx.objectStore('media').delete(id));
    await Promise.all([tx.objectStore('media').put(media), ...gone, tx.objectStore('projects').put(project), tx.done]);
  });
  announce(project.id);
  requestPersistence();
}

export async function removeMedia(id: string, project: ProjectRecord): Promise<void> {
  await withDb(async (db) => {
    const tx = db.transaction(['media', 'projects', 'meta'], 'readwrite');
    await checkClaim(tx as unknown as Tx, project.id);
    await Promise.all([tx.objectStore('media').delete(id), tx.objectStore('projects').put(project), tx.done]);
  });
  announce(project.id);
}

export function getMedia(id: string): Promise<MediaRecord | undefined> {
  return withDb((db) => db.get('media', id));
}

/**
 * Deletes stored files that no project (and no export task's copy of a project) refers to:
 * left by older versions, where a second tab's stale save dropped the first tab's pictures.
 * One transaction, so a file and the project that adds it are never seen half-written; files
 * younger than `graceMs` are kept all the same. Returns how many were deleted.
 */
export async function removeOrphanedMedia(graceMs = 60_000): Promise<number> {
  return withDb(async (db) => {
    const tx = db.transaction(['media', 'projects', 'tasks'], 'readwrite');
    const live = new Set<string>();
    for (const p of await tx.objectStore('projects').getAll()) for (const id of archiveMediaIds(p)) live.add(id);
    for (const t of await tx.objectStore('tasks').getAll()) if (t.project) for (const id of archiveMediaIds(t.project)) live.add(id);
    let removed = 0;
    let cursor = await tx.objectStore('media').openCursor();
    while (cursor) {
      const m = cursor.value;
      if (!live.has(m.id) && Date.now() - (m.createdAt ?? 0) > graceMs) {
        await cursor.delete();
        removed++;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  });
}
