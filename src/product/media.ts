/** Media intake: identify files by their bytes, never by name, and bound them before decoding. */

export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif';
export type VideoContainer = 'mp4' | 'mov' | 'webm' | 'mkv';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8192;
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;
/** Bigger than 8K UHD is not a product video; refuse it before a decoder allocates frames. */
export const MAX_VIDEO_SIDE = 8192;

export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: 'not-an-image' | 'not-a-video' | 'too-large' | 'too-many-pixels' | 'empty' | 'corrupt' | 'unsupported',
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

export interface CheckedImage {
  kind: ImageKind;
  mime: string;
  width: number;
  height: number;
}

/**
 * Validates an image upload from its first bytes (the header) and its size. JPEG headers can be
 * long (EXIF thumbnails), so callers pass up to the first 256 KB.
 */
export function checkImage(head: Uint8Array, size: number, name: string): CheckedImage {
  if (size === 0) throw new MediaError('empty', `“${name}” is empty.`);
  const kind = sniffImage(head);
  if (!kind) throw new MediaError('not-an-image', `“${name}” is not a PNG or JPEG image (nor WebP or GIF), whatever its name says.`);
  if (size > MAX_IMAGE_BYTES) {
    throw new MediaError('too-large', `“${name}” is ${(size / 1048576).toFixed(1)} MB; images must be under 10 MB.`);
  }
  const dims = imageDimensions(head, kind);
  if (!dims || dims.width === 0 || dims.height === 0) throw new MediaError('corrupt', `“${name}” looks damaged: its size could not be read.`);
  if (dims.width > MAX_IMAGE_SIDE || dims.height > MAX_IMAGE_SIDE || dims.width * dims.height > MAX_IMAGE_PIXELS) {
    throw new MediaError('too-many-pixels', `“${name}” is ${dims.width}×${dims.height} px; the limit is ${MAX_IMAGE_SIDE} px a side and 40 megapixels.`);
  }
  return { kind, mime: MIME[kind], ...dims };
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
