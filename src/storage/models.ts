/**
 * The model download manager, shared by every engine that needs downloaded weights (neural
 * voices, voice clone, neural lip-sync). Bytes live in the origin-private file system (OPFS)
 * folder `models/`; the record in IndexedDB's `models` store says what they are.
 *
 * Guarantees:
 * - Nothing is fetched unless the user asks (a download starts only from downloadModel, called
 *   from a click that granted the model hosts to the network gateway first).
 * - A download writes `<id>.part` and hashes it as it streams in (hash-wasm's incremental MD5
 *   and SHA-256). Only after the size and the publisher's digest (MD5 for Piper's voices,
 *   SHA-256 where that is what the publisher states) both match is it renamed to `<id>.bin`,
 *   its SHA-256 recorded and its record marked 'ready'. loadModelBytes checks that SHA-256 on
 *   every load, so a partial, corrupt or altered file is never handed to an engine.
 * - A cut connection keeps the bytes already received; the next downloadModel asks the server
 *   for the rest (HTTP Range), re-hashes what is on disk and appends, or starts over if the
 *   server cannot resume.
 * - A wrong digest, or a full disk, removes the file and the record: nothing half-installed.
 */
import { createMD5, createSHA256, type IHasher } from 'hash-wasm';
import catalogJson from '../../models/catalog.json';
import { netFetch } from '../net/external-fetch.ts';
import { deployConfig } from '../platform/deploy-config.ts';
import { parsePiperConfig } from '../voice/piper.ts';
import { withDb } from './db.ts';
import { formatBytes, onHub, parseCatalog, resumePlan, toHex, type FileRef, type ModelEntry, type ModelTask } from './model-catalog.ts';
import type { ModelRecord } from './schema.ts';

export type { FileRef, ModelEntry, ModelTask } from './model-catalog.ts';
export { checkLabel, formatBytes } from './model-catalog.ts';

export type ModelErrorCode = 'integrity' | 'missing' | 'network' | 'aborted' | 'storage' | 'invalid' | 'busy';

