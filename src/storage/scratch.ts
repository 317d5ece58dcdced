/**
 * OPFS scratch space: exports stream into `exports/` (workers/render/export.ts) and are then
 * kept in IndexedDB with the user's assets. Whatever is left here afterwards (a cancelled or
 * crashed export) is garbage.
 */
const EXPORT_DIR = 'exports';

async function exportDir(): Promise<FileSystemDirectoryHandle | null> {
  if (!navigator.storage?.getDirectory) return null;
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(EXPORT_DIR, { create: true });
}

export async function removeScratchFile(name: string): Promise<void> {
  const dir = await exportDir();
  await dir?.removeEntry(name).catch(() => undefined);
}

/** Bytes held in scratch files, and how many. */
export async function scratchUsage(): Promise<{ bytes: number; files: number }> {
  const dir = await exportDir();
  let bytes = 0;
  let files = 0;
  if (!dir) return { bytes, files };
  for await (const handle of dir.values()) {
    if (handle.kind !== 'file') continue;
    bytes += (await (handle as FileSystemFileHandle).getFile()).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Deletes scratch files untouched for `idleMs`. A running export (in this tab or another)
 * writes continuously, so only abandoned files are old. Returns bytes freed.
 */
export async function purgeScratch(idleMs = 2 * 60_000): Promise<number> {
  const dir = await exportDir();
  if (!dir) return 0;
  let freed = 0;
  const stale: string[] = [];
  for await (const handle of dir.values()) {
    if (handle.kind !== 'file') continue;
    const file = await (handle as FileSystemFileHandle).getFile().catch(() => null);
    if (file && Date.now() - file.lastModified > idleMs) {
      stale.push(handle.name);
      freed += file.size;
    }
  }
  for (const name of stale) await dir.removeEntry(name).catch(() => undefined);
  return freed;
}
