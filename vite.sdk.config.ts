import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

const ENTRY = resolve(import.meta.dirname, 'src/embed/sdk.ts');
const TYPES = resolve(import.meta.dirname, 'src/embed/api-types.ts');

/**
 * One self-contained talkreel-sdk.d.ts: the SDK's declarations plus the plain API types they
 * use (src/embed/api-types.ts). Fails the build if the SDK's public surface reaches anything else.
 */
function declarations(outDir: string): Plugin {
  return {
    name: 'talkreel-sdk-declarations',
    closeBundle() {
      const out = new Map<string, string>();
      const program = ts.createProgram([ENTRY], {
        declaration: true,
        emitDeclarationOnly: true,
        allowImportingTsExtensions: true,
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
        skipLibCheck: true,
      });
      const result = program.emit(undefined, (file, text) => out.set(resolve(file), text));
      const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length) throw new Error(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => import.meta.dirname, getNewLine: () => '\n' }));
      const find = (src: string) => [...out].find(([f]) => f.endsWith(src.replace(/\.ts$/, '.d.ts').split('/').slice(-2).join('/')))?.[1];
      const sdk = find(ENTRY);
      const types = find(TYPES);
      if (!sdk || !types) throw new Error('SDK declarations were not emitted.');
      const imports = sdk.split('\n').filter((l) => /^(import|export) .* from /.test(l));
      const foreign = imports.filter((l) => !l.includes('./api-types'));
      if (foreign.length) throw new Error(`The SDK's declarations reach past api-types.ts:\n${foreign.join('\n')}`);
      const body = sdk
        .split('\n')
        .filter((l) => !imports.includes(l))
        .join('\n');
      writeFileSync(resolve(outDir, 'talkreel-sdk.d.ts'), `// talkreel host SDK — types (protocol talkreel/1)\n${types}\n${body}`);
    },
  };
}

/**
 * The host SDK (src/embed/sdk.ts) as its own small bundle, beside the app's build:
 * <dist>/sdk/talkreel-sdk.js (ES module), talkreel-sdk.iife.js (window.Talkreel) and
 * talkreel-sdk.d.ts. `npm run build` builds it after the app; TALKREEL_DIST picks the build
 * folder, as for the app.
 */
const outDir = resolve(process.env.TALKREEL_DIST ?? 'dist', 'sdk');
export default defineConfig({
  publicDir: false,
  plugins: [declarations(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: ENTRY,
      name: 'Talkreel',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'talkreel-sdk.js' : `talkreel-sdk.${format}.js`),
    },
  },
});
