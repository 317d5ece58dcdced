import { RenderError } from '../compose/render-client.ts';
import type { Timeline } from '../compose/types.ts';
import { checkImage, checkImageRoom, MediaError } from '../product/media.ts';
import { fitScript, generateScripts } from '../script/index.ts';
import { checkBaseUrl, loadWriterConfig, saveWriterConfig, writeScripts, type WriterConfig } from '../script/llm.ts';
import { grantSites, revokeSites } from '../net/grants.ts';
import type { ScriptOption } from '../script/types.ts';
import { ArchiveError } from '../storage/archive.ts';
import { cleanUpFiles } from '../storage/assets.ts';
import { exportProjectFile, importProjectFile } from '../storage/project-io.ts';
import { StorageError } from '../storage/db.ts';
import { addMedia, currentProjectId, getMedia, getProject, listProjects, onProjectSaved, removeMedia, removeOrphanedMedia, saveProject } from '../storage/projects.ts';
import { ProjectLock, type EditState } from '../storage/tab-lock.ts';
import type { ProjectRecord } from '../storage/schema.ts';
import type { ProductVideo } from '../product/types.ts';
import { BUILTIN_PRESENTERS } from '../compose/presenter/index.ts';
import { defaultVoiceFor } from '../voice/voices.ts';
import { synthesize } from '../voice/tts-client.ts';
import { newId, newProject, productProblems, scriptBasis } from './project-defaults.ts';
import { spokenLength, timelineForCreative, type Voiceover } from './pipeline.ts';
import { cachedSynthesize } from './creatives/voice-cache.ts';
import { projectSpeaker, projectVoiceover } from './voice/voiceover.ts';
import { VoiceoverAhead, voiceoverKey } from './voice/voiceover-ahead.ts';

