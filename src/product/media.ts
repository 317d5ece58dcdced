/** Media intake: identify files by their bytes, never by name, and bound them before decoding. */

export type ImageKind = 'png' | 'jpeg';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 8192;
export const MAX_IMAGE_PIXELS = 40_000_000;

export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: 'not-an-image' | 'too-large' | 'too-many-pixels' | 'empty' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Width and height from the file header (PNG IHDR, JPEG SOFn), without decoding pixels. */
export function imageDimensions(bytes: Uint8Array, kind: ImageKind): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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

const MIME: Record<ImageKind, string> = { png: 'image/png', jpeg: 'image/jpeg' };

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
  if (!kind) throw new MediaError('not-an-image', `“${name}” is not a PNG or JPEG image (whatever its name says).`);
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
