import { requestPersistence, withDb } from './db.ts';
import type { AssetRecord } from './schema.ts';

export async function addAsset(asset: AssetRecord): Promise<void> {
  await withDb((db) => db.put('assets', asset));
  requestPersistence();
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

export function deleteAsset(id: string): Promise<void> {
  return withDb((db) => db.delete('assets', id));
}
