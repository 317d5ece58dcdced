/**
 * The widget's end of the protocol. Window messages are accepted only from the embedding page
 * (`event.source === window.parent`) at an allowed origin (exact match), then size-checked,
 * walked for unsafe keys and schema-validated; anything else is dropped and counted. Replies to
 * window messages name the sender's origin as `targetOrigin`, never "*". After `hello` with a
 * MessagePort, the conversation moves to that private channel.
 */
import type { PresenterLook } from '../compose/presenter/index.ts';
import { isFinal } from './jobs.ts';
import type { JobManager } from './manager.ts';
import { avatarList } from './match.ts';
import {
  isAllowedOrigin,
  message,
  parseHostMessage,
  type Capabilities,
  type DropReason,
  type ErrorCode,
  type HostMessage,
  type JobView,
  type WidgetMessage,
} from './protocol.ts';

export interface MessageSource {
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
}

export interface ParentWindow {
  postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]): void;
}

export interface BridgeOptions<C> {
  /** Where window messages arrive (the widget's window). */
  target: MessageSource;
  /** The embedding page (window.parent), or null when the widget is not framed. */
  parent: ParentWindow | null;
  allowedOrigins: readonly string[];
  manager: JobManager<C>;
  looks: readonly PresenterLook[];
  version: string;
  capabilities: Capabilities;
  /** Called when a host page completes the handshake. */
  onConnect?: (origin: string) => void;
}

/** Jobs a host may have queued or running at once. */
export const MAX_UNFINISHED_JOBS = 20;

export interface BridgeStats {
  received: number;
  accepted: number;
  dropped: Record<DropReason, number>;
}

type Reply = (msg: WidgetMessage, transfer?: Transferable[]) => void;
type Session = { kind: 'port'; port: MessagePort; reply: Reply } | { kind: 'window'; origin: string; reply: Reply };

export class EmbedBridge<C> {
  readonly stats: BridgeStats = { received: 0, accepted: 0, dropped: { origin: 0, source: 0, oversized: 0, unsafe: 0, malformed: 0, unknown: 0 } };
  private session: Session | null = null;
  /** Private channels handed over by hellos, newest last (a few kept for replies in flight). */
  private ports: MessagePort[] = [];
  /** Replies for events that answer a request being handled right now (create, cancel). */
  private answering = new Map<string, Reply>();
  private unsubscribe: Array<() => void> = [];

  constructor(private readonly o: BridgeOptions<C>) {}

  /** Whether a host page completed the handshake. */
  get connected(): boolean {
    return this.session !== null;
  }

  start(): void {
    this.o.target.addEventListener('message', this.onWindowMessage);
    this.unsubscribe.push(
      this.o.manager.onJob((job, requestId) => this.onJob(job, requestId)),
      this.o.manager.onWebhook((job, result) => {
        if (!result.ok) {
          this.toSession(message({ type: 'error', job_id: job.id, code: 'webhook_failed', message: `The webhook for job ${job.id} (${job.status}) was not delivered after ${result.attempts} attempt(s): ${result.error ?? 'unknown error'}.` }));
        }
      }),
    );
  }

  stop(): void {
    this.o.target.removeEventListener('message', this.onWindowMessage);
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    for (const p of this.ports) p.close();
    this.ports = [];
    this.session = null;
  }

  private drop(reason: DropReason): void {
    this.stats.dropped[reason]++;
  }

  private readonly onWindowMessage = (ev: MessageEvent): void => {
    this.stats.received++;
    if (!isAllowedOrigin(ev.origin, this.o.allowedOrigins)) return this.drop('origin');
    const parent = this.o.parent;
    if (!parent || ev.source !== (parent as unknown)) return this.drop('source');
    const origin = ev.origin;
    const reply: Reply = (msg, transfer) => parent.postMessage(msg, origin, transfer ?? []);
    this.receive(ev.data, reply, { origin, ports: ev.ports });
  };

  private receive(data: unknown, reply: Reply, via: { origin: string; ports: readonly MessagePort[] } | null): void {
    const parsed = parseHostMessage(data);
    if (!parsed.ok) {
      this.drop(parsed.reason);
      // A request of ours with bad fields is answered, so its sender can fix it; foreign
      // messages and unsafe ones are not.
      if (parsed.request_id && parsed.reason !== 'unknown') this.error(reply, parsed.request_id, 'invalid_request', parsed.detail);
      else if (parsed.request_id) this.error(reply, parsed.request_id, 'invalid_request', 'Unknown message type.');
      return;
    }
    this.stats.accepted++;
    const msg = parsed.message;
    if (msg.type === 'hello') {
      if (!via) return this.ready(reply, msg.request_id, 'port');
      return this.hello(msg, reply, via);
    }
    if (!this.session) return this.error(reply, 'request_id' in msg ? msg.request_id : undefined, 'handshake_required', 'Send "hello" first.');
    void this.handle(msg, reply).catch((err: unknown) => {
      this.error(reply, 'request_id' in msg ? msg.request_id : undefined, 'internal', err instanceof Error ? err.message : String(err));
    });
  }

