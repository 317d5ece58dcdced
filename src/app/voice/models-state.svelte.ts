/**
 * The Models screen's state, kept outside the component so a download keeps running (and
 * keeps its progress) while the user visits other screens — the voice step's one-click offer
 * uses the same state, so both show the same progress.
 *
 * Every download starts from a click: the click handler's first act is granting the model hosts
 * to the network gateway (grantSites needs the click's user activation, so nothing may be
 * awaited before it).
 */
import { grantSites } from '../../net/grants.ts';
import { originOf } from '../../net/sites.ts';
import { deployConfig } from '../../platform/deploy-config.ts';
import { catalog, downloadModel, fetchModelCard, importModelFile, listInstalled, listPartial, ModelError, removeModel, type ModelEntry, type ModelTask } from '../../storage/models.ts';
import type { ModelRecord } from '../../storage/schema.ts';
import type { InstalledVoice } from '../project-defaults.ts';

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
    ...(r.digest === 'md5' && r.md5 ? { md5: r.md5 } : { sha256: r.sha256 }),
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
  /** id → the publisher's model card, fetched (and checked) before the big download is confirmed. */
  cards = $state<Record<string, { text?: string; error?: string }>>({});
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

  /** Installed natural voices (from the records already loaded), the catalog's recommended first. */
  installedVoices(): InstalledVoice[] {
    const out: InstalledVoice[] = [];
    for (const r of this.records) {
      if (r.state !== 'ready' || r.task !== 'tts') continue;
      const c = r.contract as { kind?: string; config?: { language?: { code?: string }; espeak?: { voice?: string } } } | undefined;
      if (c?.kind !== 'piper') continue;
      const language = (c.config?.language?.code ?? c.config?.espeak?.voice ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
      const e = catalog().find((x) => x.id === r.id);
      out.push({ id: `model:${r.id}`, language, ...(e?.voice?.recommended ? { recommended: true } : {}) });
    }
    return out;
  }

  /** The catalog's recommended natural voice for `language`, when it is not installed yet. */
  offerFor(language: string): ModelEntry | undefined {
    const primary = language.toLowerCase().split(/[-_]/)[0];
    const e = catalog().find((x) => x.task === 'tts' && x.voice?.recommended && x.voice.language === primary);
    if (!e) return undefined;
    return this.records.some((r) => r.id === e.id && r.state === 'ready') ? undefined : e;
  }

  downloading(id: string): boolean {
    return this.controllers.has(id) && this.progress[id] !== undefined;
  }

  /** Call from the click itself (before any await): the gateway may then reach these sites. */
  private grant(entry: ModelEntry, source: ModelRecord['source']): Promise<void> {
    if (source === 'link') {
      const o = originOf(entry.url);
      return grantSites(o ? [o] : [], 'model-link');
    }
    return grantSites(deployConfig.models.hosts, 'models');
  }

  /** Fetches the small model card for the user to read before confirming the download (on click). */
  async showCard(entry: ModelEntry): Promise<void> {
    const granted = this.grant(entry, 'catalog');
    delete this.errors[entry.id];
    this.cards[entry.id] = {};
    try {
      await granted;
      this.cards[entry.id] = { text: await fetchModelCard(entry) };
    } catch (err) {
      this.cards[entry.id] = { error: err instanceof Error ? err.message : String(err) };
    }
  }

  closeCard(id: string): void {
    delete this.cards[id];
  }

  async download(entry: ModelEntry, source: ModelRecord['source'] = 'catalog'): Promise<void> {
    if (this.controllers.has(entry.id)) return;
    const granted = this.grant(entry, source);
    const ctrl = new AbortController();
    this.controllers.set(entry.id, ctrl);
    delete this.errors[entry.id];
    delete this.cards[entry.id];
    this.progress[entry.id] = 0;
    let listed = false;
    try {
      await granted;
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
