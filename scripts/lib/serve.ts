import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';

const ROOT = new URL('../..', import.meta.url).pathname;
/** The build to serve; TALKREEL_DIST lets parallel checkouts keep separate builds. */
const DIST = resolve(ROOT, process.env.TALKREEL_DIST ?? 'dist');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the app if there is no build, or the sources are newer than it. */
export function ensureBuild(log: (s: string) => void = () => undefined): void {
  const built = join(DIST, 'headless.html');
  const stale = !existsSync(built) || ['src', 'workers'].some((d) => newestMtime(join(ROOT, d)) > statSync(built).mtimeMs);
  if (!stale) return;
  log('building the app (vite build)…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
}

/** Serves the production build on a free loopback port (secure context for WebCodecs). */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({ root: ROOT, logLevel: 'silent', build: { outDir: DIST }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const addr = server.httpServer.address();
  if (!addr || typeof addr === 'string') throw new Error('preview server has no port');
  return { url: `http://127.0.0.1:${addr.port}`, close: () => server.close() };
}
