/** State of the compact widget: the product form and the jobs (its own and the host's). */
import * as v from 'valibot';
import { checkImage, MediaError } from '../../product/media.ts';
import { isFinal } from '../jobs.ts';
import type { JobManager } from '../manager.ts';
import { JobInput, type AspectRatio, type JobView } from '../protocol.ts';

export interface FormImage {
  id: string;
  file: File;
  url: string;
}

export interface WidgetForm {
  name: string;
  description: string;
  brand: string;
  price: string;
  ratio: AspectRatio;
  duration: 15 | 30 | 60;
  language: string;
  /** 'auto' = best match, 'none' = product only (product_anyshot), else a presenter id. */
  presenter: string;
  resolution: 720 | 1080;
}

const MAX_IMAGES = 8;

export class WidgetState<C> {
  jobs = $state<JobView[]>([]);
  currentId = $state<string | null>(null);
  form = $state<WidgetForm>({ name: '', description: '', brand: '', price: '', ratio: '9x16', duration: 15, language: 'en', presenter: 'auto', resolution: 1080 });
  images = $state<FormImage[]>([]);
  imageErrors = $state<string[]>([]);
  formError = $state<string | null>(null);
  /** The host page that completed the handshake, if any. */
  connectedOrigin = $state<string | null>(null);
  /** Set after a Generate press with missing fields: show which. */
  showProblems = $state(false);

  current = $derived(this.jobs.find((j) => j.id === this.currentId) ?? null);
  running = $derived(this.current !== null && !isFinal(this.current.status));
  problems = $derived({
    name: this.form.name.trim() ? null : 'Give the product a name.',
    images: this.images.length ? null : 'Add at least one product image (two or more look best).',
  });

  constructor(private readonly manager: JobManager<C>) {
    this.jobs = manager.list();
    manager.onJob((job) => this.onJob(job));
  }

  private onJob(job: JobView): void {
    const i = this.jobs.findIndex((j) => j.id === job.id);
    if (i >= 0) this.jobs[i] = job;
    else {
      this.jobs = [job, ...this.jobs];
      // A new job (the user's or the host page's) takes the stage.
      this.currentId = job.id;
    }
  }

  select(id: string): void {
    this.currentId = id;
  }

  async addFiles(files: Iterable<File>): Promise<void> {
    const errors: string[] = [];
    for (const file of files) {
      if (this.images.length >= MAX_IMAGES) {
        errors.push(`Up to ${MAX_IMAGES} images.`);
        break;
      }
      try {
        const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
        checkImage(head, file.size, file.name);
        const bmp = await createImageBitmap(file).catch(() => {
          throw new MediaError('corrupt', `“${file.name}” could not be decoded; the file may be damaged.`);
        });
        bmp.close();
        this.images.push({ id: crypto.randomUUID(), file, url: URL.createObjectURL(file) });
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    }
    this.imageErrors = errors;
  }

  removeImage(id: string): void {
    const img = this.images.find((i) => i.id === id);
    if (img) URL.revokeObjectURL(img.url);
    this.images = this.images.filter((i) => i.id !== id);
  }

  generate(): void {
    this.showProblems = true;
    this.formError = null;
    if (this.problems.name || this.problems.images) return;
    const f = this.form;
    const presenter = f.presenter;
    const result = v.safeParse(JobInput, {
      type: presenter === 'none' ? 'product_anyshot' : 'product_avatar',
      aspect_ratio: f.ratio,
      duration: f.duration,
      language: f.language,
      resolution: f.resolution,
      ...(presenter !== 'none' && presenter !== 'auto' ? { override_avatar: presenter } : {}),
      product: {
        name: f.name.trim(),
        description: f.description.trim(),
        ...(f.brand.trim() ? { brand: f.brand.trim() } : {}),
        ...(f.price.trim() ? { price: f.price.trim() } : {}),
        images: this.images.map((i) => i.file),
      },
    });
    if (!result.success) {
      this.formError = result.issues[0]?.message ?? 'Check the product details.';
      return;
    }
    this.manager.create(result.output);
  }

  cancel(): void {
    if (this.currentId) this.manager.cancel(this.currentId);
  }

  photo(id: string): Blob | undefined {
    return this.manager.photo(id);
  }
}
