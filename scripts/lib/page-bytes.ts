import type { Page } from '@playwright/test';

/**
 * The bytes behind a URL the page can fetch (a blob: URL of an export), brought out as base64:
 * far quicker through Playwright than an array of numbers for a video of many megabytes.
 */
export async function bytesFromPage(page: Page, url: string): Promise<Buffer> {
  const b64 = await page.evaluate(async (u) => {
    const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, url);
  return Buffer.from(b64, 'base64');
}