const DEFAULT_MESSAGES: Record<ModelErrorCode, string> = {
  integrity: 'The download was damaged (its checksum did not match the publisher’s); nothing was kept. Try again.',
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

/** The sentence for a download whose bytes do not match the publisher's digest. */
export function damagedMessage(name: string): string {
  return `The download of ${name} was damaged (its checksum did not match the publisher’s); nothing was kept. Try again.`;
}

const DIR = 'models';

declare const __TALKREEL_CATALOG__: unknown;

let parsed: ModelEntry[] | null = null;

/**
 * Every model the catalog offers (validated once). A build may swap in another catalog file
 * (deploy config `models.catalog`, e.g. the browser tests' tiny voices); otherwise the shipped one.
 */
export function catalog(): ModelEntry[] {
  parsed ??= parseCatalog(typeof __TALKREEL_CATALOG__ === 'undefined' ? catalogJson : __TALKREEL_CATALOG__).models;
  return parsed;
}

export function catalogEntry(id: string): ModelEntry | undefined {
  return catalog().find((m) => m.id === id);
}

/** The address a catalog file is fetched from: hub URLs go to the deployer's hub (or mirror). */
export function downloadUrl(url: string, source: ModelRecord['source'] = 'catalog'): string {
  return source === 'catalog' ? onHub(url, deployConfig.models.hub) : url;
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

/** What identifies the bytes an entry promises: its publisher's digest. */
const digestOf = (e: { md5?: string | undefined; sha256?: string | undefined }): string => e.sha256 ?? e.md5 ?? '';

function recordFor(entry: ModelEntry, source: ModelRecord['source'], received: number, createdAt = Date.now()): ModelRecord {
  return {
    id: entry.id,
    createdAt,
    task: entry.task,
    name: entry.name,
    source,
    // Known once the file is in (computed at install) unless the publisher stated it.
    sha256: entry.sha256 ?? '',
    ...(entry.md5 ? { md5: entry.md5 } : {}),
    digest: entry.sha256 ? 'sha256' : 'md5',
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

function isQuota(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || /quota|no space|not enough space/i.test(String((err as { message?: string } | null)?.message ?? ''));
}

function fullMessage(entry: ModelEntry): string {
  return `There is not enough free storage for ${entry.name} (${formatBytes(entry.bytes)}); nothing was kept. Free some space (old exports on Assets, other models) and try again.`;
}

async function newHashers(): Promise<{ md5: IHasher; sha: IHasher }> {
  const [md5, sha] = await Promise.all([createMD5(), createSHA256()]);
  md5.init();
  sha.init();
  return { md5, sha };
}

/** Whether `bytes` hashed to what `ref` promises (size included). */
function matches(ref: { bytes: number; md5?: string | undefined; sha256?: string | undefined }, size: number, md5: string, sha256: string): boolean {
  if (size !== ref.bytes) return false;
  if (ref.md5 && ref.md5 !== md5) return false;
  if (ref.sha256 && ref.sha256 !== sha256) return false;
  return true;
}

/**
 * A small companion file (a voice's .onnx.json, its MODEL_CARD), fetched whole and checked
 * against its size and digest before anything reads it.
 */
export async function fetchSmallFile(ref: FileRef, name: string, source: ModelRecord['source'] = 'catalog', signal?: AbortSignal): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await netFetch(downloadUrl(ref.url, source), { signal: signal ?? null, cache: 'no-store' });
  } catch (err) {
    if (isAbort(err, signal)) throw new ModelError('aborted', undefined, { cause: err });
    throw new ModelError('network', `${name} could not be reached at ${new URL(downloadUrl(ref.url, source)).host} (${(err as Error).message}). Check the connection and try again.`, { cause: err });
  }
  if (!res.ok) throw new ModelError('network', `The server refused ${name}’s files (HTTP ${res.status}). Try again later.`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { md5, sha } = await newHashers();
  md5.update(bytes);
  sha.update(bytes);
  if (!matches(ref, bytes.byteLength, md5.digest('hex'), sha.digest('hex'))) throw new ModelError('integrity', damagedMessage(name));
  return bytes;
}

/** The publisher's model card of `entry` (licence, dataset), checked, as text. */
export async function fetchModelCard(entry: ModelEntry, signal?: AbortSignal): Promise<string> {
  if (!entry.card) throw new ModelError('missing', `${entry.name} has no model card in the catalog.`);
  return new TextDecoder().decode(await fetchSmallFile(entry.card, entry.name, 'catalog', signal));
}

/** A Piper voice's settings file → the contract the voice engine reads. */
async function configContract(entry: ModelEntry, source: ModelRecord['source'], signal?: AbortSignal): Promise<Record<string, unknown> | undefined> {
  if (!entry.config) return entry.contract;
  const bytes = await fetchSmallFile(entry.config, entry.name, source, signal);
  try {
    return { kind: 'piper', config: parsePiperConfig(JSON.parse(new TextDecoder().decode(bytes))) };
  } catch (err) {
    throw new ModelError('invalid', `${entry.name}’s settings file (.onnx.json) is not a Piper voice configuration, so the voice was not installed.`, { cause: err });
  }
}

/**
 * Downloads `entry` (resuming a partial file), verifies size and the publisher's digest while
 * it streams, records its SHA-256 and marks it ready. `source` is 'link' for an entry the user
 * typed in rather than one from the catalog.
 */
export async function downloadModel(entry: ModelEntry, opts: DownloadOptions = {}, source: ModelRecord['source'] = 'catalog'): Promise<ModelRecord> {
  const { signal, onProgress } = opts;
  if (inFlight.has(entry.id)) throw new ModelError('busy');
  inFlight.add(entry.id);
  let dir: FileSystemDirectoryHandle | null = null;
  try {
    const existing = await getModel(entry.id);
    if (existing?.state === 'ready' && (existing.md5 ?? existing.sha256) === digestOf(entry) && existing.sha256) return existing;
    dir = await modelsDir();
    const part = `${entry.id}.part`;
    let from = (await fileOf(dir, part))?.size ?? 0;
    // A leftover of another version of this entry cannot be resumed.
    if (existing && (existing.md5 ?? existing.sha256) !== digestOf(entry)) from = 0;
    if (from > entry.bytes) from = 0;
    const contract = await configContract(entry, source, signal);
    const record: ModelRecord = { ...recordFor(entry, source, from, existing?.createdAt), ...(contract ? { contract } : {}) };
    await putRecord(record);
    onProgress?.(from, entry.bytes);
    const url = downloadUrl(entry.url, source);

    let res: Response;
    try {
      // Through the network gateway: the app's own pages may only connect to their own origin.
      res = await netFetch(url, {
        signal: signal ?? null,
        cache: 'no-store',
        headers: from > 0 ? { Range: `bytes=${from}-` } : {},
      });
    } catch (err) {
      if (isAbort(err, signal)) throw new ModelError('aborted', undefined, { cause: err });
      throw new ModelError('network', `The model could not be downloaded from ${new URL(url).host} (${(err as Error).message}). Check the connection, then press Resume.`, { cause: err });
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

    // The digests cover the whole file: what is already on disk is hashed again first.
    const { md5, sha } = await newHashers();
    if (from > 0) {
      const kept = await fileOf(dir, part);
      const reader = kept!.slice(0, from).stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        md5.update(value);
        sha.update(value);
      }
    }

    let received = from;
    if (plan !== 'done') {
      const handle = await dir.getFileHandle(part, { create: true });
      let writable: FileSystemWritableFileStream;
      try {
        writable = await handle.createWritable({ keepExistingData: plan === 'append' });
        if (plan === 'append') await writable.seek(from);
        else await writable.truncate(0);
      } catch (err) {
        if (isQuota(err)) throw new ModelError('storage', fullMessage(entry), { cause: err });
        throw new ModelError('storage', undefined, { cause: err });
      }
      const reader = res.body!.getReader();
      let failure: unknown = null;
      let lastSave = received;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (received + value.byteLength > entry.bytes) throw new ModelError('integrity', damagedMessage(entry.name));
          await writable.write(value);
          md5.update(value);
          sha.update(value);
          received += value.byteLength;
          onProgress?.(received, entry.bytes);
          if (received - lastSave > 8 << 20) {
            lastSave = received;
            void putRecord({ ...record, received });
          }
        }
      } catch (err) {
        failure = err;
        await reader.cancel().catch(() => undefined);
      }
      // Close (not abort): the bytes received so far are kept for a resume.
      const closed = await writable.close().then(() => null, (err: unknown) => err);
      if (!failure && closed) failure = closed;
      if (failure) {
        if ((failure instanceof ModelError && failure.code === 'integrity') || isQuota(failure)) {
          await purge(dir, entry.id);
          throw isQuota(failure) ? new ModelError('storage', fullMessage(entry), { cause: failure }) : failure;
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
      throw new ModelError('integrity', damagedMessage(entry.name));
    }
    const sha256 = sha.digest('hex');
    if (!matches(entry, file.size, md5.digest('hex'), sha256)) {
      await purge(dir, entry.id);
      throw new ModelError('integrity', damagedMessage(entry.name));
    }
    const final = `${entry.id}.bin`;
    await removeFile(dir, final);
    const partHandle = await dir.getFileHandle(part);
    await (partHandle as FileSystemFileHandle & { move(d: FileSystemDirectoryHandle, n: string): Promise<void> }).move(dir, final);
    const ready: ModelRecord = { ...record, sha256, state: 'ready', received: entry.bytes, file: final };
    await putRecord(ready);
    return ready;
  } catch (err) {
    // A full disk anywhere (the record, the move): nothing is left half-installed.
    if (isQuota(err) && !(err instanceof ModelError)) {
      if (dir) await purge(dir, entry.id).catch(() => undefined);
      throw new ModelError('storage', fullMessage(entry), { cause: err });
    }
    throw err;
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

/**
 * The bytes of a ready model, checked against the SHA-256 recorded at install (or import) on
 * every load: a file changed or damaged on disk is deleted and ModelError('integrity') says so.
 */
export async function loadModelBytes(id: string): Promise<ArrayBuffer> {
  const r = await getModel(id);
  if (!r || r.state !== 'ready') throw new ModelError('missing');
  const dir = await modelsDir();
  const file = await fileOf(dir, r.file);
  if (!file || file.size !== r.bytes) throw new ModelError('missing');
  const bytes = await file.arrayBuffer();
  if (toHex(await crypto.subtle.digest('SHA-256', bytes)) !== r.sha256) {
    await purge(dir, id);
    throw new ModelError('integrity', `${r.name} on this device no longer matches the SHA-256 recorded when it was installed, so it was deleted and not used. Download it again.`);
  }
  return bytes;
}

/** Deletes a model's record and its files (finished or partial). */
export async function removeModel(id: string): Promise<void> {
  const dir = await modelsDir();
  await withDb((db) => db.delete('models', id));
  await removeFile(dir, `${id}.part`);
  await removeFile(dir, `${id}.bin`);
}
