import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Runtime data files that libraries locate next to their own module URL (espeak-ng's 24 MB
 * voice data). In dev Vite serves them from node_modules; in a build, emit them beside the
 * chunks so nothing is ever fetched from another host.
 */
export function selfHostedRuntimes(): Plugin {
  return {
    name: 'talkreel-self-hosted-runtimes',
    apply: 'build',
    generateBundle() {
      const espeakDir = dirname(require.resolve('@echogarden/espeak-ng-emscripten/espeak-ng.js'));
      this.emitFile({
        type: 'asset',
        fileName: 'assets/espeak-ng.data',
        source: readFileSync(join(espeakDir, 'espeak-ng.data')),
      });
    },
  };
}
