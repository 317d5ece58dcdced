import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { appPolicy, embedFrameAncestors, gatewayStaticPolicy } from '../src/platform/csp.ts';
import { narrowOrigins, parseDeployConfig, type DeployConfig } from '../src/platform/deploy-config.ts';
import { parseAllowedOrigins } from '../src/embed/protocol.ts';
import { isEmbedRequest } from './vite-embed.ts';
import { readDeployConfig } from './vite-deploy-config.ts';

const isGateway = (path: string) => path === '/net.html' || path.endsWith('/net.html');

/** Written beside the build so `vite preview` serves the headers of the deployment it was built for. */
const DEPLOY_FILE = 'talkreel.deploy.json';

/**
 * Content-Security-Policy for the built app (src/platform/csp.ts says what it allows and why):
 * a <meta> tag first in every page's <head> (any static host), the same policy as a header
 * from `vite preview` (headers also reach worker scripts and carry `frame-ancestors`), and a
 * `_headers` file for hosts that read one. The widget's frame-ancestors are the deployer's
 * allowed origins (talkreel.config.json); its `origins` URL parameter can only narrow them.
 * The dev server stays without a policy: Vite's hot reload needs inline modules and a socket.
 */
export function contentSecurityPolicy(): Plugin {
  const headerFor = (url: string | undefined, deploy: DeployConfig): string => {
    const u = new URL(url ?? '/', 'http://x');
    if (isGateway(u.pathname)) return gatewayStaticPolicy();
    if (isEmbedRequest(url)) {
      const param = u.searchParams.get('origins');
      const allowed = narrowOrigins(deploy.embed.allowedOrigins, param === null ? null : parseAllowedOrigins(param));
      return appPolicy({ frameAncestors: embedFrameAncestors(allowed) });
    }
    return appPolicy();
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
      const file = resolve(server.config.root, server.config.build.outDir, DEPLOY_FILE);
      const deploy = existsSync(file) ? parseDeployConfig(JSON.parse(readFileSync(file, 'utf8'))) : readDeployConfig();
      const middleware: Connect.NextHandleFunction = (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
        res.setHeader('Content-Security-Policy', headerFor(req.url, deploy));
        next();
      };
      server.middlewares.use(middleware);
    },
    generateBundle() {
      const deploy = readDeployConfig();
      this.emitFile({ type: 'asset', fileName: DEPLOY_FILE, source: `${JSON.stringify(deploy, null, 2)}\n` });
      // Netlify / Cloudflare Pages format. Hosts merge the headers of every matching rule, so
      // the app's policy is listed per path rather than for /* (it would also land on the
      // gateway and shut it).
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
        `  Content-Security-Policy: ${appPolicy({ frameAncestors: embedFrameAncestors(deploy.embed.allowedOrigins) })}`,
        '  Cross-Origin-Embedder-Policy: require-corp',
        '  Cross-Origin-Resource-Policy: cross-origin',
        '',
      ];
      this.emitFile({ type: 'asset', fileName: '_headers', source: lines.join('\n') });
    },
  };
}
