/**
 * The export queue behind the Task Center. Tasks live in IndexedDB (src/storage/tasks.ts);
 * exports run one at a time by default (each already keeps every core busy), the rest wait.
 *
 * Several tabs share the queue: a tab takes an export slot with a Web Lock
 * (`talkreel-export-slot-N`) and claims the oldest queued task in one transaction; while it
 * runs a task it also holds `talkreel-task-<id>`. A task stored as running whose lock nobody
 * holds belonged to a tab that closed or crashed: it is marked interrupted and can be
 * restarted. Tabs tell each other about changes on a BroadcastChannel.
 */
import { creativeById } from '../../compose/creatives/index.ts';
import { isEncoderChoice, type EncoderChoice } from '../../encode/choose.ts';
import { encodeSettings, frameCount, isBitratePreset, type BitratePreset } from '../../encode/settings.ts';
import { StorageError } from '../../storage/db.ts';
import { getProject } from '../../storage/projects.ts';
import type { TaskRecord } from '../../storage/schema.ts';
import { claimNextTask, deleteTask, listTasks, putTask, updateTask } from '../../storage/tasks.ts';
import { newId } from '../project-defaults.ts';
import { isCancel, runExportTask, type TaskPhase } from './run.ts';

export interface EnqueueRequest {
  projectId: string;
  /** Creative template id; '' (or omitted) for the project's default layout. */
  creativeId?: string;
  /** Shown in the Task Center next to the product name, e.g. the creative's name. */
  creativeName?: string;
  resolution: 720 | 1080;
  /** Default: the Task Center setting. */
  encoder?: EncoderChoice;
  quality?: BitratePreset;
}

export interface QueueSettings {
  encoder: EncoderChoice;
  quality: BitratePreset;
  /** Exports at the same time (1 by default: one export already uses every core). */
  parallel: 1 | 2;
}

/** What only the running tab knows: phase, time left, the encoder's reason. */
export interface LiveTask {
  phase: TaskPhase;
  etaSeconds: number | null;
  encoderReason?: string;
  /** Neural lip-sync: the backend at work, or why the built-in engine is used. */
  lipsync?: string;
}

export class QueueError extends Error {
  override name = 'QueueError';
  constructor(
    readonly code: 'no-project' | 'not-restartable',
    message: string,
  ) {
    super(message);
  }
}

const SETTINGS_KEY = 'talkreel.exportSettings';
const SPEED_KEY = 'talkreel.exportSpeed';
const CHANNEL = 'talkreel-tasks';
const SLOT_LOCK = 'talkreel-export-slot-';
const TASK_LOCK = 'talkreel-task-';
/** Progress is written to IndexedDB at most this often (the Task Center shows it live anyway). */
const SAVE_EVERY_MS = 1000;
/** Frames per second of 1080x1920-equivalent work, assumed until an export measures it. */
const ASSUMED_FPS: Record<'webcodecs' | 'ffmpeg', number> = { webcodecs: 60, ffmpeg: 8 };

type Message =
  | { type: 'changed' }
  | { type: 'progress'; id: string; progress: number; live: LiveTask; encoderUsed?: TaskRecord['encoderUsed'] }
  | { type: 'cancel'; id: string };

