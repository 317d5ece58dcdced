/**
 * A local stand-in for the Hugging Face hub, answering the way the hub does for the requests a
 * model download makes (observed behaviour of huggingface.co, documented in huggingface_hub's
 * file_download.py): tests cannot reach the real one.
 *
 * - `GET|HEAD /<owner>/<repo>/resolve/<revision>/<path>`: an unknown revision answers 404 with
 *   `X-Error-Code: RevisionNotFound`, an unknown file 404 `EntryNotFound`.
 * - Small files (plain git: configs, model cards) are served by the hub itself, 200/206.
 * - Large files (LFS/Xet, here: ≥ `lfsFrom` bytes or .onnx) answer `302 Found` to the second
 *   host (the CDN), with `X-Linked-Size`, `X-Linked-Etag` (the file's SHA-256) and
 *   `X-Repo-Commit`, as the hub does; the CDN serves the bytes with `Range` and `HEAD`.
 * - CORS as sent by each: the hub echoes the request's `Origin` (with `Vary: Origin`) and exposes
 *   its headers; the CDN answers `*`. Both answer preflights for `Range`.
 * - Faults the tests arm: `cutNext(path)` drops the connection half-way through the next
 *   transfer of that file; `corrupt` files are served with wrong bytes (same length).
 *
 * Other specs reuse it: `const hub = await startHub(); … await hub.close();`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tinyVoiceFiles } from '../../models/build-piper-tiny.ts';

export interface HubOptions {
  /** Hub port on 127.0.0.1 (the e2e build's deploy config names 4391). */
  hubPort?: number;
  /** CDN port, reached as http://localhost:<port> (the e2e build names 4392). */
  cdnPort?: number;
  repo?: string;
  revisions?: string[];
  /** Repository files by path (default: the tiny Piper voices of models/build-piper-tiny.ts). */
  files?: Map<string, Uint8Array>;
  /** Paths served with wrong bytes. */
  corrupt?: string[];
  /** Files from this size on are "LFS" and redirected to the CDN. */
  lfsFrom?: number;
  /** Pause between 64 kB chunks on the CDN (ms), so a test can act mid-download. */
  chunkDelayMs?: number;
}

export interface Hub {
  hub: string;
  cdn: string;
  /** One line per request: "<host> <method> <path> <range|full> → <status>". */
  log: string[];
  /** Drop the connection half-way through the next transfer of `path`. */
  cutNext(path: string): void;
  setChunkDelay(ms: number): void;
  close(): Promise<void>;
}

const COMMIT = 'e2d1a0c1f1e6c3b2a1f0e9d8c7b6a5f4e3d2c1b0';
const HUB_EXPOSE = 'X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,Content-Range,X-Linked-Size,X-Linked-ETag,X-Xet-Hash';

/** `Range: bytes=a-` / `bytes=a-b` → [start, end] inclusive, null when absent, 'bad' when unsatisfiable. */
function rangeOf(header: string | undefined, size: number): [number, number] | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  return start >= size || end < start ? 'bad' : [start, end];
}

