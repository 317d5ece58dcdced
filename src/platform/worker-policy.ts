/**
 * Whether the app's workers run under its Content-Security-Policy. A worker's policy comes
 * from the HTTP headers its script was served with, never from the page's <meta> tag, so on
 * a static host that sends no headers a worker would be free to connect anywhere. talkreel's
 * service worker adds the policy to every worker script it serves (scripts/vite-csp.ts,
 * `csp-sw.js`), which covers such hosts from the moment it controls the page; this check,
 * run at start-up, says whether that is so yet. README: Privacy.
 */
export type WorkerPolicy = 'enforced' | 'missing' | 'unknown';

export function checkWorkerPolicy(timeoutMs = 10_000): Promise<WorkerPolicy> {
  if (typeof Worker === 'undefined') return Promise.resolve('unknown');
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../../workers/shared/policy-probe.worker.ts', import.meta.url), { type: 'module', name: 'policy-probe' });
    } catch {
      resolve('unknown');
      return;
    }
    const done = (p: WorkerPolicy) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(p);
    };
    const timer = setTimeout(() => done('unknown'), timeoutMs);
    worker.onmessage = (e: MessageEvent<unknown>) => done(e.data === 'enforced' ? 'enforced' : e.data === 'missing' ? 'missing' : 'unknown');
    worker.onerror = () => done('unknown');
  });
}
