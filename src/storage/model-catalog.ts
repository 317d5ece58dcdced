/**
 * The model catalog (`models/catalog.json`): what can be downloaded, from where, how big, under
 * which licence, and the digest every download is checked against. Pure: validated with
 * valibot so a bad edit to the JSON fails loudly in tests instead of at a user's download.
 *
 * Digests: a publisher states either an MD5 (the Piper voices' voices.json lists size + MD5 for
 * every file) or a SHA-256 (a link the user adds, the hub's own listing of large files). Every
 * entry carries its exact size and at least one of the two; the download is checked against
 * what the publisher gave, and the SHA-256 computed at install is what each later load checks.
 */
import * as v from 'valibot';

export type ModelTask = 'tts' | 'lipsync' | 'clone';

const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'));
const Md5 = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'md5 must be 32 lower-case hex digits'));
const HttpsUrl = v.pipe(v.string(), v.url(), v.regex(/^https:\/\//, 'url must be https'));
const Bytes = v.pipe(v.number(), v.integer(), v.minValue(1));

const DIGEST_MESSAGE = 'needs the publisher’s digest: md5 or sha256';

/** A small companion file of an entry (a Piper voice's .onnx.json, its MODEL_CARD). */
export const FileRefSchema = v.pipe(
  v.object({ url: HttpsUrl, bytes: Bytes, md5: v.optional(Md5), sha256: v.optional(Sha256) }),
  v.check((e) => !!(e.md5 || e.sha256), DIGEST_MESSAGE),
);
export type FileRef = v.InferOutput<typeof FileRefSchema>;

export const QUALITIES = ['x_low', 'low', 'medium', 'high'] as const;

export const ModelEntrySchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{1,79}$/, 'id: 2–80 of a-z 0-9 . _ -')),
    task: v.picklist(['tts', 'lipsync', 'clone']),
    name: v.pipe(v.string(), v.minLength(1)),
    description: v.string(),
    url: HttpsUrl,
    bytes: Bytes,
    /** The publisher's MD5 (checked while the file streams in). */
    md5: v.optional(Md5),
    /** The publisher's SHA-256, where it states one. */
    sha256: v.optional(Sha256),
    licence: v.pipe(v.string(), v.minLength(1)),
    licenceUrl: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https:\/\//, 'licenceUrl must be https'))),
    commercialUse: v.boolean(),
    /** True where the licence is not recorded here: read the model card before use. */
    licenceUnconfirmed: v.optional(v.boolean()),
    /** A Piper voice's settings file (.onnx.json): downloaded with the model, becomes its contract. */
    config: v.optional(FileRefSchema),
    /** The publisher's model card (licence, dataset), shown before the big download. */
    card: v.optional(FileRefSchema),
    /** What a voice speaks. */
    voice: v.optional(v.object({
      /** Primary language subtag, as projects name languages ("en"). */
      language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/)),
      /** The publisher's locale ("en_US"). */
      locale: v.string(),
      quality: v.picklist(QUALITIES),
      speakers: v.pipe(v.number(), v.integer(), v.minValue(1)),
      /** The voice offered first for its language (one per language). */
      recommended: v.optional(v.boolean()),
    })),
    contract: v.optional(v.record(v.string(), v.unknown())),
  }),
  v.check((e) => !!(e.md5 || e.sha256), DIGEST_MESSAGE),
);

export type ModelEntry = v.InferOutput<typeof ModelEntrySchema>;

export const CatalogSchema = v.object({
  version: v.literal(1),
  /** Where the entries came from (e.g. the publisher's list and its revision). */
  source: v.optional(v.string()),
  models: v.array(ModelEntrySchema),
});

export type Catalog = v.InferOutput<typeof CatalogSchema>;

export class CatalogError extends Error {
  override name = 'CatalogError';
  readonly code = 'invalid-catalog';
}

/**
 * Hub URLs must name a fixed revision (`/resolve/<revision>/`, never a moving branch such as
 * `main`), so the bytes behind an entry cannot change under its digest.
 */
export function pinnedRevision(url: string): string | null {
  const m = /^https:\/\/[^/]+\/[^/]+\/[^/]+\/resolve\/([^/]+)\//.exec(url);
  if (!m) return null;
  const rev = decodeURIComponent(m[1]!);
  return /^(v\d+(\.\d+)*|[0-9a-f]{40})$/.test(rev) ? rev : null;
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
  const recommended = new Set<string>();
  for (const m of r.output.models) {
    if (seen.has(m.id)) throw new CatalogError(`The model catalog lists "${m.id}" twice.`);
    seen.add(m.id);
    if (m.voice?.recommended) {
      if (recommended.has(m.voice.language)) throw new CatalogError(`The model catalog recommends two voices for "${m.voice.language}".`);
      recommended.add(m.voice.language);
    }
  }
  return r.output;
}

/** Moves a catalog URL on `https://huggingface.co` to the deployer's hub (a mirror); others unchanged. */
export function onHub(url: string, hub: string): string {
  const HF = 'https://huggingface.co/';
  return url.startsWith(HF) ? `${hub.replace(/\/$/, '')}/${url.slice(HF.length)}` : url;
}

/** The checks a download of `e` gets, in a sentence for the UI. */
export function checkLabel(e: { md5?: string | undefined; sha256?: string | undefined }): string {
  if (e.sha256) return 'SHA-256 from the publisher, checked on every load';
  return 'MD5 from the publisher, SHA-256 recorded on install';
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
