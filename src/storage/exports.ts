/**
 * Exported MP4s stream into OPFS (`exports/`, see workers/render/export.ts). Files nothing
 * refers to any more (an embed widget's jobs live only as long as its page) are removed here.
 */
const EXPORT_DIR = 'exports';

/**
 * Deletes export files whose names start with `prefix` and that were last written more than
 * `olderThanMs` ago (files still being written, or held by another open widget, are kept).
 * Returns how many were removed; never throws.
 */
export async function removeOldExports(prefix: string, olderThanMs: number): Promise<number> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return 0;
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle(EXPORT_DIR, { create: false }).catch(() => null);
    if (!dir) return 0;
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.startsWith(prefix)) names.push(name);
    let removed = 0;
    for (const name of names) {
      try {
        const file = await (await dir.getFileHandle(name)).getFile();
        if (Date.now() - file.lastModified < olderThanMs) continue;
        await dir.removeEntry(name);
        removed++;
      } catch {
        /* locked by a running export, or already gone */
      }
    }
    return removed;
  } catch {
    return 0;
  }
}
