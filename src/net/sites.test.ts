import { describe, expect, it } from 'vitest';
import { addGrants, cleanGrants, mayRequest, reachableFrom, type SiteRules } from './sites.ts';

const MODELS = ['https://huggingface.co', 'https://cdn-lfs.hf.co'];
const rules = (over: Partial<SiteRules> = {}): SiteRules => ({ grants: [], modelHosts: MODELS, embedSites: ['https://shop.example'], forWidget: false, ...over });

describe('sites a gateway may reach', () => {
  it('reaches nothing the user did not grant', () => {
    expect(reachableFrom('http://127.0.0.1:9999', rules())).toEqual([]);
    expect(reachableFrom('https://huggingface.co', rules())).toEqual([]);
    // The deployer's embed sites count only for the widget.
    expect(reachableFrom('https://shop.example', rules())).toEqual([]);
    expect(reachableFrom('https://shop.example', rules({ forWidget: true }))).toContain('https://shop.example');
  });

  it('reaches a granted site and its twins, and only with a grant of that site', () => {
    const grants = addGrants([], ['https://shop.example/p/1'], 'link', 1);
    expect(reachableFrom('https://shop.example', rules({ grants }))).toEqual(['https://shop.example', 'https://www.shop.example']);
    expect(reachableFrom('https://www.shop.example', rules({ grants }))).toContain('https://shop.example');
    expect(reachableFrom('https://other.example', rules({ grants }))).toEqual([]);
  });

  it('opens the whole model group once the user downloads a model', () => {
    const grants = addGrants([], MODELS, 'models', 1);
    expect(reachableFrom('https://huggingface.co', rules({ grants }))).toEqual(MODELS);
    expect(reachableFrom('https://cdn-lfs.hf.co', rules({ grants }))).toEqual(MODELS);
    // A model grant is not a grant of any other site.
    expect(reachableFrom('https://evil.example', rules({ grants }))).toEqual([]);
  });

  it('replaces the proxy and script-writer grants, accumulates links', () => {
    let g = addGrants([], ['http://127.0.0.1:8080'], 'proxy', 1);
    g = addGrants(g, ['http://127.0.0.1:8081'], 'proxy', 2);
    g = addGrants(g, ['https://a.example', 'https://b.example/x'], 'link', 3);
    expect(g.map((x) => `${x.purpose} ${x.origin}`)).toEqual(['proxy http://127.0.0.1:8081', 'link https://a.example', 'link https://b.example']);
  });

  it('ignores stored grants it cannot trust', () => {
    const raw = [{ origin: 'https://a.example', purpose: 'link', at: 1 }, { origin: 'https://b.example/path', purpose: 'link', at: 1 }, { origin: 'https://c.example', purpose: 'everything', at: 1 }, 'https://d.example', null];
    expect(cleanGrants(raw).map((g) => g.origin)).toEqual(['https://a.example']);
    expect(cleanGrants({ origin: 'x' })).toEqual([]);
  });

  it('lets a request through only to a reachable origin', () => {
    expect(mayRequest('https://shop.example/a?b', ['https://shop.example'])).toBe(true);
    expect(mayRequest('https://shop.example.evil.example/', ['https://shop.example'])).toBe(false);
    expect(mayRequest('javascript:alert(1)', ['https://shop.example'])).toBe(false);
  });
});
