/**
 * MHTML ("Save page as… single file", `.mhtml`/`.mht`): a MIME multipart/related message whose
 * first text/html part is the page and whose other parts are its pictures, each under the URL
 * it was loaded from. Works on bytes, so a 100 MB file never becomes one giant string.
 */

export interface MhtmlPart {
  type: string;
  charset?: string;
  location?: string;
  bytes: Uint8Array;
}

export interface Mhtml {
  /** The page's address when it was saved. */
  url?: string;
  html: MhtmlPart;
  /** Embedded resources by absolute URL (and `cid:` id). */
  resources: Map<string, MhtmlPart>;
}

const ascii = new TextDecoder('ascii');

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Headers of a MIME entity, unfolded, lower-cased names. */
function parseHeaders(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n|\r$/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m) out.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return out;
}

function param(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** End of the header block: the first blank line. Returns [headerEnd, bodyStart]. */
function headerEnd(bytes: Uint8Array, from: number): [number, number] {
  for (let i = from; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0a && bytes[i + 1] === 0x0a) return [i, i + 2];
    if (bytes[i] === 0x0a && bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return [i, i + 3];
  }
  return [bytes.length, bytes.length];
}

export function decodeQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let o = 0;
  const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x3d) {
      // Soft line break "=\r\n" or "=\n".
      if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) {
        i += 2;
        continue;
      }
      if (bytes[i + 1] === 0x0a) {
        i += 1;
        continue;
      }
      const h = hex(bytes[i + 1] ?? 0);
      const l = hex(bytes[i + 2] ?? 0);
      if (h >= 0 && l >= 0) {
        out[o++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[o++] = c;
  }
  return out.subarray(0, o);
}

export function decodeBase64(bytes: Uint8Array): Uint8Array {
  const clean = ascii.decode(bytes).replace(/[^A-Za-z0-9+/=]/g, '');
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function looksLikeMhtml(head: Uint8Array): boolean {
  const text = ascii.decode(head.subarray(0, 4096));
  return /^(From|Snapshot-Content-Location|Subject|Date|MIME-Version|Content-Type):/im.test(text.slice(0, 200)) && /multipart\/related/i.test(text);
}

export function parseMhtml(bytes: Uint8Array): Mhtml | null {
  const [hEnd, bodyStart] = headerEnd(bytes, 0);
  const headers = parseHeaders(ascii.decode(bytes.subarray(0, hEnd)));
  const boundary = param(headers.get('content-type'), 'boundary');
  if (!boundary) return null;
  const delim = new TextEncoder().encode(`--${boundary}`);
  const parts: MhtmlPart[] = [];
  let pos = indexOf(bytes, delim, bodyStart);
  while (pos >= 0) {
    let start = pos + delim.length;
    if (bytes[start] === 0x2d && bytes[start + 1] === 0x2d) break; // closing delimiter
    while (bytes[start] === 0x0d || bytes[start] === 0x0a || bytes[start] === 0x20) start++;
    const next = indexOf(bytes, delim, start);
    const end = next < 0 ? bytes.length : next;
    const [ph, pb] = headerEnd(bytes, start);
    const h = parseHeaders(ascii.decode(bytes.subarray(start, Math.min(ph, end))));
    let body = bytes.subarray(Math.min(pb, end), end);
    // Drop the line break that belongs to the next delimiter.
    let trim = body.length;
    while (trim > 0 && (body[trim - 1] === 0x0a || body[trim - 1] === 0x0d)) trim--;
    body = body.subarray(0, trim);
    const enc = (h.get('content-transfer-encoding') ?? '').toLowerCase();
    try {
      if (enc === 'quoted-printable') body = decodeQuotedPrintable(body);
      else if (enc === 'base64') body = decodeBase64(body);
    } catch {
      body = new Uint8Array();
    }
    const ct = h.get('content-type') ?? 'application/octet-stream';
    const location = h.get('content-location') ?? (h.get('content-id') ? `cid:${h.get('content-id')!.replace(/^<|>$/g, '')}` : undefined);
    const charset = param(ct, 'charset');
    parts.push({ type: ct.split(';')[0]!.trim().toLowerCase(), ...(charset ? { charset } : {}), ...(location ? { location } : {}), bytes: body });
    pos = next;
  }
  const url = headers.get('snapshot-content-location');
  const html = parts.find((p) => p.type === 'text/html' && url && p.location === url) ?? parts.find((p) => p.type === 'text/html');
  if (!html) return null;
  const resources = new Map<string, MhtmlPart>();
  for (const p of parts) if (p !== html && p.location) resources.set(p.location, p);
  return { ...(url ?? html.location ? { url: url ?? html.location! } : {}), html, resources };
}
