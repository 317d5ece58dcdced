/**
 * Export tasks (the Task Center). A task is claimed for running inside one readwrite
 * transaction, so two tabs never start the same task.
 */
import { withDb } from './db.ts';
import type { TaskRecord } from './schema.ts';

export function listTasks(): Promise<TaskRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('tasks', 'createdAt')).reverse());
}

export function getTask(id: string): Promise<TaskRecord | undefined> {
  return withDb((db) => db.get('tasks', id));
}

export async function putTask(task: TaskRecord): Promise<void> {
  await withDb((db) => db.put('tasks', task));
}

/** Applies `change` to the stored task (if it still exists); returns the new record. */
export function updateTask(id: string, change: (t: TaskRecord) => TaskRecord | null): Promise<TaskRecord | undefined> {
  return withDb(async (db) => {
    const tx = db.transaction('tasks', 'readwrite');
    const cur = await tx.store.get(id);
    const next = cur ? change(cur) : null;
    if (next) await tx.store.put(next);
    await tx.done;
    return next ?? cur;
  });
}

export async function deleteTask(id: string): Promise<void> {
  await withDb((db) => db.delete('tasks', id));
}

/** Takes the oldest queued task and marks it running, atomically; undefined when none waits. */
export function claimNextTask(now = Date.now()): Promise<TaskRecord | undefined> {
  return withDb(async (db) => {
    const tx = db.transaction('tasks', 'readwrite');
    let claimed: TaskRecord | undefined;
    for await (const cursor of tx.store.index('createdAt').iterate()) {
      if (cursor.value.status !== 'queued') continue;
      claimed = { ...cursor.value, status: 'running', progress: 0, startedAt: now };
      delete claimed.error;
      await cursor.update(claimed);
      break;
    }
    await tx.done;
    return claimed;
  });
}
