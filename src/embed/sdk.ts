/**
 * talkreel host SDK (protocol talkreel/1): puts the widget (or the whole editor) in an iframe on your page and drives
 * its job API. Built as its own small bundle: dist/sdk/talkreel-sdk.js (ES module) and
 * dist/sdk/talkreel-sdk.iife.js (`window.Talkreel`).
 *
 *   const talkreel = createTalkreel(document.getElementById('video-maker'), {
 *     url: 'https://talkreel.example/embed.html',
 *   });
 *   await talkreel.ready;
 *   const job = await talkreel.createJob({ type: 'product_avatar', aspect_ratio: '9x16', product: { … } });
 *   const done = await talkreel.waitForJob(job.id, (j) => console.log(j.status, j.progress));
 *   const { bytes } = await talkreel.getVideo(job.id);
 *
 * The handshake hands the widget a private MessageChannel; everything after it travels there.
 * Messages from the widget are schema-checked before anything is resolved with them.
 */
import type { AvatarFilter, AvatarInfo, Capabilities, JobRequest, JobView } from './api-types.ts';
import { message, parseWidgetMessage, type HostMessageIn, type WidgetMessage, type WidgetMessageOf } from './protocol.ts';

export type * from './api-types.ts';

export interface TalkreelOptions {
  /** The widget page, e.g. "https://talkreel.example/embed.html". */
  url: string;
  /** "widget" (default): the compact product-video maker; "editor": the whole editor. */
  mode?: 'widget' | 'editor';
  /**
   * Narrows which origins may drive the widget (exact match), passed to it in its URL. Default:
   * this page's origin. The widget's deployer decides which sites are allowed at all
   * (talkreel.config.json); this list can only narrow that, never widen it.
   */
  allowedOrigins?: string[];
  /** CSS size of the iframe (default 100% × 760px). */
  width?: string;
  height?: string;
  title?: string;
  /** Give up on the handshake after this long (default 20 s). */
  timeoutMs?: number;
  /** Every job event (creation, status changes, progress steps). */
  onJob?: (job: JobView) => void;
  /** Errors the widget reports outside a request (e.g. a webhook that could not be delivered). */
  onError?: (error: TalkreelError) => void;
}

export interface ReadyInfo {
  version: string;
  capabilities: Capabilities;
  channel: 'port' | 'window';
}

export interface MediaBytes {
  jobId: string;
  mime: string;
  bytes: ArrayBuffer;
}

export class TalkreelError extends Error {
  override name = 'TalkreelError';
  constructor(
    readonly code: string,
    message: string,
    readonly jobId?: string,
  ) {
    super(message);
  }
}

export interface TalkreelClient {
  readonly iframe: HTMLIFrameElement;
  /** Resolves after the handshake (hello → ready). */
  readonly ready: Promise<ReadyInfo>;
  /** Creates a job; resolves with it as first reported (status "initializing"). */
  createJob(job: JobRequest): Promise<JobView>;
  getJob(jobId: string): Promise<JobView>;
  listJobs(): Promise<JobView[]>;
  /** Cancels a job; resolves with it as it ended (failed, failed_code "cancelled", or already final). */
  cancelJob(jobId: string): Promise<JobView>;
  getVideo(jobId: string): Promise<MediaBytes>;
  getPhoto(jobId: string): Promise<MediaBytes>;
  listAvatars(filter?: AvatarFilter): Promise<AvatarInfo[]>;
  /** Resolves when the job reaches video_generated or failed; `onUpdate` sees every event. */
  waitForJob(jobId: string, onUpdate?: (job: JobView) => void): Promise<JobView>;
  /** Subscribes to job events; returns the unsubscribe function. */
  onJob(fn: (job: JobView) => void): () => void;
  /** Removes the iframe and stops listening. */
  destroy(): void;
}

type Pending = { resolve: (m: WidgetMessage) => void; reject: (e: Error) => void };
type Request = HostMessageIn extends infer M ? (M extends { type: string } ? Omit<M, 'protocol' | 'request_id'> : never) : never;

const FINAL = new Set(['video_generated', 'failed']);

