/**
 * The model download manager, shared by every engine that needs downloaded weights (neural
 * voices, voice clone, neural lip-sync). Bytes live in the origin-private file system (OPFS)
 * folder `models/`; the record in IndexedDB's `models` store says what they are.
 *
 * Guarantees:
 * - Nothing is fetched unless the user asks (a download starts only from downloadModel).
 * - A download writes `<id>.part`; only after the size and SHA-256 both match is it renamed to
 *   `<id>.bin` and its record marked 'ready'. loadModelBytes loads only 'ready' models, so a
 *   partial or corrupt file is never handed to an engine.
 * - A cut connection keeps the bytes already received; the next downloadModel asks the server
 *   for the rest (HTTP Range) and appends, or starts over if the server cannot resume.
 * - A wrong hash purges the file and the record: ModelError('integrity').
 */
import catalogJson from '../../models/catalog.json';
import { netFetch } from '../net/external-fetch.ts';
import { withDb } from './db.ts';
import { parseCatalog, resumePlan, toHex, type ModelEntry, type ModelTask } from './model-catalog.ts';
import type { ModelRecord } from './schema.ts';

export type { ModelEntry, ModelTask } from './model-catalog.ts';
export { formatBytes } from './model-catalog.ts';

export type ModelErrorCode = 'integrity' | 'missing' | 'network' | 'aborted' | 'storage' | 'invalid' | 'busy';

const DEFAULT_MESSAGES: Record<ModelErrorCode, string> = {
  integrity: 'The downloaded model does not match its published checksum, so it was deleted. Try again later or pick another model.',
  missing: 'This model is not on this device (or its file is incomplete). Download or import it again.',
  network: 'The download was interrupted. Press Resume to continue where it stopped.',
  aborted: 'The download was cancelled. Press Resume to continue where it stopped.',
  storage: 'The browser could not store the model. Free some space and try again.',
  invalid: 'This file is not a model talkreel can use.',
  busy: 'This model is already downloading.',
};

export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly code: ModelErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DIR = 'models';

let parsed: ModelEntry[] | null = null;

/** Every model the catalog offers (validated once). */
export function catalog(): ModelEntry[] {
  parsed ??= parseCatalog(catalogJson).models;
  return parsed;
}

export function catalogEntry(id: string): ModelEntry | undefined {
  return catalog().find((m) => m.id === id);
}

async function modelsDir(): Promise<FileSystemDirectoryHandle> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) {
    throw new ModelError('storage', 'This browser has no private file system, so models cannot be kept.');
  }
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIR, { create: true });
}

async function fileOf(dir: FileSystemDirectoryHandle, name: string): Promise<File | null> {
  return dir.getFileHandle(name).then(
    (h) => h.getFile(),
    () => null,
  );
}

async function removeFile(dir: FileSystemDirectoryHandle, name: string): Promise<void> {
  await dir.removeEntry(name).catch(() => undefined);
}

async function sha256Of(blob: Blob): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
}

/** Installed (verified, loadable) models, newest first. */
export async function listInstalled(): Promise<ModelRecord[]> {
  return (await allRecords()).filter((r) => r.state === 'ready');
}

/** Downloads that stopped part-way and can be resumed. */
export async function listPartial(): Promise<ModelRecord[]> {
  return (await allRecords()).filter((r) => r.state === 'partial');
}

async function allRecords(): Promise<ModelRecord[]> {
  return withDb(async (db) => (await db.getAllFromIndex('models', 'createdAt')).reverse());
}

export function getModel(id: string): Promise<ModelRecord | undefined> {
  return withDb((db) => db.get('models', id));
}

function putRecord(r: ModelRecord): Promise<unknown> {
  return withDb((db) => db.put('models', r));
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (received: number, total: number) => void;
}

const inFlight = new Set<string>();

function recordFor(entry: ModelEntry, source: ModelRecord['source'], received: number, createdAt = Date.now()): ModelRecord {
  return {
    id: entry.id,
    createdAt,
    task: entry.task,
    name: entry.name,
    source,
    sha256: entry.sha256,
    bytes: entry.bytes,
    licence: entry.licence,
    commercialUse: entry.commercialUse,
    url: entry.url,
    state: 'partial',
    received,
    file: `${entry.id}.part`,
    ...(entry.contract ? { contract: entry.contract } : {}),
  };
}

