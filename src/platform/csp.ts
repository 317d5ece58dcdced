/**
 * The Content-Security-Policy of the built app, in one place for every delivery route: the
 * <meta> tag in each page (works on any static host), the preview server's headers (which also
 * cover worker scripts and allow `frame-ancestors`), and the `_headers` file for hosts that
 * read one.
 *
 * The app's pages may connect only to their own origin. A request the user asks for to another
 * site (a product link, its pictures, a local script-writer model, a webhook, a model download)
 * goes through the network gateway frame (`net.html`, src/net/), whose policy allows exactly the
 * one origin it was opened for — so a page full of the user's material has no way to talk to
 * the outside, and each outside request is visible as a deliberate act.
 */

export type Directives = Record<string, readonly string[]>;

const BASE: Directives = {
  'default-src': ["'self'"],
  // Wasm (espeak-ng, onnxruntime, ffmpeg, the AAC encoder) needs compile permission; no eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // Runtimes that spawn helpers from blob: URLs (wasm thread pools).
  'worker-src': ["'self'", 'blob:'],
  // blob:/data: are the user's own files (object URLs of their pictures, videos, exports).
  'connect-src': ["'self'", 'blob:', 'data:'],
  'img-src': ["'self'", 'blob:', 'data:'],
  'media-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  // Svelte writes style attributes; no style can fetch anything img/font-src would not allow.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Only the same-origin network gateway frame.
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'manifest-src': ["'self'"],
};

/** Serialises directives; order is stable so tests and headers compare as strings. */
export function serialise(d: Directives): string {
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** `frame-ancestors` cannot be set from a <meta> tag; it only goes into headers. */
export function appPolicy(opts: { frameAncestors?: readonly string[]; meta?: boolean } = {}): string {
  const d: Directives = { ...BASE };
  if (!opts.meta) d['frame-ancestors'] = opts.frameAncestors?.length ? opts.frameAncestors : ["'self'"];
  return serialise(d);
}

/**
 * The gateway page's static policy: scripts from itself only and no connections yet; at start
 * it adds a second, per-origin policy (policies can only narrow, so this one leaves connect-src
 * to the dynamic one: `http: https:` here, intersected with the one allowed origin there).
 */
export function gatewayStaticPolicy(): string {
  const d: Directives = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'connect-src': ['http:', 'https:'],
    'manifest-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  // No frame-ancestors: the widget's gateway sits under a host page of another origin, and
  // frame-ancestors checks every ancestor. Framing it gains a stranger nothing — it answers
  // only its same-origin parent (see src/net/gateway.ts).
  return serialise(d);
}

/** The one origin a gateway frame may reach, plus the same site's http→https and www twin. */
export function gatewayConnectSources(origin: string): string[] {
  const u = new URL(origin);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`Not a web origin: ${origin}`);
  const hosts = new Set([u.host]);
  if (!/^\d+\.\d+\.\d+\.\d+(:\d+)?$/.test(u.host) && !u.host.startsWith('[') && u.hostname !== 'localhost') {
    hosts.add(u.host.startsWith('www.') ? u.host.slice(4) : `www.${u.host}`);
  }
  const out = new Set<string>();
  for (const h of hosts) {
    out.add(`${u.protocol}//${h}`);
    if (u.protocol === 'http:' && !/^(127\.|localhost|\[::1\])/.test(h)) out.add(`https://${h}`);
  }
  return [...out];
}

/** Added by the gateway at start; everything else stays as strict as the static policy. */
export function gatewayPolicy(origin: string): string {
  return serialise({ 'connect-src': gatewayConnectSources(origin) });
}

/**
 * The widget's `frame-ancestors`: the deployer's allowed host origins (src/platform/deploy-config.ts),
 * already narrowed by the page's `origins` parameter where one was given. Anything that is not a
 * bare origin (which could smuggle in another directive) is dropped; none left: no site.
 */
export function embedFrameAncestors(origins: readonly string[]): string[] {
  const list = origins.map((s) => s.trim()).filter((s) => /^https?:\/\/[^/\s;,'"]+$/.test(s));
  return list.length ? list : ["'none'"];
}
