/** Longest side kept for product images: enough for a 1080p card, bounded memory. */
const MAX_SIDE = 2048;

export async function decodeImages(blobs: Blob[]): Promise<ImageBitmap[]> {
  return Promise.all(
    blobs.map(async (blob) => {
      const probe = await createImageBitmap(blob);
      const scale = Math.min(1, MAX_SIDE / Math.max(probe.width, probe.height));
      if (scale === 1) return probe;
      const w = Math.round(probe.width * scale);
      const h = Math.round(probe.height * scale);
      probe.close();
      return createImageBitmap(blob, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
    }),
  );
}
