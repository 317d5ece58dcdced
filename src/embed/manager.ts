/**
 * Runs product-to-video jobs, one at a time (exports are CPU-bound), for the widget's own UI
 * and for host pages alike, and reports every status change and progress step.
 *
 * The pipeline itself is injected (`JobRunner`; the browser one is in runner-browser.ts), so the
 * job logic here (statuses, product and image intake, errors, cancel, webhooks, progress) is
 * tested in Node with a fake one.
 */
import type { PresenterLook } from '../compose/presenter/index.ts';
import type { Ratio } from '../script/types.ts';
import { fail, isFinal, newJob, RATIO_OF, transition, withProgress, type FailedCode } from './jobs.ts';
import { matchAvatar } from './match.ts';
import { DEFAULT_SPEEDS, planFor, ProgressModel, timeFraction, type Speeds } from './progress.ts';
import type { JobInputOut, JobView } from './protocol.ts';
import { styleFromPrompts, type StyleChoice } from './style.ts';
import { deliverWebhook, type WebhookOptions, type WebhookResult } from './webhook.ts';
import { netFetch } from '../net/external-fetch.ts';

/** What the pipeline is asked to make (a subset of the runner's CreativeRequest). */
export interface RunRequest {
  product: { name: string; description?: string; features?: string[]; price?: string; brand?: string };
  images: Blob[];
  ratio: Ratio;
  duration: 15 | 30 | 60;
  language: string;
  resolution: 720 | 1080;
  presenter: boolean;
  presenterId?: string;
  voiceGender: 'female' | 'male';
  /** The job's `voice` (built-in id or natural voice catalog id); overrides voiceGender. */
  voice?: string;
  script?: string;
  style: StyleChoice;
  sceneStyle: 'talking' | 'display';
  /** motion_style as asked: 'display' = presenter gestures toward the product, lips still. */
  motionStyle?: 'talking' | 'display';
}

export interface ExportStep {
  frame: number;
  frames: number;
}

export interface JobRunner<C> {
  prepare(req: RunRequest, signal: AbortSignal): Promise<C>;
  still(creative: C, req: RunRequest): Promise<Blob>;
  export(creative: C, req: RunRequest, o: { fileName: string; signal: AbortSignal; onProgress: (p: ExportStep) => void }): Promise<{ file: Blob; frames: number; seconds: number; videoSeconds: number }>;
}

/** Product data read from a fetched product page. */
export interface ParsedPage {
  name: string;
  description?: string;
  features?: string[];
  price?: string;
  brand?: string;
  /** Absolute image URLs, best first. */
  images?: string[];
}

/**
 * Reads a fetched product page (the product stage's parsers); null when no product is on it.
 * May throw a JobFailure saying why the page could not be read.
 */
export type PageParser = (page: { bytes: Uint8Array; contentType: string | null; url: string }, signal: AbortSignal) => Promise<ParsedPage | null>;

/** Largest product page read (the parsers' own limit is 10 MB of HTML). */
const MAX_PAGE_BYTES = 12 * 1024 * 1024;

export interface ManagerDeps<C> {
  runner: JobRunner<C>;
  looks: readonly PresenterLook[];
  fetch?: typeof fetch;
  parsePage?: PageParser | null;
  now?: () => Date;
  newId?: () => string;
  objectUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
  webhook?: (url: string, body: unknown, o: WebhookOptions) => Promise<WebhookResult>;
  webhookOptions?: WebhookOptions;
  /** ms between progress steps while a phase cannot count its own progress. */
  tickMs?: number;
  fetchTimeoutMs?: number;
  speeds?: Speeds;
  /** Finished jobs kept (older ones and their files are dropped). */
  keep?: number;
}

export type JobListener = (job: JobView, requestId?: string) => void;
export type WebhookListener = (job: JobView, result: WebhookResult) => void;

interface Entry {
  job: JobView;
  input: JobInputOut;
  abort: AbortController;
  photo?: Blob;
  video?: Blob;
  started: boolean;
  webhookSent: boolean;
  lastEmit: number;
}

/** A failure with a code for programs and a sentence for people. */
export class JobFailure extends Error {
  override name = 'JobFailure';
  constructor(
    readonly code: FailedCode,
    message: string,
  ) {
    super(message);
  }
}

