/** Decoded media the renderer draws from, prepared once per creative (not per frame). */
export interface RenderAssets {
  images: ImageBitmap[];
  /** A tiny copy of each image: scaled up it is a cheap, soft blur for the backdrop. */
  backdrops: OffscreenCanvas[];
  /** Average colour of each image, used to tint the backdrop. */
  tints: string[];
}

const BACKDROP_SIZE = 24;

export function prepareAssets(images: ImageBitmap[]): RenderAssets {
  const backdrops: OffscreenCanvas[] = [];
  const tints: string[] = [];
  for (const img of images) {
    const c = new OffscreenCanvas(BACKDROP_SIZE, BACKDROP_SIZE);
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.imageSmoothingQuality = 'high';
    g.drawImage(img, 0, 0, BACKDROP_SIZE, BACKDROP_SIZE);
    const px = g.getImageData(0, 0, BACKDROP_SIZE, BACKDROP_SIZE).data;
    let r = 0, gr = 0, b = 0;
    for (let i = 0; i < px.length; i += 4) {
      r += px[i]!;
      gr += px[i + 1]!;
      b += px[i + 2]!;
    }
    const n = px.length / 4;
    tints.push(`rgb(${Math.round(r / n)},${Math.round(gr / n)},${Math.round(b / n)})`);
    backdrops.push(c);
  }
  return { images, backdrops, tints };
}
