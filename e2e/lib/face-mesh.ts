/**
 * An independent mouth meter for exported videos: the face mesh of @vladmandic/human (MIT,
 * its own BlazeFace + 468-point FaceMesh models, shipped in the package) runs in the test's
 * Chromium on frames ffmpeg decoded from the MP4. It shares no code, model or region with the
 * app's lip-sync (which uses its own BlazeFace ONNX session and its own mouth box), so a mouth
 * it sees open is open in the pixels, whatever the app believes it drew.
 *
 * Frames and the library are served to a blank page through page.route (no network, nothing
 * from the app under test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const HUMAN = fileURLToPath(new URL('../../node_modules/@vladmandic/human/', import.meta.url));

/** Per frame: inner-lip gap over face height (NaN where no face was found), and the face box. */
export interface MeshTrace {
  opening: number[];
  boxes: Array<[number, number, number, number] | null>;
  ms: number;
}

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import { Human } from '/__human/dist/human.esm.js';
const human = new Human({
  backend: new URLSearchParams(location.search).get('backend') || 'cpu',
  modelBasePath: '/__human/models/',
  // Every frame is measured on its own: no result reuse between similar frames.
  cacheSensitivity: 0,
  filter: { enabled: false },
  face: {
    enabled: true,
    // The detector finds the face once and the mesh then follows it from frame to frame (its
    // own box update), which halves the work; the mesh itself runs on every frame.
    detector: { rotation: false, maxDetected: 1, skipFrames: 1e6, skipTime: 1e9, minConfidence: 0.2 },
    mesh: { enabled: true },
    iris: { enabled: false }, description: { enabled: false }, emotion: { enabled: false },
    antispoof: { enabled: false }, liveness: { enabled: false }, attention: { enabled: false },
  },
  body: { enabled: false }, hand: { enabled: false }, object: { enabled: false },
  gesture: { enabled: false }, segmentation: { enabled: false },
});
window.mesh = {
  async init() {
    await human.load();
    await human.warmup();
    return human.tf.getBackend();
  },
  /** Inner lips 13 (upper) and 14 (lower); face height from 10 (top of forehead) to 152 (chin). */
  async measure(urls) {
    const opening = [];
    const boxes = [];
    for (const u of urls) {
      const img = new Image();
      img.src = u;
      await img.decode();
      const r = await human.detect(img);
      const f = r.face[0];
      if (!f || !f.mesh || f.mesh.length < 468) { opening.push(NaN); boxes.push(null); continue; }
      const m = f.mesh;
      const d = (a, b) => Math.hypot(m[a][0] - m[b][0], m[a][1] - m[b][1]);
      opening.push(d(13, 14) / d(10, 152));
      boxes.push(f.box);
    }
    return { opening, boxes };
  },
};
window.meshReady = true;
</script>`;

/** Opens the mesh page (on the test server's origin, all of it routed) and loads the models. */
export async function openMesh(page: Page, backend = 'cpu'): Promise<string> {
  await page.route('**/__human/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace('/__human/', '');
    if (path === 'mesh.html') return route.fulfill({ body: PAGE, contentType: 'text/html' });
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return route.fulfill({ body: readFileSync(join(HUMAN, path)), contentType: type });
  });
  await page.route('**/__frames/**', (route) => route.fulfill({ body: readFileSync(decodeURIComponent(new URL(route.request().url()).pathname.replace('/__frames', ''))), contentType: 'image/png' }));
  await page.goto(`/__human/mesh.html?backend=${backend}`);
  await page.waitForFunction(() => (window as unknown as { meshReady?: boolean }).meshReady === true);
  return page.evaluate(() => (window as unknown as { mesh: { init(): Promise<string> } }).mesh.init());
}

/** Runs the mesh on PNG files (absolute paths) and returns the mouth opening of each. */
export async function meshTrace(page: Page, files: string[]): Promise<MeshTrace> {
  const t0 = Date.now();
  const r = await page.evaluate(
    (urls) => (window as unknown as { mesh: { measure(u: string[]): Promise<Omit<MeshTrace, 'ms'>> } }).mesh.measure(urls),
    files.map((f) => `/__frames${f}`),
  );
  // JSON turns NaN into null on the way back.
  return { opening: r.opening.map((v) => (v === null ? Number.NaN : v)), boxes: r.boxes, ms: Date.now() - t0 };
}
