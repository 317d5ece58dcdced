/**
 * What the person who deploys talkreel decides, and nobody else: which sites may frame and drive
 * the embed widget, which sites widget jobs may read from or post to, and where model downloads
 * come from. It lives in `talkreel.config.json` (or the file named by `TALKREEL_CONFIG`), is read
 * by the build (scripts/vite-deploy-config.ts) and compiled into the app — so neither a page that
 * frames the widget nor a URL parameter can widen it. The same list becomes the widget's
 * `frame-ancestors` header (scripts/vite-csp.ts).
 *
 * Pure: the build (Node) and the app both use `parseDeployConfig`.
 */
import * as v from 'valibot';

/** A bare http(s) origin, normalised as browsers report `MessageEvent.origin`. */
const Origin = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash && !/[?#\s;,'"*]/.test(s) && !/\/[^/]/.test(s.slice(u.protocol.length + 2));
    } catch {
      return false;
    }
  }, 'must be a bare origin such as "https://shop.example" (no path, no trailing characters)'),
  v.transform((s) => new URL(s).origin),
);

/** Where Hugging Face serves model files: the hub answers `resolve/` with a redirect to its CDNs. */
export const HUB = 'https://huggingface.co';
export const HUB_HOSTS = [HUB, 'https://cdn-lfs.hf.co', 'https://cdn-lfs-us-1.hf.co', 'https://cdn-lfs-eu-1.hf.co', 'https://cas-bridge.xethub.hf.co'];

const DeployConfigSchema = v.object({
  embed: v.optional(
    v.object({
      /** Host pages that may frame the widget and use its job API (exact origins). */
      allowedOrigins: v.optional(v.array(Origin), []),
      /** Sites besides those pages that widget jobs may read product pages and pictures from, and post webhooks to. */
      fetchOrigins: v.optional(v.array(Origin), []),
    }),
    {},
  ),
  models: v.optional(
    v.object({
      /** Replaces `https://huggingface.co` in catalog URLs (a mirror of the hub). */
      hub: v.optional(Origin, HUB),
      /** Every origin a model download may reach: the hub and the hosts it redirects to. */
      hosts: v.optional(v.array(Origin), HUB_HOSTS),
      /** The model catalog this build offers: a repo-relative JSON file (default models/catalog.json; the browser tests use tiny voices). */
      catalog: v.optional(v.pipe(v.string(), v.regex(/^[\w./-]+\.json$/, 'must be a repo-relative path of a .json file'), v.check((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'must stay inside the repository'))),
    }),
    {},
  ),
});

export interface DeployConfig {
  embed: { allowedOrigins: string[]; fetchOrigins: string[] };
  models: { hub: string; hosts: string[]; catalog?: string };
}

export class DeployConfigError extends Error {
  override name = 'DeployConfigError';
  readonly code = 'invalid-deploy-config';
}

/** Validates a parsed `talkreel.config.json`; keys starting with `$` (comments) are ignored. */
export function parseDeployConfig(json: unknown): DeployConfig {
  const clean = json && typeof json === 'object' ? stripComments(json as Record<string, unknown>) : json;
  const r = v.safeParse(DeployConfigSchema, clean ?? {});
  if (!r.success) {
    const issue = r.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new DeployConfigError(`talkreel.config.json is invalid at ${path || 'the top'}: ${issue.message}`);
  }
  const o = r.output;
  const models: DeployConfig['models'] = { hub: o.models.hub ?? HUB, hosts: o.models.hosts ?? HUB_HOSTS, ...(o.models.catalog ? { catalog: o.models.catalog } : {}) };
  if (!models.hosts.includes(models.hub)) models.hosts = [models.hub, ...models.hosts];
  return { embed: { allowedOrigins: o.embed.allowedOrigins ?? [], fetchOrigins: o.embed.fetchOrigins ?? [] }, models };
}

function stripComments(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) {
    if (k.startsWith('$')) continue;
    out[k] = val && typeof val === 'object' && !Array.isArray(val) ? stripComments(val as Record<string, unknown>) : val;
  }
  return out;
}

declare const __TALKREEL_DEPLOY__: unknown;

/**
 * The configuration this build was made with. Outside a Vite build (unit tests, tsx scripts) it
 * is the defaults: no embedding site, models from the hub.
 */
export const deployConfig: DeployConfig = parseDeployConfig(typeof __TALKREEL_DEPLOY__ === 'undefined' ? {} : __TALKREEL_DEPLOY__);

/**
 * The widget's allowed parents: the deployer's list, narrowed (never widened) by an optional
 * `origins` URL parameter, e.g. so one page of a site can restrict itself further.
 */
export function narrowOrigins(deployed: readonly string[], requested: readonly string[] | null): string[] {
  if (!requested) return [...deployed];
  return deployed.filter((o) => requested.includes(o));
}
