import { decodeImage } from '../../src/compose/image-decode.ts';

export async function decodeImages(blobs: Blob[]): Promise<ImageBitmap[]> {
  return Promise.all(blobs.map(decodeImage));
}

/** A cheap fingerprint of a blob: size, type and a hash of its first and last 16 kB. */
async function blobKey(blob: Blob): Promise<string> {
  const head = new Uint8Array(await blob.slice(0, 16384).arrayBuffer());
  const tail = new Uint8Array(await blob.slice(Math.max(0, blob.size - 16384)).arrayBuffer());
  let h = 0x811c9dc5;
  for (const part of [head, tail]) for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part[i]!, 0x01000193);
  return `${blob.size}:${blob.type}:${(h >>> 0).toString(16)}`;
}

/**
 * Decoded images kept between calls (the preview worker decodes each photo once, however often
 * the creative is rebuilt); bitmaps no longer asked for are closed.
 */
export class ImageCache {
  private cache = new Map<string, Promise<ImageBitmap>>();

  async decode(blobs: Blob[]): Promise<ImageBitmap[]> {
    const keys = await Promise.all(blobs.map(blobKey));
    const next = new Map<string, Promise<ImageBitmap>>();
    keys.forEach((k, i) => next.set(k, this.cache.get(k) ?? decodeImage(blobs[i]!)));
    for (const [k, p] of this.cache) if (!next.has(k)) void p.then((b) => b.close(), () => undefined);
    this.cache = next;
    return Promise.all(keys.map((k) => next.get(k)!));
  }
}
