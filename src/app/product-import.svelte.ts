/**
 * State and actions of the product import (link, pasted source, saved page, product JSON) and
 * of the product video. Parsing runs in a worker; pictures and videos the page references are
 * downloaded only when the user says so, and go through the same intake as uploads
 * (`Studio.addFiles`). Nothing is requested except the link the user entered, the media they
 * confirmed, and — only if they set one — their CORS proxy.
 */
import { ImportError } from '../product/errors.ts';
import type { ExtractedProduct } from '../product/extract.ts';
import { fetchMedia, fetchPage, normaliseLink, proxyProblem, siteOf } from '../product/fetch.ts';
import { grantSites, revokeSites } from '../net/grants.ts';
import type { EmbeddedResource, ParsedProductInput } from '../product/input.ts';
import { looksLikeLink } from '../product/input.ts';
import { LIMITS, limitFeatures } from '../storage/project-limits.ts';
import { checkImage, MAX_IMAGE_BYTES, MAX_VIDEO_BYTES, MediaError, sniffImage, sniffVideo } from '../product/media.ts';
import { parseInWorker } from '../product/parse-client.ts';
import { preselect } from '../product/select.ts';
import { fileLabel, isVideoPlayerPage } from '../product/urls.ts';
import { intakeVideo, type VideoStage } from '../product/video-intake.ts';
import { newId } from './project-defaults.ts';
import type { Studio } from './studio.svelte.ts';

export type ImportMode = 'link' | 'source' | 'file';

export type ImportStatus =
  | { state: 'idle' }
  | { state: 'busy'; label: string }
  | { state: 'error'; code: string; message: string; hint?: string }
  | { state: 'done' };

export interface FoundMedia {
  url: string;
  label: string;
  host: string;
  /** Carried inside the saved page: no download needed. */
  embedded: boolean;
  /** A YouTube/Vimeo page rather than a file. */
  player: boolean;
  status: 'waiting' | 'loading' | 'added' | 'failed';
  error?: string;
  /** 0..1 while downloading or converting. */
  progress?: number;
}

export type VideoStatus = { state: 'idle' } | { state: 'busy'; label: string; progress?: number } | { state: 'error'; message: string };

type FieldSnapshot = Pick<ExtractedProduct, 'name' | 'description' | 'features'> & { price?: string; brand?: string };

const PROXY_KEY = 'talkreel.corsProxy';
/** Pastes bigger than this are kept out of the textarea (a 5 MB textarea is sluggish). */
const BIG_PASTE = 200_000;
const FIELD_LABELS: Record<string, string> = { name: 'name', description: 'description', features: 'features', price: 'price', brand: 'brand' };

function loadProxy(): string {
  try {
    return globalThis.localStorage?.getItem(PROXY_KEY) ?? '';
  } catch {
    return '';
  }
}

