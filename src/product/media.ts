/** Media intake: identify files by their bytes, never by name, and bound them before decoding. */
import { LIMITS } from '../storage/project-limits.ts';

export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif';
export type VideoContainer = 'mp4' | 'mov' | 'webm' | 'mkv';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8192;
export const MAX_IMAGE_PIXELS = 40_000_000;
/**
 * The shortest side a product image may have. The smallest place a layout shows a product
 * (the 1:1 split card at 720p) is about 300 px a side, a full-frame shot 720-1920 px: below
 * 200 px a picture is stretched more than ×1.5 even there, and is a shop's thumbnail, icon or
 * tracking pixel rather than a photo of the product.
 */
export const MIN_IMAGE_SIDE = 200;
export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;
/** Bigger than 8K UHD is not a product video; refuse it before a decoder allocates frames. */
export const MAX_VIDEO_SIDE = 8192;

export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: 'not-an-image' | 'not-a-video' | 'too-large' | 'too-many-pixels' | 'too-small' | 'too-many' | 'heic' | 'empty' | 'corrupt' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 16 && tag(bytes, 0) === 'RIFF' && tag(bytes, 8) === 'WEBP') return 'webp';
  if (bytes.length >= 10 && (tag(bytes, 0) === 'GIF8') && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  return null;
}

function tag(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** Video container from the first bytes: ISO BMFF (`ftyp`; `qt  ` brand = MOV) or EBML (WebM/Matroska). */
export function sniffVideo(bytes: Uint8Array): VideoContainer | null {
  if (bytes.length >= 12 && tag(bytes, 4) === 'ftyp') {
    const brand = tag(bytes, 8);
    if (/^(avif|avis|heic|heix|mif1|msf1)$/.test(brand)) return null;
    return brand === 'qt  ' ? 'mov' : 'mp4';
  }
  if (bytes.length >= 8 && QUICKTIME_ATOMS.has(tag(bytes, 4))) return 'mov';
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    // DocType element (0x4282) inside the EBML header says which.
    const head = String.fromCharCode(...bytes.subarray(0, Math.min(64, bytes.length)));
    return head.includes('webm') ? 'webm' : 'mkv';
  }
  return null;
}

/** Width and height from the file header (PNG IHDR, JPEG SOFn), without decoding pixels. */
export function imageDimensions(bytes: Uint8Array, kind: ImageKind): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'gif') return bytes.length < 10 ? null : { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (kind === 'webp') return webpDimensions(bytes, view);
  if (kind === 'png') {
    if (bytes.length < 24) return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = bytes[i + 1]!;
    // Standalone markers carry no length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      i += marker === 0xff ? 1 : 2;
      continue;
    }
    const len = view.getUint16(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    if (len < 2) return null;
    i += 2 + len;
  }
  return null;
}

/** WebP: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`) header. */
function webpDimensions(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  const chunk = tag(bytes, 12);
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    if (bytes[20] !== 0x2f) return null;
    const b0 = bytes[21]!, b1 = bytes[22]!, b2 = bytes[23]!, b3 = bytes[24]!;
    return { width: 1 + (((b1 & 0x3f) << 8) | b0), height: 1 + (((b3 & 0x0f) << 10) | (b2 << 2) | ((b1 & 0xc0) >> 6)) };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const u24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: 1 + u24(24), height: 1 + u24(27) };
  }
  return null;
}

const MIME: Record<ImageKind, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif' };
const VIDEO_MIME: Record<VideoContainer, string> = { mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', mkv: 'video/x-matroska' };

/**
 * HEIF-family stills by their `ftyp` box: HEIC (iPhone photos), HEIF and AVIF. No browser the
 * app runs in decodes HEIC, and AVIF is refused as the other formats' peers, so each is named
 * plainly instead of "not an image".
 */
export function sniffHeif(bytes: Uint8Array): 'heic' | 'avif' | null {
  if (bytes.length < 12 || tag(bytes, 4) !== 'ftyp') return null;
  const size = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) || 0, 256);
  // The major brand, then the compatible brands.
  const brands = [tag(bytes, 8)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(tag(bytes, at));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  if (brands.some((b) => /^(heic|heix|heim|heis|hevc|hevx|hevm|hevs|mif1|msf1|mif2)$/.test(b))) return 'heic';
  return null;
}

/**
 * The EXIF Orientation (1-8) of a JPEG, from its APP1 "Exif" segment; 1 (as stored) when it
 * has none. Phones store portrait photos sideways with Orientation 6 or 8; browsers turn them
 * upright when they decode (createImageBitmap's default `imageOrientation: 'from-image'`).
 */
