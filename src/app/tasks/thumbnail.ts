/**
 * A still of an exported video for My Assets and the Task Center, grabbed by the browser's
 * own decoder from the OPFS file: seek a little in (past the first frame's fade), draw,
 * encode a small JPEG. One at a time, so a long list never opens dozens of decoders.
 */
const cache = new Map<string, Promise<string | null>>();
let chain: Promise<unknown> = Promise.resolve();

async function grab(url: string, width: number, at: number): Promise<string | null> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.src = url;
  try {
    await new Promise<void>((resolve, reject) => {
      video.onloadedmetadata = () => resolve();
      video.onerror = () => reject(new Error('unreadable video'));
    });
    const t = Math.min(at, Math.max(0, video.duration / 3));
    await new Promise<void>((resolve, reject) => {
      video.onseeked = () => resolve();
      video.onerror = () => reject(new Error('unreadable video'));
      video.currentTime = t;
    });
    const scale = width / video.videoWidth;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = Math.round(video.videoHeight * scale);
    canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return null;
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}

/** A JPEG data URL of the frame at `at` seconds (or a third in, for short videos); null if it cannot be decoded. */
export function thumbnail(key: string, url: string, width = 320, at = 2.5): Promise<string | null> {
  let p = cache.get(key);
  if (!p) {
    p = chain.then(() => grab(url, width, at));
    chain = p;
    cache.set(key, p);
  }
  return p;
}

export function forgetThumbnail(key: string): void {
  cache.delete(key);
}
