/**
 * The embed widget's postMessage protocol, version `talkreel/1`.
 *
 * Every message is a plain object `{ protocol: 'talkreel/1', type, ... }`. Host → widget:
 * hello, create_job, get_job, list_jobs, cancel_job, get_video, get_photo, list_avatars.
 * Widget → host: ready, job, jobs, video, photo, avatars, error. Requests may carry a
 * `request_id`; the reply names it. Jobs follow the product-to-video job model (REQUIREMENTS §3).
 *
 * Everything that arrives is untrusted: it is size-checked and walked for unsafe keys before it
 * is schema-validated (valibot), and nothing from a message is ever executed or inserted as HTML.
 * This module is pure (no DOM), shared by the widget and the host SDK.
 */
import * as v from 'valibot';
import type * as Api from './api-types.ts';

export const PROTOCOL = 'talkreel/1';

export const JOB_TYPES = ['product_anyshot', 'product_avatar'] as const;
export const ASPECT_RATIOS = ['9x16', '16x9', '1x1'] as const;
export const MOTION_STYLES = ['talking', 'display'] as const;
export const JOB_STATUSES = ['initializing', 'image_generating', 'image_generated', 'video_generating', 'video_generated', 'failed'] as const;
export const DURATIONS = [15, 30, 60] as const;
export const RESOLUTIONS = [720, 1080] as const;

export type JobType = (typeof JOB_TYPES)[number];
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type MotionStyle = (typeof MOTION_STYLES)[number];
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Bounds on what one message may hold; anything beyond is dropped unread. */
export const LIMITS = {
  /** Structured data (strings, numbers, keys), not counting image Blobs. */
  maxDataBytes: 256 * 1024,
  maxStringLength: 20_000,
  maxDepth: 8,
  maxKeys: 64,
  maxArrayLength: 64,
  maxBlobs: 12,
  /** Per image, as for uploads (PNG/JPEG under 10 MB). */
  maxBlobBytes: 10 * 1024 * 1024,
} as const;

export type Limits = { [K in keyof typeof LIMITS]: number };

export type DropReason = 'origin' | 'source' | 'oversized' | 'unsafe' | 'malformed' | 'unknown';

export type ErrorCode =
  | 'invalid_request'
  | 'handshake_required'
  | 'not_found'
  | 'not_ready'
  | 'unknown_avatar'
  | 'busy'
  | 'webhook_failed'
  | 'origin_not_allowed'
  | 'internal';

// ---------------------------------------------------------------------------------------------
// Shared field schemas

const HTTP_PROTOCOLS = new Set(['http:', 'https:']);

/** An absolute http(s) URL, at most 2048 characters. */
export function isHttpUrl(s: string): boolean {
  if (s.length > 2048) return false;
  try {
    return HTTP_PROTOCOLS.has(new URL(s).protocol);
  } catch {
    return false;
  }
}

const HttpUrl = v.pipe(v.string(), v.check(isHttpUrl, 'must be an absolute http(s) URL'));
const RequestId = v.pipe(v.string(), v.regex(/^[\w.:-]{1,64}$/, 'must be 1-64 letters, digits, _ . : -'));
const JobId = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'must be a job id'));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const OptionalText = (max: number) => v.optional(v.nullable(Text(max)));

const ProductData = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'product.name is required'), v.maxLength(200)),
  description: v.optional(Text(20_000)),
  features: v.optional(v.pipe(v.array(Text(300)), v.maxLength(20))),
  price: v.optional(Text(40)),
  brand: v.optional(Text(80)),
  images: v.optional(v.pipe(v.array(v.union([HttpUrl, v.blob()])), v.maxLength(LIMITS.maxBlobs))),
});

/** What a host sends in create_job: the job model's input fields plus product data. */
export const JobInput = v.pipe(
  v.object({
    type: v.picklist(JOB_TYPES),
    product_url: v.optional(v.nullable(HttpUrl)),
    aspect_ratio: v.optional(v.picklist(ASPECT_RATIOS), '9x16'),
    override_avatar: OptionalText(64),
    product_showcase_url: v.optional(v.nullable(HttpUrl)),
    image_prompt: OptionalText(2000),
    video_prompt: OptionalText(2000),
    motion_style: v.optional(v.picklist(MOTION_STYLES), 'talking'),
    webhook_url: v.optional(v.nullable(HttpUrl)),
    product: v.optional(ProductData),
    duration: v.optional(v.picklist(DURATIONS), 30),
    language: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en"')), 'en'),
    script: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(5000))),
    // A built-in voice id ("en-us-f") or a natural voice's catalog id ("model:<id>" or the bare id).
    voice: v.optional(v.pipe(v.string(), v.regex(/^(model:)?[A-Za-z0-9][A-Za-z0-9._-]{1,79}$/, 'must be a voice id: a built-in voice such as "en-us-f" or a natural voice\'s catalog id'))),
    resolution: v.optional(v.picklist(RESOLUTIONS), 1080),
  }),
  v.check((j) => Boolean(j.product || j.product_url), 'a job needs product data or a product_url'),
);
export type JobInputIn = v.InferInput<typeof JobInput>;
export type JobInputOut = v.InferOutput<typeof JobInput>;