export function jpegOrientation(bytes: Uint8Array): number {
  if (sniffImage(bytes) !== 'jpeg') return 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // image data: no more metadata
    const len = view.getUint16(i + 2);
    if (len < 2) break;
    if (marker === 0xe1 && i + 10 <= bytes.length && tag(bytes, i + 4) === 'Exif') {
      const o = exifOrientation(bytes.subarray(i + 10, Math.min(bytes.length, i + 2 + len)));
      if (o) return o;
    }
    i += 2 + len;
  }
  return 1;
}

/** Orientation tag (0x0112) of IFD0 in a TIFF block; null when absent or malformed. */
function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return null;
  const count = view.getUint16(ifd, little);
  for (let n = 0; n < count; n++) {
    const at = ifd + 2 + n * 12;
    if (at + 12 > tiff.length) return null;
    if (view.getUint16(at, little) !== 0x0112) continue;
    const value = view.getUint16(at + 8, little);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

export interface CheckedImage {
  kind: ImageKind;
  mime: string;
  /** As the picture is shown: EXIF orientation applied (a sideways-stored portrait is taller than wide). */
  width: number;
  height: number;
  /** EXIF orientation (1 = as stored; 5-8 swap width and height). */
  orientation: number;
}

export interface CheckImageOptions {
  /** Shortest side allowed; 0 takes any size (images of projects made before the minimum). */
  minSide?: number;
}

/** How to turn a HEIC photo into one talkreel reads. */
export const HEIC_HINT = 'Browsers cannot read HEIC. Save it as JPEG first: on a Mac, open it in Photos or Preview and choose File → Export → JPEG; on an iPhone, share it to Files as “Most Compatible”, or set Settings → Camera → Formats → Most Compatible for new photos.';

/**
 * Validates an image upload from its first bytes (the header) and its size. JPEG headers can be
 * long (EXIF thumbnails), so callers pass up to the first 256 KB.
 */
export function checkImage(head: Uint8Array, size: number, name: string, opts: CheckImageOptions = {}): CheckedImage {
  if (size === 0) throw new MediaError('empty', `“${name}” is empty.`);
  const kind = sniffImage(head);
  if (!kind) {
    const heif = sniffHeif(head);
    if (heif === 'heic') throw new MediaError('heic', `“${name}” is a HEIC photo (the iPhone’s own format), which talkreel does not support. ${HEIC_HINT}`);
    if (heif === 'avif') throw new MediaError('unsupported', `“${name}” is an AVIF image, which talkreel does not support; save it as JPEG or PNG first.`);
    throw new MediaError('not-an-image', `“${name}” is not a PNG or JPEG image (nor WebP or GIF), whatever its name says.`);
  }
  if (size > MAX_IMAGE_BYTES) {
    throw new MediaError('too-large', `“${name}” is ${(size / 1048576).toFixed(1)} MB; images must be under 10 MB.`);
  }
  const stored = imageDimensions(head, kind);
  if (!stored || stored.width === 0 || stored.height === 0) throw new MediaError('corrupt', `“${name}” looks damaged: its size could not be read.`);
  if (stored.width > MAX_IMAGE_SIDE || stored.height > MAX_IMAGE_SIDE || stored.width * stored.height > MAX_IMAGE_PIXELS) {
    throw new MediaError('too-many-pixels', `“${name}” is ${stored.width}×${stored.height} px; the limit is ${MAX_IMAGE_SIDE} px a side and 40 megapixels.`);
  }
  const minSide = opts.minSide ?? MIN_IMAGE_SIDE;
  if (Math.min(stored.width, stored.height) < minSide) {
    throw new MediaError('too-small', `“${name}” is only ${stored.width}×${stored.height} px; a product picture needs at least ${minSide} px on its shorter side to look sharp in the video. Use a bigger photo (a shop’s thumbnail is too small).`);
  }
  const orientation = kind === 'jpeg' ? jpegOrientation(head) : 1;
  const dims = orientation >= 5 ? { width: stored.height, height: stored.width } : stored;
  return { kind, mime: MIME[kind], ...dims, orientation };
}

/** Refuses one more image when the project holds as many as a project archive carries. */
export function checkImageRoom(held: number, name: string): void {
  if (held >= LIMITS.images) {
    throw new MediaError('too-many', `“${name}” was not added: a project holds at most ${LIMITS.images} images. Remove some you do not use first.`);
  }
}

export interface CheckedVideo {
  container: VideoContainer;
  mime: string;
}

/** Validates a video file from its first bytes and its size, before anything decodes it. */
export function checkVideo(head: Uint8Array, size: number, name: string): CheckedVideo {
  if (size === 0) throw new MediaError('empty', `“${name}” is empty.`);
  const container = sniffVideo(head);
  if (!container) throw new MediaError('not-a-video', `“${name}” is not an MP4, MOV or WebM video (whatever its name says).`);
  if (size > MAX_VIDEO_BYTES) {
    throw new MediaError('too-large', `“${name}” is ${(size / 1048576).toFixed(0)} MB; videos must be under 500 MB.`);
  }
  return { container, mime: VIDEO_MIME[container] };
}
