import { describe, expect, it } from 'vitest';
import { parseJsonLenient, repairJson } from './json.ts';
import { decodeQuotedPrintable, parseMhtml } from './mhtml.ts';
import { currencyFromText, formatMoney, parseAmount } from './price.ts';
import { preselect } from './select.ts';
import { cleanDescription, cleanLine, stripEmoji, stripSiteName } from './text.ts';

describe('prices', () => {
  it('reads amounts the way shops write them', () => {
    expect(parseAmount('49.90')).toBe(49.9);
    expect(parseAmount(129)).toBe(129);
    expect(parseAmount('1,299.00', true)).toBe(1299);
    expect(parseAmount('1.299,00 €', true)).toBe(1299);
    expect(parseAmount('49,90 €', true)).toBe(49.9);
    expect(parseAmount('CHF 1’299.–'.replace('’', "'"), true)).toBe(1299);
    expect(parseAmount('€1.299', true)).toBe(1299);
    expect(parseAmount('4,980円', true)).toBe(4980);
    expect(parseAmount('$19.99 – $29.99', true)).toBe(19.99);
    expect(parseAmount('free')).toBeNull();
    expect(parseAmount(-3)).toBeNull();
  });

  it('finds the currency from symbols and codes, and formats in the page locale', () => {
    expect(currencyFromText('£28.00')).toBe('GBP');
    expect(currencyFromText('149,90 €')).toBe('EUR');
    expect(currencyFromText('CA$ 20')).toBe('CAD');
    expect(currencyFromText('¥4,980', 'ja')).toBe('JPY');
    expect(currencyFromText('¥99', 'zh-CN')).toBe('CNY');
    expect(currencyFromText('$12', 'en-AU')).toBe('AUD');
    expect(currencyFromText('12.00')).toBeUndefined();
    expect(formatMoney({ amount: 129.95, currency: 'EUR' }, 'de-DE')).toBe('129,95 €');
    expect(formatMoney({ amount: 4980, currency: 'JPY' }, 'ja')).toBe('￥4,980');
    expect(formatMoney({ amount: 34, currency: 'USD' })).toBe('$34.00');
    expect(formatMoney({ amount: 34, currency: 'USD' }, 'not a locale!')).toBe('$34.00');
  });
});

describe('lenient JSON (what pages really embed)', () => {
  it('repairs comments, trailing commas, raw newlines, bad escapes and comment wrappers', () => {
    const broken = `<!--
    { // the product
      "name": "Mug \\'Moss\\'", /* glaze */
      "description": "Line one
line two",
      "image": ["a.jpg", "b.jpg",],
    }
    -->`;
    const r = parseJsonLenient(broken);
    expect(r.ok && r.repaired).toBe(true);
    expect(r.ok && r.value).toEqual({ name: "Mug 'Moss'", description: 'Line one\nline two', image: ['a.jpg', 'b.jpg'] });
    // URLs inside strings keep their "//".
    expect(JSON.parse(repairJson('{"u": "https://x.example/a", }'))).toEqual({ u: 'https://x.example/a' });
  });

  it('reports what is wrong and where when it cannot be repaired', () => {
    const r = parseJsonLenient('{\n  "name": "A",\n  "price": }');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/line 3, column 12/);
    const cut = parseJsonLenient('{"name": "A", "offers": {"price"');
    expect(!cut.ok && cut.error).toBe('it stops in the middle (cut off?)');
  });
});

describe('text cleaning', () => {
  it('strips emoji but keeps ©, ® and ™', () => {
    expect(stripEmoji('🔥 Hot 🔥 Brand™ Kettle® ©2024 👍🏽 🇬🇧')).toBe(' Hot  Brand™ Kettle® ©2024  ');
    expect(cleanLine('  BEST   kettle!!!  ✨ &amp; more  ')).toBe('BEST kettle! & more');
  });

  it('turns description markup into prose and bullets, dropping boilerplate and headings', () => {
    const html = '<h3>About</h3><p>Made from <b>cast iron</b>.&nbsp;Lasts for generations.</p><p>Free shipping on all orders!</p><h4>Features</h4><ul><li>Enamel lining</li><li>0.6 L</li></ul><table><tr><th>Weight</th><td>1.2 kg</td></tr></table>';
    expect(cleanDescription(html)).toEqual({ text: 'Made from cast iron. Lasts for generations.\n\nWeight: 1.2 kg', bullets: ['Enamel lining', '0.6 L'] });
    const plain = 'Great kettle.\n• Fast boil\n- Auto shut-off\n✔ 2-year warranty\nShips within 2 days.';
    expect(cleanDescription(plain)).toEqual({ text: 'Great kettle.', bullets: ['Fast boil', 'Auto shut-off', '2-year warranty'] });
  });

  it('survives absurdly deep markup', () => {
    const n = 200_000;
    expect(cleanDescription(`${'<div>'.repeat(n)}Deep text.${'</div>'.repeat(n)}`).text).toBe('Deep text.');
  });

  it('removes the shop name from titles without breaking names that contain dashes', () => {
    expect(stripSiteName('Linen Apron — Rust | Folk & Field', 'Folk & Field')).toBe('Linen Apron — Rust');
    expect(stripSiteName('Kiln & Co – Stoneware Mug', 'Kiln & Co')).toBe('Stoneware Mug');
    expect(stripSiteName('Pour-Over Kettle - 1 L | Shop')).toBe('Pour-Over Kettle - 1 L');
  });
});

describe('MHTML', () => {
  it('decodes quoted-printable soft breaks and escapes', () => {
    const qp = new TextEncoder().encode('caf=C3=A9 au l=\r\nait =3D 3');
    expect(new TextDecoder().decode(decodeQuotedPrintable(qp))).toBe('café au lait = 3');
  });

  it('finds the page and its resources by Content-Location, with LF-only line ends too', () => {
    const mht = [
      'MIME-Version: 1.0',
      'Snapshot-Content-Location: https://s.example/p',
      'Content-Type: multipart/related; boundary="b1"; type="text/html"',
      '',
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Location: https://s.example/p',
      '',
      '<html><body>hi</body></html>',
      '--b1',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://s.example/a.png',
      '',
      'iVBORw0KGgo=',
      '--b1--',
    ].join('\n');
    const m = parseMhtml(new TextEncoder().encode(mht))!;
    expect(m.url).toBe('https://s.example/p');
    expect(new TextDecoder().decode(m.html.bytes)).toBe('<html><body>hi</body></html>');
    expect([...m.resources.keys()]).toEqual(['https://s.example/a.png']);
    expect([...m.resources.get('https://s.example/a.png')!.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('pre-selection', () => {
  it('picks the first good pictures in page order, skipping tiny ones and banner strips', () => {
    const imgs = [{ width: 1600, height: 1600 }, { width: 120, height: 120 }, { width: 2400, height: 400 }, { width: 800, height: 1000 }];
    expect(preselect(imgs)).toEqual([true, false, false, true]);
    expect(preselect(imgs, 1)).toEqual([true, false, false, false]);
  });

  it('still starts with two selected when the page only has small pictures', () => {
    expect(preselect([{ width: 100, height: 100 }, { width: 250, height: 250 }, { width: 200, height: 200 }])).toEqual([false, true, true]);
  });
});
