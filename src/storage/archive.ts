/**
 * A project as one file (zip) to move it to another browser: pure packing and unpacking, with
 * every byte of an imported archive checked before anything is stored.
 */
import { strFromU8, strToU8, Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import * as v from 'valibot';
import { checkImage, MediaError } from '../product/media.ts';
import type { ProjectRecord } from './schema.ts';

export const ARCHIVE_FORMAT = 'talkreel-project';
export const ARCHIVE_VERSION = 1;
/** Limits that keep a hostile archive from exhausting memory. */
export const MAX_ARCHIVE_BYTES = 600 * 1024 * 1024;
export const MAX_ENTRY_BYTES = 20 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 800 * 1024 * 1024;
export const MAX_ENTRIES = 200;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    readonly code: 'not-a-zip' | 'too-large' | 'corrupt' | 'bad-path' | 'bad-manifest' | 'newer-version' | 'bad-project' | 'bad-media',
    message: string,
  ) {
    super(message);
  }
}

export interface ArchiveMedia {
  id: string;
  mime: string;
  bytes: Uint8Array;
}

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

const ManifestSchema = v.object({
  format: v.literal(ARCHIVE_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: text(40),
});

const SegmentSchema = v.looseObject({
  text: text(4000),
  scene: v.variant('kind', [
    v.object({ kind: v.literal('presenter') }),
    v.object({ kind: v.literal('cta') }),
    v.object({ kind: v.literal('product'), image: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) }),
  ]),
});

/** What the app relies on is checked strictly; fields other versions add pass through. */
const ProjectSchema = v.looseObject({
  id,
  name: text(200),
  createdAt: v.number(),
  updatedAt: v.number(),
  product: v.looseObject({
    name: text(200),
    description: text(60_000),
    features: v.pipe(v.array(text(1000)), v.maxLength(100)),
    price: v.optional(text(40)),
    brand: v.optional(text(120)),
    images: v.pipe(
      v.array(
        v.looseObject({
          id,
          name: text(300),
          mime: v.picklist(Object.keys(EXT)),
          width: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8192)),
          height: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8192)),
          selected: v.boolean(),
        }),
      ),
      v.maxLength(60),
    ),
  }),
  settings: v.looseObject({
    ratio: v.picklist(['9:16', '16:9', '1:1']),
    duration: v.picklist([15, 30, 60]),
    language: text(20),
    voiceId: text(60),
    presenterId: text(60),
    resolution: v.picklist([720, 1080]),
  }),
  script: v.looseObject({
    options: v.pipe(v.array(v.looseObject({ id: text(80), style: text(80), title: text(200), segments: v.pipe(v.array(SegmentSchema), v.maxLength(40)), estimatedSeconds: v.number() })), v.maxLength(20)),
    selectedId: v.nullable(text(80)),
    segments: v.pipe(v.array(SegmentSchema), v.maxLength(40)),
    basis: text(200_000),
  }),
  videoRequested: v.boolean(),
});

const mediaPath = (m: { id: string; mime: string }) => `media/${m.id}.${EXT[m.mime] ?? 'bin'}`;

export function packProject(project: ProjectRecord, media: ArchiveMedia[]): Uint8Array {
  const files: Zippable = {
    'manifest.json': strToU8(JSON.stringify({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString() })),
    'project.json': strToU8(JSON.stringify(project)),
  };
  // Images are compressed already: store them as they are.
  for (const m of media) files[mediaPath(m)] = [m.bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}

/** Allowed entry names: exactly these, nothing else (no folders, no '..', no absolute paths). */
const ALLOWED = /^(manifest\.json|project\.json|media\/[A-Za-z0-9_-]{1,64}\.(png|jpg|webp|gif))$/;

function inflateAll(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let entries = 0;
  let failure: ArchiveError | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++entries > MAX_ENTRIES) {
      failure = new ArchiveError('too-large', `The archive holds more than ${MAX_ENTRIES} files.`);
      return;
    }
    if (!ALLOWED.test(file.name)) {
      failure = new ArchiveError('bad-path', `The archive contains an unexpected file “${file.name.slice(0, 80)}”; it was not made by talkreel.`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Count what actually inflates: a zip bomb can lie about its sizes in the headers.
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new ArchiveError('corrupt', `The archive is damaged (${file.name}).`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
        failure = new ArchiveError('too-large', `“${file.name}” unpacks to more than the ${MAX_ENTRY_BYTES / 1048576} MB a file may have.`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const joined = new Uint8Array(size);
        let o = 0;
        for (const c of chunks) {
          joined.set(c, o);
          o += c.length;
        }
        out.set(file.name, joined);
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    throw new ArchiveError('corrupt', 'The archive is damaged and cannot be read.');
  }
  if (failure) throw failure;
  return out;
}

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) throw new ArchiveError('bad-manifest', `The archive has no ${what}; it is not a talkreel project.`);
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new ArchiveError(what === 'manifest.json' ? 'bad-manifest' : 'bad-project', `${what} in the archive is not valid JSON.`);
  }
}

export function unpackProject(bytes: Uint8Array): { project: ProjectRecord; media: ArchiveMedia[] } {
  if (bytes.length > MAX_ARCHIVE_BYTES) throw new ArchiveError('too-large', `The file is ${(bytes.length / 1048576).toFixed(0)} MB; a project archive may be at most 600 MB.`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new ArchiveError('not-a-zip', 'This is not a talkreel project file (.zip).');
  }
  const files = inflateAll(bytes);
  const manifest = v.safeParse(ManifestSchema, parseJson(files.get('manifest.json'), 'manifest.json'));
  if (!manifest.success) throw new ArchiveError('bad-manifest', 'The archive’s manifest is not a talkreel project manifest.');
  if (manifest.output.version > ARCHIVE_VERSION) {
    throw new ArchiveError('newer-version', `This project was exported by a newer talkreel (format ${manifest.output.version}); update the app to open it.`);
  }
  const parsed = v.safeParse(ProjectSchema, parseJson(files.get('project.json'), 'project.json'));
  if (!parsed.success) {
    const where = parsed.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? 'project';
    throw new ArchiveError('bad-project', `The project in the archive is invalid (at “${where}”).`);
  }
  const project = parsed.output as unknown as ProjectRecord;
  const media: ArchiveMedia[] = [];
  for (const img of project.product.images) {
    const data = files.get(mediaPath(img));
    if (!data) throw new ArchiveError('bad-media', `The image “${img.name}” is missing from the archive.`);
    try {
      const info = checkImage(data.subarray(0, 256 * 1024), data.length, img.name);
      media.push({ id: img.id, mime: info.mime, bytes: data });
    } catch (err) {
      throw new ArchiveError('bad-media', err instanceof MediaError ? err.message : `The image “${img.name}” is damaged.`);
    }
  }
  return { project, media };
}
