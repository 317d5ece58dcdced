/**
 * The embed widget's videos. An export streams into OPFS `exports/` (workers/render/export.ts);
 * a finished widget export is moved (not copied) into `embed/`, out of reach of the app's
 * garbage collection of `exports/` (files.ts), and lives as long as the widget page that made
 * it. Files left behind by earlier widget pages are removed here.
 */
const EXPORT_DIR = 'exports';
const EMBED_DIR = 'embed';

async function dir(name: string): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  return (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
}

/** Moves a finished export into the widget's folder; returns the file there. */
export async function adoptEmbedExport(scratchName: string): Promise<File> {
  const from = await dir(EXPORT_DIR);
  const to = await dir(EMBED_DIR);
  if (!from || !to) throw new Error('This browser has no private file system for videos.');
  const handle = await from.getFileHandle(scratchName);
  await (handle as FileSystemFileHandle & { move(d: FileSystemDirectoryHandle, n: string): Promise<void> }).move(to, scratchName);
  return (await to.getFileHandle(scratchName)).getFile();
}

/**
 * Deletes widget videos last written more than `olderThanMs` ago (another open widget's recent
 * videos are kept). Returns how many were removed; never throws.
 */
export async function removeOldEmbedVideos(olderThanMs: number): Promise<number> {
  try {
    const d = await dir(EMBED_DIR);
    if (!d) return 0;
    const names: string[] = [];
    for await (const name of (d as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    let removed = 0;
    for (const name of names) {
      try {
        const file = await (await d.getFileHandle(name)).getFile();
        if (Date.now() - file.lastModified < olderThanMs) continue;
        await d.removeEntry(name);
        removed++;
      } catch {
        /* already gone */
      }
    }
    return removed;
  } catch {
    return 0;
  }
}
