import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLabel, CatalogError, formatBytes, onHub, parseCatalog, pinnedRevision, resumePlan } from './model-catalog.ts';

const good = {
  id: 'tiny-tts',
  task: 'tts',
  name: 'Tiny',
  description: 'x',
  url: 'https://example.org/m.onnx',
  sha256: 'a'.repeat(64),
  bytes: 10,
  licence: 'MIT',
  commercialUse: true,
};

const shipped = (): unknown => JSON.parse(readFileSync(new URL('../../models/catalog.json', import.meta.url), 'utf8'));

describe('model catalog', () => {
  it('the shipped models/catalog.json: every URL pinned to a revision, every file with size and digest', () => {
    const c = parseCatalog(shipped());
    expect(c.models.length).toBeGreaterThanOrEqual(14);
    for (const m of c.models) {
      for (const f of [m, m.config, m.card]) {
        expect(f, `${m.id} lacks a file`).toBeDefined();
        // Checked independently of the schema: a fixed tag, never a branch such as main.
        expect(f!.url, m.id).toMatch(/^https:\/\/huggingface\.co\/rhasspy\/piper-voices\/resolve\/v1\.0\.0\//);
        expect(pinnedRevision(f!.url), m.id).toBe('v1.0.0');
        expect(Number.isInteger(f!.bytes) && f!.bytes > 0, m.id).toBe(true);
        expect(f!.md5 ?? f!.sha256, m.id).toMatch(/^([0-9a-f]{32}|[0-9a-f]{64})$/);
      }
      expect(m.licence.length).toBeGreaterThan(0);
      expect(m.voice?.speakers).toBeGreaterThanOrEqual(1);
    }
  });

  it('the shipped catalog covers every language and region Piper speaks among ours, one recommended voice per language', () => {
    const c = parseCatalog(shipped());
    const locales = new Set(c.models.map((m) => m.voice!.locale));
    for (const l of ['en_US', 'en_GB', 'es_ES', 'pt_BR', 'pt_PT', 'fr_FR', 'de_DE', 'it_IT', 'nl_NL', 'zh_CN', 'ar_JO', 'tr_TR']) expect(locales, l).toContain(l);
    const rec = c.models.filter((m) => m.voice?.recommended).map((m) => m.voice!.language).sort();
    expect(rec).toEqual(['ar', 'de', 'en', 'es', 'fr', 'it', 'nl', 'pt', 'tr', 'zh']);
  });

  it('accepts a good entry and rejects bad hashes, http urls, duplicates, a missing digest', () => {
    expect(parseCatalog({ version: 1, models: [good] }).models[0]!.id).toBe('tiny-tts');
    const { sha256: _, ...noDigest } = good;
    expect(parseCatalog({ version: 1, models: [{ ...noDigest, md5: 'b'.repeat(32) }] }).models[0]!.md5).toBe('b'.repeat(32));
    expect(() => parseCatalog({ version: 1, models: [noDigest] })).toThrow(/digest/);
    expect(() => parseCatalog({ version: 1, models: [{ ...noDigest, md5: 'abc' }] })).toThrow(/models\.0\.md5/);
    expect(() => parseCatalog({ version: 1, models: [{ ...good, sha256: 'abc' }] })).toThrow(/models\.0\.sha256/);
    expect(() => parseCatalog({ version: 1, models: [{ ...good, card: { url: 'https://example.org/c', bytes: 3 } }] })).toThrow(/digest/);
    expect(() => parseCatalog({ version: 1, models: [{ ...good, url: 'http://example.org/m' }] })).toThrow(CatalogError);
    // A licence link is shown as a link: only https, never a script URL.
    expect(() => parseCatalog({ version: 1, models: [{ ...good, licenceUrl: 'javascript:alert(1)' }] })).toThrow(/licenceUrl/);
    expect(() => parseCatalog({ version: 1, models: [good, good] })).toThrow(/twice/);
    expect(() => parseCatalog({ version: 2, models: [] })).toThrow(CatalogError);
  });

  it('pinnedRevision accepts tags and commit ids, not branches', () => {
    expect(pinnedRevision('https://huggingface.co/a/b/resolve/v1.0.0/x.onnx')).toBe('v1.0.0');
    expect(pinnedRevision(`https://huggingface.co/a/b/resolve/${'c'.repeat(40)}/x.onnx`)).toBe('c'.repeat(40));
    expect(pinnedRevision('https://huggingface.co/a/b/resolve/main/x.onnx')).toBeNull();
    expect(pinnedRevision('https://example.org/x.onnx')).toBeNull();
  });

  it('onHub moves hub URLs to the deployer’s mirror only', () => {
    expect(onHub('https://huggingface.co/r/p/resolve/v1.0.0/a.onnx', 'http://127.0.0.1:4391')).toBe('http://127.0.0.1:4391/r/p/resolve/v1.0.0/a.onnx');
    expect(onHub('https://example.org/a.onnx', 'http://127.0.0.1:4391')).toBe('https://example.org/a.onnx');
    expect(checkLabel({ md5: 'x' })).toBe('MD5 from the publisher, SHA-256 recorded on install');
  });

  it('resumePlan appends only an exact tail of the same file', () => {
    expect(resumePlan(206, 'bytes 100-999/1000', 100, 1000)).toBe('append');
    expect(resumePlan(206, 'bytes 0-999/1000', 100, 1000)).toBe('restart');
    expect(resumePlan(206, 'bytes 100-1999/2000', 100, 1000)).toBe('restart');
    expect(resumePlan(200, null, 100, 1000)).toBe('restart');
    expect(resumePlan(416, 'bytes */1000', 1000, 1000)).toBe('done');
    expect(resumePlan(416, 'bytes */2000', 1000, 1000)).toBe('restart');
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(63_200_000)).toBe('63.2 MB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
  });
});

describe('gen-piper-catalog', () => {
  it('is deterministic: regenerating gives the committed file byte for byte', async () => {
    const { catalogText } = await import('../../models/gen-piper-catalog.ts');
    expect(await catalogText()).toBe(readFileSync(new URL('../../models/catalog.json', import.meta.url), 'utf8'));
  });
});

describe('build-piper-tiny (the browser tests’ catalog of tiny voices)', () => {
  it('is deterministic and e2e/fixtures/tiny-voices.catalog.json lists exactly its sizes and MD5s', async () => {
    const { tinyCatalogText, TINY_CATALOG_PATH, buildPiperTiny } = await import('../../models/build-piper-tiny.ts');
    expect(Buffer.from(buildPiperTiny({ padBytes: 4000 }).model).equals(Buffer.from(buildPiperTiny({ padBytes: 4000 }).model))).toBe(true);
    const committed = readFileSync(new URL(`../../${TINY_CATALOG_PATH}`, import.meta.url), 'utf8');
    expect(tinyCatalogText()).toBe(committed);
    const c = parseCatalog(JSON.parse(committed));
    for (const m of c.models) expect(pinnedRevision(m.url)).toBe('v1.0.0');
  });
});
