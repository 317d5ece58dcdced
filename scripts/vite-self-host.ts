import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const CJK_FONTS = ['noto-sans-jp', 'noto-sans-sc', 'noto-sans-kr'];

/**
 * Runtime data files that libraries locate next to their own module URL (espeak-ng's 24 MB
 * voice data, kuromoji's dictionary). In dev Vite serves them from node_modules; in a build, emit them beside the
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
      // kuromoji's Japanese dictionary (12 gzipped files, ~17 MB): fetched by the TTS worker the
      // first time Japanese is spoken (workers/tts/japanese.ts), never precached.
      const kuromojiDict = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
      for (const file of readdirSync(kuromojiDict)) {
        if (file.endsWith('.dat.gz')) this.emitFile({ type: 'asset', fileName: `assets/kuromoji/${file}`, source: readFileSync(join(kuromojiDict, file)) });
      }
      // Chinese, Japanese and Korean caption fonts: ~100 unicode-range subsets each, fetched by
      // the render worker only for the characters a creative shows (workers/render/fonts.ts).
      for (const id of CJK_FONTS) {
        const dir = dirname(require.resolve(`@fontsource/${id}/unicode.json`));
        const subsets = Object.keys(JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>);
        for (const key of subsets) {
          const n = /^\[(\d+)\]$/.exec(key)?.[1];
          if (!n) continue;
          const file = `${id}-${n}-700-normal.woff2`;
          this.emitFile({ type: 'asset', fileName: `assets/fonts/${file}`, source: readFileSync(join(dir, 'files', file)) });
        }
      }
    },
  };
}