function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (err as { name?: string } | null)?.name === 'AbortError';
}

/**
 * Downloads `entry` (resuming a partial file), verifies size and SHA-256, and marks it ready.
 * `source` is 'link' for an entry the user typed in rather than one from the catalog.
 */
export async function downloadModel(entry: ModelEntry, opts: DownloadOptions = {}, source: ModelRecord['source'] = 'catalog'): Promise<ModelRecord> {
  const { signal, onProgress } = opts;
  if (inFlight.has(entry.id)) throw new ModelError('busy');
  inFlight.add(entry.id);
  try {
    const existing = await getModel(entry.id);
    if (existing?.state === 'ready' && existing.sha256 === entry.sha256) return existing;
    const dir = await modelsDir();
    const part = `${entry.id}.part`;
    let from = (await fileOf(dir, part))?.size ?? 0;
    // A leftover of another version of this entry cannot be resumed.
    if (existing && existing.sha256 !== entry.sha256) from = 0;
    if (from > entry.bytes) from = 0;
    const record = recordFor(entry, source, from, existing?.createdAt);
    await putRecord(record);
    onProgress?.(from, entry.bytes);

    let res: Response;
    try {
      // Through the network gateway: the app's own pages may only connect to their own origin.
      res = await netFetch(entry.url, {
        signal: signal ?? null,
        cache: 'no-store',
        headers: from > 0 ? { Range: `bytes=${from}-` } : {},
      });
    } catch (err) {
      if (isAbort(err, signal)) throw new ModelError('aborted', undefined, { cause: err });
      throw new ModelError('network', `The model could not be downloaded from ${new URL(entry.url).host} (${(err as Error).message}). Check the connection, then press Resume.`, { cause: err });
    }
    let plan: 'append' | 'restart' | 'done' = 'restart';
    if (from > 0) plan = resumePlan(res.status, res.headers.get('Content-Range'), from, entry.bytes);
    if (plan === 'restart' && !(res.status === 200 || (from === 0 && res.status === 206))) {
      if (res.status === 206 || res.status === 416) {
        // The server answered our range with something that does not fit: start over cleanly.
        await res.body?.cancel().catch(() => undefined);
        await removeFile(dir, part);
        inFlight.delete(entry.id);
        return downloadModel(entry, opts, source);
      }
      throw new ModelError('network', `The server refused the download (HTTP ${res.status}).`);
    }
    if (plan === 'restart') from = 0;

    let received = from;
    if (plan !== 'done') {
      const handle = await dir.getFileHandle(part, { create: true });
      let writable: FileSystemWritableFileStream;
      try {
        writable = await handle.createWritable({ keepExistingData: plan === 'append' });
        if (plan === 'append') await writable.seek(from);
        else await writable.truncate(0);
      } catch (err) {
        throw new ModelError('storage', undefined, { cause: err });
      }
      const reader = res.body!.getReader();
      let failure: unknown = null;
      let lastSave = received;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (received + value.byteLength > entry.bytes) {
            throw new ModelError('integrity', `The server sent more than the ${entry.bytes} bytes this model should have, so the download was deleted.`);
          }
          await writable.write(value);
          received += value.byteLength;
          onProgress?.(received, entry.bytes);
          if (received - lastSave > 8 << 20) {
            lastSave = received;
            void putRecord({ ...record, received });
          }
        }
      } catch (err) {
        failure = err;
      }
      // Close (not abort): the bytes received so far are kept for a resume.
      await writable.close().catch(() => undefined);
      if (failure) {
        if (failure instanceof ModelError && failure.code === 'integrity') {
          await purge(dir, entry.id);
          throw failure;
        }
        await putRecord({ ...record, received });
        if (isAbort(failure, signal)) throw new ModelError('aborted', undefined, { cause: failure });
        throw new ModelError('network', `The download stopped at ${Math.round((received / entry.bytes) * 100)} % (${(failure as Error)?.message ?? 'connection lost'}). Press Resume to continue where it stopped.`, { cause: failure });
      }
    }

    const file = await fileOf(dir, part);
    if (!file || file.size !== entry.bytes) {
      if (file && file.size < entry.bytes) {
        // The connection closed cleanly but early: resumable.
        await putRecord({ ...record, received: file.size });
        throw new ModelError('network', `The download stopped at ${Math.round((file.size / entry.bytes) * 100)} %. Press Resume to continue where it stopped.`);
      }
      await purge(dir, entry.id);
      throw new ModelError('integrity', `The download has ${file?.size ?? 0} bytes but the model should have ${entry.bytes}; it was deleted.`);
    }
    const hash = await sha256Of(file);
    if (hash !== entry.sha256) {
      await purge(dir, entry.id);
      throw new ModelError('integrity');
    }
    const final = `${entry.id}.bin`;
    await removeFile(dir, final);
    const partHandle = await dir.getFileHandle(part);
    await (partHandle as FileSystemFileHandle & { move(d: FileSystemDirectoryHandle, n: string): Promise<void> }).move(dir, final);
    const ready: ModelRecord = { ...record, state: 'ready', received: entry.bytes, file: final };
    await putRecord(ready);
    return ready;
  } finally {
    inFlight.delete(entry.id);
  }
}

