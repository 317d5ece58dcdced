/**
 * The creative editor's actions on a Studio: every change lands in the project (saved like any
 * other edit) and rebuilds the preview at once — the timeline alone for layout, images, crop,
 * timing and captions; the changed scene's voice for text (see creatives/voice-cache.ts).
 */
import type { CaptionStyle } from '../../compose/creatives/types.ts';
import { DEFAULT_FONT, type FontId } from '../../compose/fonts.ts';
import type { CreativeChoice, CreativeEdits, SceneEdit } from '../../compose/creatives/edits.ts';
import { DEFAULT_CREATIVE_ID } from '../../compose/creatives/index.ts';
import type { Studio } from '../studio.svelte.ts';
import { History, segmentOfScene } from './history.ts';
import { decodeMusicChannels, MusicError } from '../../compose/music-decode.ts';
import { MAX_MUSIC_BYTES } from '../../compose/music.ts';
import { addMedia, removeMedia } from '../../storage/projects.ts';
import { newId } from '../project-defaults.ts';

interface Snapshot {
  texts: string[];
  creative: CreativeChoice | undefined;
}

export class CreativeEditor {
  private history = new History<Snapshot>();
  /** Bumped on every change so the undo/redo buttons re-read the history. */
  version = $state(0);

  constructor(private readonly studio: Studio) {}

  get choice(): CreativeChoice {
    return this.studio.project.creative ?? { id: DEFAULT_CREATIVE_ID };
  }

  get canUndo(): boolean {
    void this.version;
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    void this.version;
    return this.history.canRedo;
  }

  private snapshot(): Snapshot {
    const p = $state.snapshot(this.studio.project);
    return { texts: p.script.segments.map((s) => s.text), creative: p.creative };
  }

  private restore(s: Snapshot): void {
    const p = this.studio.project;
    const textChanged = s.texts.length !== p.script.segments.length || s.texts.some((t, i) => t !== p.script.segments[i]!.text);
    if (textChanged) s.texts.forEach((t, i) => p.script.segments[i] && (p.script.segments[i]!.text = t));
    p.creative = s.creative ? structuredClone(s.creative) : undefined;
    this.version++;
    if (textChanged) void this.studio.generateVideo();
    else this.studio.relayout();
  }

  undo(): void {
    const s = this.history.undo(this.snapshot());
    if (s) this.restore(s);
  }

  redo(): void {
    const s = this.history.redo(this.snapshot());
    if (s) this.restore(s);
  }

  private change(fn: (c: CreativeChoice) => CreativeChoice): void {
    this.history.push(this.snapshot());
    this.studio.project.creative = fn(structuredClone($state.snapshot(this.choice)));
    this.version++;
    this.studio.relayout();
  }

  private editEdits(fn: (e: CreativeEdits) => void): void {
    this.change((c) => {
      const edits = c.edits ?? {};
      fn(edits);
      return { ...c, edits };
    });
  }

  /** The layout and style (creative) the project uses and exports. */
  setCreative(id: string): void {
    if (id === this.choice.id) return;
    this.change((c) => ({ ...c, id }));
  }

  setCaptions(style: CaptionStyle): void {
    this.editEdits((e) => (e.captions = style));
  }

  /** The video's typeface; the default (Inter) is stored as no choice. */
  setFont(font: FontId): void {
    this.editEdits((e) => {
      if (font === DEFAULT_FONT) delete e.font;
      else e.font = font;
    });
  }

  setAccent(hex: string | undefined): void {
    this.editEdits((e) => {
      if (hex) e.accent = hex;
      else delete e.accent;
    });
  }

  /** Presenter size (1 = the layout's) and horizontal position (-1..1); undefined resets. */
  setPresenter(patch: { scale?: number; x?: number }): void {
    this.editEdits((e) => {
      if ('scale' in patch) {
        if (patch.scale === undefined || patch.scale === 1) delete e.presenterScale;
        else e.presenterScale = patch.scale;
      }
      if ('x' in patch) {
        if (!patch.x) delete e.presenterX;
        else e.presenterX = patch.x;
      }
    });
  }

  /** Why the last music file was refused (shown under the picker). */
  musicError = $state<string | null>(null);

  /**
   * Background music from the user's file: checked by decoding it (its bytes, not its name),
   * then stored with the project in one transaction. Nothing changes if it is refused.
   */
  async setMusic(file: File): Promise<void> {
    this.musicError = null;
    if (file.size > MAX_MUSIC_BYTES) {
      this.musicError = `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; music files must be under ${MAX_MUSIC_BYTES / 1048576} MB.`;
      return;
    }
    try {
      await decodeMusicChannels(await file.arrayBuffer(), 22050);
    } catch (err) {
      this.musicError = err instanceof MusicError ? `“${file.name}”: ${err.message}` : `“${file.name}” could not be read.`;
      return;
    }
    const old = this.choice.edits?.music;
    const id = newId('mus');
    this.change((c) => ({ ...c, edits: { ...c.edits, music: { mediaId: id, name: file.name, volume: old?.volume ?? 1 } } }));
    const project = $state.snapshot(this.studio.project);
    await addMedia({ id, projectId: project.id, name: file.name, mime: file.type || 'audio/*', width: 0, height: 0, size: file.size, blob: file, createdAt: Date.now() }, project);
    if (old) await removeMedia(old.mediaId, $state.snapshot(this.studio.project));
  }

  async removeMusic(): Promise<void> {
    const old = this.choice.edits?.music;
    if (!old) return;
    this.editEdits((e) => delete e.music);
    await removeMedia(old.mediaId, $state.snapshot(this.studio.project));
  }

  setMusicVolume(volume: number): void {
    this.editEdits((e) => {
      if (e.music) e.music = { ...e.music, volume };
    });
  }

  sceneEdit(i: number): SceneEdit {
    return this.choice.edits?.scenes?.[i] ?? {};
  }

  /** Merges a change into scene i's edits (undefined values remove a field). */
  setScene(i: number, patch: Partial<SceneEdit>): void {
    this.editEdits((e) => {
      const scenes = e.scenes ?? [];
      while (scenes.length <= i) scenes.push(null);
      const next: SceneEdit = { ...(scenes[i] ?? {}) };
      for (const [k, v] of Object.entries(patch) as Array<[keyof SceneEdit, number | undefined]>) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      scenes[i] = Object.keys(next).length ? next : null;
      e.scenes = scenes;
    });
  }

  /** Scene i's line: the voice and timing of that scene are regenerated (the others are cached). */
  async setText(i: number, text: string): Promise<void> {
    const segs = this.studio.project.script.segments;
    const at = segmentOfScene(segs, i);
    if (at < 0 || !text.trim() || segs[at]!.text === text) return;
    this.history.push(this.snapshot());
    segs[at]!.text = text;
    this.version++;
    await this.studio.generateVideo();
  }
}
