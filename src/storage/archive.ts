/**
 * A project as one file (zip) to move it to another browser: pure packing and unpacking, with
 * every byte of an imported archive checked before anything is stored.
 *
 * Carried: project.json, the product images, the product video (product.video) and the
 * background music (creative.edits.music), each as `media/<id>.<ext>`. Format 1 archives held
 * the images only (their video and music references never had bytes and are dropped on import).
 */
import { strFromU8, strToU8, Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import * as v from 'valibot';
import { checkImage, checkVideo, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, MediaError } from '../product/media.ts';
import { sniffAudio, type AudioFormat } from '../voice/audio-file.ts';
import { MAX_MUSIC_BYTES } from '../compose/music.ts';
import type { ProjectRecord } from './schema.ts';
import { LIMITS, MAX_BASIS_CHARS } from './project-limits.ts';

export const ARCHIVE_FORMAT = 'talkreel-project';
/** 2: the product video and the background music travel too. */
export const ARCHIVE_VERSION = 2;
/** project.json, manifest.json and each image (an image over the 10 MB intake limit is refused after). */
export const MAX_ENTRY_BYTES = 20 * 1048576;
/** The product video: the intake limit (REQUIREMENTS: up to 500 MB). */
export const MAX_VIDEO_ENTRY_BYTES = MAX_VIDEO_BYTES;
/** Background music: the editor's own limit. */
export const MAX_MUSIC_ENTRY_BYTES = MAX_MUSIC_BYTES;
/**
 * The most a project the app made can weigh: every image at the intake limit, the video, the
 * music and the two JSON files, plus room for the zip's own headers. Anything bigger was not
 * made by talkreel; this also keeps a hostile archive from exhausting memory (it is read into
 * memory whole, and each media file copied once more into storage).
 */
export const MAX_PROJECT_BYTES = LIMITS.images * MAX_IMAGE_BYTES + MAX_VIDEO_BYTES + MAX_MUSIC_BYTES + 2 * MAX_ENTRY_BYTES;
export const MAX_ARCHIVE_BYTES = MAX_PROJECT_BYTES + 8 * 1048576;
/** Bytes inflated in all (a zip bomb lies about its sizes): what a real project unpacks to. */
export const MAX_TOTAL_BYTES = MAX_PROJECT_BYTES;
/** Files in the archive: the images, the video, the music and the two JSON files, with room to spare. */
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

export type MediaKind = 'image' | 'video' | 'music';

export interface ArchiveMedia {
  id: string;
  mime: string;
  bytes: Uint8Array;
  /** What the bytes are to the project (set by unpackProject; packProject finds it from the project). */
  kind?: MediaKind;
}

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
const VIDEO_EXT: Record<string, string> = { 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm', 'video/x-matroska': 'mkv' };
/** Music by what its bytes are (never by the name or the browser's guess of a type). WMA/ASF never plays in a browser: not carried. */
const MUSIC: Partial<Record<AudioFormat, { ext: string; mime: string; label: string }>> = {
  mp3: { ext: 'mp3', mime: 'audio/mpeg', label: 'MP3' },
  m4a: { ext: 'm4a', mime: 'audio/mp4', label: 'M4A' },
  aac: { ext: 'aac', mime: 'audio/aac', label: 'AAC' },
  wav: { ext: 'wav', mime: 'audio/wav', label: 'WAV' },
  ogg: { ext: 'ogg', mime: 'audio/ogg', label: 'Ogg' },
  flac: { ext: 'flac', mime: 'audio/flac', label: 'FLAC' },
  webm: { ext: 'webm', mime: 'audio/webm', label: 'WebM' },
};
const MUSIC_EXTS = new Set(Object.values(MUSIC).map((m) => m.ext));
const VIDEO_LABEL: Record<string, string> = { mp4: 'MP4', mov: 'MOV', webm: 'WebM', mkv: 'Matroska (MKV)' };

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
const side = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8192));

const ManifestSchema = v.object({
  format: v.literal(ARCHIVE_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: text(40),
});

const SegmentSchema = v.looseObject({
  text: text(LIMITS.segmentChars),
  scene: v.variant('kind', [
    v.object({ kind: v.literal('presenter') }),
    v.object({ kind: v.literal('cta') }),
    v.object({ kind: v.literal('product'), image: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.images - 1)) }),
  ]),
});

const VideoSchema = v.looseObject({
  id,
  name: text(LIMITS.fileName),
  mime: v.picklist(Object.keys(VIDEO_EXT)),
  width: side,
  height: side,
  duration: v.pipe(v.number(), v.gtValue(0), v.maxValue(24 * 3600)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_VIDEO_ENTRY_BYTES)),
  codec: v.optional(v.nullable(text(60))),
  url: v.optional(text(8000)),
  convertedFrom: v.optional(text(60)),
});

