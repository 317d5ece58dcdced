/**
 * One editing tab per project. The tab that holds the project's Web Lock edits it; any other tab
 * showing the same project is read-only until it takes the lock over ("Edit here instead", a
 * `steal` request), which turns the first tab read-only. The browser drops a closed or crashed
 * tab's lock by itself, so no lock is ever left behind. The lock says who *should* write;
 * `claimProject` (projects.ts) makes sure a tab that lost it *cannot* write.
 */
import { claimProject } from './projects.ts';

export type EditState = 'editing' | 'read-only';

const lockName = (projectId: string) => `talkreel-project:${projectId}`;

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

function newToken(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

export class ProjectLock {
  private projectId: string | null = null;
  private release: (() => void) | null = null;
  /** Bumped on every open/close, so a late callback from an older lock changes nothing. */
  private generation = 0;

  /** `lost` is called when another tab takes the lock over. */
  constructor(private readonly lost: (projectId: string) => void) {}

  /**
   * Tries to become the editing tab of `projectId`. Without `steal` it never waits: when another
   * tab holds the lock, this tab is read-only. With `steal` it takes the lock from that tab.
   * Browsers without Web Locks edit as before (no coordination to be had).
   */
  async open(projectId: string, steal = false): Promise<EditState> {
    this.close();
    const gen = ++this.generation;
    this.projectId = projectId;
    const manager = locks();
    if (!manager) {
      await claimProject(projectId, newToken());
      return 'editing';
    }
    const granted = await new Promise<boolean>((resolve) => {
      manager
        .request(lockName(projectId), steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          // Held until close() resolves this (another project opened) or the tab goes away.
          return new Promise<void>((r) => {
            this.release = r;
          });
        })
        .catch((err: unknown) => {
          // AbortError: another tab stole the lock. Anything else: never granted.
          resolve(false);
          if ((err as { name?: string } | null)?.name === 'AbortError' && gen === this.generation) {
            this.release = null;
            void claimProject(null);
            this.lost(projectId);
          }
        });
    });
    if (gen !== this.generation) return 'read-only';
    if (!granted) {
      await claimProject(null);
      return 'read-only';
    }
    await claimProject(projectId, newToken());
    return 'editing';
  }

  /** Lets go of the current project's lock (another project is being opened). */
  close(): void {
    this.generation++;
    this.release?.();
    this.release = null;
    this.projectId = null;
  }

  get current(): string | null {
    return this.projectId;
  }
}
