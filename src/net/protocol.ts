/**
 * Messages between the app and a network gateway frame (net.html). The request travels over a
 * MessageChannel created per request; the response body comes back as a transferred
 * ReadableStream, so large downloads stream without being copied whole.
 */
export interface GatewayRequest {
  type: 'fetch';
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body: ArrayBuffer | string | null;
  redirect: RequestRedirect;
  referrerPolicy: ReferrerPolicy;
}

export type GatewayReply =
  | { type: 'response'; status: number; statusText: string; url: string; headers: Array<[string, string]>; body: ReadableStream<Uint8Array> | null }
  | { type: 'error'; name: string; message: string };

/** Sent on the request's port by the app to cancel it. */
export interface GatewayAbort {
  type: 'abort';
}

export const GATEWAY_PATH = '/net.html';

/** Header pairs (structured-clonable, unlike Headers). */
export function headerList(h: HeadersInit | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  new Headers(h).forEach((v, k) => out.push([k, v]));
  return out;
}