/** Any error from the pipeline → failed_code + failed_reason. */
export function classify(err: unknown, aborted: boolean): { code: FailedCode; reason: string } {
  if (aborted) return { code: 'cancelled', reason: 'The job was cancelled.' };
  const e = err as { name?: string; code?: string; message?: string } | null;
  const msg = e?.message ?? String(err);
  switch (e?.name) {
    case 'JobFailure':
      return { code: (err as JobFailure).code, reason: msg };
    case 'AbortError':
      return { code: 'cancelled', reason: 'The job was cancelled.' };
    case 'MediaError':
      return { code: 'bad_image', reason: `A product image was refused: ${msg}` };
    case 'JobInputError':
      return { code: 'invalid_product', reason: msg };
    case 'TtsError':
      return e.code === 'aborted' ? { code: 'cancelled', reason: 'The job was cancelled.' } : { code: 'voice_failed', reason: msg };
    case 'RenderError':
      if (e.code === 'cancelled') return { code: 'cancelled', reason: 'The job was cancelled.' };
      return { code: e.code === 'storage' ? 'storage' : 'render_failed', reason: msg };
    default:
      return { code: 'internal', reason: `Something went wrong while making the video: ${msg}` };
  }
}

const describeFetchError = (err: unknown, timeoutMs: number): string => {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return `it did not answer within ${Math.round(timeoutMs / 1000)} s`;
  return 'network error, or the site does not allow cross-origin requests (CORS) from this widget';
};

export class JobManager<C> {
  private entries = new Map<string, Entry>();
  private listeners = new Set<JobListener>();
  private webhookListeners = new Set<WebhookListener>();
  private chain: Promise<void> = Promise.resolve();
  private readonly d: Required<Omit<ManagerDeps<C>, 'parsePage' | 'webhookOptions'>> & Pick<ManagerDeps<C>, 'parsePage' | 'webhookOptions'>;
  speeds: Speeds;
  private voiceWarm = false;

  constructor(deps: ManagerDeps<C>) {
    this.d = {
      fetch: netFetch,
      now: () => new Date(),
      newId: () => `job_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`,
      objectUrl: (b) => URL.createObjectURL(b),
      revokeUrl: (u) => URL.revokeObjectURL(u),
      webhook: deliverWebhook,
      tickMs: 400,
      fetchTimeoutMs: 15_000,
      speeds: DEFAULT_SPEEDS,
      keep: 50,
      ...deps,
    };
    this.speeds = { ...this.d.speeds };
  }

  /** Whether product_url pages can be turned into product data here. */
  get canParsePages(): boolean {
    return Boolean(this.d.parsePage);
  }

  onJob(fn: JobListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  onWebhook(fn: WebhookListener): () => void {
    this.webhookListeners.add(fn);
    return () => this.webhookListeners.delete(fn);
  }

  get(id: string): JobView | undefined {
    return this.entries.get(id)?.job;
  }

  list(): JobView[] {
    return [...this.entries.values()].map((e) => e.job);
  }

  /** Jobs queued or running. */
  unfinished(): number {
    return [...this.entries.values()].filter((e) => !isFinal(e.job.status)).length;
  }

  photo(id: string): Blob | undefined {
    return this.entries.get(id)?.photo;
  }

  video(id: string): Blob | undefined {
    return this.entries.get(id)?.video;
  }

  /** Checks an override_avatar; null when fine, else the message for the host. */
  avatarProblem(input: JobInputOut): string | null {
    if (input.type !== 'product_avatar' || !input.override_avatar) return null;
    if (this.d.looks.some((l) => l.id === input.override_avatar)) return null;
    return `No avatar "${input.override_avatar}". list_avatars names the ones available.`;
  }

  /** Creates and queues a job; its first event (status initializing) answers `requestId`. */
  create(input: JobInputOut, requestId?: string): JobView {
    const avatar = input.type === 'product_avatar' ? this.pickAvatar(input) : null;
    let job = newJob(input, this.d.newId(), this.d.now(), avatar);
    // Time left counts the jobs ahead of this one.
    const ahead = [...this.entries.values()].filter((e) => !isFinal(e.job.status)).reduce((n, e) => n + (e.job.eta_seconds ?? 0), 0);
    const plan = this.planOf(input);
    job = { ...job, eta_seconds: Math.round((ahead + plan.prepare + plan.image + plan.export) * 10) / 10 };
    const entry: Entry = { job, input, abort: new AbortController(), started: false, webhookSent: false, lastEmit: 0 };
    this.entries.set(job.id, entry);
    this.prune();
    this.emit(entry, requestId);
    this.chain = this.chain.then(() => this.run(entry)).catch(() => undefined);
    return job;
  }

  /** Cancels a job: a queued or running job fails at once with failed_code "cancelled". */
  cancel(id: string, requestId?: string): JobView | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (isFinal(entry.job.status)) return entry.job;
    entry.abort.abort();
    this.finish(entry, fail(entry.job, 'cancelled', 'The job was cancelled.', this.d.now()), requestId);
    return entry.job;
  }

