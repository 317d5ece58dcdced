import { defineConfig } from '@playwright/test';
import { launchOptions } from './scripts/lib/chromium.ts';

// Overridable so several checkouts or agents can run e2e side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.TALKREEL_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  // Two cores: exports are CPU-bound, so run one spec file at a time.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // Side-by-side runs (E2E_PORT set) keep their artifacts apart: Playwright empties its output
  // folder at start, which would pull files from under another run's feet.
  outputDir: process.env.E2E_PORT ? `test-results/port-${PORT}` : 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: launchOptions(),
    acceptDownloads: true,
    viewport: { width: 1440, height: 1000 },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The production build, as users get it (the test script builds first).
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
