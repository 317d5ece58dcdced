import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { selfHostedRuntimes } from './scripts/vite-self-host.ts';

// Cross-origin isolation unlocks SharedArrayBuffer (wasm threads). The app must also work
// without it (e.g. inside a third-party iframe), so nothing depends on it being on.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [svelte(), selfHostedRuntimes()],
  server: { headers: isolationHeaders, host: '127.0.0.1' },
  preview: { headers: isolationHeaders, host: '127.0.0.1' },
  worker: { format: 'es' },
  // espeak-ng locates its 24 MB data file next to its own module URL: keep it un-bundled in dev.
  optimizeDeps: { exclude: ['@echogarden/espeak-ng-emscripten'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { app: 'index.html', headless: 'headless.html' } },
  },
});
