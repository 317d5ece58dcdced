/** JSON as shops really publish it inside pages: with comments, trailing commas, raw newlines. */

export type LenientJson = { ok: true; value: unknown; repaired: boolean } | { ok: false; error: string };

/** "line 3, column 14" for a character offset. */
export function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

/**
 * Offset of the first syntax error in `text` (JSON.parse messages differ between engines and
 * do not always say where). Returns -1 for valid JSON, `text.length` when it ends too early.
 */
export function jsonErrorOffset(text: string): { at: number; expected: string } | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  class Stop {
    constructor(readonly expected: string) {}
  }
  const fail = (expected: string): never => {
    throw new Stop(expected);
  };
  const str = () => {
    if (text[i] !== '"') fail('a quoted name');
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('a closing quote before the line ends');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const value = (depth: number): void => {
    ws();
    if (depth > 500) fail('less nesting');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail('“:” after a name');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('“,” or “}”');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('“,” or “]”');
      }
    }
    if (c === '"') return str();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail('a value');
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('the end of the text');
    return null;
  } catch (e) {
    if (e instanceof Stop) return { at: i, expected: e.expected };
    throw e;
  }
}

/** A JSON.parse error in words a person can act on, with the line and column. */
export function jsonErrorMessage(err: unknown, text: string): string {
  const found = jsonErrorOffset(text);
  if (!found) return err instanceof Error ? err.message : String(err);
  if (found.at >= text.trimEnd().length) return 'it stops in the middle (cut off?)';
  const ch = text[found.at]!;
  return `expected ${found.expected} but found “${ch === '\n' ? 'a line break' : ch}” at ${lineColumn(text, found.at)}`;
}

/**
 * Rewrites the common defects of hand-written or templated JSON: comments, trailing commas,
 * raw control characters inside strings, invalid escapes (`\'`), CDATA/comment wrappers.
 */
export function repairJson(input: string): string {
  let s = input.replace(/^\uFEFF/, '').trim();
  s = s.replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '').trim();
  let out = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inString) {
      if (c === '\\') {
        const n = s[i + 1];
        if (n !== undefined && '"\\/bfnrtu'.includes(n)) {
          out += c + n;
        } else if (n === "'") {
          out += "'";
        } else {
          out += '\\\\';
          continue;
        }
        i++;
        continue;
      }
      if (c === '"') inString = false;
      const code = c.charCodeAt(0);
      if (code < 0x20) {
        out += c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${code.toString(16).padStart(4, '0')}`;
        continue;
      }
      out += c;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && s[i + 1] === '*') {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? s.length : end + 1;
      continue;
    }
    if (c === '}' || c === ']') out = out.replace(/,\s*$/, '');
    out += c;
  }
  return out;
}

/** Strict parse first; then one repaired attempt; then, for `{…}{…}`, as an array. */
export function parseJsonLenient(text: string): LenientJson {
  try {
    return { ok: true, value: JSON.parse(text), repaired: false };
  } catch (err) {
    const fixed = repairJson(text);
    try {
      return { ok: true, value: JSON.parse(fixed), repaired: true };
    } catch {
      try {
        const joined = `[${fixed.replace(/}\s*,?\s*{/g, '},{')}]`;
        if (/}\s*,?\s*{/.test(fixed)) return { ok: true, value: JSON.parse(joined), repaired: true };
      } catch {
        // fall through to the original error
      }
      return { ok: false, error: jsonErrorMessage(err, text) };
    }
  }
}
