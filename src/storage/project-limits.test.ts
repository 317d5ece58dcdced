/**
 * Whatever the app lets a project hold, the project archive carries: a project at every limit
 * exports and imports again unchanged, one past a limit is what the form and intake refuse.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_IMAGE_BYTES, MAX_VIDEO_BYTES } from '../product/media.ts';
import { MAX_MUSIC_BYTES } from '../compose/music.ts';
import { scriptBasis } from '../app/project-defaults.ts';
import { ArchiveError, MAX_ARCHIVE_BYTES, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, packProject, unpackProject, type ArchiveMedia } from './archive.ts';
import { LIMITS, limitFeatures, MAX_BASIS_CHARS, parseFeatureLines } from './project-limits.ts';
import type { ProjectRecord } from './schema.ts';

const jpeg = new Uint8Array(readFileSync(new URL('../../examples/bottle-hero.jpg', import.meta.url)));
/** Arabic letters: two bytes each in UTF-8, so the JSON is as heavy as text of this length gets (a quote would escape to two characters). */
const long = (n: number, ch = 'ب') => ch.repeat(n);

function atTheLimits(): ProjectRecord {
  const images = Array.from({ length: LIMITS.images }, (_, i) => ({ id: `img_${i}`, name: `${long(LIMITS.fileName - 8, 'x')}-${i}.jpg`.slice(-LIMITS.fileName), mime: 'image/jpeg', width: 1200, height: 1200, selected: i < 6 }));
  const segments = Array.from({ length: LIMITS.segments }, (_, i) => ({ text: long(LIMITS.segmentChars), scene: i % 2 ? { kind: 'presenter' as const } : { kind: 'product' as const, image: LIMITS.images - 1 } }));
  const p: ProjectRecord = {
    id: 'prj_limits',
    name: long(LIMITS.projectName, 'P'),
    createdAt: 1,
    updatedAt: 2,
    product: {
      name: long(LIMITS.productName),
      description: long(LIMITS.description),
      features: Array.from({ length: LIMITS.features }, () => long(LIMITS.featureChars)),
      price: long(LIMITS.price, '9'),
      brand: long(LIMITS.brand),
      images,
    },
    settings: { ratio: '9:16', duration: 60, language: 'ar', voiceId: 'ar-f', presenterId: 'ava', resolution: 1080 },
    script: {
      options: Array.from({ length: LIMITS.scriptOptions }, (_, i) => ({ id: `opt_${i}`, style: 'story', title: 'Story', segments, estimatedSeconds: 58 })),
      selectedId: 'opt_0',
      segments,
      basis: '',
    },
    videoRequested: true,
  };
  // The fingerprint with the product's texts at their limits, every character escaped six-fold.
  p.script.basis = scriptBasis({ ...p, product: { ...p.product, description: long(LIMITS.description, '\u0001'), features: p.product.features.map(() => long(LIMITS.featureChars, '\u0001')) } });
  return p;
}

const media = (p: ProjectRecord): ArchiveMedia[] => p.product.images.map((i) => ({ id: i.id, mime: 'image/jpeg', bytes: jpeg }));

describe('project limits', () => {
  it('a project at every limit exports and imports again unchanged', () => {
    const p = atTheLimits();
    expect(p.script.basis.length).toBeGreaterThan(600_000);
    expect(p.script.basis.length).toBeLessThanOrEqual(MAX_BASIS_CHARS);
    const zip = packProject(p, media(p));
    const { project, media: back } = unpackProject(zip);
    expect(project).toEqual(p);
    expect(back).toHaveLength(LIMITS.images);
    expect(back.every((m) => m.bytes.length === jpeg.length)).toBe(true);
  });

  it('one past a limit is refused on import (the limits the editor keeps are the ones import checks)', () => {
    const past: Array<[string, (p: ProjectRecord) => void]> = [
      ['product.images', (p) => p.product.images.push({ ...p.product.images[0]!, id: 'img_extra' })],
      ['product.features', (p) => p.product.features.push('one more')],
      ['product.features.0', (p) => (p.product.features[0] += 'x')],
      ['product.description', (p) => (p.product.description += 'x')],
      ['product.name', (p) => (p.product.name += 'x')],
      ['product.brand', (p) => (p.product.brand += 'x')],
      ['product.price', (p) => (p.product.price += 'x')],
      ['script.segments.0.text', (p) => (p.script.segments = [{ ...p.script.segments[0]!, text: `${p.script.segments[0]!.text}x` }, ...p.script.segments.slice(1)])],
    ];
    for (const [where, grow] of past) {
      const p = atTheLimits();
      grow(p);
      const err = (() => {
        try {
          unpackProject(packProject(p, media(p)));
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, where).toBeInstanceOf(ArchiveError);
      expect((err as ArchiveError).message, where).toBe(`The project in the archive is invalid (at “${where}”).`);
    }
  });

  it('the archive size limits hold a project with every image, the video and the music at their limits', () => {
    const biggest = LIMITS.images * MAX_IMAGE_BYTES + MAX_VIDEO_BYTES + MAX_MUSIC_BYTES + 2 * MAX_ENTRY_BYTES;
    expect(MAX_TOTAL_BYTES).toBeGreaterThanOrEqual(biggest);
    // Zip headers: well under 1 KB an entry.
    expect(MAX_ARCHIVE_BYTES).toBeGreaterThanOrEqual(biggest + (LIMITS.images + 4) * 1024);
    expect(MAX_ENTRIES).toBeGreaterThanOrEqual(LIMITS.images + 4);
    // The heaviest project.json (every text at its limit, two bytes a character) fits its entry.
    const p = atTheLimits();
    expect(new TextEncoder().encode(JSON.stringify(p)).length).toBeLessThan(MAX_ENTRY_BYTES);
  });

  it('the features field keeps what the archive carries and says what it did not keep', () => {
    expect(parseFeatureLines('- Cold 24 h\n\n• Leak-proof\n* Light  ')).toEqual(['Cold 24 h', 'Leak-proof', 'Light']);
    expect(limitFeatures(['a', 'b'])).toEqual({ features: ['a', 'b'], problem: null });
    const many = Array.from({ length: LIMITS.features + 5 }, (_, i) => (i === 3 ? 'x'.repeat(LIMITS.featureChars + 1) : `f${i}`));
    const kept = limitFeatures(many);
    expect(kept.features).toHaveLength(LIMITS.features);
    expect(kept.features[3]).toHaveLength(LIMITS.featureChars);
    expect(kept.problem).toBe(`Only the first ${LIMITS.features} of ${LIMITS.features + 5} features are kept; one line is longer than ${LIMITS.featureChars} characters and cut there.`);
  });
});
