import { getFavourites, setFavourite } from '../storage/favourites.ts';

/** The user's favourite presenters, loaded once and kept in IndexedDB (src/storage/favourites.ts). */
class Favourites {
  ids = $state<string[]>([]);
  error = $state<string | null>(null);
  private loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.loading ??= getFavourites()
      .then((ids) => {
        this.ids = ids;
      })
      .catch((err: unknown) => {
        this.loading = null;
        this.error = err instanceof Error ? err.message : String(err);
      });
    return this.loading;
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  /** Star or unstar at once; the stored list wins when the write lands (or the change is undone). */
  async toggle(id: string): Promise<void> {
    const on = !this.has(id);
    const before = this.ids;
    this.ids = on ? [id, ...before.filter((x) => x !== id)] : before.filter((x) => x !== id);
    try {
      this.ids = await setFavourite(id, on);
      this.error = null;
    } catch (err) {
      this.ids = before;
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}

export const favourites = new Favourites();
