/**
 * The network gateway: a same-origin frame (`net.html#origin=https://shop.example`) that makes
 * requests to one site for the app, whose own policy lets it reach nothing but its own origin.
 *
 * The fragment only says which site this frame is for; whether that site may be reached is
 * decided here, for every request, from what the user granted (read from IndexedDB, see
 * grants.ts and sites.ts) and, for the embed widget's jobs, what the deployer listed — never
 * from the URL or the message. Before listening the frame adds a Content-Security-Policy that
 * allows that site alone (its twin, or the model hosts' group), so even a confused caller
 * cannot make it reach anywhere else.
 */
import { gatewayPolicy, serialise } from '../platform/csp.ts';
import { deployConfig } from '../platform/deploy-config.ts';
import { readGrants } from './grants.ts';
import { headerList, type GatewayAbort, type GatewayReply, type GatewayRequest } from './protocol.ts';
import { mayRequest, originOf, reachableFrom } from './sites.ts';

const origin = originOf(new URLSearchParams(location.hash.slice(1)).get('origin') ?? '') ?? '';
const modelHosts = deployConfig.models.hosts;
const embedSites = [...deployConfig.embed.allowedOrigins, ...deployConfig.embed.fetchOrigins];

/** Is the page that opened this frame the embed widget (same origin, so its path is readable)? */
function servesWidget(): boolean {
  try {
    return parent !== window && /\/embed(\.html)?$/.test(parent.location.pathname);
  } catch {
    return false;
  }
}

const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
// The widest this frame could ever need for its one site; the grants narrow it per request.
meta.content = !origin ? serialise({ 'connect-src': ["'none'"] }) : modelHosts.includes(origin) ? serialise({ 'connect-src': modelHosts }) : gatewayPolicy(origin);
document.head.append(meta);

async function reachable(): Promise<string[]> {
  if (!origin) return [];
  const grants = await readGrants().catch(() => []);
  return reachableFrom(origin, { grants, modelHosts, embedSites, forWidget: servesWidget() });
}

async function serve(req: GatewayRequest, port: MessagePort): Promise<void> {
  const controller = new AbortController();
  port.onmessage = (e: MessageEvent<GatewayAbort>) => {
    if (e.data?.type === 'abort') controller.abort();
  };
  let reply: GatewayReply;
  const transfer: Transferable[] = [];
  try {
    const allowed = await reachable();
    if (!allowed.length) throw new TypeError(`talkreel may not contact ${origin || 'that site'}: it reaches only sites you asked it to.`);
    if (!mayRequest(req.url, allowed)) throw new TypeError(`This gateway only reaches ${origin}.`);
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      redirect: req.redirect,
      referrerPolicy: req.referrerPolicy,
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-store',
      signal: controller.signal,
    });
    reply = { type: 'response', status: res.status, statusText: res.statusText, url: res.url, headers: headerList(res.headers), body: res.body };
    if (res.body) transfer.push(res.body as unknown as Transferable);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    reply = { type: 'error', name: e.name ?? 'TypeError', message: e.message ?? String(err) };
  }
  port.postMessage(reply, transfer);
}

addEventListener('message', (e: MessageEvent<GatewayRequest>) => {
  // Only the app itself (the parent page, same origin) may use the gateway.
  if (e.origin !== location.origin || e.source !== parent || parent === window || e.data?.type !== 'fetch' || !e.ports[0]) return;
  void serve(e.data, e.ports[0]);
});
if (parent !== window) parent.postMessage({ type: 'gateway-ready', origin }, location.origin);
