import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/** Is this request for the embed page (`/embed.html`, `/embed`, or `/?embed=1`)? */
export function isEmbedRequest(url: string | undefined): boolean {
  if (!url) return false;
  const u = new URL(url, 'http://x');
  return u.pathname === '/embed.html' || u.pathname === '/embed' || (u.pathname === '/' && u.searchParams.get('embed') === '1');
}

/**
 * The embed page lives inside other sites' iframes, so it is served differently from the app:
 *
 * - no `Cross-Origin-Opener-Policy` (meaningless in an iframe; the widget never needs isolation:
 *   every runtime it uses runs single-threaded, and `ready.capabilities` says which it got);
 * - `Cross-Origin-Embedder-Policy: require-corp` is kept and `Cross-Origin-Resource-Policy:
 *   cross-origin` added, so that cross-origin-isolated host pages may frame it too (a COEP page
 *   only frames documents that send both); non-isolated hosts frame it either way;
 * - `/embed` and `/?embed=1` lead to `/embed.html` (query kept).
 *
 * Static hosting elsewhere: serve embed.html with the same two headers (or none at all, if no
 * isolated host page needs to frame it).
 */
export function embedRoute(): Plugin {
  const middleware: Connect.NextHandleFunction = (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (!isEmbedRequest(req.url)) return next();
    const u = new URL(req.url!, 'http://x');
    if (u.pathname !== '/embed.html') {
      u.searchParams.delete('embed');
      res.statusCode = 302;
      res.setHeader('Location', `/embed.html${u.search}`);
      res.end();
      return;
    }
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      for (const a of args) {
        if (a && typeof a === 'object' && !Array.isArray(a)) {
          for (const k of Object.keys(a)) if (k.toLowerCase() === 'cross-origin-opener-policy') delete (a as Record<string, unknown>)[k];
        }
      }
      res.removeHeader('Cross-Origin-Opener-Policy');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  };
  return {
    name: 'talkreel-embed-route',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
