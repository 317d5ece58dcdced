import { describe, expect, it } from 'vitest';
import { BUILTIN_PRESENTERS, FACETS, facetCounts, facetsOf, filterPresenters, type AvatarQuery, type FacetKey } from './catalog.ts';

const all = BUILTIN_PRESENTERS;

describe('library filters', () => {
  it('offers hundreds of presenters, and every filter option has some', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const facet of FACETS) {
      for (const o of facet.options) {
        const hits = filterPresenters(all, { [facet.key]: [o.value] });
        expect(hits.length, `${facet.key}=${o.value}`).toBeGreaterThan(0);
        // Every pose fits a square video; every other option narrows the list.
        if (!(facet.key === 'orientation' && o.value === 'square')) expect(hits.length, `${facet.key}=${o.value}`).toBeLessThan(all.length);
      }
    }
    // At least three art styles, each well stocked.
    for (const style of ['soft', 'flat', 'cartoon']) expect(filterPresenters(all, { style: [style] }).length).toBeGreaterThanOrEqual(50);
  });

  it('narrows exactly: each result matches, nothing matching is left out', () => {
    const check = (q: AvatarQuery, pred: (f: ReturnType<typeof facetsOf>) => boolean): void => {
      const hits = filterPresenters(all, q);
      const expected = all.filter((l) => pred(facetsOf(l)));
      expect(hits.map((l) => l.id)).toEqual(expected.map((l) => l.id));
      expect(hits.length).toBeGreaterThan(0);
    };
    check({ gender: ['female'] }, (f) => f.gender === 'female');
    check({ age: ['senior'] }, (f) => f.age === 'senior');
    check({ skin: ['deep', 'medium-deep'] }, (f) => f.skin === 'deep' || f.skin === 'medium-deep');
    check({ hair: ['curly'] }, (f) => f.hair === 'curly');
    check({ outfit: ['uniform'] }, (f) => f.outfit === 'uniform');
    check({ pose: ['full'] }, (f) => f.pose === 'full');
    check({ pose: ['seated', 'side'] }, (f) => f.pose === 'seated' || f.pose === 'side');
    check({ style: ['cartoon'] }, (f) => f.style === 'cartoon');
    check({ background: ['none'] }, (f) => f.background === 'none');
    check({ orientation: ['horizontal'] }, (f) => f.orientation.includes('horizontal'));
    // Facets combine: AND across, OR within.
    check({ gender: ['male'], outfit: ['business', 'sport'], style: ['flat'] }, (f) => f.gender === 'male' && (f.outfit === 'business' || f.outfit === 'sport') && f.style === 'flat');
  });

  it('fits poses to video orientations', () => {
    for (const l of filterPresenters(all, { pose: ['full'] })) expect(facetsOf(l).orientation).toEqual(['vertical', 'square']);
    for (const l of filterPresenters(all, { pose: ['half'] })) expect(facetsOf(l).orientation).toEqual(['vertical', 'horizontal', 'square']);
    expect(filterPresenters(all, { orientation: ['vertical'], pose: ['seated'] })).toEqual([]);
  });

  it('finds by name, accent-insensitively, and by words from the tags', () => {
    expect(filterPresenters(all, { text: 'sofia' }).map((l) => l.id)).toContain('sofia');
    expect(filterPresenters(all, { text: 'Sofía' }).length).toBe(filterPresenters(all, { text: 'SOFIA' }).length);
    expect(filterPresenters(all, { text: 'ava keynote' }).map((l) => l.id)).toEqual(['ava-keynote']);
    const chefs = filterPresenters(all, { text: 'chef' });
    expect(chefs.length).toBeGreaterThanOrEqual(6);
    expect(filterPresenters(all, { text: 'zzzz' })).toEqual([]);
    // Text and facets together.
    expect(filterPresenters(all, { text: 'nurse', pose: ['full'] }).every((l) => facetsOf(l).pose === 'full')).toBe(true);
  });

  it('shows only favourites when asked', () => {
    const fav = new Set(['marcus', 'zara-street', 'nope']);
    expect(filterPresenters(all, { only: fav }).map((l) => l.id)).toEqual(['marcus', 'zara-street']);
    expect(filterPresenters(all, { only: fav, style: ['soft'] }).map((l) => l.id)).toEqual(['marcus']);
  });

  it('counts what each option would give with the other filters applied', () => {
    const q: AvatarQuery = { gender: ['female'], style: ['flat'] };
    for (const key of ['pose', 'style', 'gender'] as FacetKey[]) {
      const counts = facetCounts(all, q, key);
      for (const [value, n] of Object.entries(counts)) {
        expect(filterPresenters(all, { ...q, [key]: [value] }).length, `${key}=${value}`).toBe(n);
      }
    }
    expect(Object.keys(facetCounts(all, q, 'style')).sort()).toEqual(['cartoon', 'flat', 'soft']);
  });
});
