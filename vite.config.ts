import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { selfHostedRuntimes } from './scripts/vite-self-host.ts';
import { embedRoute } from './scripts/vite-embed.ts';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { deployConfigDefine } from './scripts/vite-deploy-config.ts';

// Cross-origin isolation unlocks SharedArrayBuffer (wasm threads). The app must also work
// without it (e.g. inside a third-party iframe), so nothing depends on it being on.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [
    // The deployer's talkreel.config.json, compiled in (src/platform/deploy-config.ts).
    deployConfigDefine(),
    svelte(),
    selfHostedRuntimes(),
    // The embed widget's page is served without COOP and frameable by other sites (see the plugin).
    embedRoute(),
    contentSecurityPolicy(),
    VitePWA({
      // The app asks before reloading into an update (never mid-export): see src/app/pwa.svelte.ts.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'talkreel',
        short_name: 'talkreel',
        description: 'Turn a product into a short video with a talking presenter — privately, in your browser.',
        theme_color: '#5b4cf5',
        background_color: '#f5f6fa',
        display: 'standalone',
        start_url: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // First: worker scripts get the app's policy on hosts that send no headers (vite-csp.ts).
        importScripts: ['csp-sw.js'],
        // The app shell: pages, scripts (workers included), styles, fonts, icons.
        globPatterns: ['**/*.{html,js,css,woff2,svg,png,webmanifest}'],
        // Chinese, Japanese and Korean caption fonts (~7 MB in ~340 small subsets): fetched only
        // when a creative's text needs them, then cached (below), never precached.
        globIgnores: ['**/noto-sans-{jp,sc,kr}-*.woff2'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/headless/, /^\/embed/, /^\/net\.html/],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/noto-sans-(?:jp|sc|kr)-[^/]*\.woff2$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'talkreel-fonts-v1', cacheableResponse: { statuses: [200] } },
          },
          {
            // The embedded voices (24 MB): cached the first time a voice speaks, or on request.
            urlPattern: ({ url }) => url.pathname.endsWith('/espeak-ng.data'),
            handler: 'CacheFirst',
            options: { cacheName: 'talkreel-runtimes-v1', cacheableResponse: { statuses: [200] } },
          },
          {
            // The Japanese dictionary (kuromoji, ~17 MB): cached the first time Japanese is spoken.
            urlPattern: ({ url }) => /\/assets\/kuromoji\/[^/]+\.dat\.gz$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'talkreel-runtimes-v1', cacheableResponse: { statuses: [200] } },
          },
          {
            // onnxruntime-web's wasm (28 MB) and the BlazeFace model (issue 7): cached the first
            // time a face is detected, so custom avatars work offline afterwards; ffmpeg.wasm's
            // cores (31-32 MB each) the first time they convert audio or export.
            urlPattern: ({ url }) => /\/assets\/(?:ort-wasm[^/]*\.wasm|face_detection_[^/]*\.onnx|ffmpeg-core[^/]*\.wasm)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'talkreel-runtimes-v1', cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ],
  server: { headers: isolationHeaders, host: '127.0.0.1' },
  preview: { headers: isolationHeaders, host: '127.0.0.1' },
  worker: { format: 'es' },
  // espeak-ng locates its 24 MB data file next to its own module URL: keep it un-bundled in dev.
  optimizeDeps: { exclude: ['@echogarden/espeak-ng-emscripten'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { app: 'index.html', headless: 'headless.html', embed: 'embed.html', net: 'net.html' } },
  },
});