  /** Waits until every queued job has run (for tests and shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  private pickAvatar(input: JobInputOut): string {
    if (input.override_avatar && this.d.looks.some((l) => l.id === input.override_avatar)) return input.override_avatar;
    const p = input.product;
    return matchAvatar(this.d.looks, {
      productName: p?.name ?? input.product_url ?? '',
      productText: `${p?.description ?? ''} ${(p?.features ?? []).join(' ')}`,
      prompts: `${input.image_prompt ?? ''}\n${input.video_prompt ?? ''}`,
    }).id;
  }

  private planOf(input: JobInputOut) {
    const speeds = this.voiceWarm ? { ...this.speeds, voiceLoadSeconds: 0.2 } : this.speeds;
    return planFor({ duration: input.duration, ratio: RATIO_OF[input.aspect_ratio], resolution: input.resolution }, speeds);
  }

  private emit(entry: Entry, requestId?: string): void {
    entry.lastEmit = Date.now();
    for (const fn of this.listeners) {
      try {
        fn(entry.job, requestId);
      } catch {
        /* a listener's failure is its own */
      }
    }
  }

  private update(entry: Entry, next: JobView, requestId?: string): void {
    if (next === entry.job || isFinal(entry.job.status)) return;
    entry.job = next;
    this.emit(entry, requestId);
  }

  private finish(entry: Entry, next: JobView, requestId?: string): void {
    if (isFinal(entry.job.status)) return;
    entry.job = next;
    this.emit(entry, requestId);
    void this.sendWebhook(entry);
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter((e) => isFinal(e.job.status));
    for (const e of finished.slice(0, Math.max(0, finished.length - this.d.keep))) {
      if (e.job.generated_photo_url) this.d.revokeUrl(e.job.generated_photo_url);
      if (e.job.generated_video_url) this.d.revokeUrl(e.job.generated_video_url);
      this.entries.delete(e.job.id);
    }
  }

  private async sendWebhook(entry: Entry): Promise<void> {
    const url = entry.job.webhook_url;
    if (!url || entry.webhookSent) return;
    entry.webhookSent = true;
    const body = entry.job;
    const result = await this.d.webhook(url, body, { ...this.d.webhookOptions, deliveryId: `${body.id}:${body.status}`, event: `job.${body.status}` });
    entry.job = { ...entry.job, webhook_status: result.ok ? 'delivered' : 'failed' };
    for (const fn of this.webhookListeners) fn(entry.job, result);
  }

  private async fetchChecked(url: string, what: string, code: FailedCode, signal: AbortSignal): Promise<Response> {
    const timeout = this.d.fetchTimeoutMs;
    let res: Response;
    try {
      res = await this.d.fetch(url, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)]) });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new JobFailure(code, `${what} at ${url} could not be fetched: ${describeFetchError(err, timeout)}.`);
    }
    if (!res.ok) throw new JobFailure(code, `${what} at ${url} could not be fetched: the server answered HTTP ${res.status}.`);
    return res;
  }

  /** Product data and image blobs for a job, from its product data or its product_url. */
  private async intake(entry: Entry, signal: AbortSignal): Promise<{ product: RunRequest['product']; images: Blob[] }> {
    const input = entry.input;
    let product: RunRequest['product'];
    let refs: Array<string | Blob>;
    if (input.product) {
      const { images, ...rest } = input.product;
      product = rest;
      refs = images ?? [];
    } else {
      const url = input.product_url!;
      const res = await this.fetchChecked(url, 'The product page', 'bad_product_url', signal);
      const parse = this.d.parsePage;
      if (!parse) {
        throw new JobFailure(
          'product_url_unsupported',
          `The product page at ${url} was fetched, but this widget cannot read product pages yet. Send the product's name, description and images as "product" with the job.`,
        );
      }
      const size = Number(res.headers.get('content-length') ?? 0);
      if (size > MAX_PAGE_BYTES) throw new JobFailure('bad_product_url', `The product page at ${url} is too large to read (${Math.round(size / 1048576)} MB).`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const parsed = await parse({ bytes: bytes.subarray(0, MAX_PAGE_BYTES), contentType: res.headers.get('content-type'), url }, signal);
      if (!parsed?.name) throw new JobFailure('bad_product_url', `No product was found on the page at ${url}. Send the product's name, description and images as "product" with the job.`);
      const { images, ...rest } = parsed;
      product = rest;
      refs = (images ?? []).slice(0, 6);
    }
    if (input.product_showcase_url) refs = [input.product_showcase_url, ...refs];
    if (refs.length === 0) throw new JobFailure('invalid_product', 'The product needs at least one image: send product.images or product_showcase_url.');
    const images: Blob[] = [];
    for (const [i, ref] of refs.entries()) {
      if (typeof ref !== 'string') {
        images.push(ref);
        continue;
      }
      const what = input.product_showcase_url && i === 0 ? 'The showcase image' : `Product image ${i + 1}`;
      const res = await this.fetchChecked(ref, what, 'bad_image', signal);
      images.push(await res.blob());
    }
    return { product, images };
  }

  private async run(entry: Entry): Promise<void> {
    if (isFinal(entry.job.status)) return;
    entry.started = true;
    const { input } = entry;
    const signal = entry.abort.signal;
    const now = () => this.d.now();
    const plan = this.planOf(input);
    const t0 = now().getTime();
    const model = new ProgressModel(plan, t0);
    const step = (fraction: number, force = false) => {
      const at = now();
      const { progress, eta } = model.at(fraction, at.getTime());
      const next = withProgress(entry.job, progress, eta, at);
      // Progress steps: at least 1 % or 1 s apart, so hosts are told often but not flooded.
      if (!force && next.progress - entry.job.progress < 0.01 && Date.now() - entry.lastEmit < 1000) return;
      this.update(entry, next);
    };
    const style = styleFromPrompts(input.image_prompt, input.video_prompt);
    const look = this.d.looks.find((l) => l.id === entry.job.avatar);
    let ticker: ReturnType<typeof setInterval> | undefined;
    try {
      step(0.05, true);
      const { product, images } = await this.intake(entry, signal);
      signal.throwIfAborted();
      const req: RunRequest = {
        product,
        images,
        ratio: RATIO_OF[input.aspect_ratio],
        duration: input.duration,
        language: input.language,
        resolution: input.resolution,
        presenter: input.type === 'product_avatar',
        ...(look ? { presenterId: look.id } : {}),
        voiceGender: look?.gender ?? style.voiceGender ?? 'female',
        ...(input.voice ? { voice: input.voice } : {}),
        ...(input.script ? { script: input.script } : {}),
        style,
        sceneStyle: input.motion_style === 'display' || style.focus === 'product' ? 'display' : 'talking',
        motionStyle: input.motion_style,
      };
      const imageStart = now().getTime();
      model.enter('image', imageStart);
      this.update(entry, transition(entry.job, 'image_generating', now(), { product_name: product.name, ...this.progressAt(model, 0) }));
      ticker = setInterval(() => step(timeFraction((now().getTime() - imageStart) / 1000, plan.image)), this.d.tickMs);
      const creative = await this.d.runner.prepare(req, signal);
      signal.throwIfAborted();
      const photo = await this.d.runner.still(creative, req);
      signal.throwIfAborted();
      clearInterval(ticker);
      ticker = undefined;
      entry.photo = photo;
      const imageSeconds = (now().getTime() - imageStart) / 1000;
      this.update(entry, transition(entry.job, 'image_generated', now(), { generated_photo_url: this.d.objectUrl(photo), ...this.progressAt(model, 1) }));
      model.enter('export', now().getTime());
      this.update(entry, transition(entry.job, 'video_generating', now(), this.progressAt(model, 0.02)));
      const out = await this.d.runner.export(creative, req, {
        fileName: `embed-${entry.job.id}.mp4`,
        signal,
        onProgress: (p) => step(0.02 + (0.98 * p.frame) / Math.max(1, p.frames)),
      });
      signal.throwIfAborted();
      entry.video = out.file;
      this.learn(input, imageSeconds, out);
      this.finish(entry, transition(entry.job, 'video_generated', now(), { generated_video_url: this.d.objectUrl(out.file), video_seconds: Math.round(out.videoSeconds * 100) / 100 }));
    } catch (err) {
      const { code, reason } = classify(err, signal.aborted);
      this.finish(entry, fail(entry.job, code, reason, now()));
    } finally {
      if (ticker) clearInterval(ticker);
    }
  }

  private progressAt(model: ProgressModel, fraction: number): { progress: number; eta_seconds: number } {
    const { progress, eta } = model.at(fraction, this.d.now().getTime());
    return { progress, eta_seconds: Math.round(eta * 10) / 10 };
  }

  /** Folds a finished job's timings into the estimates for the next ones. */
  private learn(input: JobInputOut, imageSeconds: number, out: { frames: number; seconds: number }): void {
    const plan = this.planOf(input);
    const load = this.voiceWarm ? 0.2 : this.speeds.voiceLoadSeconds;
    this.voiceWarm = true;
    const perSecond = Math.max(0.02, (imageSeconds - load - 0.3) / input.duration);
    this.speeds.imageSecondsPerVideoSecond = 0.5 * this.speeds.imageSecondsPerVideoSecond + 0.5 * perSecond;
    const exportWork = (plan.export - 1) * this.speeds.exportFps; // frames of 1080x1920 work
    if (out.seconds > 0.5 && exportWork > 0) this.speeds.exportFps = exportWork / Math.max(0.5, out.seconds - 1);
  }
}
