/** `npm run parse`: the same parsers as the app, printed as JSON (or a clear message and exit 1). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const parse = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run parse', () => {
  it('prints every field and where it came from', () => {
    const r = parse('src/product/fixtures/etsy-wallet.html');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['name', 'description', 'features', 'price', 'currency', 'priceText', 'brand', 'images', 'videos', 'url', 'language', 'sources', 'notes']);
    expect(out).toMatchObject({
      name: "Slim Leather Bifold Wallet, Personalised Men's Wallet, Handmade Gift",
      price: '34.00',
      currency: 'GBP',
      brand: 'LunaLeatherCo',
      videos: ['https://v.etsystatic.com/video/upload/ac_none,du_15,q_auto:good/bifold-demo_kq1wz8.mp4'],
      sources: { name: 'JSON-LD', price: 'JSON-LD (price range 34.00–52.00)', videos: 'page content' },
    });
    expect(out.images).toHaveLength(4);
  }, 30_000);

  it('lists the pictures a saved page carries, and times the parse on request', () => {
    const r = parse('src/product/fixtures/saved-page-candle.mhtml', '--timing');
    const out = JSON.parse(r.stdout) as { embedded: string[]; timing: { kind: string; bytes: number; ms: number } };
    expect(out.embedded).toContain('https://lumenandco.example/cdn/shop/files/ember-lit.jpg?v=1709280000&width=800');
    expect(out.timing).toMatchObject({ kind: 'mhtml', bytes: 21205 });
  }, 30_000);

  it('says why a page did not parse, with exit code 1', () => {
    const r = parse('src/product/fixtures/no-product-blog.html');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('parse: “How to Brew Better Pour-Over at Home | The Northwind Journal” does not describe a product');
    const missing = parse('nope/missing.html');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('parse: “nope/missing.html” does not exist.');
  }, 30_000);
});