function explain(err: unknown): { code: string; message: string; hint?: string } {
  if (err instanceof ImportError) return { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
  if (err instanceof MediaError) return { code: err.code, message: err.message };
  return { code: 'unknown', message: err instanceof Error ? err.message : String(err) };
}

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** A file name for a downloaded picture: its own name, with the right extension. */
function fileName(url: string, mime: string, fallback: string): string {
  const raw = fileLabel(url).replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || fallback;
  const ext = EXT[mime];
  return ext && !new RegExp(`\\.${ext === 'jpg' ? 'jpe?g' : ext}$`, 'i').test(raw) ? `${raw.replace(/\.[a-z0-9]{2,4}$/i, '')}.${ext}` : raw;
}

export class ProductImporter {
  mode = $state<ImportMode>('link');
  link = $state('');
  source = $state('');
  /** A big paste, held here instead of in the textarea. */
  pasted = $state.raw<{ text: string; bytes: number } | null>(null);
  status = $state<ImportStatus>({ state: 'idle' });
  /** The last successful parse. */
  result = $state.raw<ExtractedProduct | null>(null);
  /** Where it came from, for the summary ("northwind-coffee.com", "page.mhtml"). */
  origin = $state('');
  parseMs = $state(0);
  /** Form fields the last import filled. */
  filled = $state<string[]>([]);
  canUndo = $state(false);
  images = $state<FoundMedia[]>([]);
  videos = $state<FoundMedia[]>([]);
  imagesBusy = $state(false);
  proxy = $state(loadProxy());
  videoStatus = $state<VideoStatus>({ state: 'idle' });

  private undoSnapshot: FieldSnapshot | null = null;
  // Not reactive: read only when pictures are added.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private resources: ReadonlyMap<string, EmbeddedResource> = new Map();
  private abort: AbortController | null = null;
  private videoAbort: AbortController | null = null;
  private projectId: string;

  constructor(private readonly studio: Studio) {
    this.projectId = studio.project.id;
  }

  /** Another project was opened: what was found on the previous one's page is forgotten. */
  syncProject(): void {
    if (this.studio.project.id === this.projectId) return;
    this.projectId = this.studio.project.id;
    this.cancel();
    this.status = { state: 'idle' };
    this.result = null;
    this.images = [];
    this.videos = [];
    this.filled = [];
    this.canUndo = false;
    this.undoSnapshot = null;
    this.resources = new Map(); // eslint-disable-line svelte/prefer-svelte-reactivity
    this.videoStatus = { state: 'idle' };
  }

  get busy(): boolean {
    return this.status.state === 'busy';
  }

  /** The user asked for these URLs: let the gateway reach them (or the proxy that fetches them). */
  private grantFor(urls: string[], purpose: 'link' | 'media'): Promise<void> {
    return this.proxy ? grantSites([this.proxy], 'proxy') : grantSites(urls, purpose);
  }

  setProxy(value: string): string | null {
    const problem = proxyProblem(value);
    if (problem) return problem;
    this.proxy = value.trim();
    // Saving a proxy is the user's own act; clearing it withdraws the proxy's permission.
    if (this.proxy) void grantSites([this.proxy], 'proxy').catch(() => undefined);
    else void revokeSites('proxy').catch(() => undefined);
    try {
      if (this.proxy) globalThis.localStorage?.setItem(PROXY_KEY, this.proxy);
      else globalThis.localStorage?.removeItem(PROXY_KEY);
    } catch {
      // Storage unavailable (private mode): the setting lasts for this visit.
    }
    return null;
  }

  cancel(): void {
    this.abort?.abort();
    this.abort = null;
  }

  async parseLink(): Promise<void> {
    let url: string;
    try {
      url = normaliseLink(this.link);
    } catch (err) {
      this.status = { state: 'error', ...explain(err) };
      return;
    }
    this.link = url;
    const site = siteOf(url);
    // Pressing Parse is what lets talkreel contact that site (or the user's proxy): src/net/grants.ts.
    try {
      await this.grantFor([url], 'link');
    } catch (err) {
      this.status = { state: 'error', ...explain(err) };
      return;
    }
    await this.run(`Fetching ${site}…`, site, async (signal) => {
      const page = await fetchPage(url, { proxy: this.proxy, signal });
      this.status = { state: 'busy', label: `Reading the page from ${site}…` };
      return parseInWorker({ bytes: page.bytes, contentType: page.contentType, url: page.url }, signal);
    });
  }

  /** Parses pasted text (or the textarea). A pasted link is fetched instead. */
  async parseSource(text?: string): Promise<void> {
    const t = text ?? this.pasted?.text ?? this.source;
    if (looksLikeLink(t)) {
      this.mode = 'link';
      this.link = t.trim();
      this.source = '';
      this.pasted = null;
      return this.parseLink();
    }
    await this.run('Reading the page source…', 'the pasted source', (signal) => parseInWorker({ text: t }, signal));
  }

  /** A paste into the source box: big ones stay out of the textarea; either way, parse at once. */
  onPaste(text: string): boolean {
    if (text.length > BIG_PASTE) {
      this.pasted = { text, bytes: text.length };
      this.source = '';
      void this.parseSource(text);
      return true;
    }
    this.pasted = null;
    queueMicrotask(() => void this.parseSource(text));
    return false;
  }

  clearPaste(): void {
    this.pasted = null;
    this.source = '';
  }

  async parseFile(file: File): Promise<void> {
    await this.run(`Reading “${file.name}”…`, file.name, async (signal) => {
      // Size is checked inside the parser too; refuse absurd files before reading them whole.
      if (file.size > 100 * 1024 * 1024) throw new ImportError('too-large', `“${file.name}” is ${(file.size / 1048576).toFixed(0)} MB; that is too big to be a saved product page.`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      return parseInWorker({ bytes, fileName: file.name }, signal);
    });
  }

  /** Files dropped anywhere on the product card: pictures, a video, or a page/JSON to parse. */
  async routeFiles(files: File[]): Promise<void> {
    const images: File[] = [];
    for (const f of files) {
      const head = new Uint8Array(await f.slice(0, 64).arrayBuffer());
      if (sniffImage(head)) images.push(f);
      else if (sniffVideo(head)) void this.addVideoFile(f);
      else if (/\.(html?|mht(ml)?|json|js)$/i.test(f.name) || /html|json|multipart/.test(f.type)) void this.parseFile(f);
      else images.push(f); // addFiles explains why it is not a picture
    }
    if (images.length) await this.studio.addFiles(images);
  }

  private async run(label: string, origin: string, work: (signal: AbortSignal) => Promise<ParsedProductInput>): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.abort = abort;
    this.status = { state: 'busy', label };
    // Let the busy state paint before the work starts.
    await new Promise((r) => setTimeout(r, 0));
    try {
      const parsed = await work(abort.signal);
      if (abort.signal.aborted) return;
      this.apply(parsed, origin);
    } catch (err) {
      if (abort.signal.aborted || (err instanceof ImportError && err.code === 'aborted')) {
        this.status = { state: 'idle' };
        return;
      }
      this.status = { state: 'error', ...explain(err) };
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private apply(parsed: ParsedProductInput, origin: string): void {
    const r = parsed.product;
    const p = this.studio.project.product;
    this.undoSnapshot = { name: p.name, description: p.description, features: [...p.features], ...(p.price !== undefined ? { price: p.price } : {}), ...(p.brand !== undefined ? { brand: p.brand } : {}) };
    const filled: string[] = [];
    if (r.name) {
      p.name = r.name.slice(0, LIMITS.productName);
      filled.push('name');
    }
    if (r.brand) {
      p.brand = r.brand.slice(0, LIMITS.brand);
      filled.push('brand');
    }
    if (r.priceText) {
      p.price = r.priceText.slice(0, LIMITS.price);
      filled.push('price');
    }
    if (r.description) {
      p.description = r.description.slice(0, LIMITS.description);
      filled.push('description');
    }
    if (r.features.length) {
      p.features = limitFeatures(r.features).features;
      filled.push('features');
    }
    this.filled = filled.map((f) => FIELD_LABELS[f] ?? f);
    this.canUndo = true;
    this.result = r;
    this.origin = r.url ? siteOf(r.url) : origin;
    this.parseMs = parsed.ms;
    this.resources = parsed.resources;
    const has = (d: { url: string; alternates: string[] }) => [d.url, ...d.alternates].some((u) => this.resources.has(u));
    this.images = r.imageDetails.map((d) => ({ url: d.url, label: fileLabel(d.url), host: siteOf(d.url), embedded: has(d), player: false, status: 'waiting' as const }));
    this.videos = r.videos.map((u) => ({ url: u, label: fileLabel(u), host: siteOf(u), embedded: this.resources.has(u), player: isVideoPlayerPage(u), status: 'waiting' as const }));
    this.status = { state: 'done' };
  }

  undo(): void {
    const s = this.undoSnapshot;
    if (!s) return;
    const p = this.studio.project.product;
    p.name = s.name;
    p.description = s.description;
    p.features = s.features;
    if (s.price !== undefined) p.price = s.price;
    else delete p.price;
    if (s.brand !== undefined) p.brand = s.brand;
    else delete p.brand;
    this.undoSnapshot = null;
    this.canUndo = false;
    this.filled = [];
  }

  dismiss(): void {
    this.status = { state: 'idle' };
    this.result = null;
    this.images = [];
    this.videos = [];
    this.canUndo = false;
  }

  /** The bytes of a picture: from the saved page when it carries them, else downloaded. */
  private async mediaBytes(item: FoundMedia, alternates: string[], maxBytes: number, what: string, onProgress?: (n: number, total: number | null) => void, signal?: AbortSignal): Promise<{ bytes: Uint8Array; type: string }> {
    for (const u of [item.url, ...alternates]) {
      const r = this.resources.get(u);
      if (r) return { bytes: r.bytes, type: r.type };
    }
    if (!/^https?:/i.test(item.url)) throw new ImportError('bad-url', 'This picture is a local file; add it from disk.');
    const got = await fetchMedia(item.url, { proxy: this.proxy, maxBytes, what, ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
    return { bytes: got.bytes, type: got.contentType };
  }

  /** Downloads (or takes from the saved page) the pictures the user confirmed, then adds them. */
  async addImages(): Promise<void> {
    const result = this.result;
    if (!result || this.imagesBusy) return;
    const todo = this.images.map((img, i) => ({ img, i })).filter(({ img }) => img.status === 'waiting' || img.status === 'failed');
    const remote = todo.flatMap(({ img, i }) => (this.resources.has(img.url) ? [] : [img.url, ...(result.imageDetails[i]?.alternates ?? [])])).filter((u) => /^https?:/i.test(u));
    if (remote.length) {
      try {
        await this.grantFor(remote, 'media');
      } catch (err) {
        for (const { img } of todo) {
          img.status = 'failed';
          img.error = explain(err).message;
        }
        return;
      }
    }
    this.imagesBusy = true;
    for (const { img } of todo) {
      img.status = 'loading';
      delete img.error;
    }
    const fetched: Array<{ i: number; file: File; width: number; height: number }> = [];
    const queue = [...todo];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { img, i } = job;
        try {
          const alternates = result.imageDetails[i]?.alternates ?? [];
          const { bytes } = await this.mediaBytes(img, alternates, MAX_IMAGE_BYTES, 'picture');
          const head = bytes.subarray(0, 256 * 1024);
          const kind = sniffImage(head);
          const name = fileName(img.url, kind ? `image/${kind}` : '', `picture-${i + 1}`);
          const info = checkImage(head, bytes.length, name);
          fetched.push({ i, file: new File([bytes as Uint8Array<ArrayBuffer>], name, { type: info.mime }), width: info.width, height: info.height });
        } catch (err) {
          img.status = 'failed';
          img.error = explain(err).message;
        }
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    fetched.sort((a, b) => a.i - b.i);
    const already = this.studio.project.product.images.filter((x) => x.selected).length;
    const picks = preselect(fetched, Math.max(0, 6 - already), Math.max(0, 2 - already));
    const results = await this.studio.addFiles(fetched.map((f) => f.file), { selected: picks, quiet: true });
    fetched.forEach((f, k) => {
      const img = this.images[f.i]!;
      const error = results[k];
      if (error) {
        img.status = 'failed';
        img.error = error;
      } else img.status = 'added';
    });
    this.imagesBusy = false;
  }

  /** Downloads a product video the page links to, then takes it in like one from disk. */
  async addVideoFromPage(index: number): Promise<void> {
    const item = this.videos[index];
    if (!item || item.player || this.videoStatus.state === 'busy') return;
    if (/^https?:/i.test(item.url) && !this.resources.has(item.url)) {
      try {
        await this.grantFor([item.url], 'media');
      } catch (err) {
        this.videoStatus = { state: 'error', message: explain(err).message };
        return;
      }
    }
    const abort = new AbortController();
    this.videoAbort = abort;
    item.status = 'loading';
    delete item.error;
    this.videoStatus = { state: 'busy', label: `Downloading ${item.label}…`, progress: 0 };
    try {
      const { bytes, type } = await this.mediaBytes(item, [], MAX_VIDEO_BYTES, 'video', (n, total) => {
        this.videoStatus = { state: 'busy', label: `Downloading ${item.label}… ${(n / 1048576).toFixed(1)} MB`, ...(total ? { progress: n / total } : {}) };
      }, abort.signal);
      const name = fileName(item.url, '', 'product-video').replace(/[^\w.-]+/g, '-');
      const file = new File([bytes as Uint8Array<ArrayBuffer>], /\.\w{3,4}$/.test(name) ? name : `${name}.${/webm/.test(type) ? 'webm' : 'mp4'}`, { type: type || 'video/mp4' });
      const ok = await this.takeVideo(file, item.url, abort.signal);
      item.status = ok ? 'added' : 'failed';
      const after = this.videoStatus as VideoStatus;
      if (!ok && after.state === 'error') item.error = after.message;
    } catch (err) {
      item.status = 'failed';
      item.error = explain(err).message;
      this.videoStatus = abort.signal.aborted ? { state: 'idle' } : { state: 'error', message: item.error };
    } finally {
      if (this.videoAbort === abort) this.videoAbort = null;
    }
  }

  async addVideoFile(file: File): Promise<void> {
    if (this.videoStatus.state === 'busy') return;
    const abort = new AbortController();
    this.videoAbort = abort;
    try {
      await this.takeVideo(file, undefined, abort.signal);
    } finally {
      if (this.videoAbort === abort) this.videoAbort = null;
    }
  }

  cancelVideo(): void {
    this.videoAbort?.abort();
    this.videoStatus = { state: 'idle' };
  }

  private async takeVideo(file: File, url: string | undefined, signal: AbortSignal): Promise<boolean> {
    this.videoStatus = { state: 'busy', label: `Checking “${file.name}”…` };
    try {
      const onStage = (s: VideoStage) => {
        this.videoStatus = s.stage === 'checking' ? { state: 'busy', label: `Checking “${file.name}”…` } : { state: 'busy', label: `This browser cannot play ${s.from}: converting to MP4 (H.264)…`, progress: s.progress };
      };
      const { blob, video } = await intakeVideo(file, { signal, onStage, ...(url ? { url } : {}) });
      if (signal.aborted) return false;
      this.videoStatus = { state: 'busy', label: 'Saving the video…' };
      await this.studio.setVideo(blob, { id: newId('vid'), ...video });
      this.videoStatus = { state: 'idle' };
      return true;
    } catch (err) {
      this.videoStatus = signal.aborted ? { state: 'idle' } : { state: 'error', message: explain(err).message };
      return false;
    }
  }

  async removeVideo(): Promise<void> {
    try {
      await this.studio.removeVideo();
      this.videoStatus = { state: 'idle' };
      for (const v of this.videos) if (v.status === 'added') v.status = 'waiting';
    } catch (err) {
      this.videoStatus = { state: 'error', message: explain(err).message };
    }
  }
}
