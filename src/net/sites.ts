/**
 * Which sites a network gateway frame may reach (pure; src/net/gateway.ts applies it).
 *
 * A site is reachable only when
 * - the user granted it by their own action (grants kept in IndexedDB by src/net/grants.ts: a
 *   product link they parsed, the pictures they added, their CORS proxy, their script-writer
 *   server, a model they chose to download), or
 * - the deployer listed it in talkreel.config.json, and only for the embed widget's jobs.
 * Model hosts count as one group: the hub redirects each file to one of its CDN hosts, so a
 * grant of the group lets a gateway frame for any of them follow those redirects.
 */
import { gatewayConnectSources } from '../platform/csp.ts';

export type GrantPurpose = 'link' | 'media' | 'proxy' | 'script-writer' | 'models' | 'model-link';

export interface Grant {
  origin: string;
  purpose: GrantPurpose;
  /** When the user granted it (ms since epoch). */
  at: number;
}

/** Purposes that name one site, replaced when the user sets another one. */
export const SINGLE_SITE: ReadonlySet<GrantPurpose> = new Set(['proxy', 'script-writer']);
/** Grants kept per purpose (oldest dropped first). */
export const MAX_PER_PURPOSE = 200;

/** A bare origin for a URL, or null for anything that is not http(s). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The grant list after the user grants `origins` for `purpose`. */
export function addGrants(list: readonly Grant[], origins: readonly string[], purpose: GrantPurpose, now: number): Grant[] {
  const wanted = [...new Set(origins.map(originOf).filter((o): o is string => o !== null))];
  let out = list.filter((g) => !(g.purpose === purpose && (SINGLE_SITE.has(purpose) || wanted.includes(g.origin))));
  out = [...out, ...wanted.map((origin) => ({ origin, purpose, at: now }))];
  const same = out.filter((g) => g.purpose === purpose);
  if (same.length > MAX_PER_PURPOSE) {
    const drop = new Set(same.slice(0, same.length - MAX_PER_PURPOSE));
    out = out.filter((g) => !drop.has(g));
  }
  return out;
}

/** Grants as stored (anything malformed is ignored, never trusted). */
export function cleanGrants(raw: unknown): Grant[] {
  if (!Array.isArray(raw)) return [];
  const purposes = new Set<string>(['link', 'media', 'proxy', 'script-writer', 'models', 'model-link']);
  return raw.filter(
    (g): g is Grant =>
      !!g && typeof g === 'object' && typeof (g as Grant).origin === 'string' && originOf((g as Grant).origin) === (g as Grant).origin && purposes.has((g as Grant).purpose) && typeof (g as Grant).at === 'number',
  );
}

export interface SiteRules {
  grants: readonly Grant[];
  /** The deployer's model hosts (the hub and its CDNs). */
  modelHosts: readonly string[];
  /** The deployer's sites for embed jobs; used only when the gateway serves the widget. */
  embedSites: readonly string[];
  /** Whether the gateway's parent is the embed widget. */
  forWidget: boolean;
}

/**
 * The origins one gateway frame, opened for `origin`, may connect to — an empty list means the
 * frame refuses. A granted site brings its http→https and www twin (its own redirects); a model
 * host brings the whole model group.
 */
export function reachableFrom(origin: string, r: SiteRules): string[] {
  const o = originOf(origin);
  if (!o) return [];
  const granted = new Set(r.grants.filter((g) => g.purpose !== 'models').map((g) => g.origin));
  if (r.forWidget) for (const s of r.embedSites) granted.add(s);
  const modelsGranted = r.grants.some((g) => g.purpose === 'models');
  if (modelsGranted && r.modelHosts.includes(o)) return [...r.modelHosts];
  // A grant of one twin covers the other (shop.example ↔ www.shop.example, http → https).
  const twins = gatewayConnectSources(o);
  if ([...granted].some((g) => g === o || gatewayConnectSources(g).includes(o))) return twins;
  return [];
}

/** Whether a URL may be requested by a gateway frame that reaches `reachable`. */
export function mayRequest(url: string, reachable: readonly string[]): boolean {
  const o = originOf(url);
  return o !== null && reachable.includes(o);
}
