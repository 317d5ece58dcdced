/**
 * Bad input gets a clear message (ImportError with a sentence and, where useful, a next step);
 * good input is read in its own charset. Also times the biggest page accepted and the refusal
 * of a 20 MB one.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ImportError } from './errors.ts';
import { MAX_PAGE_BYTES, parseProductInput, type ProductInput } from './input.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function failure(input: ProductInput): ImportError {
  try {
    parseProductInput(input);
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('expected the input to be refused');
}

/** A real product page padded with realistic bulk (inline app state, markup) to `bytes`. */
function bigPage(bytes: number): string {
  const page = fixture('shopify-kettle.html').toString('utf8');
  const card = '<div class="card"><a href="/products/other?ref=grid"><img src="//cdn.example/x_200x200.jpg" alt="Other &amp; more"></a><h3>Other product</h3><p>Some text about it that runs on for a while.</p><span class="price">$12.99</span></div>\n';
  const state = `<script>window.__STATE__ = ${JSON.stringify({ blob: 'x'.repeat(4000) })};</script>\n`;
  let filler = '';
  while (filler.length < bytes * 0.6) filler += card;
  while (filler.length < bytes - page.length) filler += state;
  return page.replace('</main>', `${filler}</main>`);
}

describe('bad input', () => {
  it('empty page, empty paste, whitespace only', () => {
    expect(failure({ bytes: new Uint8Array(), fileName: 'page.html' })).toMatchObject({ code: 'empty', message: '“page.html” is empty.' });
    expect(failure({ text: '' })).toMatchObject({ code: 'empty', message: 'The pasted text is empty.' });
    expect(failure({ text: '  \n\t ' }).hint).toMatch(/Ctrl\+U/);
    expect(failure({ bytes: new TextEncoder().encode('   \n  '), fileName: 'x.htm' }).code).toBe('empty');
  });

  it('a page with no product', () => {
    const e = failure({ text: '<!doctype html><html><head><title>Welcome to our shop</title></head><body><h1>Hello</h1><p>New arrivals every week.</p></body></html>' });
    expect(e.code).toBe('no-product');
    expect(e.message).toBe('“Welcome to our shop” does not describe a product: it has no product data (JSON-LD, microdata, Open Graph product tags or shop JSON).');
  });

  it('20 MB of HTML is refused at once, before parsing (file and paste)', () => {
    const html = bigPage(20 * 1024 * 1024);
    const bytes = new TextEncoder().encode(html);
    let t = performance.now();
    const e = failure({ bytes, fileName: 'huge.html' });
    const fileMs = performance.now() - t;
    expect(e).toMatchObject({ code: 'too-large', message: '“huge.html” is 20.0 MB; talkreel reads pages up to 10.0 MB.' });
    expect(e.hint).toMatch(/Single File|HTML only|<head>/);
    t = performance.now();
    expect(failure({ text: html })).toMatchObject({ code: 'too-large', message: 'The pasted text is 20.0 MB; talkreel reads pages up to 10.0 MB.' });
    const pasteMs = performance.now() - t;
    console.log(`20 MB page refused in ${fileMs.toFixed(1)} ms (file), ${pasteMs.toFixed(1)} ms (paste)`);
    expect(fileMs).toBeLessThan(200);
  });

  it('the biggest page accepted (just under 10 MB) parses in reasonable time', () => {
    const html = bigPage(MAX_PAGE_BYTES - 64 * 1024);
    const bytes = new TextEncoder().encode(html);
    expect(bytes.length).toBeLessThan(MAX_PAGE_BYTES);
    const r = parseProductInput({ bytes, fileName: 'big.html' });
    console.log(`${(bytes.length / 1048576).toFixed(1)} MB page parsed in ${r.ms.toFixed(0)} ms`);
    expect(r.product.name).toBe('Aurora Pour-Over Kettle');
    expect(r.product.images).toHaveLength(4);
    expect(r.ms).toBeLessThan(5000);
  });

  it('binary data, and files that are something else whatever their name', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(failure({ bytes: noise, fileName: 'page.html' })).toMatchObject({ code: 'binary', message: '“page.html” is binary data, not a web page or product JSON.' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(failure({ bytes: png, fileName: 'page.html' })).toMatchObject({ code: 'binary', message: '“page.html” is a picture, not a web page or product JSON.' });
    // A HEIC photo (made by ImageMagick with libheif) is named, with how to convert it.
    const heic = new Uint8Array(execFileSync('convert', ['-size', '300x300', 'xc:red', 'heic:-']));
    expect(String.fromCharCode(...heic.subarray(4, 12))).toBe('ftypheic');
    expect(failure({ bytes: heic, fileName: 'IMG_0001.HEIC' })).toMatchObject({ code: 'binary', message: '“IMG_0001.HEIC” is a HEIC photo, not a web page or product JSON.', hint: expect.stringMatching(/^Browsers cannot read HEIC\. Save it as JPEG first/) });
    expect(failure({ bytes: new TextEncoder().encode('%PDF-1.7\n...'), fileName: 'catalogue.html' }).message).toBe('“catalogue.html” is a PDF document, not a web page or product JSON.');
    expect(failure({ text: 'abc\u0000\u0001\u0002def' }).code).toBe('binary');
  });

  it('malformed JSON says what and where', () => {
    const e = failure({ bytes: new TextEncoder().encode('{\n  "product": {\n    "title": "Tote",\n    "variants": [ {"price": "68.00"} \n  }\n}'), fileName: 'tote.json' });
    expect(e.code).toBe('bad-json');
    expect(e.message).toBe('“tote.json” looks like JSON but is malformed: expected “,” or “]” but found “}” at line 5, column 3.');
    expect(failure({ text: '{"name": "Tote", "images": ["a.jpg"' }).message).toBe('The pasted text looks like JSON but is malformed: it stops in the middle (cut off?).');
    expect(failure({ text: '{"hello": "world"}' })).toMatchObject({ code: 'no-product', message: 'This JSON holds no product that talkreel knows how to read.' });
  });

  it('plain text that is not page source', () => {
    const e = failure({ text: 'Aurora kettle, 1 litre, black, $89. Really nice.' });
    expect(e.code).toBe('not-a-page');
    expect(e.message).toBe('The pasted text is not a web page’s source: no HTML tags were found.');
    expect(e.hint).toMatch(/Ctrl\+U/);
  });
});

describe('charsets', () => {
  const page = (title: string) => `<html><head><title>${title}</title><meta property="og:type" content="product"><meta property="og:title" content="${title}"><meta property="og:image" content="https://x.example/a.jpg"></head><body></body></html>`;

  it('honours the charset of the Content-Type header, a <meta>, or a BOM', () => {
    // "Crème brûlée" in windows-1252, declared only by the server.
    const latin = Uint8Array.from([...page('Cr\u00e8me br\u00fbl\u00e9e')].map((c) => c.charCodeAt(0)));
    expect(parseProductInput({ bytes: latin, contentType: 'text/html; charset=windows-1252' }).product.name).toBe('Crème brûlée');
    // …and with no declaration at all, the UTF-8 decode fails and windows-1252 is used.
    const manyAccents = Uint8Array.from([...page('\u00e9t\u00e9 '.repeat(40).trim())].map((c) => c.charCodeAt(0)));
    expect(parseProductInput({ bytes: manyAccents }).product.name).toMatch(/^été été/);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page('Ünïcödé'))]);
    expect(parseProductInput({ bytes: bom }).product.name).toBe('Ünïcödé');
    // The windows-1252 fixture declares its charset in a <meta>.
    expect(parseProductInput({ bytes: fixture('prestashop-sac-fr.html') }).product.name).toBe('Sac à dos en toile cirée « Vauban »');
  });
});