const MusicSchema = v.looseObject({
  mediaId: id,
  name: text(LIMITS.fileName),
  volume: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});

/** What the app relies on is checked strictly; fields other versions add pass through. */
const ProjectSchema = v.looseObject({
  id,
  name: text(LIMITS.projectName),
  createdAt: v.number(),
  updatedAt: v.number(),
  product: v.looseObject({
    name: text(LIMITS.productName),
    description: text(LIMITS.description),
    features: v.pipe(v.array(text(LIMITS.featureChars)), v.maxLength(LIMITS.features)),
    price: v.optional(text(LIMITS.price)),
    brand: v.optional(text(LIMITS.brand)),
    images: v.pipe(
      v.array(
        v.looseObject({
          id,
          name: text(LIMITS.fileName),
          mime: v.picklist(Object.keys(EXT)),
          width: side,
          height: side,
          selected: v.boolean(),
        }),
      ),
      v.maxLength(LIMITS.images),
    ),
    video: v.optional(VideoSchema),
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
    options: v.pipe(v.array(v.looseObject({ id: text(80), style: text(80), title: text(200), segments: v.pipe(v.array(SegmentSchema), v.maxLength(LIMITS.segments)), estimatedSeconds: v.number() })), v.maxLength(LIMITS.scriptOptions)),
    selectedId: v.nullable(text(80)),
    segments: v.pipe(v.array(SegmentSchema), v.maxLength(LIMITS.segments)),
    basis: text(MAX_BASIS_CHARS),
  }),
  videoRequested: v.boolean(),
  creative: v.optional(v.looseObject({ id: text(200), edits: v.optional(v.looseObject({ music: v.optional(MusicSchema) })) })),
});

const imagePath = (img: { id: string; mime: string }) => `media/${img.id}.${EXT[img.mime] ?? 'bin'}`;
const videoPath = (video: { id: string; mime: string }) => `media/${video.id}.${VIDEO_EXT[video.mime] ?? 'bin'}`;

/** Every media record a project refers to: its images, its product video, its music. */
export function archiveMediaIds(project: ProjectRecord): string[] {
  const ids = (project.product?.images ?? []).map((i) => i.id);
  if (project.product?.video) ids.push(project.product.video.id);
  const music = project.creative?.edits?.music;
  if (music) ids.push(music.mediaId);
  return ids;
}

function withoutVideo(project: ProjectRecord): ProjectRecord {
  const { video: _, ...product } = project.product;
  return { ...project, product };
}

function withoutMusic(project: ProjectRecord): ProjectRecord {
  if (!project.creative?.edits?.music) return project;
  const { music: _, ...edits } = project.creative.edits;
  return { ...project, creative: { ...project.creative, edits } };
}

/**
 * Packs a project and the bytes of its media. A reference whose bytes are not given (a media
 * record that went missing) is dropped from the archived project rather than failing it, so
 * every archive imports; so is music whose bytes are no audio format the archive carries.
 */
export function packProject(project: ProjectRecord, media: ArchiveMedia[]): Uint8Array {
  const byId = new Map(media.map((m) => [m.id, m]));
  const entries: Array<[string, Uint8Array]> = [];
  let archived: ProjectRecord = { ...project, product: { ...project.product, images: project.product.images.filter((i) => byId.has(i.id)) } };
  for (const img of archived.product.images) entries.push([imagePath(img), byId.get(img.id)!.bytes]);
  const video = archived.product.video;
  const videoBytes = video && byId.get(video.id)?.bytes;
  if (video && videoBytes && VIDEO_EXT[video.mime]) entries.push([videoPath(video), videoBytes]);
  else if (video) archived = withoutVideo(archived);
  const music = archived.creative?.edits?.music;
  const musicBytes = music && byId.get(music.mediaId)?.bytes;
  const format = musicBytes ? sniffAudio(musicBytes.subarray(0, 64)) : null;
  const kind = format ? MUSIC[format] : undefined;
  if (music && musicBytes && kind) entries.push([`media/${music.mediaId}.${kind.ext}`, musicBytes]);
  else if (music) archived = withoutMusic(archived);

  const files: Zippable = {
    'manifest.json': strToU8(JSON.stringify({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString() })),
    'project.json': strToU8(JSON.stringify(archived)),
  };
  // Pictures, video and audio are compressed already: store them as they are.
  for (const [path, bytes] of entries) files[path] = [bytes, { level: 0 }];
  return zipSync(files, { level: 6 });
}

