/**
 * Facts a page gives only in its context (issue 19): the currency when offers omit it, brand and
 * price from a spec table or price markup on Open-Graph-only pages, Amazon's feature bullets as
 * the description, protocol-relative URLs in saved pages. Each through the app's entry point.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseProductInput, type ParsedProductInput } from './input.ts';
import { currencyFromLocale, currencyFromText } from './price.ts';
import { resolveUrl } from './urls.ts';

const at = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
/** As a file read from disk by `npm run parse` (which gives the file's own file: address as the fallback base). */
const parse = (name: string): ParsedProductInput =>
  parseProductInput({ bytes: new Uint8Array(readFileSync(at(name))), fileName: name, fallbackBase: pathToFileURL(fileURLToPath(at(name))).href });

describe('currency from the page’s own context, when the offer omits it', () => {
  it('site currency metadata (og:price:currency) without an Open Graph price', () => {
    const p = parse('currency-og-meta.html').product;
    expect([p.price, p.currency, p.priceText]).toEqual(['38.50', 'GBP', '£38.50']);
    expect(p.sources.currency).toBe('page metadata (og:price:currency)');
    expect(p.notes).toEqual([]);
  });

  it('a stray <meta itemprop=priceCurrency> outside any item', () => {
    const p = parse('currency-itemprop.html').product;
    expect([p.price, p.currency]).toEqual(['149.00', 'CHF']);
    expect(p.sources.currency).toBe('page markup (itemprop=priceCurrency)');
  });

  it('Shopify’s Shopify.currency script, with no Open Graph price to carry it', () => {
    const p = parse('currency-shopify-script.html').product;
    expect([p.price, p.currency, p.priceText]).toEqual(['24.00', 'CAD', 'CA$24.00']);
    expect(p.sources.currency).toBe('Shopify.currency in the page');
  });

  it('the symbol in the displayed price', () => {
    const p = parse('currency-price-text.html').product;
    expect([p.price, p.currency]).toEqual(['64.90', 'EUR']);
    expect(p.sources).toMatchObject({ price: 'JSON-LD', currency: 'page content (price “64,90 €”)' });
  });

  it('the region of the page’s language, said to be inferred; a bare language says nothing', () => {
    const p = parse('currency-locale.html').product;
    expect([p.price, p.currency, p.priceText]).toEqual(['54.95', 'EUR', '€ 54,95']);
    expect(p.sources.currency).toBe('page language (nl-NL)');
    expect(p.notes).toEqual(['The currency (EUR) comes from the page’s language, nl-NL; check it.']);
    // Same page, lang="nl" (Dutch is spoken where euros and Surinamese dollars are used): no guess.
    const none = parse('currency-none.html').product;
    expect(none.price).toBe('54.95');
    expect(none.currency).toBeUndefined();
    expect(none.sources.currency).toBeUndefined();
    expect(none.notes).toEqual(['The price comes without a currency; add the symbol in the form if you want it shown.']);
  });

  it('locale and symbol rules on their own', () => {
    expect(currencyFromLocale('de-DE')).toBe('EUR');
    expect(currencyFromLocale('en_GB')).toBe('GBP');
    expect(currencyFromLocale('pt-BR')).toBe('BRL');
    expect(currencyFromLocale('de')).toBeUndefined();
    expect(currencyFromLocale('not a tag')).toBeUndefined();
    // A bare "$" takes the currency of the page's country when that country writes "$".
    expect(currencyFromText('$ 1.299', 'es-MX')).toBe('MXN');
    expect(currencyFromText('$12', 'en-NZ')).toBe('NZD');
    expect(currencyFromText('$12', 'de-DE')).toBe('USD');
  });
});

