/**
 * The embed page (embed.html): the compact "make a video for this product" widget, or with
 * `?mode=editor` the whole editor, plus the job API for the embedding page (src/embed/bridge.ts).
 *
 * Which sites may frame and drive it is the deployer's list (talkreel.config.json, compiled in:
 * src/platform/deploy-config.ts). URL parameters: `origins` — may narrow that list (comma-
 * separated, exact match), never widen it; `mode` — `widget` (default) or `editor`.
 *
 * Framed by a site that is not listed, the page shows a polite refusal and nothing else: no job
 * runs, no project is opened, and every message is answered with `origin_not_allowed`.
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
import { deployConfig, narrowOrigins } from '../../platform/deploy-config.ts';
import { message, parseAllowedOrigins } from '../protocol.ts';
import { browserRunner } from '../runner-browser.ts';
import { productPageParser } from '../product-page.ts';
import Widget from './Widget.svelte';
import { WidgetState } from './state.svelte.ts';
import { framedBy, framing } from '../../platform/framing.ts';
import Refused from './Refused.svelte';

const params = new URLSearchParams(location.search);
const narrowed = params.get('origins');
const allowedOrigins = narrowOrigins(deployConfig.embed.allowedOrigins, narrowed === null ? null : parseAllowedOrigins(narrowed));
const mode = params.get('mode') === 'editor' ? 'editor' : 'widget';
const where = framing();

declare global {
  interface Window {
    /** For diagnostics and tests: what the widget accepted and dropped. */
    talkreelEmbed: { stats: BridgeStats; allowedOrigins: readonly string[]; mode: string; refused?: boolean };
  }
}

if (where.framed && !framedBy(where, allowedOrigins)) refuse(where.ancestors[0] ?? null);
else await start();

/** An unlisted site framed us: say so, answer every message with a refusal, do nothing else. */
function refuse(parentOrigin: string | null): void {
  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== window.parent || typeof e.origin !== 'string' || e.origin === 'null') return;
    const requestId = e.data && typeof e.data === 'object' && typeof (e.data as { request_id?: unknown }).request_id === 'string' ? (e.data as { request_id: string }).request_id.slice(0, 100) : undefined;
    const refusal = message({ type: 'error', code: 'origin_not_allowed', message: `This talkreel widget is not enabled for ${e.origin}.`, ...(requestId ? { request_id: requestId } : {}) });
    window.parent.postMessage(refusal, e.origin);
  });
  window.talkreelEmbed = { stats: { received: 0, accepted: 0, dropped: { origin: 0, source: 0, oversized: 0, unsafe: 0, malformed: 0, unknown: 0 } }, allowedOrigins, mode, refused: true };
  mount(Refused, { target: document.getElementById('app')!, props: { parentOrigin } });
}

async function start(): Promise<void> {

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
}
