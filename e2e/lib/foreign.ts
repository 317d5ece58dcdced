/**
 * "No foreign request" guard for the headless specs, built so that it can fail.
 *
 * The old guards listened to Playwright's request events under the app's Content-Security-Policy,
 * which refuses a request to another origin before it is sent: the listener never saw the very
 * requests it was meant to catch (checked: a deliberate fetch to another port fired no event).
 * So a spec using this guard runs with `bypassCSP: true` — the question is whether the app's
 * code asks for anything foreign, not whether the CSP stops it (privacy.spec.ts tests the CSP) —
 * and the guard records:
 *  - every request the browser context issues to an origin other than the app's (pages and
 *    their workers);
 *  - every hit on a decoy HTTP server on another local port (127.0.0.1, reachable here with no
 *    network), a second witness that does not depend on the browser reporting the request;
 *  - any CSP refusal the page logs (should a spec run with the CSP on).
 * `check()` belongs in the test body: a throw inside a page 'close' listener, as the specs had,
 * fails nothing. The control test in custom-avatar-ort.spec.ts fetches the decoy from the page
 * and from a worker and https://example.com from the page, and expects the guard to see each.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';

export interface ForeignGuard {
  /** Base URL of the decoy server (another local port): requests to it count as foreign. */
  decoy: string;
  /** Foreign requests, decoy hits and CSP refusals seen so far. */
  seen(): string[];
  close(): Promise<void>;
}

export async function guardForeign(page: Page, appBase: string): Promise<ForeignGuard> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`decoy hit: ${req.method} ${req.url}`);
    res.writeHead(204, { 'access-control-allow-origin': '*' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const decoy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = new URL(appBase).origin;
  const foreign = (url: string): boolean => {
    try {
      const u = new URL(url);
      return /^(https?|wss?):$/.test(u.protocol) && u.origin !== app;
    } catch {
      return false;
    }
  };
  page.context().on('request', (r) => {
    if (foreign(r.url())) seen.push(`request: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/violates the following Content Security Policy|Refused to connect/.test(m.text())) seen.push(`csp: ${m.text().slice(0, 300)}`);
  });
  return { decoy, seen: () => [...seen], close: () => new Promise((resolve) => server.close(() => resolve())) };
}
