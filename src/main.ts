import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import './app/global.css';
import { mount } from 'svelte';
import App from './app/App.svelte';
import { framedBy, framing } from './platform/framing.ts';
import { checkWorkerPolicy, type WorkerPolicy } from './platform/worker-policy.ts';

// The app holds the user's projects: inside another site's frame (clickjacking) it does not
// start. Its frame-ancestors header says the same where the host sends headers; this covers
// static hosts that cannot. Sites that want talkreel inside their pages use the widget.
const where = framing();
const target = document.getElementById('app')!;
if (where.framed && !framedBy(where, [location.origin])) {
  const p = document.createElement('p');
  p.className = 'framed-refusal';
  p.textContent = 'talkreel does not open inside another site. Open it in its own tab to see your projects.';
  target.replaceChildren(p);
} else {
  mount(App, { target });
}

declare global {
  interface Window {
    /** For diagnostics and tests: whether the workers run under the app's policy. */
    talkreelSecurity?: { workers: Promise<WorkerPolicy> };
  }
}
const workers = checkWorkerPolicy();
window.talkreelSecurity = { workers };
void workers.then((p) => {
  if (p === 'missing') console.warn('talkreel: this host serves workers without the security policy; it applies once offline support has started (reload). README: Privacy.');
});
