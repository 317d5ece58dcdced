/**
 * The network gateway: a same-origin frame that performs one kind of request for the app —
 * requests to the single origin named in its URL (`net.html#origin=https://shop.example`).
 * Before listening it adds a Content-Security-Policy allowing connections to that origin alone,
 * so even a confused caller cannot use it to reach anywhere else.
 */
import { gatewayPolicy } from '../platform/csp.ts';
import { headerList, type GatewayAbort, type GatewayReply, type GatewayRequest } from './protocol.ts';

const origin = new URLSearchParams(location.hash.slice(1)).get('origin') ?? '';
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = gatewayPolicy(origin);
document.head.append(meta);

function sameSite(url: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(origin);
    return u.hostname.replace(/^www\./, '') === a.hostname.replace(/^www\./, '') && u.port === a.port;
  } catch {
    return false;
  }
}

async function serve(req: GatewayRequest, port: MessagePort): Promise<void> {
  const controller = new AbortController();
  port.onmessage = (e: MessageEvent<GatewayAbort>) => {
    if (e.data?.type === 'abort') controller.abort();
  };
  let reply: GatewayReply;
  const transfer: Transferable[] = [];
  try {
    if (!sameSite(req.url)) throw new TypeError(`This gateway only reaches ${origin}.`);
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
  if (e.origin !== location.origin || e.source !== parent || e.data?.type !== 'fetch' || !e.ports[0]) return;
  void serve(e.data, e.ports[0]);
});
parent.postMessage({ type: 'gateway-ready', origin }, location.origin);
