/**
 * Decoding product pictures for the video, in a page or a worker: straight to the size the
 * video needs and upright, one at a time.
 */
import { decodeSize } from './decode-size.ts';
import { imageDimensions, jpegOrientation, sniffImage } from '../product/media.ts';

/** Header bytes read to find an image's size and EXIF orientation (JPEG EXIF can be long). */
const HEAD_BYTES = 256 * 1024;

/** The size a picture is shown at (EXIF orientation applied), from its header alone; null if unreadable. */
export async function shownSize(blob: Blob): Promise<{ width: number; height: number } | null> {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const kind = sniffImage(head);
  const dims = kind && imageDimensions(head, kind);
  if (!dims || !dims.width || !dims.height) return null;
  return kind === 'jpeg' && jpegOrientation(head) >= 5 ? { width: dims.height, height: dims.width } : dims;
}

/**
 * One decode at a time in this worker: the decoder holds the full-size picture while it scales
 * it down, so running six at once would hold six full-size copies.
 */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Decodes one product picture straight to the size the video draws it at (decodeSize), turned
 * upright by its EXIF orientation. The size comes from the file's header, so no full-size copy
 * is ever kept; a header this cannot read falls back to measuring a decode.
 */
export function decodeImage(blob: Blob): Promise<ImageBitmap> {
  return oneAtATime(async () => {
    // 'from-image' is Chromium's default; said here because a sideways portrait is the failure.
    const upright = { imageOrientation: 'from-image' } as const;
    let size = await shownSize(blob);
    if (!size) {
      const probe = await createImageBitmap(blob, upright);
      size = { width: probe.width, height: probe.height };
      const target = decodeSize(size.width, size.height);
      if (target.width === size.width && target.height === size.height) return probe;
      probe.close();
    }
    const target = decodeSize(size.width, size.height);
    if (target.width === size.width && target.height === size.height) return createImageBitmap(blob, upright);
    return createImageBitmap(blob, { ...upright, resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
  });
}

