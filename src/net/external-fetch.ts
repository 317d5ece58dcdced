/**
 * `netFetch` — fetch() for requests the user asked for to other sites. On a page, a request to
 * another origin goes through a gateway frame for that origin (see gateway.ts; the page's own
 * Content-Security-Policy allows only its own origin). Elsewhere (Node, workers, tests) it is
 * plain fetch. Same-origin, blob: and data: URLs are always plain fetch.
 */
import { GATEWAY_PATH, headerList, type GatewayReply, type GatewayRequest } from './protocol.ts';

const frames = new Map<string, Promise<HTMLIFrameElement>>();
const READY_TIMEOUT_MS = 10_000;
/** A gateway frame with no request for this long is removed (a new one opens when needed). */
const IDLE_MS = 30_000;
const inFlight = new Map<string, number>();
const idleTimers = new Map<string, ReturnType<typeof setTimeout>>();

function busy(origin: string): void {
  inFlight.set(origin, (inFlight.get(origin) ?? 0) + 1);
  clearTimeout(idleTimers.get(origin));
  idleTimers.delete(origin);
}

function done(origin: string): void {
  const n = (inFlight.get(origin) ?? 1) - 1;
  inFlight.set(origin, n);
  if (n > 0) return;
  idleTimers.set(
    origin,
    setTimeout(() => {
      idleTimers.delete(origin);
      if ((inFlight.get(origin) ?? 0) > 0) return;
      const p = frames.get(origin);
      frames.delete(origin);
      void p?.then((f) => f.remove(), () => undefined);
    }, IDLE_MS),
  );
}

function gatewayFor(origin: string): Promise<HTMLIFrameElement> {
  let p = frames.get(origin);
  if (p) return p;
  p = new Promise<HTMLIFrameElement>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.src = `${GATEWAY_PATH}#origin=${encodeURIComponent(origin)}`;
    const timer = setTimeout(() => {
      cleanup();
      frames.delete(origin);
      frame.remove();
      reject(new TypeError('The network gateway did not start.'));
    }, READY_TIMEOUT_MS);
    const onMessage = (e: MessageEvent<{ type?: string; origin?: string }>) => {
      if (e.source !== frame.contentWindow || e.origin !== location.origin || e.data?.type !== 'gateway-ready') return;
      cleanup();
      resolve(frame);
    };
    const cleanup = () => {
      clearTimeout(timer);
      removeEventListener('message', onMessage);
    };
    addEventListener('message', onMessage);
    document.body.append(frame);
  });
  frames.set(origin, p);
  return p;
}

async function bodyOf(body: BodyInit | null | undefined): Promise<ArrayBuffer | string | null> {
  if (body == null) return null;
  if (typeof body === 'string') return body;
  return new Response(body).arrayBuffer();
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

async function viaGateway(url: URL, init: RequestInit): Promise<Response> {
  busy(url.origin);
  try {
    const res = await requestVia(url, init);
    // The body streams on after the response: the frame stays until it is read or dropped.
    if (!res.body) return res;
    const origin = url.origin;
    let released = false;
    const release = () => {
      if (!released) done(origin);
      released = true;
    };
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        try {
          const r = await reader.read();
          if (r.done) {
            release();
            c.close();
          } else c.enqueue(r.value);
        } catch (err) {
          release();
          c.error(err);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    });
    const wrapped = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    Object.defineProperty(wrapped, 'url', { value: res.url });
    return wrapped;
  } catch (err) {
    done(url.origin);
    throw err;
  }
}

async function requestVia(url: URL, init: RequestInit): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) throw abortError(signal);
  const frame = await gatewayFor(url.origin);
  const req: GatewayRequest = {
    type: 'fetch',
    url: url.href,
    method: init.method ?? 'GET',
    headers: headerList(init.headers),
    body: await bodyOf(init.body),
    redirect: init.redirect ?? 'follow',
    referrerPolicy: init.referrerPolicy ?? 'no-referrer',
  };
  const { port1, port2 } = new MessageChannel();
  return new Promise<Response>((resolve, reject) => {
    const onAbort = () => {
      port1.postMessage({ type: 'abort' });
      port1.close();
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    port1.onmessage = (e: MessageEvent<GatewayReply>) => {
      signal?.removeEventListener('abort', onAbort);
      const r = e.data;
      if (r.type === 'error') {
        reject(r.name === 'AbortError' ? new DOMException(r.message, 'AbortError') : new TypeError(r.message));
        return;
      }
      // A stream keeps reading after the fetch resolved: cancel it when the caller aborts.
      if (signal && r.body) signal.addEventListener('abort', () => port1.postMessage({ type: 'abort' }), { once: true });
      const res = new Response(r.status === 204 || r.status === 304 ? null : r.body, { status: r.status, statusText: r.statusText, headers: r.headers });
      Object.defineProperty(res, 'url', { value: r.url });
      resolve(res);
    };
    frame.contentWindow!.postMessage(req, location.origin, [port2]);
  });
}

export const netFetch: typeof fetch = async (input, init = {}) => {
  if (typeof input !== 'string' && !(input instanceof URL)) throw new TypeError('netFetch takes a URL, not a Request.');
  const href = typeof input === 'string' ? input : input.href;
  if (typeof document === 'undefined' || typeof location === 'undefined') return fetch(href, init);
  const url = new URL(href, location.href);
  if (url.origin === location.origin || url.protocol === 'blob:' || url.protocol === 'data:') return fetch(url, init);
  return viaGateway(url, init);
};
