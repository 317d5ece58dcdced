import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { appPolicy, embedFrameAncestors, gatewayStaticPolicy } from '../src/platform/csp.ts';
import { isEmbedRequest } from './vite-embed.ts';

const isGateway = (path: string) => path === '/net.html' || path.endsWith('/net.html');

/**
 * Content-Security-Policy for the built app (src/platform/csp.ts says what it allows and why):
 * a <meta> tag first in every page's <head> (any static host), the same policy as a header
 * from `vite preview` (headers also reach worker scripts and carry `frame-ancestors`: the
 * widget's is its `origins` parameter), and a `_headers` file for hosts that read one.
 * The dev server stays without a policy: Vite's hot reload needs inline modules and a socket.
 */
export function contentSecurityPolicy(): Plugin {
  const middleware: Connect.NextHandleFunction = (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const u = new URL(req.url ?? '/', 'http://x');
    let policy: string;
    if (isGateway(u.pathname)) policy = gatewayStaticPolicy();
    else if (isEmbedRequest(req.url)) policy = appPolicy({ frameAncestors: embedFrameAncestors(u.searchParams.get('origins')) });
    else policy = appPolicy();
    res.setHeader('Content-Security-Policy', policy);
    next();
  };
  return {
    name: 'talkreel-csp',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.server) return [];
        const content = isGateway(ctx.path) ? gatewayStaticPolicy() : appPolicy({ meta: true });
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content }, injectTo: 'head-prepend' }];
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      // Netlify / Cloudflare Pages format. The widget's frame-ancestors depend on its URL
      // parameter, which a static header file cannot express: hosts list them here by hand.
      // Hosts merge the headers of every matching rule, so the app's policy is listed per path
      // rather than for /* (it would also land on the gateway and shut it).
      const app = ['/', '/index.html', '/headless.html', '/assets/*', '/sw.js'].flatMap((path) => [
        path,
        `  Content-Security-Policy: ${appPolicy()}`,
        '  Cross-Origin-Opener-Policy: same-origin',
        '  Cross-Origin-Embedder-Policy: require-corp',
      ]);
      const lines = [
        ...app,
        '/net.html',
        `  Content-Security-Policy: ${gatewayStaticPolicy()}`,
        '  Cross-Origin-Opener-Policy: same-origin',
        '  Cross-Origin-Embedder-Policy: require-corp',
        '/embed.html',
        `  Content-Security-Policy: ${appPolicy({ frameAncestors: ['*'] })}`,
        '  Cross-Origin-Embedder-Policy: require-corp',
        '  Cross-Origin-Resource-Policy: cross-origin',
        '',
      ];
      this.emitFile({ type: 'asset', fileName: '_headers', source: lines.join('\n') });
    },
  };
}
