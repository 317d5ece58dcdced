/**
 * The embed example: the app's build (the widget) on one loopback origin and the example shop
 * page (examples/host/, with the host SDK at /sdk/) on another.
 *   npm run example:host [-- --port 5180]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static.ts';
import { ensureBuild, serveBuild } from './lib/serve.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = resolve(ROOT, process.env.TALKREEL_DIST ?? 'dist');
const { values } = parseArgs({ options: { port: { type: 'string', default: '5180' } } });

ensureBuild((s) => console.error(s));
if (!existsSync(join(DIST, 'sdk', 'talkreel-sdk.js'))) {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.sdk.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
const app = await serveBuild();
const host = await serveStatic(
  [
    { prefix: '/sdk/', dir: join(DIST, 'sdk') },
    { prefix: '/', dir: join(ROOT, 'examples') },
  ],
  { port: Number(values.port) },
);
console.log(`widget:    ${app.url}/embed.html`);
console.log(`host page: ${host.url}/host/?widget=${encodeURIComponent(`${app.url}/embed.html`)}`);
console.log('Ctrl-C to stop.');
