/**
 * Video files live in the origin-private file system (OPFS), never in IndexedDB: an export
 * streams into `exports/` (workers/render/export.ts), and a finished one is moved, not copied,
 * into `assets/`, where IndexedDB's asset record points at it by name. (Chromium's IndexedDB
 * keeps a stored OPFS File as a reference to the file, so the file itself must stay put.)
 */
const EXPORT_DIR = 'exports';
const ASSET_DIR = 'assets';

async function dir(name: string): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(name, { create: true });
}

async function filesIn(name: string): Promise<File[]> {
  const d = await dir(name);
  const out: File[] = [];
  if (!d) return out;
  // Cast: the DOM lib's async iteration of directories is not in every tsconfig this file is checked under.
  for await (const handle of (d as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    if (handle.kind !== 'file') continue;
    const file = await (handle as FileSystemFileHandle).getFile().catch(() => null);
    if (file) out.push(file);
  }
  return out;
}

/** Moves a finished export into the assets folder under a new name. */
export async function adoptExport(scratchName: string, assetName: string): Promise<File> {
  const from = await dir(EXPORT_DIR);
  const to = await dir(ASSET_DIR);
  if (!from || !to) throw new Error('This browser has no private file system for videos.');
  const handle = await from.getFileHandle(scratchName);
  await (handle as FileSystemFileHandle & { move(d: FileSystemDirectoryHandle, n: string): Promise<void> }).move(to, assetName);
  return (await to.getFileHandle(assetName)).getFile();
}

export async function assetFile(assetName: string): Promise<File | null> {
  const d = await dir(ASSET_DIR);
  if (!d) return null;
  return d.getFileHandle(assetName).then((h) => h.getFile(), () => null);
}

export async function removeAssetFile(assetName: string): Promise<void> {
  await (await dir(ASSET_DIR))?.removeEntry(assetName).catch(() => undefined);
}

/**
 * Deletes an unfinished export at once (cancelled, failed, its worker gone). The worker that
 * wrote it may still be letting go of the file, so a locked file is tried again for a moment;
 * what is still locked then is left to collectGarbage.
 */
export async function removeScratchExport(scratchName: string, tries = 20): Promise<boolean> {
  const d = await dir(EXPORT_DIR).catch(() => null);
  if (!d) return false;
  for (let i = 0; i < tries; i++) {
    try {
      await d.removeEntry(scratchName);
      return true;
    } catch (err) {
      if ((err as { name?: string } | null)?.name === 'NotFoundError') return true;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

/** Bytes held in unfinished exports. */
export async function scratchBytes(): Promise<number> {
  return (await filesIn(EXPORT_DIR)).reduce((n, f) => n + f.size, 0);
}

/**
 * Deletes unfinished exports untouched for `idleMs` (a running export, in this tab or another,
 * writes continuously, so only abandoned files are old) and asset files no record points to.
 * Returns bytes freed.
 */
export async function collectGarbage(liveAssets: ReadonlySet<string>, idleMs = 2 * 60_000): Promise<number> {
  let freed = 0;
  const exportsDir = await dir(EXPORT_DIR);
  for (const f of await filesIn(EXPORT_DIR)) {
    if (Date.now() - f.lastModified > idleMs) {
      await exportsDir?.removeEntry(f.name).catch(() => undefined);
      freed += f.size;
    }
  }
  for (const f of await filesIn(ASSET_DIR)) {
    if (!liveAssets.has(f.name)) {
      await removeAssetFile(f.name);
      freed += f.size;
    }
  }
  return freed;
}