async function purge(dir: FileSystemDirectoryHandle, id: string): Promise<void> {
  await removeFile(dir, `${id}.part`);
  await removeFile(dir, `${id}.bin`);
  await withDb((db) => db.delete('models', id));
}

/** ONNX files are protobuf ModelProto: field 1 (ir_version, varint) comes first. */
function looksLikeOnnx(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x08 && head[1]! > 0 && head[1]! < 0x20;
}

/** Largest model a user may import (browsers struggle to hold more in one ArrayBuffer). */
export const MAX_IMPORT_BYTES = 2_000_000_000;

/**
 * Imports a model from a local file (ONNX); its SHA-256 is computed and stored. `contract` is
 * what the engine needs besides the weights (a Piper voice's .onnx.json: `{ kind: 'piper', config }`).
 */
export async function importModelFile(file: File, task: ModelTask, name?: string, contract?: Record<string, unknown>): Promise<ModelRecord> {
  if (file.size === 0) throw new ModelError('invalid', `“${file.name}” is empty.`);
  if (file.size > MAX_IMPORT_BYTES) throw new ModelError('invalid', `“${file.name}” is larger than 2 GB, more than a browser can load.`);
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (!looksLikeOnnx(head)) throw new ModelError('invalid', `“${file.name}” is not an ONNX model (its first bytes do not match), so it was not imported.`);
  const sha256 = await sha256Of(file);
  const id = `file-${sha256.slice(0, 16)}`;
  const dir = await modelsDir();
  const final = `${id}.bin`;
  try {
    const w = await (await dir.getFileHandle(final, { create: true })).createWritable();
    await w.write(file);
    await w.close();
  } catch (err) {
    await removeFile(dir, final);
    throw new ModelError('storage', undefined, { cause: err });
  }
  const record: ModelRecord = {
    id,
    createdAt: Date.now(),
    task,
    name: (name ?? file.name.replace(/\.onnx$/i, '')).trim() || 'Imported model',
    source: 'file',
    sha256,
    bytes: file.size,
    state: 'ready',
    received: file.size,
    file: final,
    ...(contract ? { contract } : {}),
  };
  try {
    await putRecord(record);
  } catch (err) {
    await removeFile(dir, final);
    throw err;
  }
  return record;
}

/** The bytes of a ready model (size re-checked); ModelError('missing') otherwise. */
export async function loadModelBytes(id: string): Promise<ArrayBuffer> {
  const r = await getModel(id);
  if (!r || r.state !== 'ready') throw new ModelError('missing');
  const file = await fileOf(await modelsDir(), r.file);
  if (!file || file.size !== r.bytes) throw new ModelError('missing');
  return file.arrayBuffer();
}

/** Deletes a model's record and its files (finished or partial). */
export async function removeModel(id: string): Promise<void> {
  const dir = await modelsDir();
  await withDb((db) => db.delete('models', id));
  await removeFile(dir, `${id}.part`);
  await removeFile(dir, `${id}.bin`);
}
