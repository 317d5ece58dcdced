/** Link and media fetching against a local server on 127.0.0.1 (nothing leaves the machine). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ImportError } from './errors.ts';
import { fetchMedia, fetchPage, normaliseLink, proxied, proxyProblem } from './fetch.ts';

let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><head><title>Kettle</title></head></html>');
    } else if (url.pathname === '/missing') {
      res.writeHead(404, 'Not Found');
      res.end();
    } else if (url.pathname === '/forbidden') {
      res.writeHead(403, 'Forbidden');
      res.end();
    } else if (url.pathname === '/picture') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    } else if (url.pathname === '/slow') {
      // Never answers.
    } else if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(50 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    } else if (url.pathname === '/streamed') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(256 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 12 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    } else if (url.pathname === '/proxy/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<p>proxied ${url.searchParams.get('url')}</p>`);
    } else {
      res.writeHead(500, 'Oops');
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('links', () => {
  it('cleans up what people paste', () => {
    expect(normaliseLink('  northwind-coffee.com/products/kettle#reviews ')).toBe('https://northwind-coffee.com/products/kettle');
    expect(() => normaliseLink('')).toThrow('Paste a product link first.');
    expect(() => normaliseLink('not a link')).toThrow('“not a link” is not a web address.');
    expect(() => normaliseLink('ftp://x.example/a')).toThrow(/Only web links/);
  });

  it('builds proxy requests from a prefix or a {url} template, and checks the setting', () => {
    expect(proxied('https://s.example/p?a=1', 'https://proxy.example/?url=')).toBe('https://proxy.example/?url=https%3A%2F%2Fs.example%2Fp%3Fa%3D1');
    expect(proxied('https://s.example/p', 'https://proxy.example/fetch/{url}')).toBe('https://proxy.example/fetch/https%3A%2F%2Fs.example%2Fp');
    expect(proxied('https://s.example/p', 'https://cors.example')).toBe('https://cors.example/https://s.example/p');
    expect(proxied('https://s.example/p', '  ')).toBe('https://s.example/p');
    expect(proxyProblem('http://proxy.example/?url=')).toMatch(/https/);
    expect(proxyProblem('http://localhost:8080/?url=')).toBeNull();
    expect(proxyProblem('nope')).toMatch(/not a web address/);
  });
});

describe('fetching', () => {
  it('fetches a page with its content type', async () => {
    const r = await fetchPage(`${base}/page`);
    expect(new TextDecoder().decode(r.bytes)).toContain('<title>Kettle</title>');
    expect(r.contentType).toBe('text/html; charset=utf-8');
    expect(r.url).toBe(`${base}/page`);
  });

  it('says why a page could not be fetched', async () => {
    expect(await failure(fetchPage(`${base}/missing`))).toMatchObject({ code: 'http', message: '127.0.0.1 answered “404 Not Found”: there is no page at this link.' });
    expect((await failure(fetchPage(`${base}/forbidden`))).message).toMatch(/refused the request \(“403 Forbidden”\)/);
    expect(await failure(fetchPage(`${base}/picture`))).toMatchObject({ code: 'not-html', message: 'This link is a picture, not a product page.' });
    const t = performance.now();
    expect(await failure(fetchPage(`${base}/slow`, { timeoutMs: 300 }))).toMatchObject({ code: 'timeout', message: '127.0.0.1 did not answer within 1 second.' });
    expect(performance.now() - t).toBeLessThan(2000);
    // Nothing listens on port 9 (discard): the same failure as a CORS block in a browser.
    const blocked = await failure(fetchPage('http://127.0.0.1:9/products/x'));
    expect(blocked.code).toBe('blocked');
    expect(blocked.message).toBe('127.0.0.1 does not let other sites read its pages from your browser (most shops block this), or it could not be reached.');
    expect(blocked.hint).toMatch(/Paste the page’s source instead/);
  });

  it('goes through the user’s proxy when one is set', async () => {
    const r = await fetchPage('https://shop.example/products/kettle', { proxy: `${base}/proxy/?url=` });
    expect(new TextDecoder().decode(r.bytes)).toBe('<p>proxied https://shop.example/products/kettle</p>');
    expect(r.url).toBe('https://shop.example/products/kettle');
    expect((await failure(fetchPage('https://shop.example/p', { proxy: 'http://127.0.0.1:9/?url=' }))).message).toMatch(/through your proxy/);
  });

  it('enforces the size limit from Content-Length and while streaming', async () => {
    const declared = await failure(fetchMedia(`${base}/huge`, { maxBytes: 10 * 1024 * 1024, what: 'picture' }));
    expect(declared).toMatchObject({ code: 'too-large', message: 'The picture is 50.0 MB; the limit is 10 MB.' });
    const progress: number[] = [];
    const streamed = await failure(fetchMedia(`${base}/streamed`, { maxBytes: 10 * 1024 * 1024, what: 'picture', onProgress: (n) => progress.push(n) }));
    expect(streamed.code).toBe('too-large');
    expect(progress.length).toBeGreaterThan(1);
    expect(Math.max(...progress)).toBeLessThanOrEqual(10 * 1024 * 1024);
  });
});
