/**
 * The embed page (embed.html): the compact "make a video for this product" widget, or with
 * `?mode=editor` the whole editor, plus the job API for the embedding page (src/embed/bridge.ts).
 *
 * URL parameters: `origins` — the host origins allowed to drive the widget, comma-separated,
 * exact match (none: the API answers nobody; the widget UI still works); `mode` — `widget`
 * (default) or `editor`.
 */
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import '../../app/global.css';
import { mount } from 'svelte';
import { version } from '../../../package.json';
import { BUILTIN_PRESENTERS } from '../../compose/presenter/index.ts';
import { removeOldEmbedVideos } from '../../storage/exports.ts';
import { EmbedBridge, type BridgeStats } from '../bridge.ts';
import { detectCapabilities } from '../capabilities.ts';
import { JobManager } from '../manager.ts';
import { parseAllowedOrigins } from '../protocol.ts';
import { browserRunner } from '../runner-browser.ts';
import { productPageParser } from '../product-page.ts';
import Widget from './Widget.svelte';
import { WidgetState } from './state.svelte.ts';

const params = new URLSearchParams(location.search);
const allowedOrigins = parseAllowedOrigins(params.get('origins'));
const mode = params.get('mode') === 'editor' ? 'editor' : 'widget';

const manager = new JobManager({ runner: browserRunner, looks: BUILTIN_PRESENTERS, parsePage: productPageParser });
const state = mode === 'widget' ? new WidgetState(manager) : null;
const bridge = new EmbedBridge({
  target: window,
  parent: window.parent !== window ? window.parent : null,
  allowedOrigins,
  manager,
  looks: BUILTIN_PRESENTERS,
  version,
  capabilities: detectCapabilities({ canParsePages: manager.canParsePages }),
  onConnect: (origin) => {
    if (state) state.connectedOrigin = origin;
  },
});
// Listening starts before anything renders, so an early "hello" is not missed.
bridge.start();

declare global {
  interface Window {
    /** For diagnostics and tests: what the widget accepted and dropped. */
    talkreelEmbed: { stats: BridgeStats; allowedOrigins: readonly string[]; mode: string };
  }
}
window.talkreelEmbed = { stats: bridge.stats, allowedOrigins, mode };

const target = document.getElementById('app')!;
if (state) {
  mount(Widget, { target, props: { state } });
} else {
  const { default: App } = await import('../../app/App.svelte');
  mount(App, { target });
}

// Job videos of earlier widget sessions are unreachable now: free their space.
void removeOldEmbedVideos(6 * 3600 * 1000);
