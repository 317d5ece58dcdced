import { netFetch } from '../net/external-fetch.ts';
/**
 * Webhooks: when a job ends (video_generated or failed) its JSON is POSTed to `webhook_url`,
 * from the widget, so the receiver must allow CORS from the widget's origin (a preflight:
 * the body is application/json). Network errors, 408, 429 and 5xx are retried with backoff,
 * at most 3 times; any other answer is final. One delivery per job at most: the caller sends
 * once per final status, and a final status never changes.
 */

export interface WebhookResult {
  ok: boolean;
  attempts: number;
  /** HTTP status of the last answer, if any. */
  status?: number;
  error?: string;
}

export interface WebhookOptions {
  retries?: number;
  /** First retry after this many ms, doubling each time. */
  baseDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Delivery id, sent as X-Talkreel-Delivery (receivers can drop duplicates by it). */
  deliveryId?: string;
  event?: string;
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

export async function deliverWebhook(url: string, body: unknown, o: WebhookOptions = {}): Promise<WebhookResult> {
  const retries = o.retries ?? 3;
  const base = o.baseDelayMs ?? 1000;
  const doFetch = o.fetch ?? netFetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const json = JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (o.deliveryId) headers['X-Talkreel-Delivery'] = o.deliveryId;
  if (o.event) headers['X-Talkreel-Event'] = o.event;
  let last: WebhookResult = { ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    if (attempt > 1) await sleep(base * 2 ** (attempt - 2));
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers,
        body: json,
        mode: 'cors',
        credentials: 'omit',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
      });
      if (res.ok) return { ok: true, attempts: attempt, status: res.status };
      last = { ok: false, attempts: attempt, status: res.status, error: `HTTP ${res.status}` };
      if (!retryable(res.status)) return last;
    } catch (err) {
      // A CORS refusal and a network failure look the same from here.
      last = { ok: false, attempts: attempt, error: `${err instanceof Error ? err.message : String(err)} (network error, or the receiver does not allow CORS from this widget)` };
    }
  }
  return last;
}