export async function startHub(opts: HubOptions = {}): Promise<Hub> {
  const hubPort = opts.hubPort ?? 4391;
  const cdnPort = opts.cdnPort ?? 4392;
  const repo = opts.repo ?? 'rhasspy/piper-voices';
  const revisions = new Set(opts.revisions ?? ['v1.0.0']);
  const files = opts.files ?? tinyVoiceFiles();
  const corrupt = new Set(opts.corrupt ?? ['en/en_US/broken/medium/en_US-broken-medium.onnx']);
  const lfsFrom = opts.lfsFrom ?? 1000;
  let chunkDelay = opts.chunkDelayMs ?? 0;
  const cuts = new Set<string>();
  const log: string[] = [];
  const hub = `http://127.0.0.1:${hubPort}`;
  const cdn = `http://localhost:${cdnPort}`;

  const sha = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const [path, bytes] of files) {
    const h = createHash('sha256').update(bytes).digest('hex');
    sha.set(path, h);
    byHash.set(h, path);
  }
  const isLfs = (path: string): boolean => path.endsWith('.onnx') || files.get(path)!.byteLength >= lfsFrom;

  /** Serves `path`'s bytes (or wrong ones), with Range, HEAD and an armed cut. */
  function send(req: IncomingMessage, res: ServerResponse, path: string, headers: Record<string, string>): number {
    let body = files.get(path)!;
    if (corrupt.has(path)) {
      body = Uint8Array.from(body);
      for (let i = body.length >> 1; i < body.length; i += 97) body[i] = body[i]! ^ 0xff;
    }
    const r = rangeOf(req.headers.range, body.length);
    if (r === 'bad') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${body.length}` }).end();
      return 416;
    }
    const [start, end] = r ?? [0, body.length - 1];
    const part = body.subarray(start, end + 1);
    const status = r ? 206 : 200;
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(part.length),
      'Accept-Ranges': 'bytes',
      ETag: `"${sha.get(path)}"`,
      ...(r ? { 'Content-Range': `bytes ${start}-${end}/${body.length}` } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return status;
    }
    const cut = cuts.delete(path);
    const stopAt = cut ? part.length >> 1 : part.length;
    let o = 0;
    const next = (): void => {
      if (res.destroyed) return;
      if (o >= stopAt) {
        // The half-way cut: the socket closes without finishing the response.
        if (cut) return void setTimeout(() => res.socket?.destroy(), 100);
        return void res.end();
      }
      const chunk = part.subarray(o, Math.min(stopAt, o + 65536));
      o += chunk.length;
      res.write(chunk, () => (chunkDelay ? setTimeout(next, chunkDelay) : setImmediate(next)));
    };
    next();
    return status;
  }

  const hubServer = createServer((req, res) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': HUB_EXPOSE }
      : {};
    const url = new URL(req.url ?? '/', hub);
    const line = (status: number): void => void log.push(`hub ${req.method} ${decodeURIComponent(url.pathname)} ${req.headers.range ?? 'full'} → ${status}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS', 'Access-Control-Allow-Headers': 'Range, Content-Type, Authorization, User-Agent', 'Access-Control-Max-Age': '86400' }).end();
      return line(204);
    }
    const m = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    const fail = (status: number, code: string, message: string): void => {
      res.writeHead(status, { ...cors, 'Content-Type': 'application/json', 'X-Error-Code': code, 'X-Error-Message': message }).end(JSON.stringify({ error: message }));
      line(status);
    };
    if (!m || m[1] !== repo) return fail(404, 'RepoNotFound', 'Repository not found');
    const revision = decodeURIComponent(m[2]!);
    const path = decodeURIComponent(m[3]!);
    if (!revisions.has(revision)) return fail(404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
    if (!files.has(path)) return fail(404, 'EntryNotFound', `${path} does not exist on "${revision}"`);
    const common = { ...cors, 'X-Repo-Commit': COMMIT };
    if (isLfs(path)) {
      const h = sha.get(path)!;
      res.writeHead(302, {
        ...common,
        Location: `${cdn}/repos/${h.slice(0, 2)}/${h}?response-content-disposition=attachment`,
        'X-Linked-Size': String(files.get(path)!.byteLength),
        'X-Linked-ETag': `"${h}"`,
        'Content-Length': '0',
      }).end();
      return line(302);
    }
    line(send(req, res, path, common));
  });

  const cdnServer = createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges, ETag' };
    const url = new URL(req.url ?? '/', cdn);
    const line = (status: number): void => void log.push(`cdn ${req.method} ${url.pathname} ${req.headers.range ?? 'full'} → ${status}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Max-Age': '3000' }).end();
      return line(204);
    }
    const path = byHash.get(url.pathname.split('/').pop() ?? '');
    if (!path) {
      res.writeHead(403, cors).end('AccessDenied');
      return line(403);
    }
    line(send(req, res, path, cors));
  });

  const listen = (s: Server, port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
  await listen(hubServer, hubPort);
  await listen(cdnServer, cdnPort);
  const close = (s: Server): Promise<void> =>
    new Promise((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    hub,
    cdn,
    log,
    cutNext: (path) => void cuts.add(path),
    setChunkDelay: (ms) => void (chunkDelay = ms),
    close: async () => {
      await Promise.all([close(hubServer), close(cdnServer)]);
    },
  };
}