function message(err: unknown): string {
  if (err instanceof MediaError || err instanceof StorageError || err instanceof RenderError || err instanceof ArchiveError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** All state of the Create screen, plus the actions on it. Components only render this. */
export class Studio {
  project = $state<ProjectRecord>(newProject({ voiceId: defaultVoiceFor('en').id, presenterId: BUILTIN_PRESENTERS[0]!.id }));
  loaded = $state(false);
  /** Media id → object URL for thumbnails. */
  thumbs = $state<Record<string, string>>({});
  uploadErrors = $state<string[]>([]);
  saveError = $state<string | null>(null);
  /** The database cannot be opened at all: the app offers rescue and reset instead of editing. */
  storageProblem = $state<string | null>(null);
  /** Set once the user tried to go on with invalid product info: show every problem. */
  showProblems = $state(false);

  scriptBusy = $state(false);
  scriptError = $state<string | null>(null);
  /** Option id → spoken length measured with the real voice. */
  measured = $state<Record<string, number>>({});
  /** The optional local-model script writer (kept in this browser, off by default). */
  writer = $state<WriterConfig>(loadWriterConfig(globalThis.localStorage));
  /** The local model is writing. */
  scriptWriting = $state(false);
  /** Why the local model's scripts were (partly) not used. */
  scriptNotice = $state<string | null>(null);

  /** Lines already voiced are not voiced again: an edited scene re-voices only itself. */
  private voiceLines = cachedSynthesize(synthesize);
  /** The script on screen voiced ahead of Generate video (see prepareVoice). */
  private ahead = new VoiceoverAhead(
    (settings, segments) => projectVoiceover(settings, segments, this.voiceLines),
    (key) => (this.voicedAheadKey = key),
  );
  private voicedAheadKey = $state('');
  /** The script on screen is voiced already: Generate video only lays out the timeline. */
  voiceReady = $derived(this.voicedAheadKey === voiceoverKey(this.project.settings, this.project.script.segments));
  videoBusy = $state(false);
  videoError = $state<string | null>(null);
  voiceover = $state.raw<Voiceover | null>(null);
  timeline = $state.raw<Timeline | null>(null);
  images = $state.raw<Blob[]>([]);

  /** Saved projects, newest first, for the project menu. */
  projects = $state<Array<{ id: string; name: string; updatedAt: number }>>([]);
  importError = $state<string | null>(null);
  /** 'read-only': another tab edits this project (tab-lock.ts); this one shows it and saves nothing. */
  editState = $state<EditState>('editing');
  /** Why this tab is read-only, as the banner says it. */
  lockNotice = $state<string | null>(null);
  private lock = new ProjectLock((id) => void this.lockLost(id));
  /**
   * Whether saves go out. Not reactive on purpose: the autosave effect must not re-run (and
   * write the read-only copy) the moment this tab takes the lock, only after it re-read the save.
   */
  private writable = true;
  private stopListening: (() => void) | null = null;
  private pendingSave: ProjectRecord | null = null;
  private saving: Promise<void> | null = null;
  private scriptRun = 0;

  /** What the current preview was voiced from; when it changes the preview is out of date. */
  private voicedKey = $state('');

  problems = $derived(productProblems(this.project));
  videoStale = $derived(this.voiceover !== null && this.voicedKey !== this.voiceKey());
  stale = $derived(this.project.script.options.length > 0 && this.project.script.basis !== scriptBasis(this.project));
  selectedImages = $derived(this.project.product.images.filter((i) => i.selected));

  async load(): Promise<void> {
    try {
      const id = await currentProjectId();
      // The lock first, then the read: a tab that takes over must see the last save before it.
      await this.takeLock(id ?? this.project.id);
      const saved = id ? await getProject(id) : undefined;
      if (saved) await this.show(saved);
      await this.refreshProjects();
      // Another tab's saves of the project shown here read-only are shown as they happen.
      this.stopListening ??= onProjectSaved((pid) => {
        if (pid === this.project.id && this.editState === 'read-only') void this.reloadShown();
      });
      // Unfinished exports left by a closed or crashed tab are garbage.
      void cleanUpFiles().catch(() => undefined);
      if (this.editState === 'editing') void removeOrphanedMedia().catch(() => undefined);
    } catch (err) {
      if (err instanceof StorageError && err.code === 'cannot-open') this.storageProblem = err.message;
      else this.saveError = message(err);
    }
    this.loaded = true;
    if (this.project.videoRequested && this.project.script.segments.length) void this.generateVideo();
  }

  /** Makes a project the one on screen, dropping everything derived from the previous one. */
  private async show(project: ProjectRecord): Promise<void> {
    this.scriptRun++;
    for (const url of Object.values(this.thumbs)) URL.revokeObjectURL(url);
    const thumbs: Record<string, string> = {};
    for (const img of project.product.images) {
      const m = await getMedia(img.id);
      if (m) thumbs[img.id] = URL.createObjectURL(m.blob);
    }
    this.thumbs = thumbs;
    this.project = project;
    this.ahead.clear();
    this.voiceover = null;
    this.timeline = null;
    this.images = [];
    this.measured = {};
    this.showProblems = false;
    this.uploadErrors = [];
    this.videoError = null;
    this.scriptError = null;
  }

  async refreshProjects(): Promise<void> {
    this.projects = (await listProjects()).map((p) => ({ id: p.id, name: p.name, updatedAt: p.updatedAt }));
  }

  async openProject(id: string): Promise<void> {
    if (id === this.project.id) return;
    await this.saveNow();
    await this.takeLock(id);
    const record = await getProject(id);
    if (!record) return;
    await this.show(record);
    await this.saveNow();
    await this.refreshProjects();
    if (record.videoRequested && record.script.segments.length) void this.generateVideo();
  }

  /**
   * Autosave: every change is written at once; changes made while a write is in flight are
   * coalesced into one follow-up write of the latest state. No debounce window, so a click
   * followed by closing the tab is never lost.
   */
  scheduleSave(snapshot: ProjectRecord): void {
    if (!this.loaded || !this.writable) return;
    this.pendingSave = snapshot;
    if (!this.saving) void this.flushSaves();
  }

  async saveNow(): Promise<void> {
    if (!this.writable) return this.saving ?? undefined;
    this.pendingSave = $state.snapshot(this.project);
    await this.flushSaves();
  }

  private async flushSaves(): Promise<void> {
    if (this.saving) return this.saving;
    this.saving = (async () => {
      while (this.pendingSave) {
        const snap = this.pendingSave;
        this.pendingSave = null;
        try {
          // The project is named after its product, so the project menu reads naturally.
          await saveProject({ ...snap, name: snap.product.name.trim() || 'Untitled project', updatedAt: Date.now() });
          this.saveError = null;
        } catch (err) {
          this.saveError = message(err);
        }
      }
    })();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  /**
   * Checks and stores images. `selected[i]` overrides the default pre-selection of file i;
   * `quiet` leaves the shared upload errors alone (the caller shows them per image).
   * Returns, per file, null when it was added or the reason it was not.
   */
  async addFiles(files: Iterable<File>, opts: { selected?: boolean[]; quiet?: boolean } = {}): Promise<Array<string | null>> {
    const errors: string[] = [];
    const results: Array<string | null> = [];
    for (const file of files) {
      const index = results.length;
      try {
        // No more than a project archive carries: whatever the app holds exports and imports again.
        checkImageRoom(this.project.product.images.length, file.name);
        const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
        const info = checkImage(head, file.size, file.name);
        // Decoding proves the bytes are a real image, not just a valid header.
        const bmp = await createImageBitmap(file).catch(() => {
          throw new MediaError('corrupt', `“${file.name}” could not be decoded; the file may be damaged.`);
        });
        bmp.close();
        const id = newId('img');
        const image = { id, name: file.name, mime: info.mime, width: info.width, height: info.height, selected: opts.selected?.[index] ?? this.project.product.images.filter((i) => i.selected).length < 6 };
        const next: ProjectRecord = { ...$state.snapshot(this.project), updatedAt: Date.now() };
        next.product.images = [...next.product.images, image];
        await addMedia({ id, projectId: next.id, name: file.name, mime: info.mime, width: info.width, height: info.height, size: file.size, blob: file, createdAt: Date.now() }, next);
        this.project.product.images.push(image);
        this.thumbs[id] = URL.createObjectURL(file);
        results.push(null);
      } catch (err) {
        errors.push(message(err));
        results.push(message(err));
      }
    }
    if (!opts.quiet) this.uploadErrors = errors;
    return results;
  }

  /** Stores a checked product video (see product/video-intake.ts), replacing the previous one. */
  async setVideo(blob: Blob, video: ProductVideo): Promise<void> {
    const old = this.project.product.video;
    const next: ProjectRecord = { ...$state.snapshot(this.project), updatedAt: Date.now() };
    next.product.video = video;
    // The old video goes in the same transaction: a tab closed in between leaves no orphan.
    await addMedia({ id: video.id, projectId: next.id, name: video.name, mime: video.mime, width: video.width, height: video.height, size: blob.size, blob, createdAt: Date.now() }, next, old ? [old.id] : []);
    this.project.product.video = video;
  }

  async removeVideo(): Promise<void> {
    const old = this.project.product.video;
    if (!old) return;
    const next = $state.snapshot(this.project);
    delete next.product.video;
    await removeMedia(old.id, next);
    delete this.project.product.video;
  }

  async removeImage(id: string): Promise<void> {
    const next = $state.snapshot(this.project);
    next.product.images = next.product.images.filter((i) => i.id !== id);
    try {
      await removeMedia(id, next);
      this.project.product.images = this.project.product.images.filter((i) => i.id !== id);
      if (this.thumbs[id]) URL.revokeObjectURL(this.thumbs[id]);
      delete this.thumbs[id];
    } catch (err) {
      this.uploadErrors = [message(err)];
    }
  }

  toggleImage(id: string): void {
    const img = this.project.product.images.find((i) => i.id === id);
    if (img) img.selected = !img.selected;
  }


  async generateScripts(): Promise<void> {
    this.showProblems = true;
    if (this.problems.name || this.problems.images) return;
    if (this.writer.enabled) await this.grantWriter();
    const run = ++this.scriptRun;
    const p = this.project;
    const product = {
      name: p.product.name.trim(),
      description: p.product.description,
      features: p.product.features,
      imageCount: this.selectedImages.length,
      ...(p.product.price ? { price: p.product.price } : {}),
      ...(p.product.brand ? { brand: p.product.brand } : {}),
    };
    const opts = { language: p.settings.language, duration: p.settings.duration };
    this.scriptError = null;
    this.scriptNotice = null;
    let options: ScriptOption[];
    if (this.writer.enabled) {
      this.scriptWriting = true;
      try {
        const written = await writeScripts(product, opts, $state.snapshot(this.writer));
        if (run !== this.scriptRun) return;
        options = written.options;
        this.scriptNotice = written.notice ?? null;
      } finally {
        if (run === this.scriptRun) this.scriptWriting = false;
      }
    } else options = generateScripts(product, opts);
    p.script = { options, selectedId: options[0]?.id ?? null, segments: structuredClone($state.snapshot(options[0]?.segments ?? [])), basis: scriptBasis(p) };
    this.measured = {};
    // Then time each option with the real voice and nudge it into the duration window.
    this.scriptBusy = true;
    // The chosen voice, a neural one too: a script fitted to espeak's pace would run long or short.
    // Through the line cache: the scenes voiced to measure the chosen option are the ones its
    // voiceover then joins (prepareVoice), not voiced a second time.
    const speaker = projectSpeaker($state.snapshot(p.settings), this.voiceLines);
    const measure = spokenLength(speaker.request, speaker.measure);
    try {
      for (const option of options) {
        const fitted = await fitScript($state.snapshot(option) as ScriptOption, product, opts, measure);
        if (run !== this.scriptRun) return;
        const i = p.script.options.findIndex((o) => o.id === option.id);
        if (i >= 0) p.script.options[i] = fitted;
        this.measured[option.id] = fitted.measuredSeconds;
        if (p.script.selectedId === option.id) p.script.segments = structuredClone($state.snapshot(fitted.segments));
      }
    } catch (err) {
      if (run === this.scriptRun) this.scriptError = `Scripts were written, but timing them with the voice failed: ${message(err)}`;
    } finally {
      if (run === this.scriptRun) this.scriptBusy = false;
    }
  }

  setWriter(config: WriterConfig): void {
    this.writer = config;
    saveWriterConfig(globalThis.localStorage, config);
    // The user switched the writer on or named its server: that server may now be contacted.
    if (config.enabled) this.grantWriter();
    else void revokeSites('script-writer').catch(() => undefined);
  }

  /** Grants the script writer's server from a user's click; elsewhere the grant made then stands. */
  private grantWriter(): Promise<void> {
    const base = checkBaseUrl(this.writer.baseUrl, this.writer.allowRemote);
    return base.ok ? grantSites([base.url], 'script-writer').catch(() => undefined) : Promise.resolve();
  }

  selectOption(id: string): void {
    const option = this.project.script.options.find((o) => o.id === id);
    if (!option) return;
    this.project.script.selectedId = id;
    this.project.script.segments = structuredClone($state.snapshot(option.segments));
  }

  private voiceKey(): string {
    const p = this.project;
    return JSON.stringify([p.script.segments.map((s) => s.text), p.settings.voiceId, p.settings.voiceSpeed ?? 1, p.settings.voicePitch ?? 0, this.selectedImages.map((i) => i.id), p.product.name.trim(), p.product.price ?? '', p.product.brand ?? '']);
  }

  /** The chosen creative's timeline, with the editor's changes (see src/app/editor). */
  private creativeTimeline(voiceover: Voiceover): Timeline {
    const c = $state.snapshot(this.project.creative);
    return timelineForCreative($state.snapshot(this.project.product), $state.snapshot(this.project.settings), voiceover, c?.id, c?.edits);
  }

  /** Ratio, presenter, creative and editor changes need no new voice: rebuild the timeline at once. */
  relayout(): void {
    if (!this.voiceover) return;
    this.timeline = this.creativeTimeline(this.voiceover);
  }

  /**
   * Voices the script on screen in the background (the Create screen calls it once the script
   * has settled), so Generate video finds the voice ready and shows the preview at once.
   */
  prepareVoice(): void {
    if (this.scriptBusy) return;
    this.ahead.prepare($state.snapshot(this.project.settings), $state.snapshot(this.project.script.segments));
  }

  async generateVideo(): Promise<void> {
    this.showProblems = true;
    if (this.problems.name || this.problems.images) return;
    const segments = $state.snapshot(this.project.script.segments);
    if (!segments.some((s) => s.text.trim())) {
      this.videoError = 'Write or generate a script first.';
      return;
    }
    this.videoBusy = true;
    this.videoError = null;
    this.project.videoRequested = true;
    const key = this.voiceKey();
    try {
      const voiceover = await this.ahead.get($state.snapshot(this.project.settings), segments);
      const blobs: Blob[] = [];
      for (const img of this.selectedImages) {
        const m = await getMedia(img.id);
        if (m) blobs.push(m.blob);
      }
      this.images = blobs;
      this.voiceover = voiceover;
      this.timeline = this.creativeTimeline(voiceover);
      this.voicedKey = key;
    } catch (err) {
      this.videoError = `The video could not be prepared: ${message(err)}`;
    } finally {
      this.videoBusy = false;
    }
  }

  /** Downloads the current project (with its images) as one .zip file. */
  async exportProject(): Promise<void> {
    try {
      await this.saveNow();
      const blob = await exportProjectFile(this.project.id);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${(this.project.product.name.trim() || 'talkreel-project').replace(/[^\p{L}\p{N}]+/gu, '-')}.talkreel.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    } catch (err) {
      this.saveError = `The project could not be exported: ${message(err)}`;
    }
  }

  /** Adds a project from a .zip made by exportProject and opens it; bad files change nothing. */
  async importProject(file: File): Promise<void> {
    this.importError = null;
    try {
      await this.saveNow();
      const record = await importProjectFile(file);
      await this.takeLock(record.id);
      await this.show(record);
      await this.refreshProjects();
      if (record.videoRequested && record.script.segments.length) void this.generateVideo();
    } catch (err) {
      this.importError = `“${file.name}” could not be imported: ${message(err)}`;
    }
  }

  async startNewProject(): Promise<void> {
    await this.saveNow();
    const fresh = newProject({ voiceId: this.project.settings.voiceId, presenterId: this.project.settings.presenterId });
    await this.takeLock(fresh.id);
    await this.show(fresh);
    await this.saveNow();
    await this.refreshProjects();
  }

  /** Becomes the editing tab of a project, or shows it read-only when another tab edits it. */
  private async takeLock(projectId: string, steal = false, reload = false): Promise<void> {
    const state = await this.lock.open(projectId, steal);
    if (reload && state === 'editing') await this.reloadShown();
    this.writable = state === 'editing';
    this.editState = state;
    this.lockNotice = this.editState === 'editing' ? null : 'This project is open in another tab. It is shown here read-only, so no edit is lost between the two.';
  }

  /** "Edit here instead": takes the lock over; the other tab turns read-only. */
  async editHere(): Promise<void> {
    // Re-read the other tab's last save before this tab writes anything.
    await this.takeLock(this.project.id, true, true);
    if (this.editState === 'editing') this.saveError = null;
  }

  /** Another tab took this project over: stop writing, then show what is saved. */
  private async lockLost(projectId: string): Promise<void> {
    if (projectId !== this.project.id) return;
    this.writable = false;
    this.editState = 'read-only';
    this.lockNotice = 'This project is now being edited in another tab. It is shown here read-only, as last saved.';
    await this.saving;
    await this.reloadShown();
  }

  /** Shows the saved state of the project on screen (another tab changed it). */
  private async reloadShown(): Promise<void> {
    const record = await getProject(this.project.id).catch(() => undefined);
    if (record && record.id === this.project.id) await this.show(record);
  }
}