  private hello(msg: Extract<HostMessage, { type: 'hello' }>, reply: Reply, via: { origin: string; ports: readonly MessagePort[] }): void {
    this.o.onConnect?.(via.origin);
    const port = via.ports.length === 1 ? via.ports[0]! : null;
    if (port) {
      this.ports.push(port);
      if (this.ports.length > 4) this.ports.shift()!.close();
      const portReply: Reply = (m, transfer) => port.postMessage(m, transfer ?? []);
      port.onmessage = (e) => {
        this.stats.received++;
        this.receive(e.data, portReply, null);
      };
      port.onmessageerror = () => {
        this.stats.received++;
        this.drop('malformed');
      };
      this.session = { kind: 'port', port, reply: portReply };
      this.ready(portReply, msg.request_id, 'port');
    } else {
      this.session = { kind: 'window', origin: via.origin, reply };
      this.ready(reply, msg.request_id, 'window');
    }
  }

  private ready(reply: Reply, requestId: string | undefined, channel: 'port' | 'window'): void {
    reply(message({ type: 'ready', ...(requestId ? { request_id: requestId } : {}), version: this.o.version, capabilities: this.o.capabilities, channel }));
  }

  private error(reply: Reply, requestId: string | undefined, code: ErrorCode, text: string, jobId?: string): void {
    reply(message({ type: 'error', ...(requestId ? { request_id: requestId } : {}), ...(jobId ? { job_id: jobId } : {}), code, message: text }));
  }

  private toSession(msg: WidgetMessage): void {
    this.session?.reply(msg);
  }

  private onJob(job: JobView, requestId?: string): void {
    const answer = requestId ? this.answering.get(requestId) : undefined;
    if (answer) answer(message({ type: 'job', request_id: requestId!, job }));
    else this.toSession(message({ type: 'job', job }));
  }

  /** Runs `fn` with `reply` answering job events that carry `requestId`. */
  private answeringWith<T>(requestId: string | undefined, reply: Reply, fn: () => T): T {
    if (!requestId) return fn();
    this.answering.set(requestId, reply);
    try {
      return fn();
    } finally {
      this.answering.delete(requestId);
    }
  }

  private async handle(msg: Exclude<HostMessage, { type: 'hello' }>, reply: Reply): Promise<void> {
    const m = this.o.manager;
    switch (msg.type) {
      case 'create_job': {
        const problem = m.avatarProblem(msg.job);
        if (problem) return this.error(reply, msg.request_id, 'unknown_avatar', problem);
        if (m.unfinished() >= MAX_UNFINISHED_JOBS) return this.error(reply, msg.request_id, 'busy', `${MAX_UNFINISHED_JOBS} jobs are already waiting or running; try again when some have finished.`);
        this.answeringWith(msg.request_id, reply, () => m.create(msg.job, msg.request_id));
        return;
      }
      case 'get_job': {
        const job = m.get(msg.job_id);
        if (!job) return this.error(reply, msg.request_id, 'not_found', `No job ${msg.job_id}.`, msg.job_id);
        return reply(message({ type: 'job', request_id: msg.request_id, job }));
      }
      case 'list_jobs':
        return reply(message({ type: 'jobs', ...(msg.request_id ? { request_id: msg.request_id } : {}), jobs: m.list() }));
      case 'cancel_job': {
        const before = m.get(msg.job_id);
        if (!before) return this.error(reply, msg.request_id, 'not_found', `No job ${msg.job_id}.`, msg.job_id);
        // A job that already ended is reported as it is; otherwise its "failed" event answers.
        if (isFinal(before.status)) {
          if (msg.request_id) reply(message({ type: 'job', request_id: msg.request_id, job: before }));
          return;
        }
        this.answeringWith(msg.request_id, reply, () => m.cancel(msg.job_id, msg.request_id));
        return;
      }
      case 'get_video':
      case 'get_photo': {
        const job = m.get(msg.job_id);
        if (!job) return this.error(reply, msg.request_id, 'not_found', `No job ${msg.job_id}.`, msg.job_id);
        const blob = msg.type === 'get_video' ? m.video(msg.job_id) : m.photo(msg.job_id);
        if (!blob) {
          const what = msg.type === 'get_video' ? 'video' : 'preview image';
          return this.error(reply, msg.request_id, 'not_ready', `Job ${msg.job_id} has no ${what} (status ${job.status}).`, msg.job_id);
        }
        const bytes = await blob.arrayBuffer();
        const mime = blob.type || (msg.type === 'get_video' ? 'video/mp4' : 'image/jpeg');
        return reply(message({ type: msg.type === 'get_video' ? 'video' : 'photo', request_id: msg.request_id, job_id: msg.job_id, mime, bytes }), [bytes]);
      }
      case 'list_avatars':
        return reply(message({ type: 'avatars', request_id: msg.request_id, avatars: avatarList(this.o.looks, msg.filter) }));
    }
  }
}
