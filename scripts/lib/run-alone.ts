import type { Browser } from '@playwright/test';

/**
 * Runs one bench part on its own (`npx tsx scripts/bench/<part>.ts`): builds the app if needed,
 * serves it, launches Chromium and prints the part's JSON.
 */
export async function runBenchAlone(part: (browser: Browser, serverUrl: string, log: (s: string) => void) => Promise<unknown>): Promise<void> {
  const { launchChromium } = await import('./chromium.ts');
  const { ensureBuild, serveBuild } = await import('./serve.ts');
  const log = (s: string) => console.error(`bench: ${s}`);
  ensureBuild(log);
  const server = await serveBuild();
  const browser = await launchChromium();
  try {
    console.log(JSON.stringify(await part(browser, server.url, log), null, 2));
  } finally {
    await browser.close();
    await server.close();
  }
}
