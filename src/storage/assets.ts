import { requestPersistence, withDb } from './db.ts';
import { adoptExport, assetFile, collectGarbage, removeAssetFile } from './files.ts';
import type { AssetRecord } from './schema.ts';

/**
 * Keeps a finished export: its file moves from scratch into the assets folder, then the record
 * that names it is written. If the record cannot be written the file is removed again.
 */
export async function keepExport(scratchName: string, record: Omit<AssetRecord, 'file'>): Promise<{ asset: AssetRecord; file: File }> {
  const name = `${record.id}.mp4`;
  const file = await adoptExport(scratchName, name);
  const asset: AssetRecord = { ...record, file: name, size: file.size };
  try {
    await withDb((db) => db.put('assets', asset));
  } catch (err) {
    await removeAssetFile(name);
    throw err;
  }
  requestPersistence();
  return { asset, file };
}

export function listAssets(projectId: string): Promise<AssetRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('assets', 'projectId', projectId)).sort((a, b) => b.createdAt - a.createdAt));
}

export function listAllAssets(): Promise<AssetRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('assets', 'createdAt')).reverse());
}

export function getAsset(id: string): Promise<AssetRecord | undefined> {
  return withDb((db) => db.get('assets', id));
}

/** Renames a video as My Assets and downloads show it (the file in OPFS keeps its id name). */
export function renameAsset(id: string, name: string): Promise<AssetRecord | undefined> {
  return withDb(async (db) => {
    const tx = db.transaction('assets', 'readwrite');
    const cur = await tx.store.get(id);
    const next = cur ? { ...cur, name } : undefined;
    if (next) await tx.store.put(next);
    await tx.done;
    return next;
  });
}

export function openAsset(asset: AssetRecord): Promise<File | null> {
  return assetFile(asset.file);
}

export async function deleteAsset(asset: AssetRecord): Promise<void> {
  await withDb((db) => db.delete('assets', asset.id));
  await removeAssetFile(asset.file);
}

/** Removes abandoned exports and files no asset record points to. */
export async function cleanUpFiles(idleMs?: number): Promise<number> {
  const live = new Set((await listAllAssets()).map((a) => a.file));
  return collectGarbage(live, idleMs);
}