function loadSettings(): QueueSettings {
  const fallback: QueueSettings = { encoder: 'auto', quality: 'standard', parallel: 1 };
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(SETTINGS_KEY) ?? 'null') as Partial<QueueSettings> | null;
    if (!raw) return fallback;
    return {
      encoder: isEncoderChoice(raw.encoder) ? raw.encoder : fallback.encoder,
      quality: isBitratePreset(raw.quality) ? raw.quality : fallback.quality,
      parallel: raw.parallel === 2 ? 2 : 1,
    };
  } catch {
    return fallback;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class ExportQueue {
  /** Every task, newest first (records are replaced, never mutated: they carry a project). */
  tasks = $state.raw<TaskRecord[]>([]);
  /** Running tasks' phase and time left, by task id. */
  live = $state<Record<string, LiveTask>>({});
  settings = $state<QueueSettings>(loadSettings());
  error = $state<string | null>(null);
  loaded = $state(false);

  active = $derived(this.tasks.filter((t) => t.status === 'running' || t.status === 'queued').length);

  private started = false;
  private channel: BroadcastChannel | null = null;
  // Bookkeeping, not state: nothing renders these.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private aborts = new Map<string, AbortController>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private slots = new Set<number>();
  private refreshing: Promise<void> | null = null;

  /** Loads the tasks, marks orphaned running ones interrupted, and resumes queued ones. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e: MessageEvent<Message>) => this.onMessage(e.data);
    }
    try {
      await this.markInterrupted();
      await this.refresh();
    } catch (err) {
      this.error = message(err);
    }
    this.loaded = true;
    this.pump();
  }

  saveSettings(next: QueueSettings): void {
    this.settings = next;
    globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(next));
    this.pump();
  }

  /** Adds an export of a saved project to the queue; it starts when a slot is free. */
  async enqueue(req: EnqueueRequest): Promise<TaskRecord> {
    await this.start();
    const project = await getProject(req.projectId);
    if (!project) throw new QueueError('no-project', 'That project is not saved on this device any more.');
    const creativeId = req.creativeId ?? '';
    const name = project.product.name.trim() || 'Untitled project';
    const creativeName = req.creativeName ?? (creativeId ? creativeById(creativeId)?.name : undefined);
    const task: TaskRecord = {
      id: newId('task'),
      createdAt: Date.now(),
      kind: 'export',
      status: 'queued',
      projectId: project.id,
      project,
      creativeId,
      title: creativeName ? `${name} — ${creativeName}` : name,
      resolution: req.resolution,
      encoder: req.encoder ?? this.settings.encoder,
      quality: req.quality ?? this.settings.quality,
      progress: 0,
    };
    await putTask(task);
    this.tasks = [task, ...this.tasks];
    this.broadcast({ type: 'changed' });
    this.pump();
    return task;
  }

  /** Cancels a queued or running task (running in this tab or another). */
  async cancel(id: string): Promise<void> {
    const local = this.aborts.get(id);
    if (local) {
      local.abort();
      return;
    }
    const updated = await updateTask(id, (t) => (t.status === 'queued' ? { ...t, status: 'cancelled', finishedAt: Date.now() } : null));
    if (updated?.status === 'running') this.broadcast({ type: 'cancel', id });
    await this.refresh();
    this.broadcast({ type: 'changed' });
  }

  /** Queues a failed, cancelled or interrupted task again. */
  async restart(id: string): Promise<void> {
    const next = await updateTask(id, (t) => {
      if (t.status === 'queued' || t.status === 'running' || t.status === 'done') return null;
      const copy: TaskRecord = { ...t, status: 'queued', progress: 0 };
      delete copy.error;
      delete copy.startedAt;
      delete copy.finishedAt;
      return copy;
    });
    if (!next || next.status !== 'queued') throw new QueueError('not-restartable', 'Only a failed, cancelled or interrupted export can be restarted.');
    await this.refresh();
    this.broadcast({ type: 'changed' });
    this.pump();
  }

  /** Removes a finished task from the list (its video stays in My Assets). */
  async remove(id: string): Promise<void> {
    const t = this.tasks.find((x) => x.id === id);
    if (!t || t.status === 'running' || t.status === 'queued') return;
    await deleteTask(id);
    this.tasks = this.tasks.filter((x) => x.id !== id);
    this.broadcast({ type: 'changed' });
  }

  /** Seconds an export is expected to take on this machine (measured by earlier exports). */
  expectedSeconds(task: Pick<TaskRecord, 'project' | 'resolution' | 'encoder' | 'encoderUsed'>, duration: number = task.project.settings.duration): number {
    const s = encodeSettings(task.project.settings.ratio, task.resolution);
    const kind = task.encoderUsed ?? (task.encoder === 'ffmpeg' ? 'ffmpeg' : 'webcodecs');
    const work = (frameCount(duration, s.fps) * s.width * s.height) / (1080 * 1920);
    return work / this.speed(kind) + 2;
  }

  private speed(kind: 'webcodecs' | 'ffmpeg'): number {
    try {
      const v = (JSON.parse(globalThis.localStorage?.getItem(SPEED_KEY) ?? '{}') as Record<string, number>)[kind];
      return typeof v === 'number' && v > 0 ? v : ASSUMED_FPS[kind];
    } catch {
      return ASSUMED_FPS[kind];
    }
  }

  private rememberSpeed(kind: 'webcodecs' | 'ffmpeg', fps: number): void {
    try {
      const all = JSON.parse(globalThis.localStorage?.getItem(SPEED_KEY) ?? '{}') as Record<string, number>;
      all[kind] = fps;
      globalThis.localStorage?.setItem(SPEED_KEY, JSON.stringify(all));
    } catch {
      /* an estimate only */
    }
  }

  async refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      try {
        this.tasks = await listTasks();
        this.error = null;
      } catch (err) {
        this.error = message(err);
      }
    })();
    try {
      await this.refreshing;
    } finally {
      this.refreshing = null;
    }
  }

  private async heldLocks(): Promise<string[]> {
    if (typeof navigator === 'undefined' || !navigator.locks) return [];
    const q = await navigator.locks.query();
    return [...(q.held ?? []), ...(q.pending ?? [])].map((l) => l.name ?? '');
  }

  /** A task stored as running with no tab holding its lock was cut off by a reload or crash. */
  private async markInterrupted(): Promise<void> {
    const held = await this.heldLocks();
    for (const t of await listTasks()) {
      if (t.status !== 'running' || held.includes(TASK_LOCK + t.id)) continue;
      await updateTask(t.id, (cur) =>
        cur.status === 'running'
          ? { ...cur, status: 'interrupted', finishedAt: Date.now(), error: `Interrupted at ${Math.round(cur.progress * 100)} %: the page was closed or reloaded during the export. Restart it to export again.` }
          : null,
      );
    }
  }

  /** Fills free export slots with queued tasks. */
  pump(): void {
    if (!this.loaded || typeof navigator === 'undefined' || !navigator.locks) return;
    for (let slot = 0; slot < this.settings.parallel; slot++) {
      if (this.slots.has(slot)) continue;
      this.slots.add(slot);
      void navigator.locks
        .request(SLOT_LOCK + slot, { ifAvailable: true }, async (lock) => {
          if (!lock) return;
          // Another slot's limit may have dropped meanwhile: only slots under it keep working.
          for (let task = await claimNextTask(); task; task = slot < this.settings.parallel ? await claimNextTask() : undefined) {
            await this.run(task);
          }
        })
        .catch((err: unknown) => {
          this.error = message(err);
        })
        .finally(() => this.slots.delete(slot));
    }
  }

  private async run(claimed: TaskRecord): Promise<void> {
    const abort = new AbortController();
    this.aborts.set(claimed.id, abort);
    let task = claimed;
    this.replace(task);
    this.broadcast({ type: 'changed' });
    let lastSave = 0;
    let exportStart = 0;
    const live: LiveTask = { phase: 'voice', etaSeconds: this.expectedSeconds(task) };
    this.live = { ...this.live, [task.id]: live };
    await navigator.locks.request(TASK_LOCK + task.id, async () => {
      try {
        const { asset, result } = await runExportTask(task, {
          signal: abort.signal,
          onEncoder: (encoder, reason) => {
            if (task.encoderUsed !== encoder) task = { ...task, encoderUsed: encoder };
            live.encoderReason = reason;
          },
          onLipsync: (note) => {
            live.lipsync = note;
          },
          onProgress: (phase, fraction, elapsed) => {
            if (phase === 'export' && !exportStart) exportStart = performance.now();
            const expected = this.expectedSeconds(task);
            // Until 5 % is done the measured rate is noise: use what earlier exports measured.
            // Neural lip-sync (issue 8) has no earlier speed to go by: no estimate until 5 % is done.
            const lipsyncEta = fraction > 0.05 ? (elapsed / fraction) * (1 - fraction) : null;
            const eta = phase === 'voice' ? expected : phase === 'lipsync' ? lipsyncEta : fraction > 0.05 ? (elapsed / fraction) * (1 - fraction) : Math.max(1, expected * (1 - fraction) - elapsed);
            Object.assign(live, { phase, etaSeconds: phase === 'saving' ? 0 : eta });
            task = { ...task, progress: phase === 'voice' ? 0 : fraction };
            this.replace(task);
            this.live = { ...this.live, [task.id]: { ...live } };
            this.broadcast({ type: 'progress', id: task.id, progress: task.progress, live: { ...live }, ...(task.encoderUsed ? { encoderUsed: task.encoderUsed } : {}) });
            const now = performance.now();
            if (now - lastSave > SAVE_EVERY_MS) {
              lastSave = now;
              const snap = { progress: task.progress, encoderUsed: task.encoderUsed };
              void updateTask(task.id, (t) => (t.status === 'running' ? { ...t, ...snap } : null)).catch(() => undefined);
            }
          },
        });
        const s = encodeSettings(task.project.settings.ratio, task.resolution);
        this.rememberSpeed(result.encoder, (result.frames * s.width * s.height) / (1080 * 1920) / result.seconds);
        task = {
          ...task,
          status: 'done',
          progress: 1,
          finishedAt: Date.now(),
          assetId: asset.id,
          encoderUsed: result.encoder,
          seconds: result.seconds,
          width: asset.width,
          height: asset.height,
          duration: asset.duration,
          size: asset.size,
        };
      } catch (err) {
        const cancelled = isCancel(err) || abort.signal.aborted;
        task = { ...task, status: cancelled ? 'cancelled' : 'error', finishedAt: Date.now(), ...(cancelled ? {} : { error: message(err) }) };
      } finally {
        this.aborts.delete(task.id);
        const { [task.id]: _gone, ...rest } = this.live;
        void _gone;
        this.live = rest;
      }
      try {
        await putTask(task);
      } catch (err) {
        this.error = err instanceof StorageError ? err.message : message(err);
      }
      this.replace(task);
      this.broadcast({ type: 'changed' });
    });
  }

  private replace(task: TaskRecord): void {
    const i = this.tasks.findIndex((t) => t.id === task.id);
    this.tasks = i >= 0 ? this.tasks.with(i, task) : [task, ...this.tasks];
  }

  private broadcast(m: Message): void {
    try {
      this.channel?.postMessage(m);
    } catch {
      /* channel closed */
    }
  }

  private onMessage(m: Message): void {
    if (m.type === 'changed') {
      void this.refresh().then(() => this.pump());
    } else if (m.type === 'progress') {
      const t = this.tasks.find((x) => x.id === m.id);
      if (t) this.replace({ ...t, progress: m.progress, ...(m.encoderUsed ? { encoderUsed: m.encoderUsed } : {}) });
      this.live = { ...this.live, [m.id]: m.live };
    } else if (m.type === 'cancel') {
      this.aborts.get(m.id)?.abort();
    }
  }
}

/** The app's one queue (the Create screen, the Task Center and My Assets share it). */
export const exportQueue = new ExportQueue();

/** Queues an export of a saved project (save pending edits first); it runs when a slot is free. */
export function enqueueExport(req: EnqueueRequest): Promise<TaskRecord> {
  return exportQueue.enqueue(req);
}
