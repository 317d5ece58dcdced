/**
 * The model catalog (`models/catalog.json`): what can be downloaded, from where, how big, under
 * which licence, and the SHA-256 every download is checked against. Pure: validated with
 * valibot so a bad edit to the JSON fails loudly in tests instead of at a user's download.
 */
import * as v from 'valibot';

export type ModelTask = 'tts' | 'lipsync' | 'clone';

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'));

export const ModelEntrySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{1,79}$/, 'id: 2–80 of a-z 0-9 . _ -')),
  task: v.picklist(['tts', 'lipsync', 'clone']),
  name: v.pipe(v.string(), v.minLength(1)),
  description: v.string(),
  url: v.pipe(v.string(), v.url(), v.regex(/^https:\/\//, 'url must be https')),
  sha256: Sha256,
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  licence: v.pipe(v.string(), v.minLength(1)),
  licenceUrl: v.optional(v.pipe(v.string(), v.url())),
  commercialUse: v.boolean(),
  contract: v.optional(v.record(v.string(), v.unknown())),
});

export type ModelEntry = v.InferOutput<typeof ModelEntrySchema>;

export const CatalogSchema = v.object({
  version: v.literal(1),
  models: v.array(ModelEntrySchema),
});

export type Catalog = v.InferOutput<typeof CatalogSchema>;

export class CatalogError extends Error {
  override name = 'CatalogError';
  readonly code = 'invalid-catalog';
}

/** Validates the catalog JSON; ids must be unique. Throws CatalogError naming the bad field. */
export function parseCatalog(json: unknown): Catalog {
  const r = v.safeParse(CatalogSchema, json);
  if (!r.success) {
    const issue = r.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new CatalogError(`The model catalog is invalid at ${path || 'the top'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const m of r.output.models) {
    if (seen.has(m.id)) throw new CatalogError(`The model catalog lists "${m.id}" twice.`);
    seen.add(m.id);
  }
  return r.output;
}

/** "12.3 MB" (decimal units, as download sizes are usually shown). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB'];
  let x = n;
  let u = -1;
  do {
    x /= 1000;
    u++;
  } while (x >= 1000 && u < units.length - 1);
  return `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ${units[u]}`;
}

/**
 * What a `Content-Range` reply to `Range: bytes=<from>-` means for a resumed download:
 * 'append' when the server sends exactly the missing tail of a file of the expected size,
 * 'restart' when it ignores the range (200) or the file changed size, 'done' for 416 with the
 * full size already on disk.
 */
export function resumePlan(status: number, contentRange: string | null, from: number, expected: number): 'append' | 'restart' | 'done' {
  if (status === 416) {
    const total = /\*\/(\d+)/.exec(contentRange ?? '')?.[1];
    return total !== undefined && Number(total) === expected && from === expected ? 'done' : 'restart';
  }
  if (status !== 206) return 'restart';
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec((contentRange ?? '').trim());
  if (!m) return 'restart';
  const start = Number(m[1]);
  const total = m[3] === '*' ? NaN : Number(m[3]);
  return start === from && total === expected ? 'append' : 'restart';
}

/** Lower-case hex of a digest. */
export function toHex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
