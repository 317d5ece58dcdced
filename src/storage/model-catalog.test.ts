import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogError, formatBytes, parseCatalog, resumePlan } from './model-catalog.ts';

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

describe('model catalog', () => {
  it('the shipped models/catalog.json is valid', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../models/catalog.json', import.meta.url), 'utf8'));
    const c = parseCatalog(json);
    expect(c.version).toBe(1);
    for (const m of c.models) expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a good entry and rejects bad hashes, http urls, duplicates', () => {
    expect(parseCatalog({ version: 1, models: [good] }).models[0]!.id).toBe('tiny-tts');
    expect(() => parseCatalog({ version: 1, models: [{ ...good, sha256: 'abc' }] })).toThrow(/models\.0\.sha256/);
    expect(() => parseCatalog({ version: 1, models: [{ ...good, url: 'http://example.org/m' }] })).toThrow(CatalogError);
    expect(() => parseCatalog({ version: 1, models: [good, good] })).toThrow(/twice/);
    expect(() => parseCatalog({ version: 2, models: [] })).toThrow(CatalogError);
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