export function createTalkreel(container: HTMLElement | string, options: TalkreelOptions): TalkreelClient {
  const host = typeof container === 'string' ? document.querySelector<HTMLElement>(container) : container;
  if (!host) throw new TalkreelError('no_container', `No element matches ${String(container)}.`);
  const widgetUrl = new URL(options.url, location.href);
  const widgetOrigin = widgetUrl.origin;
  const allowed = options.allowedOrigins ?? [location.origin];
  widgetUrl.searchParams.set('origins', allowed.join(','));
  if (options.mode === 'editor') widgetUrl.searchParams.set('mode', 'editor');

  const iframe = document.createElement('iframe');
  iframe.src = widgetUrl.href;
  iframe.title = options.title ?? 'talkreel video maker';
  iframe.allow = 'autoplay; clipboard-write; cross-origin-isolated';
  iframe.style.cssText = `display:block;border:0;width:${options.width ?? '100%'};height:${options.height ?? '760px'};border-radius:14px;background:#f5f6fa`;

  let port: MessagePort | null = null;
  let seq = 0;
  let destroyed = false;
  const pending = new Map<string, Pending>();
  const jobListeners = new Set<(job: JobView) => void>();
  if (options.onJob) jobListeners.add(options.onJob);

  const deliver = (data: unknown): void => {
    const parsed = parseWidgetMessage(data);
    if (!parsed.ok || destroyed) return;
    const msg = parsed.message;
    if (msg.type === 'job') for (const fn of [...jobListeners]) fn(msg.job);
    const id = msg.request_id;
    const waiting = id ? pending.get(id) : undefined;
    if (waiting) {
      pending.delete(id!);
      if (msg.type === 'error') waiting.reject(new TalkreelError(msg.code, msg.message, msg.job_id));
      else waiting.resolve(msg);
    } else if (msg.type === 'error') {
      options.onError?.(new TalkreelError(msg.code, msg.message, msg.job_id));
    }
  };

  const ready = new Promise<ReadyInfo>((resolve, reject) => {
    let attempt: ReturnType<typeof setInterval> | undefined;
    const timer = setTimeout(() => {
      clearInterval(attempt);
      reject(new TalkreelError('timeout', `The talkreel widget at ${widgetOrigin} did not answer. Check the URL, and that its deployer lists ${location.origin} in embed.allowedOrigins.`));
    }, options.timeoutMs ?? 20_000);
    // Each hello carries a fresh private channel. Should the widget answer more than one (a
    // hello resent while the first was on its way), the newest channel carries requests on,
    // and older ones still deliver what was sent on them.
    let hellos = 0;
    let readyOn = 0;
    const hello = () => {
      if (destroyed || !iframe.contentWindow) return;
      const channel = new MessageChannel();
      const n = ++hellos;
      channel.port1.onmessage = (e) => {
        const parsed = parseWidgetMessage(e.data);
        if (!parsed.ok) return;
        if (parsed.message.type !== 'ready') return deliver(e.data);
        if (n < readyOn) return;
        readyOn = n;
        port = channel.port1;
        removeEventListener('message', onRefusal);
        clearInterval(attempt);
        clearTimeout(timer);
        const m = parsed.message;
        resolve({ version: m.version, capabilities: m.capabilities, channel: m.channel });
      };
      iframe.contentWindow.postMessage(message({ type: 'hello', client: 'talkreel-sdk' }), widgetOrigin, [channel.port2]);
    };
    // A widget that is not enabled for this site answers on the window, not the channel: the
    // refusal ends the wait at once. Only the widget's own frame, from its own origin, counts.
    const onRefusal = (e: MessageEvent): void => {
      if (e.source !== iframe.contentWindow || e.origin !== widgetOrigin) return;
      const parsed = parseWidgetMessage(e.data);
      if (!parsed.ok || parsed.message.type !== 'error' || parsed.message.code !== 'origin_not_allowed') return;
      removeEventListener('message', onRefusal);
      clearInterval(attempt);
      clearTimeout(timer);
      reject(new TalkreelError('origin_not_allowed', parsed.message.message));
    };
    addEventListener('message', onRefusal);
    iframe.addEventListener('load', () => {
      if (readyOn) return;
      hello();
      clearInterval(attempt);
      attempt = setInterval(hello, 1000);
    });
  });
  ready.catch(() => undefined);
  host.append(iframe);

  async function request<T extends WidgetMessage['type']>(req: Request, expect: T): Promise<WidgetMessageOf<T>> {
    await ready;
    if (destroyed || !port) throw new TalkreelError('destroyed', 'This talkreel client was destroyed.');
    const request_id = `r${++seq}`;
    const reply = new Promise<WidgetMessage>((resolve, reject) => pending.set(request_id, { resolve, reject }));
    port.postMessage(message({ ...req, request_id }));
    const msg = await reply;
    if (msg.type !== expect) throw new TalkreelError('protocol', `Expected "${expect}", got "${msg.type}".`);
    return msg as WidgetMessageOf<T>;
  }

  const media = async (type: 'get_video' | 'get_photo', jobId: string): Promise<MediaBytes> => {
    const m = await request({ type, job_id: jobId }, type === 'get_video' ? 'video' : 'photo');
    return { jobId: m.job_id, mime: m.mime, bytes: m.bytes };
  };

  const client: TalkreelClient = {
    iframe,
    ready,
    async createJob(job) {
      return (await request({ type: 'create_job', job }, 'job')).job;
    },
    async getJob(jobId) {
      return (await request({ type: 'get_job', job_id: jobId }, 'job')).job;
    },
    async listJobs() {
      return (await request({ type: 'list_jobs' }, 'jobs')).jobs;
    },
    async cancelJob(jobId) {
      return (await request({ type: 'cancel_job', job_id: jobId }, 'job')).job;
    },
    getVideo: (jobId) => media('get_video', jobId),
    getPhoto: (jobId) => media('get_photo', jobId),
    async listAvatars(filter) {
      return (await request({ type: 'list_avatars', ...(filter ? { filter } : {}) }, 'avatars')).avatars;
    },
    waitForJob(jobId, onUpdate) {
      return new Promise<JobView>((resolve, reject) => {
        const check = (job: JobView) => {
          if (job.id !== jobId) return;
          onUpdate?.(job);
          if (FINAL.has(job.status)) {
            off();
            resolve(job);
          }
        };
        const off = client.onJob(check);
        // It may have ended already.
        client.getJob(jobId).then(check, (err: unknown) => {
          off();
          reject(err instanceof Error ? err : new Error(String(err)));
        });
      });
    },
    onJob(fn) {
      jobListeners.add(fn);
      return () => jobListeners.delete(fn);
    },
    destroy() {
      destroyed = true;
      port?.close();
      port = null;
      for (const p of pending.values()) p.reject(new TalkreelError('destroyed', 'This talkreel client was destroyed.'));
      pending.clear();
      jobListeners.clear();
      iframe.remove();
    },
  };
  return client;
}
