/**
 * Realistic product pages in the styles of different shop platforms and marketplaces, each
 * read through the same entry point the app and `npm run parse` use, asserting every field.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ImportError } from './errors.ts';
import { parseProductInput, type ParsedProductInput } from './input.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const parse = (name: string, url?: string): ParsedProductInput => parseProductInput({ bytes: fixture(name), fileName: name, ...(url ? { url } : {}) });

describe('shop pages', () => {
  it('Shopify theme: JSON-LD offers array, embedded product JSON, Open Graph, srcset gallery, video', () => {
    const { kind, product: p } = parse('shopify-kettle.html');
    expect(kind).toBe('html');
    expect(p.name).toBe('Aurora Pour-Over Kettle');
    // JSON-LD's flattened description loses the list items that became features.
    expect(p.description).toBe('The Aurora is a 1-litre gooseneck kettle for slow, even pour-over brewing.');
    expect(p.features).toEqual(['Gooseneck spout for a precise pour', 'Built-in thermometer reads 40–100 °C', 'Works on gas, electric and induction hobs']);
    // The cheaper variant is sold out: the in-stock offer's price.
    expect(p.price).toBe('89.00');
    expect(p.currency).toBe('USD');
    expect(p.priceText).toBe('$89.00');
    expect(p.brand).toBe('Northwind');
    // ?width= variants collapse to the original; related products, logo and payment icons are not product images.
    expect(p.images).toEqual([
      'https://northwind-coffee.com/cdn/shop/files/kettle-hero.jpg?v=1712345678',
      'https://northwind-coffee.com/cdn/shop/files/kettle-side.jpg?v=1712345679',
      'https://northwind-coffee.com/cdn/shop/files/kettle-pour.jpg?v=1712345681',
      'https://northwind-coffee.com/cdn/shop/files/kettle-kitchen.jpg?v=1712345682',
    ]);
    expect(p.videos).toEqual(['https://northwind-coffee.com/cdn/shop/videos/c/vp/8f2a61c0/8f2a61c0.HD-1080p-7.2Mbps.mp4?v=0']);
    expect(p.url).toBe('https://northwind-coffee.com/products/aurora-pour-over-kettle');
    expect(p.language).toBe('en');
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'Shopify product JSON in the page (description bullets)',
      price: 'JSON-LD (the only in-stock offer of 2)',
      currency: 'JSON-LD',
      brand: 'JSON-LD',
      images: 'JSON-LD: 1, Shopify product JSON in the page: 3',
      videos: 'Shopify product JSON in the page',
    });
    expect(p.notes).toEqual([]);
  });

  it('WooCommerce + Yoast: @graph, HTML entities in JSON-LD, WordPress size variants, short-description bullets', () => {
    const { product: p } = parse('woocommerce-mug.html');
    expect(p.name).toBe('Hand-Thrown Stoneware Mug – Moss Glaze');
    // The shipping sentence is boilerplate, not product.
    expect(p.description).toBe('Each mug is thrown by hand in our Cornish studio and glazed in a deep moss green that pools darker at the rim. No two are quite alike.');
    expect(p.features).toEqual(['Holds 350 ml – a proper mug of tea', 'Dishwasher & microwave safe', 'Each glaze is unique']);
    expect(p.price).toBe('28.00');
    expect(p.currency).toBe('GBP');
    expect(p.priceText).toBe('£28.00');
    expect(p.brand).toBeUndefined();
    expect(p.images).toEqual([
      'https://kilnandco.co.uk/wp-content/uploads/2024/03/moss-mug.jpg',
      'https://kilnandco.co.uk/wp-content/uploads/2024/03/moss-mug-side-scaled.jpg',
      'https://kilnandco.co.uk/wp-content/uploads/2024/03/moss-mug-handle.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.language).toBe('en-GB');
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'page content (description bullets)',
      price: 'JSON-LD',
      currency: 'JSON-LD',
      images: 'JSON-LD: 1, page content: 2',
    });
    expect(p.notes).toEqual([]);
  });

  it('PrestaShop, French, windows-1252: microdata only, <base href>, lazy data-src, nested Brand and Offer', () => {
    const { product: p } = parse('prestashop-sac-fr.html');
    expect(p.name).toBe('Sac à dos en toile cirée « Vauban »');
    expect(p.description).toBe('Sac à dos en toile de coton cirée et cuir pleine fleur, fabriqué à la main dans notre atelier lyonnais. Il résiste à la pluie et se patine avec le temps.');
    expect(p.features).toEqual(['Volume : 18 litres', 'Poche intérieure rembourrée pour ordinateur 15 pouces', 'Bretelles en cuir réglables']);
    expect(p.price).toBe('149.90');
    expect(p.currency).toBe('EUR');
    expect(p.priceText).toBe('149,90 €');
    expect(p.brand).toBe('Atelier Vauban');
    // Relative paths resolved against <base href>; home_default thumbnails → large_default.
    expect(p.images).toEqual([
      'https://www.atelier-vauban.fr/141-large_default/sac-a-dos-vauban.jpg',
      'https://www.atelier-vauban.fr/142-large_default/sac-a-dos-vauban-dos.jpg',
      'https://www.atelier-vauban.fr/143-large_default/sac-a-dos-vauban-interieur.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.url).toBe('https://www.atelier-vauban.fr/sacs/31-sac-a-dos-vauban.html');
    expect(p.language).toBe('fr');
    expect(p.sources).toEqual({
      name: 'microdata',
      description: 'microdata',
      features: 'microdata (description bullets)',
      price: 'microdata',
      currency: 'microdata',
      brand: 'microdata',
      images: 'microdata: 3',
    });
    // The "you may also like" item is a second Product; the page's own one was chosen.
    expect(p.notes).toEqual(['microdata describes 2 products; used “Sac à dos en toile cirée « Vauban »”.']);
  });

  it('Squarespace-style boutique: Open Graph and Twitter card only', () => {
    const { product: p } = parse('og-only-apron.html');
    expect(p.name).toBe('Linen Apron — Rust');
    expect(p.description).toBe('Heavyweight washed linen apron with a cross-back strap and two deep pockets. Cut and sewn in Portland, Oregon.');
    expect(p.features).toEqual([]);
    expect(p.price).toBe('42.00');
    expect(p.currency).toBe('USD');
    expect(p.priceText).toBe('$42.00');
    expect(p.brand).toBeUndefined();
    expect(p.images).toEqual([
      'https://images.folkandfield.example/content/v1/5f1/apron-rust-front.jpg',
      'https://images.folkandfield.example/content/v1/5f1/apron-rust-back.jpg',
      'https://images.folkandfield.example/content/v1/5f1/apron-rust-pocket.jpg',
      'https://images.folkandfield.example/content/v1/5f1/apron-rust-worn.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.sources).toEqual({ name: 'Open Graph', description: 'Open Graph', price: 'Open Graph', currency: 'Open Graph', images: 'Open Graph: 3, page content: 1' });
    expect(p.notes).toEqual([]);
  });

  it('Etsy-style marketplace listing: AggregateOffer, ImageObject contentURL, emoji spam, bullet lines, listing video', () => {
    const { product: p } = parse('etsy-wallet.html');
    expect(p.name).toBe("Slim Leather Bifold Wallet, Personalised Men's Wallet, Handmade Gift");
    expect(p.description).toBe('This slim bifold wallet is hand-stitched from a single piece of full-grain leather that darkens beautifully with use. It slips into a front pocket without a bulge!');
    expect(p.description).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(p.features).toEqual(['Full-grain vegetable-tanned leather', 'Holds 6 cards and folded notes', 'Personalised with up to 3 initials']);
    expect(p.price).toBe('34.00');
    expect(p.currency).toBe('GBP');
    expect(p.priceText).toBe('£34.00');
    expect(p.brand).toBe('LunaLeatherCo');
    expect(p.images).toEqual([
      'https://i.etsystatic.com/38012345/r/il/a1b2c3/4567890123/il_fullxfull.4567890123_ab12.jpg',
      'https://i.etsystatic.com/38012345/r/il/d4e5f6/4567890124/il_fullxfull.4567890124_cd34.jpg',
      'https://i.etsystatic.com/38012345/r/il/0a9b8c/4567890125/il_fullxfull.4567890125_ef56.jpg',
      'https://i.etsystatic.com/38012345/r/il/77aa11/4567890126/il_fullxfull.4567890126_0f0f.jpg',
    ]);
    expect(p.videos).toEqual(['https://v.etsystatic.com/video/upload/ac_none,du_15,q_auto:good/bifold-demo_kq1wz8.mp4']);
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'JSON-LD (description bullets)',
      price: 'JSON-LD (price range 34.00–52.00)',
      currency: 'JSON-LD',
      brand: 'JSON-LD',
      images: 'JSON-LD: 3, page content: 1',
      videos: 'page content',
    });
    expect(p.notes).toEqual([]);
  });

  it('Amazon-style marketplace page: no structured data, facts from the page layout and gallery script', () => {
    const { product: p } = parse('amazon-blender.html');
    expect(p.name).toBe('Vortex Pro 1200 W Blender, 1.8 L BPA-Free Jug, 6 Speeds & Pulse, Stainless Steel');
    expect(p.description).toBe('The Vortex Pro is built around a 1200 W motor and six stainless steel blades. Its heavy base stays put on the counter, and the vented lid lets you blend hot soup safely.\n\nOur blenders are backed by a 2-year warranty.');
    // The hidden "Make sure this fits" bullet is not a feature; emoji are dropped.
    expect(p.features).toEqual([
      'POWERFUL 1200 W MOTOR: crushes ice and frozen fruit into smooth drinks in seconds',
      '1.8 L BPA-FREE JUG: enough for the whole family, with measurement marks in ml and cups',
      '6 SPEEDS & PULSE: from chunky salsa to silky soup',
      'EASY CLEANING: removable blades and dishwasher-safe jug',
    ]);
    expect(p.price).toBe('129.99');
    expect(p.currency).toBe('USD');
    expect(p.priceText).toBe('$129.99');
    expect(p.brand).toBe('Vortex');
    // ._AC_SL1500_ / ._AC_US40_ variants → the original file; the video thumbnail is skipped.
    expect(p.images).toEqual([
      'https://m.media-amazon.com/images/I/71Vx1abcD2L.jpg',
      'https://m.media-amazon.com/images/I/81Qq2bcdE3L.jpg',
      'https://m.media-amazon.com/images/I/61Rr3cdeF4L.jpg',
      'https://m.media-amazon.com/images/I/71Ss4defG5L.jpg',
    ]);
    expect(p.videos).toEqual([]);
    const amazon = 'Amazon page layout';
    expect(p.sources).toEqual({ name: amazon, description: amazon, features: amazon, price: amazon, currency: amazon, brand: amazon, images: `${amazon}: 4` });
    expect(p.notes).toEqual([]);
  });

  it('German fashion shop: @graph ProductGroup with hasVariant, @id brand reference, sale price specification', () => {
    const { product: p } = parse('graph-variants-de.html');
    expect(p.name).toBe('Damen Regenjacke „Nordwind“');
    // "Kostenloser Versand ab 50 €." is shop boilerplate.
    expect(p.description).toBe('Leichte, wasserdichte Regenjacke aus recyceltem Polyester. Getapte Nähte, verstellbare Kapuze und zwei Reißverschlusstaschen halten dich auch bei Dauerregen trocken.');
    expect(p.features).toEqual(['Wassersäule: 10.000 mm', 'Material: 100 % recyceltes Polyester', 'Gewicht: 340 g']);
    // The sand variant is on sale (strike-through 129.95, selling 99.95).
    expect(p.price).toBe('99.95');
    expect(p.currency).toBe('EUR');
    expect(p.priceText).toBe('99,95 €');
    expect(p.brand).toBe('REGENWERK');
    expect(p.images).toEqual([
      'https://regenwerk.example/media/image/a7/3f/nordwind-oliv-front.jpg',
      'https://regenwerk.example/media/image/a7/40/nordwind-oliv-back.jpg',
      'https://regenwerk.example/media/image/b1/02/nordwind-navy-front.jpg',
      'https://regenwerk.example/media/image/c4/9e/nordwind-sand-front.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.language).toBe('de-DE');
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'JSON-LD (product properties)',
      price: 'JSON-LD (lowest of 3 variants)',
      currency: 'JSON-LD',
      brand: 'JSON-LD',
      images: 'JSON-LD: 4',
    });
    expect(p.notes).toEqual([]);
  });

  it('electronics marketplace: several sellers, used and sold-out offers, Cloudinary transforms, video object', () => {
    const { product: p } = parse('multi-offer-headphones.html');
    expect(p.name).toBe('Sonora ANC 700 Wireless Headphones');
    // HTML inside the JSON-LD description; the feature list is NOT cut out of a sentence.
    expect(p.description).toBe('Adaptive noise cancelling that tunes itself to the room 60 times a second, and 30 hours of battery life on one charge.\n\nMemory-foam ear cushions and a 250 g frame make it easy to wear all day.');
    expect(p.features).toEqual(['Adaptive noise cancelling', '30-hour battery, USB-C fast charge', 'Multipoint Bluetooth 5.3']);
    // Used ($189) and out-of-stock ($205) offers are passed over.
    expect(p.price).toBe('219.00');
    expect(p.currency).toBe('USD');
    expect(p.priceText).toBe('$219.00');
    expect(p.brand).toBe('Sonora');
    // The related travel case's image is not ours.
    expect(p.images).toEqual([
      'https://res.cloudinary.com/soundhaus/image/upload/v1699/anc700/front.jpg',
      'https://res.cloudinary.com/soundhaus/image/upload/v1699/anc700/folded.jpg',
      'https://res.cloudinary.com/soundhaus/image/upload/v1699/anc700/worn.jpg',
      'https://res.cloudinary.com/soundhaus/image/upload/v1699/anc700/controls.png',
    ]);
    expect(p.videos).toEqual(['https://media.soundhaus.example/videos/anc700-unboxing.mp4']);
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'page content',
      price: 'JSON-LD (the only new, in-stock offer of 3)',
      currency: 'JSON-LD',
      brand: 'JSON-LD',
      images: 'JSON-LD: 1, page content: 3',
      videos: 'JSON-LD',
    });
    expect(p.notes).toEqual([]);
  });

  it('malformed JSON-LD next to valid microdata: the broken block is skipped and said so; a repairable one is read', () => {
    const { product: p } = parse('malformed-jsonld-shoes.html');
    expect(p.name).toBe("Trail Runner GTX Women's Running Shoe");
    expect(p.description).toBe('A waterproof trail shoe with a GORE-TEX membrane and a 5 mm lugged outsole that bites into mud and wet rock.');
    expect(p.features).toEqual(['Waterproof, breathable GORE-TEX lining', '5 mm lugs with a sticky rubber compound', 'Rock plate under the forefoot']);
    expect(p.price).toBe('139.00');
    expect(p.currency).toBe('USD');
    expect(p.priceText).toBe('$139.00');
    expect(p.brand).toBe('Ridgeline');
    // Lazy data-src / data-srcset / <noscript>; Magento /cache/<hash>/ → the original file.
    expect(p.images).toEqual([
      'https://ridgeline-outdoor.example/media/catalog/product/t/r/trail-runner-gtx-w-slate.jpg',
      'https://ridgeline-outdoor.example/media/catalog/product/t/r/trail-runner-gtx-w-sole.jpg',
      'https://ridgeline-outdoor.example/media/catalog/product/t/r/trail-runner-gtx-w-side.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.sources).toEqual({
      name: 'microdata',
      description: 'microdata',
      features: 'microdata (description bullets)',
      price: 'microdata',
      currency: 'microdata',
      brand: 'microdata',
      images: 'microdata: 1, page content: 2',
    });
    expect(p.notes).toEqual([
      'JSON-LD block 1 of 3 is not valid JSON — it stops in the middle (cut off?) — so it was skipped.',
      'JSON-LD block 2 had syntax errors (comments, trailing commas or raw line breaks); read it anyway.',
    ]);
  });

  it('BigCommerce: double-encoded entities, HTML in JSON-LD, conflicting microdata (JSON-LD wins), stencil sizes', () => {
    const { product: p } = parse('bigcommerce-entities.html');
    expect(p.name).toBe('Walnut Salt & Pepper Mill Set "Heirloom"');
    expect(p.description).toBe("Turned from a single board of American black walnut and finished with food‑safe oil. The ceramic grinders never rust and adjust from fine to coarse with a twist of the top knob.\n\nCare: wipe clean — don't soak.");
    expect(p.features).toEqual(['Ceramic grinding mechanism, adjustable', 'Height: 20 cm (8")', 'Sold as a pair']);
    expect(p.price).toBe('64.00');
    expect(p.currency).toBe('USD');
    expect(p.priceText).toBe('$64.00');
    expect(p.brand).toBe("O'Brien & Sons");
    expect(p.images).toEqual([
      'https://cdn11.bigcommerce.com/s-abc123/images/stencil/original/products/112/377/salt-pepper-set__12345.1699999999.jpg?c=2',
      'https://cdn11.bigcommerce.com/s-abc123/images/stencil/original/products/112/378/mills-open__54321.1699999999.jpg?c=2',
      'https://cdn11.bigcommerce.com/s-abc123/images/stencil/original/products/112/379/mills-table__99887.1699999999.jpg?c=2',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'JSON-LD (description bullets)',
      price: 'JSON-LD',
      currency: 'JSON-LD',
      brand: 'JSON-LD',
      images: 'JSON-LD: 1, page content: 2',
    });
    expect(p.notes).toEqual([]);
  });

  it('Rakuten, Japanese: yen without decimals, CJK sentence boilerplate, thumbnail mirror host', () => {
    const { product: p } = parse('rakuten-teapot-ja.html');
    expect(p.name).toBe('南部鉄器 急須 0.6L ブラック 日本製');
    expect(p.description).toBe('岩手県盛岡市の職人が一つずつ鋳造した南部鉄器の急須です。内側はホーロー加工なので、お手入れが簡単です。');
    expect(p.features).toEqual(['容量：0.6L（約3杯分）', '内側ホーロー加工でサビにくい', 'IH・ガス火には使用できません']);
    expect(p.price).toBe('4980');
    expect(p.currency).toBe('JPY');
    expect(p.priceText).toBe('￥4,980');
    expect(p.brand).toBe('鉄器工房いわて');
    expect(p.images).toEqual([
      'https://shop.r10s.jp/tekki-iwate/cabinet/kyusu/kyusu-06-bk_01.jpg',
      'https://shop.r10s.jp/tekki-iwate/cabinet/kyusu/kyusu-06-bk_02.jpg',
      'https://shop.r10s.jp/tekki-iwate/cabinet/kyusu/kyusu-06-bk_03.jpg',
      'https://shop.r10s.jp/tekki-iwate/cabinet/kyusu/kyusu-06-bk_04.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.language).toBe('ja');
    expect(p.sources).toEqual({
      name: 'JSON-LD',
      description: 'JSON-LD',
      features: 'page content',
      price: 'JSON-LD',
      currency: 'JSON-LD',
      brand: 'JSON-LD',
      images: 'JSON-LD: 3, page content: 1',
    });
    expect(p.notes).toEqual([]);
  });

  it('saved page (.mhtml): the page and its pictures come out of the file, no network needed', () => {
    const r = parse('saved-page-candle.mhtml');
    const p = r.product;
    expect(r.kind).toBe('mhtml');
    expect(p.name).toBe('Ember Smart Candle');
    expect(p.description).toBe('A flameless candle with a real wax shell and a flicker that follows the draught in the room.');
    expect(p.features).toEqual([]);
    expect(p.price).toBe('39.00');
    expect(p.currency).toBe('EUR');
    expect(p.priceText).toBe('€39.00');
    expect(p.brand).toBe('Lumen & Co');
    expect(p.images).toEqual(['https://lumenandco.example/cdn/shop/files/ember-lit.jpg?v=1709280000', 'https://lumenandco.example/cdn/shop/files/ember-base.jpg?v=1709280000']);
    expect(p.videos).toEqual([]);
    expect(p.url).toBe('https://lumenandco.example/products/ember-smart-candle');
    expect(p.sources).toEqual({ name: 'JSON-LD', description: 'JSON-LD', price: 'JSON-LD', currency: 'JSON-LD', brand: 'JSON-LD', images: 'JSON-LD: 1, page content: 1' });
    // The smaller copies the page showed are inside the file, as alternates of each picture.
    for (const img of p.imageDetails) {
      const embedded = [img.url, ...img.alternates].find((u) => r.resources.has(u));
      expect(embedded, img.url).toBeDefined();
      const bytes = r.resources.get(embedded!)!.bytes;
      expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
    }
  });
});

describe('shop product JSON', () => {
  it('Shopify /products/<handle>.json: decimal prices, images by position, body_html bullets', () => {
    const r = parse('shopify-products-handle.json', 'https://harbourgoods.example/products/canvas-market-tote.json');
    const p = r.product;
    expect(r.kind).toBe('json');
    expect(p.name).toBe('Canvas Market Tote');
    // The "Details" heading above the list goes; the closing line stays.
    expect(p.description).toBe('Our everyday tote is cut from 18 oz waxed canvas and finished with vegetable-tanned leather handles. It stands up on its own and gets better with every scuff.\n\nMade in Portugal.');
    expect(p.features).toEqual(['18 oz waxed cotton canvas', 'Interior zip pocket & key clip', '40 × 35 × 15 cm']);
    expect(p.price).toBe('68.00');
    expect(p.currency).toBeUndefined();
    expect(p.priceText).toBe('68.00');
    expect(p.brand).toBe('Harbour Goods');
    expect(p.images).toEqual([
      'https://cdn.shopify.com/s/files/1/0612/3456/7890/products/tote-olive.jpg?v=1704895200',
      'https://cdn.shopify.com/s/files/1/0612/3456/7890/products/tote-inside.jpg?v=1704895200',
      'https://cdn.shopify.com/s/files/1/0612/3456/7890/products/tote-sand.jpg?v=1704895200',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.url).toBe('https://harbourgoods.example/products/canvas-market-tote');
    const s = 'Shopify product JSON';
    expect(p.sources).toEqual({ name: s, description: s, features: `${s} (description bullets)`, price: s, brand: s, images: `${s}: 3` });
    expect(p.notes).toEqual(['The price comes without a currency; add the symbol in the form if you want it shown.']);
  });

  it('Shopify /products/<handle>.js: prices in cents, media with an MP4 and a YouTube video', () => {
    const { product: p } = parse('shopify-product.js.json', 'https://lumenandco.example/products/ember-smart-candle.js');
    expect(p.name).toBe('Ember Smart Candle');
    expect(p.description).toBe('A flameless candle with a real wax shell and a flicker that follows the draught in the room. Set a sunset timer from the app and it fades out on its own.');
    expect(p.features).toEqual(['100 hours per charge', 'USB-C charging base', 'Works with voice assistants']);
    expect(p.price).toBe('39.00');
    expect(p.currency).toBeUndefined();
    expect(p.priceText).toBe('39.00');
    expect(p.brand).toBe('Lumen & Co');
    expect(p.images).toEqual(['https://lumenandco.example/cdn/shop/files/ember-lit.jpg?v=1709280000', 'https://lumenandco.example/cdn/shop/files/ember-base.jpg?v=1709280000']);
    // Files first; the YouTube page is listed but cannot be downloaded.
    expect(p.videos).toEqual(['https://lumenandco.example/cdn/shop/videos/c/vp/aa11bb22/aa11bb22.HD-720p-3.0Mbps.mp4', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']);
    expect(p.sources.price).toBe('Shopify product JSON (lowest of 2 variants)');
    expect(p.sources.videos).toBe('Shopify product JSON');
  });

  it('WooCommerce Store API: minor units, HTML entities, brands, short description as features', () => {
    const { product: p } = parse('woocommerce-store-api.json');
    expect(p.name).toBe('Hand-Thrown Stoneware Mug – Moss Glaze');
    expect(p.description).toBe('Each mug is thrown by hand in our Cornish studio and glazed in a deep moss green that pools darker at the rim. No two are quite alike.');
    expect(p.features).toEqual(['Holds 350 ml – a proper mug of tea', 'Dishwasher & microwave safe', 'Each glaze is unique']);
    expect(p.price).toBe('28.00');
    expect(p.currency).toBe('GBP');
    expect(p.priceText).toBe('£28.00');
    expect(p.brand).toBe('Kiln & Co');
    expect(p.images).toEqual([
      'https://kilnandco.co.uk/wp-content/uploads/2024/03/moss-mug.jpg',
      'https://kilnandco.co.uk/wp-content/uploads/2024/03/moss-mug-side-scaled.jpg',
      'https://kilnandco.co.uk/wp-content/uploads/2024/03/moss-mug-handle.jpg',
    ]);
    expect(p.videos).toEqual([]);
    expect(p.url).toBe('https://kilnandco.co.uk/shop/mugs/hand-thrown-stoneware-mug-moss/');
    const s = 'WooCommerce Store API';
    expect(p.sources).toEqual({ name: s, description: s, features: s, price: s, currency: s, brand: s, images: `${s}: 3` });
  });

  it('talkreel product.json with relative image paths resolves them against the file', () => {
    const json = JSON.stringify({ name: 'Aurora Bottle', description: 'Keeps drinks cold.', features: ['Cold for 24 h'], price: '$34', brand: 'Northwind', images: ['bottle-hero.jpg', 'https://cdn.example/b.png'] });
    const { product: p } = parseProductInput({ text: json, fallbackBase: 'file:///home/me/examples/product.json' });
    expect(p).toMatchObject({ name: 'Aurora Bottle', description: 'Keeps drinks cold.', features: ['Cold for 24 h'], price: '34.00', currency: 'USD', priceText: '$34.00', brand: 'Northwind' });
    expect(p.images).toEqual(['file:///home/me/examples/bottle-hero.jpg', 'https://cdn.example/b.png']);
  });
});

describe('pages without a product', () => {
  it('a blog article says plainly that it is not a product page', () => {
    const err = (() => {
      try {
        parse('no-product-blog.html');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('no-product');
    expect((err as ImportError).message).toBe('“How to Brew Better Pour-Over at Home | The Northwind Journal” does not describe a product: it has no product data (JSON-LD, microdata, Open Graph product tags or shop JSON).');
    expect((err as ImportError).hint).toMatch(/product’s own page/);
  });
});

describe('smaller cases', () => {
  it('RDFa Lite (vocab/typeof/property) is read like microdata', () => {
    const html = `<html lang="en"><body><div vocab="https://schema.org/" typeof="Product">
      <h1 property="name">Oak Chopping Board</h1>
      <img property="image" src="https://woodshop.example/img/board.jpg" alt="">
      <div property="brand" typeof="Brand"><span property="name">Grain &amp; Co</span></div>
      <p property="description">End-grain oak, oiled by hand.</p>
      <div property="offers" typeof="Offer"><meta property="priceCurrency" content="EUR"><span property="price" content="59.00">59 €</span></div>
    </div></body></html>`;
    const { product: p } = parseProductInput({ text: html, url: 'https://woodshop.example/p/board' });
    expect(p).toMatchObject({ name: 'Oak Chopping Board', brand: 'Grain & Co', description: 'End-grain oak, oiled by hand.', price: '59.00', currency: 'EUR', images: ['https://woodshop.example/img/board.jpg'] });
    expect(p.sources.name).toBe('RDFa');
  });

  it('a pasted page with relative picture paths and no address of its own says how to find them', () => {
    const html = '<html><head><meta property="og:type" content="product"><meta property="og:title" content="Clay Vase"></head><body><div class="product-gallery"><img src="/img/vase.jpg"></div></body></html>';
    const { product: p } = parseProductInput({ text: html });
    expect(p.name).toBe('Clay Vase');
    expect(p.images).toEqual([]);
    expect(p.notes).toContain('Some pictures use paths relative to the page, and the page does not say its own address: enter the product link to find them.');
    // With the link the user entered, they resolve.
    expect(parseProductInput({ text: html, url: 'https://clay.example/p/vase' }).product.images).toEqual(['https://clay.example/img/vase.jpg']);
  });

  it('a Twitter product card alone (label/data price) is a product', () => {
    const html = '<html lang="en-AU"><head><meta name="twitter:card" content="product"><meta name="twitter:title" content="Merino Beanie"><meta name="twitter:image" content="https://knits.example/beanie.jpg"><meta name="twitter:label1" content="Price"><meta name="twitter:data1" content="$45.00"></head></html>';
    const { product: p } = parseProductInput({ text: html });
    expect(p).toMatchObject({ name: 'Merino Beanie', price: '45.00', currency: 'AUD', priceText: '$45.00', images: ['https://knits.example/beanie.jpg'] });
    expect(p.sources).toMatchObject({ name: 'Twitter card', price: 'Twitter card' });
  });
});