describe('brand and price from the page when it has only Open Graph', () => {
  it('a spec table (Marke) and price markup; the old price, the mini-cart and related products are not the price', () => {
    const p = parse('og-spec-table-de.html').product;
    expect(p.name).toBe('Gusseisen-Teekanne „Tetsu“ 0,9 l');
    expect(p.brand).toBe('Kaminwerk Manufaktur');
    expect([p.price, p.currency, p.priceText]).toEqual(['129.95', 'EUR', '129,95 €']);
    expect(p.sources).toMatchObject({ price: 'page content (price “129,95 €”)', currency: 'page content (price “129,95 €”)', brand: 'page content (spec table “Marke”)' });
  });

  it('a <dl> spec list (Marque, Prix) with no price markup', () => {
    const p = parse('og-spec-list-fr.html').product;
    expect(p.brand).toBe('Atelier Lune');
    expect([p.price, p.currency, p.priceText]).toEqual(['89.00', 'EUR', '89,00 €']);
    expect(p.sources).toMatchObject({ price: 'page content (spec table “Prix”)', brand: 'page content (spec table “Marque”)' });
  });
});

describe('Amazon', () => {
  it('a listing with no product description: its feature bullets are the description and the features', () => {
    const p = parse('amazon-bullets-only-de.html').product;
    expect(p.name).toBe('Kochwerk Schnellkochtopf 6 L Edelstahl, Induktion, 2 Garstufen');
    expect(p.description).toBe('Spart Zeit und Energie: gart Eintöpfe, Reis und Hülsenfrüchte bis zu 70 % schneller als ein normaler Topf. Zwei Garstufen für schonendes und schnelles Garen, mit gut lesbarer Druckanzeige. Sicher: Deckelverriegelung, Überdruckventil und Silikondichtung. Für alle Herdarten einschließlich Induktion; spülmaschinengeeignet ohne Deckel.');
    // The hidden "Passt es?" bullet is not a feature.
    expect(p.features).toEqual([
      'Spart Zeit und Energie: gart Eintöpfe, Reis und Hülsenfrüchte bis zu 70 % schneller als ein normaler Topf',
      'Zwei Garstufen für schonendes und schnelles Garen, mit gut lesbarer Druckanzeige',
      'Sicher: Deckelverriegelung, Überdruckventil und Silikondichtung',
      'Für alle Herdarten einschließlich Induktion; spülmaschinengeeignet ohne Deckel',
    ]);
    expect(p.sources).toMatchObject({ description: 'Amazon page layout (feature bullets)', features: 'Amazon page layout' });
    expect([p.price, p.currency, p.brand]).toEqual(['89.99', 'EUR', 'Kochwerk']);
  });
});

describe('protocol-relative URLs in saved pages', () => {
  it('a saved .html read from disk: //cdn… is the shop’s https CDN, not a file', () => {
    const p = parse('og-spec-table-de.html').product;
    expect(p.images).toEqual([
      'https://cdn.kaminwerk.example/media/tetsu-schwarz.jpg',
      'https://cdn.kaminwerk.example/media/tetsu-offen.jpg',
      'https://cdn.kaminwerk.example/media/tetsu-detail.jpg',
    ]);
    // Pasted source, no address at all: the same.
    const pasted = parseProductInput({ text: readFileSync(at('og-spec-table-de.html'), 'utf8') }).product;
    expect(pasted.images).toEqual(p.images);
  });

  it('resolveUrl: https for a page on disk or with no address; a web page keeps its own scheme', () => {
    expect(resolveUrl('//cdn.shop.example/x.jpg', 'file:///home/me/Downloads/page.html')).toBe('https://cdn.shop.example/x.jpg');
    expect(resolveUrl('//cdn.shop.example/x.jpg')).toBe('https://cdn.shop.example/x.jpg');
    expect(resolveUrl('//cdn.shop.example/x.jpg', 'http://shop.example/p')).toBe('http://cdn.shop.example/x.jpg');
    // Relative paths still resolve against the file (its pictures folder).
    expect(resolveUrl('page_files/x.jpg', 'file:///home/me/Downloads/page.html')).toBe('file:///home/me/Downloads/page_files/x.jpg');
  });
});