const AvatarFilter = v.object({
  gender: v.optional(v.picklist(['female', 'male'])),
  query: v.optional(Text(100)),
});
export type AvatarFilterIn = v.InferInput<typeof AvatarFilter>;

// ---------------------------------------------------------------------------------------------
// Host → widget

const envelope = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({ protocol: v.literal(PROTOCOL), type: v.literal(type), ...entries });

export const HostMessage = v.variant('type', [
  envelope('hello', { request_id: v.optional(RequestId), client: v.optional(Text(100)) }),
  envelope('create_job', { request_id: RequestId, job: JobInput }),
  envelope('get_job', { request_id: RequestId, job_id: JobId }),
  envelope('list_jobs', { request_id: v.optional(RequestId) }),
  envelope('cancel_job', { request_id: v.optional(RequestId), job_id: JobId }),
  envelope('get_video', { request_id: RequestId, job_id: JobId }),
  envelope('get_photo', { request_id: RequestId, job_id: JobId }),
  envelope('list_avatars', { request_id: RequestId, filter: v.optional(AvatarFilter) }),
]);
export type HostMessage = v.InferOutput<typeof HostMessage>;
export type HostMessageIn = v.InferInput<typeof HostMessage>;
export const HOST_TYPES: ReadonlySet<string> = new Set(['hello', 'create_job', 'get_job', 'list_jobs', 'cancel_job', 'get_video', 'get_photo', 'list_avatars']);

// ---------------------------------------------------------------------------------------------
// Widget → host

const Nullable = <T extends v.GenericSchema>(s: T) => v.nullable(s);

/** A job as the widget reports it: every job-model field plus progress and time left. */
export const JobView = v.object({
  id: JobId,
  type: v.picklist(JOB_TYPES),
  product_url: Nullable(v.string()),
  aspect_ratio: v.picklist(ASPECT_RATIOS),
  override_avatar: Nullable(v.string()),
  product_showcase_url: Nullable(v.string()),
  image_prompt: Nullable(v.string()),
  video_prompt: Nullable(v.string()),
  motion_style: v.picklist(MOTION_STYLES),
  status: v.picklist(JOB_STATUSES),
  failed_reason: Nullable(v.string()),
  generated_photo_url: Nullable(v.string()),
  generated_video_url: Nullable(v.string()),
  created_at: v.string(),
  updated_at: v.string(),
  webhook_url: Nullable(v.string()),
  /** 0..1, never decreasing. */
  progress: v.number(),
  /** Seconds until the video is expected; null when finished or not yet known. */
  eta_seconds: Nullable(v.number()),
  // Beyond the job model:
  /** Why it failed, for programs: cancelled, bad_product_url, invalid_product, render_failed… */
  failed_code: Nullable(v.string()),
  /** The presenter used (the override, or the best match); null for product_anyshot. */
  avatar: Nullable(v.string()),
  product_name: Nullable(v.string()),
  duration: v.picklist(DURATIONS),
  language: v.string(),
  resolution: v.picklist(RESOLUTIONS),
  /** Seconds of video, once made. */
  video_seconds: Nullable(v.number()),
  webhook_status: v.picklist(['none', 'pending', 'delivered', 'failed']),
});
export type JobView = v.InferOutput<typeof JobView>;

export const Capabilities = v.object({
  protocols: v.array(v.string()),
  job_types: v.array(v.picklist(JOB_TYPES)),
  aspect_ratios: v.array(v.picklist(ASPECT_RATIOS)),
  durations: v.array(v.number()),
  resolutions: v.array(v.number()),
  motion_styles: v.array(v.picklist(MOTION_STYLES)),
  /** The page is cross-origin isolated (wasm threads); false inside most third-party iframes. */
  cross_origin_isolated: v.boolean(),
  /** True when the runtimes run single-threaded (no SharedArrayBuffer): everything still works. */
  single_threaded: v.boolean(),
  webcodecs: v.boolean(),
  /** product_url pages are fetched from the widget (CORS permitting) and parsed when a parser is present. */
  product_url: v.object({ fetch: v.boolean(), parse: v.boolean() }),
  webhooks: v.boolean(),
  message_channel: v.boolean(),
  max_data_bytes: v.number(),
  max_image_bytes: v.number(),
  max_images: v.number(),
});
export type Capabilities = v.InferOutput<typeof Capabilities>;

