/** A tiny static file server on loopback (the embed example's host page; e2e host pages). */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.onnx': 'application/octet-stream',
};

export interface StaticRoute {
  /** URL path prefix, e.g. "/sdk/". */
  prefix: string;
  dir: string;
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves files under each route's folder (longest prefix first; nothing outside the folders).
 * Every answer allows CORS reads, like a CDN, so other origins may fetch the images.
 * `handle` may answer a request itself first (return true).
 */
export async function serveStatic(
  routes: StaticRoute[],
  o: { port?: number; host?: string; handle?: (req: IncomingMessage, res: ServerResponse) => boolean } = {},
): Promise<StaticServer> {
  const sorted = [...routes].sort((a, b) => b.prefix.length - a.prefix.length).map((r) => ({ ...r, dir: resolve(r.dir) }));
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (o.handle?.(req, res)) return;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = sorted.find((r) => path.startsWith(r.prefix));
    if (!route || req.method !== 'GET') {
      res.writeHead(404).end('not found');
      return;
    }
    let file = resolve(join(route.dir, path.slice(route.prefix.length)));
    if (file !== route.dir && !file.startsWith(route.dir + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': size, 'Cache-Control': 'no-store' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
