import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { ArchiveError, packProject, unpackProject } from './archive.ts';
import type { ProjectRecord } from './schema.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../examples/bottle-hero.jpg', import.meta.url)));

const project: ProjectRecord = {
  id: 'prj_abc123',
  name: 'Aurora',
  createdAt: 1,
  updatedAt: 2,
  product: {
    name: 'Aurora Bottle',
    description: 'Keeps drinks cold.',
    features: ['Cold for 24 hours'],
    price: '$34',
    images: [{ id: 'img_1', name: 'hero.jpg', mime: 'image/jpeg', width: 1200, height: 1200, selected: true }],
  },
  settings: { ratio: '9:16', duration: 15, language: 'en', voiceId: 'en-us-f', presenterId: 'ava', resolution: 1080 },
  script: { options: [], selectedId: null, segments: [{ text: 'Hello.', scene: { kind: 'presenter' } }], basis: '[]' },
  videoRequested: true,
};

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ArchiveError) return err.code;
    throw err;
  }
  return 'no error';
};

const zipOf = (files: Record<string, Uint8Array>) => zipSync(files);
const manifest = strToU8(JSON.stringify({ format: 'talkreel-project', version: 1, exportedAt: '2026-01-01T00:00:00Z' }));

describe('project archive', () => {
  it('round-trips a project and its images', () => {
    const zip = packProject(project, [{ id: 'img_1', mime: 'image/jpeg', bytes: jpeg }]);
    const back = unpackProject(zip);
    expect(back.project).toEqual(project);
    expect(back.media).toHaveLength(1);
    expect(back.media[0]!.bytes).toEqual(jpeg);
  });

  it('rejects files that are not zips, damaged zips and newer formats', () => {
    expect(code(() => unpackProject(jpeg))).toBe('not-a-zip');
    const zip = packProject(project, [{ id: 'img_1', mime: 'image/jpeg', bytes: jpeg }]);
    expect(code(() => unpackProject(zip.subarray(0, Math.floor(zip.length / 2))))).toMatch(/corrupt|bad-manifest|bad-media/);
    const newer = zipOf({ 'manifest.json': strToU8(JSON.stringify({ format: 'talkreel-project', version: 99, exportedAt: 'x' })), 'project.json': strToU8('{}') });
    expect(code(() => unpackProject(newer))).toBe('newer-version');
    expect(code(() => unpackProject(zipOf({ 'project.json': strToU8('{}') })))).toBe('bad-manifest');
  });

  it('rejects path traversal and unexpected entries', () => {
    for (const name of ['../evil.txt', '/etc/passwd', 'media/../../x.jpg', 'media\\x.jpg', 'script.js']) {
      expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest, [name]: strToU8('x') })))).toBe('bad-path');
    }
  });

  it('stops a zip bomb by counting inflated bytes', () => {
    const bomb = zipOf({ 'manifest.json': manifest, 'media/img_1.jpg': new Uint8Array(64 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(code(() => unpackProject(bomb))).toBe('too-large');
  });

  it('validates the project and every image', () => {
    const bad = { ...project, settings: { ...project.settings, ratio: '4:3' } };
    expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest, 'project.json': strToU8(JSON.stringify(bad)) })))).toBe('bad-project');
    expect(code(() => unpackProject(zipOf({ 'manifest.json': manifest, 'project.json': strToU8('{not json') })))).toBe('bad-project');
    const fakeImage = zipOf({ 'manifest.json': manifest, 'project.json': strToU8(JSON.stringify(project)), 'media/img_1.jpg': strToU8('not a jpeg') });
    expect(code(() => unpackProject(fakeImage))).toBe('bad-media');
    const missing = zipOf({ 'manifest.json': manifest, 'project.json': strToU8(JSON.stringify(project)) });
    expect(code(() => unpackProject(missing))).toBe('bad-media');
  });

  it('keeps __proto__ keys inert', () => {
    const hostile = JSON.stringify(project).replace('"name":"Aurora"', '"__proto__":{"polluted":true},"name":"Aurora"');
    const zip = zipOf({ 'manifest.json': manifest, 'project.json': strToU8(hostile), 'media/img_1.jpg': jpeg });
    unpackProject(zip);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