export const AvatarInfo = v.object({
  id: v.string(),
  name: v.string(),
  gender: v.picklist(['female', 'male']),
  description: v.string(),
  kind: v.string(),
  outfit: v.string(),
  hair: v.string(),
});
export type AvatarInfo = v.InferOutput<typeof AvatarInfo>;

const OptionalRequestId = v.optional(RequestId);

export const WidgetMessage = v.variant('type', [
  envelope('ready', { request_id: OptionalRequestId, version: v.string(), capabilities: Capabilities, channel: v.picklist(['port', 'window']) }),
  envelope('job', { request_id: OptionalRequestId, job: JobView }),
  envelope('jobs', { request_id: OptionalRequestId, jobs: v.array(JobView) }),
  envelope('video', { request_id: RequestId, job_id: JobId, mime: v.string(), bytes: v.instance(ArrayBuffer) }),
  envelope('photo', { request_id: RequestId, job_id: JobId, mime: v.string(), bytes: v.instance(ArrayBuffer) }),
  envelope('avatars', { request_id: RequestId, avatars: v.array(AvatarInfo) }),
  envelope('error', { request_id: OptionalRequestId, job_id: v.optional(JobId), code: v.string(), message: v.string() }),
]);
export type WidgetMessage = v.InferOutput<typeof WidgetMessage>;
export type WidgetMessageOf<T extends WidgetMessage['type']> = Extract<WidgetMessage, { type: T }>;
export type HostMessageOf<T extends HostMessage['type']> = Extract<HostMessage, { type: T }>;

/** Builds a message with the protocol tag. */
export function message<M extends { type: string }>(m: M): M & { protocol: typeof PROTOCOL } {
  return { protocol: PROTOCOL, ...m };
}

// ---------------------------------------------------------------------------------------------
// Inspection before validation

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Inspection = { ok: true } | { ok: false; reason: 'oversized' | 'unsafe' | 'malformed'; detail: string };

/**
 * Walks a received value once, bounded: only plain objects, arrays, primitives and Blobs;
 * no `__proto__` / `constructor` / `prototype` keys at any depth; within LIMITS. Stops at the
 * first problem, so a huge message costs no more than the budget to reject.
 */
export function inspect(data: unknown, limits: Limits = LIMITS): Inspection {
  let bytes = 0;
  let blobs = 0;
  const fail = (reason: 'oversized' | 'unsafe' | 'malformed', detail: string): Inspection => ({ ok: false, reason, detail });
  const walk = (x: unknown, depth: number): Inspection | null => {
    if (depth > limits.maxDepth) return fail('oversized', 'nested too deeply');
    if (x === null || x === undefined || typeof x === 'boolean') {
      bytes += 4;
    } else if (typeof x === 'number') {
      bytes += 8;
    } else if (typeof x === 'string') {
      if (x.length > limits.maxStringLength) return fail('oversized', 'a string is too long');
      bytes += x.length * 2;
    } else if (typeof x === 'object') {
      if (typeof Blob !== 'undefined' && x instanceof Blob) {
        if (++blobs > limits.maxBlobs) return fail('oversized', 'too many files');
        if (x.size > limits.maxBlobBytes) return fail('oversized', 'a file is too large');
        bytes += 16;
      } else if (Array.isArray(x)) {
        if (x.length > limits.maxArrayLength) return fail('oversized', 'a list is too long');
        bytes += 8;
        for (const item of x) {
          const r = walk(item, depth + 1);
          if (r) return r;
          if (bytes > limits.maxDataBytes) return fail('oversized', 'message too large');
        }
      } else {
        const proto = Object.getPrototypeOf(x) as unknown;
        if (proto !== Object.prototype && proto !== null) return fail('malformed', 'not a plain object');
        const keys = Object.keys(x);
        if (keys.length > limits.maxKeys) return fail('oversized', 'too many keys');
        for (const k of keys) {
          if (UNSAFE_KEYS.has(k)) return fail('unsafe', `forbidden key "${k}"`);
          bytes += k.length * 2;
          const r = walk((x as Record<string, unknown>)[k], depth + 1);
          if (r) return r;
          if (bytes > limits.maxDataBytes) return fail('oversized', 'message too large');
        }
      }
    } else {
      return fail('malformed', `unsupported value of type ${typeof x}`);
    }
    return bytes > limits.maxDataBytes ? fail('oversized', 'message too large') : null;
  };
  return walk(data, 0) ?? { ok: true };
}

export type Parsed<M> =
  | { ok: true; message: M }
  | { ok: false; reason: Exclude<DropReason, 'origin' | 'source'>; detail: string; request_id?: string };

