import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmbedBridge, MAX_UNFINISHED_JOBS, type ParentWindow } from './bridge.ts';
import { detectCapabilities } from './capabilities.ts';
import { JobManager, type JobRunner, type RunRequest } from './manager.ts';
import { PROTOCOL, type WidgetMessage } from './protocol.ts';
import { LOOKS } from './test-fixtures.test-data.ts';
import type { WebhookResult } from './webhook.ts';

const HOST = 'https://shop.example';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

const runner: JobRunner<RunRequest> = {
  prepare: async (req) => req,
  still: async () => new Blob([JPEG], { type: 'image/jpeg' }),
  async export(_c, _r, o) {
    o.onProgress({ frame: 450, frames: 450 });
    return { file: new Blob([new Uint8Array(1000)], { type: 'video/mp4' }), frames: 450, seconds: 1, videoSeconds: 15 };
  },
};

function setup(webhook?: () => Promise<WebhookResult>) {
  const listeners: Array<(e: MessageEvent) => void> = [];
  const target = { addEventListener: (_: 'message', fn: (e: MessageEvent) => void) => listeners.push(fn), removeEventListener: vi.fn() };
  const posted: Array<{ msg: WidgetMessage; origin: string }> = [];
  const parent: ParentWindow = { postMessage: vi.fn((msg: unknown, origin: string) => posted.push({ msg: msg as WidgetMessage, origin })) };
  const fetch = (async () => new Response(new Blob([JPEG], { type: 'image/jpeg' }))) as unknown as typeof globalThis.fetch;
  const manager = new JobManager<RunRequest>({ runner, looks: LOOKS, fetch, objectUrl: () => 'blob:x', revokeUrl: () => undefined, ...(webhook ? { webhook } : {}) });
  const bridge = new EmbedBridge({ target, parent, allowedOrigins: [HOST], manager, looks: LOOKS, version: '0.1.0', capabilities: detectCapabilities({ canParsePages: false }) });
  bridge.start();
  const send = (data: unknown, o: { origin?: string; source?: unknown; ports?: MessagePort[] } = {}) => {
    const ev = { data, origin: o.origin ?? HOST, source: 'source' in o ? o.source : parent, ports: o.ports ?? [] } as unknown as MessageEvent;
    for (const l of listeners) l(ev);
  };
  return { bridge, manager, parent, posted, send };
}

const msg = (m: Record<string, unknown>) => ({ protocol: PROTOCOL, ...m });
// Image URLs (fetched by a fake fetch); Blobs are covered by the browser e2e.
const job = { type: 'product_avatar', duration: 15, product: { name: 'Aurora Bottle', images: ['https://cdn.example/a.jpg'] } };
/** Node delivers MessagePort messages on its own schedule: wait for them rather than a fixed time. */
const until = (ok: () => boolean) => vi.waitFor(() => expect(ok()).toBe(true), { timeout: 3000, interval: 10 });

let live: EmbedBridge<RunRequest> | null = null;
afterEach(() => live?.stop());

describe('EmbedBridge over window messages', () => {
  it('answers hello with ready, naming the sender origin (never "*")', () => {
    const { bridge, posted, send } = setup();
    live = bridge;
    send(msg({ type: 'hello', request_id: 'h1' }));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.origin).toBe(HOST);
    expect(posted[0]!.msg).toMatchObject({ protocol: PROTOCOL, type: 'ready', request_id: 'h1', version: '0.1.0', channel: 'window', capabilities: { cross_origin_isolated: false, single_threaded: true, product_url: { fetch: true, parse: false } } });
    expect(bridge.connected).toBe(true);
  });

  it('drops and counts wrong origins and wrong sources, answering nothing', () => {
    const { bridge, posted, send } = setup();
    live = bridge;
    send(msg({ type: 'hello' }), { origin: 'https://evil.example' });
    send(msg({ type: 'hello' }), { origin: 'https://shop.example.evil.example' });
    send(msg({ type: 'hello' }), { origin: 'null' });
    send(msg({ type: 'hello' }), { source: {} });
    send(msg({ type: 'hello' }), { source: null });
    expect(posted).toHaveLength(0);
    expect(bridge.stats.dropped).toMatchObject({ origin: 3, source: 2 });
    expect(bridge.stats.accepted).toBe(0);
    expect(bridge.connected).toBe(false);
  });

  it('wants a handshake first; answers invalid requests with the field at fault', () => {
    const { bridge, posted, send } = setup();
    live = bridge;
    send(msg({ type: 'list_avatars', request_id: 'a1' }));
    expect(posted[0]!.msg).toMatchObject({ type: 'error', request_id: 'a1', code: 'handshake_required' });
    send(msg({ type: 'hello' }));
    send(msg({ type: 'create_job', request_id: 'c1', job: { ...job, aspect_ratio: '4x3' } }));
    expect(posted[2]!.msg).toMatchObject({ type: 'error', request_id: 'c1', code: 'invalid_request' });
    expect((posted[2]!.msg as { message: string }).message).toMatch(/^job\.aspect_ratio/);
    send(JSON.parse('{"protocol":"talkreel/1","type":"list_jobs","request_id":"p1","__proto__":{"x":1}}'));
    send({ not: 'ours' });
    expect(posted).toHaveLength(3);
    expect(bridge.stats.dropped).toMatchObject({ malformed: 1, unsafe: 1, unknown: 1 });
    expect(posted.every((p) => p.origin === HOST)).toBe(true);
  });

  it('refuses an unknown override_avatar, and more jobs than it will queue', () => {
    const { bridge, posted, send } = setup();
    live = bridge;
    send(msg({ type: 'hello' }));
    send(msg({ type: 'create_job', request_id: 'c1', job: { ...job, override_avatar: 'nobody' } }));
    expect(posted[1]!.msg).toMatchObject({ type: 'error', request_id: 'c1', code: 'unknown_avatar' });
    for (let i = 0; i < MAX_UNFINISHED_JOBS + 1; i++) send(msg({ type: 'create_job', request_id: `q${i}`, job }));
    const last = posted[posted.length - 1]!.msg;
    expect(last).toMatchObject({ type: 'error', request_id: `q${MAX_UNFINISHED_JOBS}`, code: 'busy' });
  });
});

