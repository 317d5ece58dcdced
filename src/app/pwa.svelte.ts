import { registerSW } from 'virtual:pwa-register';

/** The voice data the service worker caches for offline use (see vite.config.ts). */
const RUNTIME_URLS = [`${import.meta.env.BASE_URL}assets/espeak-ng.data`];
const RUNTIME_CACHE = 'talkreel-runtimes-v1';

/**
 * Installability and offline use. Updates are never applied behind the user's back: the app
 * shows that one is ready and reloads only when asked (and not while exporting).
 */
export class Pwa {
  supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator && !import.meta.env.DEV;
  updateReady = $state(false);
  /** The voices and runtimes are cached: the app works with the network off. */
  offlineReady = $state(false);
  caching = $state(false);
  error = $state<string | null>(null);
  private update: ((reload?: boolean) => Promise<void>) | null = null;

  start(): void {
    if (!this.supported) return;
    this.update = registerSW({
      onNeedRefresh: () => (this.updateReady = true),
      onRegisterError: (err: unknown) => (this.error = `Offline support is unavailable: ${String(err)}`),
    });
    void this.checkCached();
  }

  async checkCached(): Promise<void> {
    if (!('caches' in self)) return;
    const cache = await caches.open(RUNTIME_CACHE);
    const hits = await Promise.all(RUNTIME_URLS.map((u) => cache.match(u)));
    this.offlineReady = hits.every(Boolean);
  }

  /** Downloads what offline use needs (from this app's own origin) into the cache. */
  async makeAvailableOffline(): Promise<void> {
    this.caching = true;
    this.error = null;
    try {
      await navigator.serviceWorker.ready;
      // Fetching through the service worker stores the files in its runtime cache.
      for (const url of RUNTIME_URLS) {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await res.arrayBuffer();
      }
      await this.checkCached();
      if (!this.offlineReady) {
        // Not controlled yet (first visit): put the files in the cache directly.
        const cache = await caches.open(RUNTIME_CACHE);
        await cache.addAll(RUNTIME_URLS);
        await this.checkCached();
      }
    } catch (err) {
      this.error = `Could not prepare offline use: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      this.caching = false;
    }
  }

  applyUpdate(): void {
    void this.update?.(true);
  }
}