/** A request id worth answering an invalid request with (never echoes arbitrary data). */
function safeRequestId(data: unknown): string | undefined {
  const id = typeof data === 'object' && data !== null ? (data as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && v.is(RequestId, id) ? id : undefined;
}

/** Where validation failed, as a path and the schema's message; values are never echoed. */
function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid message';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  const expected = first.expected && first.kind === 'schema' ? ` (expected ${first.expected})` : '';
  return `${path ? `${path}: ` : ''}${first.kind === 'schema' ? 'wrong type or value' : first.message}${expected}`.slice(0, 300);
}

function parseWith<M>(schema: v.GenericSchema<unknown, M>, knownTypes: ReadonlySet<string> | null, data: unknown, limits: Limits = LIMITS): Parsed<M> {
  const checked = inspect(data, limits);
  if (!checked.ok) return { ok: false, reason: checked.reason, detail: checked.detail };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'malformed', detail: 'not an object' };
  const { protocol, type } = data as { protocol?: unknown; type?: unknown };
  // Messages of other libraries on the same page: not ours, not answered.
  if (protocol !== PROTOCOL) return { ok: false, reason: 'unknown', detail: 'not a talkreel/1 message' };
  if (typeof type !== 'string' || (knownTypes && !knownTypes.has(type))) {
    const request_id = safeRequestId(data);
    return { ok: false, reason: 'unknown', detail: 'unknown message type', ...(request_id ? { request_id } : {}) };
  }
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, message: result.output };
  const request_id = safeRequestId(data);
  return { ok: false, reason: 'malformed', detail: describe(result.issues), ...(request_id ? { request_id } : {}) };
}

/** Validates a message a host sent to the widget. */
export function parseHostMessage(data: unknown, limits: Limits = LIMITS): Parsed<HostMessage> {
  return parseWith(HostMessage as v.GenericSchema<unknown, HostMessage>, HOST_TYPES, data, limits);
}

/** Validates a message the widget sent to a host (used by the SDK). Video bytes may be large. */
export function parseWidgetMessage(data: unknown): Parsed<WidgetMessage> {
  // Replies list the whole avatar library (hundreds) or every job: lists may be long.
  const limits: Limits = { ...LIMITS, maxBlobBytes: Infinity, maxArrayLength: 2000, maxDataBytes: 4 * 1024 * 1024 };
  // ArrayBuffers (video/photo bytes) are not plain objects: check the envelope, then the schema.
  if (typeof data === 'object' && data !== null && (data as { bytes?: unknown }).bytes instanceof ArrayBuffer) {
    const { bytes: _bytes, ...rest } = data as Record<string, unknown>;
    const checked = inspect(rest, limits);
    if (!checked.ok) return { ok: false, reason: checked.reason, detail: checked.detail };
    const result = v.safeParse(WidgetMessage, data);
    return result.success ? { ok: true, message: result.output } : { ok: false, reason: 'malformed', detail: describe(result.issues) };
  }
  return parseWith(WidgetMessage as v.GenericSchema<unknown, WidgetMessage>, null, data, limits);
}

// ---------------------------------------------------------------------------------------------
// Origins

/**
 * The host origins a site owner allows, from a comma- or space-separated list (the `origins`
 * URL parameter) or an array (the SDK option). Each entry must be a bare http(s) origin
 * ("https://shop.example", "http://127.0.0.1:8080"); anything else ("*", "null", paths) is
 * ignored. Entries are normalised the way browsers report `MessageEvent.origin`, so checks
 * are an exact string match.
 */
export function parseAllowedOrigins(input: string | readonly string[] | null | undefined): string[] {
  if (!input) return [];
  const list = typeof input === 'string' ? input.split(/[\s,]+/) : input;
  const out = new Set<string>();
  for (const raw of list) {
    const s = raw.trim();
    if (!s || s.length > 300) continue;
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      continue;
    }
    if (!HTTP_PROTOCOLS.has(url.protocol) || url.username || url.password) continue;
    // Only a bare origin, optionally with a trailing slash: no path, query or fragment.
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /[?#]$/.test(s)) continue;
    out.add(url.origin);
  }
  return [...out];
}

export function isAllowedOrigin(origin: unknown, allowed: readonly string[]): boolean {
  return typeof origin === 'string' && origin !== 'null' && allowed.includes(origin);
}

// ---------------------------------------------------------------------------------------------
// The plain public types (api-types.ts, what the SDK's declarations show) are exactly what the
// schemas produce: a mismatch is a compile error here.

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type _ApiTypesMatchSchemas = [
  Assert<Same<JobInputIn, Api.JobRequest>>,
  Assert<Same<JobView, Api.JobView>>,
  Assert<Same<Capabilities, Api.Capabilities>>,
  Assert<Same<AvatarInfo, Api.AvatarInfo>>,
  Assert<Same<AvatarFilterIn, Api.AvatarFilter>>,
  Assert<Same<JobStatus, Api.JobStatus>>,
];
