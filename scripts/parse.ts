/**
 * Prints the product the app would read from a saved page, a product JSON file or a link:
 *   npm run parse -- <page.html | page.mhtml | product.json | URL> [--url <page address>] [--timing]
 * Same parsers as the app, so it shows why a page did or did not parse ("sources", "notes").
 */
import { parseArgs } from 'node:util';
import { ImportError } from '../src/product/errors.ts';
import { readProduct } from './lib/read-product.ts';

const USAGE = 'usage: npm run parse -- <page.html | page.mhtml | product.json | URL> [--url <page address>] [--timing]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, timing: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help || !positionals[0]) {
  (values.help ? console.log : console.error)(USAGE);
  process.exit(values.help ? 0 : 2);
}
const target = positionals[0];

try {
  const r = await readProduct(target, values.url);
  const p = r.product;
  const out = {
    name: p.name,
    description: p.description,
    features: p.features,
    price: p.price ?? null,
    currency: p.currency ?? null,
    priceText: p.priceText ?? null,
    brand: p.brand ?? null,
    images: p.images,
    videos: p.videos,
    url: p.url ?? null,
    language: p.language ?? null,
    sources: p.sources,
    notes: p.notes,
    ...(r.resources.size ? { embedded: [...r.resources.keys()] } : {}),
    ...(values.timing ? { timing: { kind: r.kind, bytes: r.bytes, ms: Math.round(r.ms * 10) / 10 } } : {}),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (err) {
  if (err instanceof ImportError) {
    console.error(`parse: ${err.message}${err.hint ? `\n  ${err.hint}` : ''}`);
    process.exit(1);
  }
  console.error(`parse: ${(err as Error).message}`);
  process.exit(1);
}
