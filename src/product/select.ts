/** Which imported pictures to pre-select for the video. */

export interface SizedImage {
  width: number;
  height: number;
}

/** Short side below this looks soft in a 1080p video. */
export const MIN_GOOD_SIDE = 300;

const isGood = (i: SizedImage) => Math.min(i.width, i.height) >= MIN_GOOD_SIDE && i.width / i.height <= 3 && i.height / i.width <= 3;

/**
 * The first `room` good pictures in page order (large enough, not a banner strip). When fewer
 * than `need` are good, the largest of the rest make up the number, so the user starts with a
 * valid selection whenever that is possible.
 */
export function preselect(images: SizedImage[], room = 6, need = 2): boolean[] {
  const picked = images.map(() => false);
  let n = 0;
  images.forEach((img, i) => {
    if (n < room && isGood(img)) {
      picked[i] = true;
      n++;
    }
  });
  if (n < Math.min(need, room)) {
    const rest = images.map((img, i) => ({ i, area: img.width * img.height })).filter((x) => !picked[x.i]).sort((a, b) => b.area - a.area);
    for (const { i } of rest) {
      if (n >= Math.min(need, room)) break;
      picked[i] = true;
      n++;
    }
  }
  return picked;
}
