/**
 * The Models screen's state, kept outside the component so a download keeps running (and
 * keeps its progress) while the user visits other screens.
 */
import { catalog, downloadModel, importModelFile, listInstalled, listPartial, ModelError, removeModel, type ModelEntry, type ModelTask } from '../../storage/models.ts';
import type { ModelRecord } from '../../storage/schema.ts';

export { linkUrlProblem } from './link-url.ts';

export interface Row {
  id: string;
  task: ModelTask;
  name: string;
  description: string;
  bytes: number;
  licence?: string;
  licenceUrl?: string;
  commercialUse?: boolean;
  /** What can be downloaded (catalog and link entries); absent for imported files. */
  entry?: ModelEntry;
  record?: ModelRecord;
  source: ModelRecord['source'];
}

function entryOf(r: ModelRecord): ModelEntry | undefined {
  if (!r.url) return undefined;
  return {
    id: r.id,
    task: r.task,
    name: r.name,
    description: '',
    url: r.url,
    sha256: r.sha256,
    bytes: r.bytes,
    licence: r.licence ?? 'Unknown',
    commercialUse: r.commercialUse ?? false,
    ...(r.contract ? { contract: r.contract } : {}),
  };
}

class ModelsState {
  records = $state<ModelRecord[]>([]);
  /** id → bytes received while downloading. */
  progress = $state<Record<string, number>>({});
  errors = $state<Record<string, string>>({});
  importError = $state('');
  importing = $state(false);
  loaded = $state(false);
  private controllers = new Map<string, AbortController>();

  async refresh(): Promise<void> {
    const [ready, partial] = await Promise.all([listInstalled(), listPartial()]);
    this.records = [...ready, ...partial];
    this.loaded = true;
  }

  rows(): Row[] {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
    const byId = new Map(this.records.map((r) => [r.id, r]));
    const rows: Row[] = catalog().map((e) => {
      const record = byId.get(e.id);
      byId.delete(e.id);
      return {
        id: e.id, task: e.task, name: e.name, description: e.description, bytes: e.bytes, licence: e.licence,
        commercialUse: e.commercialUse, entry: e, source: 'catalog' as const,
        ...(e.licenceUrl ? { licenceUrl: e.licenceUrl } : {}),
        ...(record ? { record } : {}),
      };
    });
    for (const r of byId.values()) {
      const entry = entryOf(r);
      rows.push({
        id: r.id, task: r.task, name: r.name, bytes: r.bytes, record: r, source: r.source,
        description: r.source === 'file' ? 'Imported from a file on this computer.' : `Downloaded from ${r.url ? new URL(r.url).host : 'a link'}.`,
        ...(r.licence ? { licence: r.licence } : {}),
        ...(r.commercialUse !== undefined ? { commercialUse: r.commercialUse } : {}),
        ...(entry ? { entry } : {}),
      });
    }
    return rows;
  }

  downloading(id: string): boolean {
    return this.controllers.has(id) && this.progress[id] !== undefined;
  }

  async download(entry: ModelEntry, source: ModelRecord['source'] = 'catalog'): Promise<void> {
    if (this.controllers.has(entry.id)) return;
    const ctrl = new AbortController();
    this.controllers.set(entry.id, ctrl);
    delete this.errors[entry.id];
    this.progress[entry.id] = 0;
    let listed = false;
    try {
      await downloadModel(entry, {
        signal: ctrl.signal,
        onProgress: (received) => {
          this.progress[entry.id] = received;
          // The partial record exists from the first report: show its row (a link has no catalog row).
          if (!listed) {
            listed = true;
            void this.refresh();
          }
        },
      }, source);
    } catch (err) {
      this.errors[entry.id] = err instanceof ModelError || err instanceof Error ? err.message : String(err);
    } finally {
      this.controllers.delete(entry.id);
      delete this.progress[entry.id];
      await this.refresh();
    }
  }

  cancel(id: string): void {
    this.controllers.get(id)?.abort();
  }

  async remove(id: string): Promise<void> {
    this.cancel(id);
    await removeModel(id);
    delete this.errors[id];
    await this.refresh();
  }

  async importFile(file: File, task: ModelTask, name?: string, contract?: Record<string, unknown>): Promise<void> {
    this.importError = '';
    this.importing = true;
    try {
      await importModelFile(file, task, name, contract);
    } catch (err) {
      this.importError = err instanceof Error ? err.message : String(err);
    } finally {
      this.importing = false;
      await this.refresh();
    }
  }
}

export const modelsState = new ModelsState();