/** Allowed entry names: exactly these, nothing else (no folders, no '..', no absolute paths). */
const ALLOWED = /^(manifest\.json|project\.json|media\/[A-Za-z0-9_-]{1,64}\.(png|jpg|webp|gif|mp4|mov|webm|mkv|mp3|m4a|aac|wav|ogg|flac))$/;

interface Limit {
  bytes: number;
  /** "a file", "a product video"… for the message. */
  what: string;
}

/**
 * Inflates the entries `want` gives a limit for; the others are skipped without inflating.
 * Every name is checked against ALLOWED (the first bad one is handed to `onBadName`, nothing
 * of it is read). Sizes are counted as the bytes actually come out: a zip bomb can lie about
 * its sizes in the headers.
 */
function inflate(bytes: Uint8Array, want: (name: string) => Limit | null, counter: { total: number }, onBadName?: (name: string) => void): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let entries = 0;
  let failure: ArchiveError | null = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++entries > MAX_ENTRIES) {
      failure = new ArchiveError('too-large', `The archive holds more than ${MAX_ENTRIES} files.`);
      return;
    }
    if (!ALLOWED.test(file.name)) {
      onBadName?.(file.name);
      return;
    }
    const limit = want(file.name);
    if (!limit) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new ArchiveError('corrupt', `The archive is damaged (${file.name}).`);
        return;
      }
      size += chunk.length;
      counter.total += chunk.length;
      if (size > limit.bytes) {
        failure = new ArchiveError('too-large', `“${file.name}” unpacks to more than the ${limit.bytes / 1048576} MB ${limit.what} may have.`);
        file.terminate();
        return;
      }
      if (counter.total > MAX_TOTAL_BYTES) {
        failure = new ArchiveError('too-large', `The archive unpacks to more than ${MAX_TOTAL_BYTES / 1048576} MB in all.`);
        file.terminate();
        return;
      }
      if (chunk.length) chunks.push(chunk);
      if (final) {
        // Stored entries (all media) arrive as one view of the archive's bytes: no copy.
        if (chunks.length === 1) out.set(file.name, chunks[0]!);
        else {
          const joined = new Uint8Array(size);
          let o = 0;
          for (const c of chunks) {
            joined.set(c, o);
            o += c.length;
          }
          out.set(file.name, joined);
        }
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

/**
 * Keys that, copied by a later merge (`Object.assign`, a spread into a setter, a deep merge),
 * would change an object's prototype. valibot drops them from the top level of each object it
 * checks, but the fields it passes through unchecked (editor settings, newer versions' extras)
 * keep whatever nesting they had: so they are dropped here, at every depth, as JSON is read.
 */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const dropHostileKeys = (key: string, value: unknown): unknown => (HOSTILE_KEYS.has(key) ? undefined : value);

function parseJson(bytes: Uint8Array | undefined, what: string): unknown {
  if (!bytes) throw new ArchiveError('bad-manifest', `The archive has no ${what}; it is not a talkreel project.`);
  try {
    return JSON.parse(strFromU8(bytes), dropHostileKeys);
  } catch {
    throw new ArchiveError(what === 'manifest.json' ? 'bad-manifest' : 'bad-project', `${what} in the archive is not valid JSON.`);
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Format 1 archives never held the video's or the music's bytes: their references are dropped. */
function dropUncarried(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const out = { ...raw };
  if (isObject(out.product)) {
    const { video: _, ...product } = out.product;
    out.product = product;
  }
  if (isObject(out.creative) && isObject(out.creative.edits)) {
    const { music: _, ...edits } = out.creative.edits;
    out.creative = { ...out.creative, edits };
  }
  return out;
}

const badPath = (name: string) => new ArchiveError('bad-path', `The archive contains an unexpected file “${name.slice(0, 80)}”; it was not made by talkreel.`);

export function unpackProject(bytes: Uint8Array): { project: ProjectRecord; media: ArchiveMedia[] } {
  if (bytes.length > MAX_ARCHIVE_BYTES) {
    throw new ArchiveError('too-large', `The file is ${(bytes.length / 1048576).toFixed(0)} MB; a project archive may be at most ${MAX_ARCHIVE_BYTES / 1048576} MB.`);
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new ArchiveError('not-a-zip', 'This is not a talkreel project file (.zip).');
  }
  // First pass: names and the two JSON files only. Media is inflated once the project says
  // which files it needs and what each may weigh.
  const counter = { total: 0 };
  const names = new Set<string>();
  let badName: string | null = null;
  const json = inflate(bytes, (name) => (names.add(name), name.endsWith('.json') ? { bytes: MAX_ENTRY_BYTES, what: 'a file' } : null), counter, (name) => (badName ??= name));

  // A newer format may carry files this version does not know: say "newer", not "unexpected".
  let version: number;
  try {
    const manifest = v.safeParse(ManifestSchema, parseJson(json.get('manifest.json'), 'manifest.json'));
    if (!manifest.success) throw new ArchiveError('bad-manifest', 'The archive’s manifest is not a talkreel project manifest.');
    version = manifest.output.version;
  } catch (err) {
    if (badName !== null) throw badPath(badName);
    throw err;
  }
  if (version > ARCHIVE_VERSION) {
    throw new ArchiveError('newer-version', `This project was exported by a newer talkreel (format ${version}); update the app to open it.`);
  }
  if (badName !== null) throw badPath(badName);

  let raw = parseJson(json.get('project.json'), 'project.json');
  if (version < 2) raw = dropUncarried(raw);
  const parsed = v.safeParse(ProjectSchema, raw);
  if (!parsed.success) {
    const where = parsed.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? 'project';
    throw new ArchiveError('bad-project', `The project in the archive is invalid (at “${where}”).`);
  }
  const project = parsed.output as unknown as ProjectRecord;
  const video = project.product.video;
  const music = project.creative?.edits?.music;
  const ids = archiveMediaIds(project);
  if (new Set(ids).size !== ids.length) throw new ArchiveError('bad-project', 'The project in the archive uses the same media id twice.');

  // What each referenced file is, and what it may weigh.
  const wanted = new Map<string, Limit>();
  for (const img of project.product.images) wanted.set(imagePath(img), { bytes: MAX_ENTRY_BYTES, what: 'a file' });
  if (video) wanted.set(videoPath(video), { bytes: MAX_VIDEO_ENTRY_BYTES, what: 'a product video' });
  let musicPath: string | undefined;
  if (music) {
    musicPath = [...names].find((n) => n.startsWith(`media/${music.mediaId}.`) && MUSIC_EXTS.has(n.slice(n.lastIndexOf('.') + 1)));
    if (!musicPath) throw new ArchiveError('bad-media', `The background music “${music.name}” is missing from the archive.`);
    wanted.set(musicPath, { bytes: MAX_MUSIC_ENTRY_BYTES, what: 'a music file' });
  }
  const files = inflate(bytes, (name) => wanted.get(name) ?? null, counter);

  const media: ArchiveMedia[] = [];
  for (const img of project.product.images) {
    const data = files.get(imagePath(img));
    if (!data) throw new ArchiveError('bad-media', `The image “${img.name}” is missing from the archive.`);
    let mime: string;
    try {
      // Pictures of projects made before the minimum size came in still import.
      mime = checkImage(data.subarray(0, 256 * 1024), data.length, img.name, { minSide: 0 }).mime;
    } catch (err) {
      throw new ArchiveError('bad-media', err instanceof MediaError ? err.message : `The image “${img.name}” is damaged.`);
    }
    if (mime !== img.mime) throw new ArchiveError('bad-media', `The image “${img.name}” is ${mime}, but the project says ${img.mime}.`);
    media.push({ id: img.id, mime, bytes: data, kind: 'image' });
  }
  if (video) {
    const data = files.get(videoPath(video));
    if (!data) throw new ArchiveError('bad-media', `The product video “${video.name}” is missing from the archive.`);
    let checked: ReturnType<typeof checkVideo>;
    try {
      checked = checkVideo(data.subarray(0, 64), data.length, video.name);
    } catch (err) {
      throw new ArchiveError('bad-media', err instanceof MediaError ? `The product video ${err.message}` : `The product video “${video.name}” is damaged.`);
    }
    if (checked.mime !== video.mime) {
      throw new ArchiveError('bad-media', `The product video “${video.name}” is ${VIDEO_LABEL[checked.container]}, but the project says ${video.mime}.`);
    }
    media.push({ id: video.id, mime: video.mime, bytes: data, kind: 'video' });
  }
  if (music && musicPath) {
    const data = files.get(musicPath)!;
    if (data.length === 0) throw new ArchiveError('bad-media', `The background music “${music.name}” in the archive is empty.`);
    const format = sniffAudio(data.subarray(0, 64));
    const kind = format ? MUSIC[format] : undefined;
    if (!kind) {
      throw new ArchiveError('bad-media', `The background music “${music.name}” in the archive is not MP3, M4A, AAC, WAV, Ogg, FLAC or WebM audio, whatever its name says.`);
    }
    if (!musicPath.endsWith(`.${kind.ext}`)) {
      throw new ArchiveError('bad-media', `The background music “${music.name}” is ${kind.label} audio, but the archive stores it as “${musicPath.slice(musicPath.lastIndexOf('.'))}”.`);
    }
    media.push({ id: music.mediaId, mime: kind.mime, bytes: data, kind: 'music' });
  }
  return { project, media };
}