describe('EmbedBridge over a private channel', () => {
  it('moves to the MessagePort: requests, events, media bytes', async () => {
    const { bridge, manager, posted, send } = setup();
    live = bridge;
    const channel = new MessageChannel();
    const got: WidgetMessage[] = [];
    channel.port1.onmessage = (e: MessageEvent) => got.push(e.data as WidgetMessage);
    send(msg({ type: 'hello' }), { ports: [channel.port2] });
    await until(() => got.length > 0);
    expect(posted).toHaveLength(0);
    expect(got[0]).toMatchObject({ type: 'ready', channel: 'port' });

    channel.port1.postMessage(msg({ type: 'list_avatars', request_id: 'l1', filter: { gender: 'male' } }));
    channel.port1.postMessage(msg({ type: 'create_job', request_id: 'c1', job }));
    await until(() => got.some((m) => m.type === 'avatars') && got.some((m) => m.type === 'job'));
    const avatars = got.find((m) => m.type === 'avatars');
    expect(avatars).toMatchObject({ request_id: 'l1' });
    expect((avatars as { avatars: Array<{ gender: string }> }).avatars.every((a) => a.gender === 'male')).toBe(true);
    const created = got.find((m) => m.type === 'job') as Extract<WidgetMessage, { type: 'job' }>;
    expect(created).toMatchObject({ request_id: 'c1', job: { status: 'initializing' } });
    await manager.idle();
    await until(() => got.some((m) => m.type === 'job' && m.job.status === 'video_generated'));
    const events = got.filter((m): m is Extract<WidgetMessage, { type: 'job' }> => m.type === 'job' && m.job.id === created.job.id);
    expect(events[events.length - 1]!.job.status).toBe('video_generated');
    expect(events.slice(1).every((e) => e.request_id === undefined)).toBe(true);

    channel.port1.postMessage(msg({ type: 'get_video', request_id: 'v1', job_id: created.job.id }));
    channel.port1.postMessage(msg({ type: 'get_photo', request_id: 'p1', job_id: created.job.id }));
    channel.port1.postMessage(msg({ type: 'get_video', request_id: 'v2', job_id: 'job_missing' }));
    channel.port1.postMessage(msg({ type: 'list_jobs', request_id: 'j1' }));
    await until(() => ['video', 'photo', 'error', 'jobs'].every((t) => got.some((m) => m.type === t)));
    const video = got.find((m) => m.type === 'video') as Extract<WidgetMessage, { type: 'video' }>;
    expect(video).toMatchObject({ request_id: 'v1', mime: 'video/mp4' });
    expect(video.bytes).toBeInstanceOf(ArrayBuffer);
    expect(video.bytes.byteLength).toBe(1000);
    expect(got.find((m) => m.type === 'photo')).toMatchObject({ request_id: 'p1', mime: 'image/jpeg' });
    expect(got.find((m) => m.type === 'error')).toMatchObject({ request_id: 'v2', code: 'not_found' });
    expect((got.find((m) => m.type === 'jobs') as { jobs: unknown[] }).jobs).toHaveLength(1);
    channel.port1.close();
  });

  it('reports a webhook that could not be delivered as an error event', async () => {
    const { bridge, manager, send } = setup(async () => ({ ok: false, attempts: 4, error: 'HTTP 503' }));
    live = bridge;
    const channel = new MessageChannel();
    const got: WidgetMessage[] = [];
    channel.port1.onmessage = (e: MessageEvent) => got.push(e.data as WidgetMessage);
    send(msg({ type: 'hello' }), { ports: [channel.port2] });
    channel.port1.postMessage(msg({ type: 'create_job', request_id: 'c1', job: { ...job, webhook_url: 'https://hooks.example/x' } }));
    await until(() => got.some((m) => m.type === 'error'));
    await manager.idle();
    const err = got.find((m) => m.type === 'error');
    expect(err).toMatchObject({ code: 'webhook_failed' });
    expect((err as { message: string }).message).toMatch(/not delivered after 4 attempt\(s\): HTTP 503/);
    channel.port1.close();
  });
});
