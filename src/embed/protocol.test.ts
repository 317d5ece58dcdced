import { describe, expect, it } from 'vitest';
import { BUILTIN_PRESENTERS } from '../compose/presenter/index.ts';
import { inspect, isAllowedOrigin, LIMITS, parseAllowedOrigins, parseHostMessage, parseWidgetMessage, PROTOCOL } from './protocol.ts';

const job = (extra: Record<string, unknown> = {}) => ({
  protocol: PROTOCOL,
  type: 'create_job',
  request_id: 'r1',
  job: { type: 'product_avatar', product: { name: 'Aurora Bottle', images: ['https://shop.example/a.jpg'] }, ...extra },
});

describe('host messages', () => {
  it('accepts every request type and fills job defaults', () => {
    const ok = parseHostMessage(job());
    expect(ok.ok).toBe(true);
    if (!ok.ok || ok.message.type !== 'create_job') throw new Error('expected create_job');
    expect(ok.message.job).toMatchObject({ aspect_ratio: '9x16', motion_style: 'talking', duration: 30, language: 'en', resolution: 1080 });
    for (const m of [
      { type: 'hello' },
      { type: 'get_job', request_id: 'a', job_id: 'job_1' },
      { type: 'list_jobs' },
      { type: 'cancel_job', job_id: 'job_1' },
      { type: 'get_video', request_id: 'a', job_id: 'job_1' },
      { type: 'get_photo', request_id: 'a', job_id: 'job_1' },
      { type: 'list_avatars', request_id: 'a', filter: { gender: 'female' } },
    ]) {
      expect(parseHostMessage({ protocol: PROTOCOL, ...m }).ok, m.type).toBe(true);
    }
  });

  it('accepts images as URLs or Blobs, and product_url without product', () => {
    expect(parseHostMessage(job({ product: { name: 'x', images: [new Blob([new Uint8Array(10)]), 'http://127.0.0.1:8080/a.png'] } })).ok).toBe(true);
    expect(parseHostMessage(job({ product: undefined, product_url: 'https://shop.example/p/1' })).ok).toBe(true);
  });

  it('rejects bad fields with the path, answering the request id, never echoing values', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ aspect_ratio: '4x3' }, /job\.aspect_ratio/],
      [{ type: 'product_magic' }, /job\.type/],
      [{ webhook_url: 'javascript:alert(1)' }, /job\.webhook_url: must be an absolute http\(s\) URL/],
      [{ product_url: 'file:///etc/passwd', product: undefined }, /job\.product_url/],
      [{ duration: 45 }, /job\.duration/],
      [{ product: { name: '   ' } }, /product\.name is required/],
      [{ product: undefined }, /needs product data or a product_url/],
      [{ product: { name: 'x', images: Array(13).fill('https://a.example/x.jpg') } }, /oversized|images/],
    ];
    for (const [extra, re] of cases) {
      const r = parseHostMessage(job(extra));
      expect(r.ok, JSON.stringify(extra)).toBe(false);
      if (r.ok) continue;
      if (r.reason === 'malformed') {
        expect(r.detail).toMatch(re);
        expect(r.request_id).toBe('r1');
        expect(r.detail).not.toContain('javascript');
        expect(r.detail).not.toContain('/etc/passwd');
      }
    }
  });

  it('drops what is not ours, or not an object', () => {
    expect(parseHostMessage({ type: 'hello' })).toMatchObject({ ok: false, reason: 'unknown' });
    expect(parseHostMessage({ protocol: 'talkreel/2', type: 'hello' })).toMatchObject({ ok: false, reason: 'unknown' });
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'eval', request_id: 'x1' })).toMatchObject({ ok: false, reason: 'unknown', request_id: 'x1' });
    for (const bad of ['hello', 42, null, undefined, [1, 2], true]) expect(parseHostMessage(bad)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'list_jobs', when: new Date() })).toMatchObject({ ok: false, reason: 'malformed' });
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'list_jobs', f: () => 1 })).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('does not answer with a request id that is not a plain id', () => {
    const r = parseHostMessage({ protocol: PROTOCOL, type: 'get_job', request_id: '<script>', job_id: 'x y' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.request_id).toBeUndefined();
  });

  it('drops __proto__, constructor and prototype keys at any depth', () => {
    const top = JSON.parse('{"protocol":"talkreel/1","type":"list_jobs","__proto__":{"polluted":true}}') as unknown;
    expect(Object.keys(top as object)).toContain('__proto__');
    expect(parseHostMessage(top)).toMatchObject({ ok: false, reason: 'unsafe' });
    const deep = JSON.parse('{"protocol":"talkreel/1","type":"create_job","request_id":"r","job":{"type":"product_avatar","product":{"name":"x","constructor":{"prototype":{"x":1}}}}}') as unknown;
    expect(parseHostMessage(deep)).toMatchObject({ ok: false, reason: 'unsafe' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops oversized messages without reading all of them', () => {
    expect(parseHostMessage({ ...job(), pad: 'a'.repeat(LIMITS.maxStringLength + 1) })).toMatchObject({ ok: false, reason: 'oversized' });
    let deep: Record<string, unknown> = {};
    const top = deep;
    for (let i = 0; i < 20; i++) deep = (deep.n = {}) as Record<string, unknown>;
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'list_jobs', deep: top })).toMatchObject({ ok: false, reason: 'oversized' });
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(parseHostMessage({ protocol: PROTOCOL, type: 'list_jobs', many })).toMatchObject({ ok: false, reason: 'oversized' });
    const wide = Array.from({ length: 40 }, () => Array.from({ length: 40 }, () => 'x'.repeat(200)));
    expect(inspect({ wide })).toMatchObject({ ok: false, reason: 'oversized', detail: 'message too large' });
    const bigBlob = new Blob([new Uint8Array(LIMITS.maxBlobBytes + 1)]);
    expect(parseHostMessage(job({ product: { name: 'x', images: [bigBlob] } }))).toMatchObject({ ok: false, reason: 'oversized' });
  });
});

describe('widget messages (SDK side)', () => {
  it('validates replies, with video bytes as an ArrayBuffer', () => {
    const bytes = new ArrayBuffer(64);
    expect(parseWidgetMessage({ protocol: PROTOCOL, type: 'video', request_id: 'r1', job_id: 'job_1', mime: 'video/mp4', bytes }).ok).toBe(true);
    expect(parseWidgetMessage({ protocol: PROTOCOL, type: 'video', request_id: 'r1', job_id: 'job_1', mime: 'video/mp4', bytes: 'AAAA' }).ok).toBe(false);
    expect(parseWidgetMessage({ protocol: PROTOCOL, type: 'error', code: 'not_found', message: 'No job.' }).ok).toBe(true);
    expect(parseWidgetMessage({ protocol: PROTOCOL, type: 'job', job: { id: 'x' } }).ok).toBe(false);
  });
});

describe('allowed origins', () => {
  it('keeps bare http(s) origins, normalised as browsers report them', () => {
    expect(parseAllowedOrigins('https://shop.example, http://127.0.0.1:8080 HTTPS://Other.Example/')).toEqual(['https://shop.example', 'http://127.0.0.1:8080', 'https://other.example']);
    expect(parseAllowedOrigins(['https://shop.example:443'])).toEqual(['https://shop.example']);
  });

  it('ignores wildcards, null, paths, credentials and other schemes', () => {
    expect(parseAllowedOrigins('*, null, https://shop.example/path, https://u:p@shop.example, javascript:alert(1), file:///x, https://shop.example?x=1, https://a.example#f, ftp://a.example')).toEqual([]);
    expect(parseAllowedOrigins(null)).toEqual([]);
    expect(parseAllowedOrigins('')).toEqual([]);
  });

  it('compares by exact match', () => {
    const allowed = parseAllowedOrigins('https://shop.example');
    expect(isAllowedOrigin('https://shop.example', allowed)).toBe(true);
    for (const o of ['https://shop.example.evil.test', 'http://shop.example', 'https://sub.shop.example', 'https://shop.example:8443', 'null', '', undefined, 'https://SHOP.example ']) {
      expect(isAllowedOrigin(o, allowed), String(o)).toBe(false);
    }
  });
});

describe('widget replies', () => {
  it('accept the whole avatar library in one avatars message', () => {
    const avatars = BUILTIN_PRESENTERS.map((l) => ({ id: l.id, name: l.name, gender: l.gender, description: 'x', kind: 'builtin-2d', outfit: l.outfit.style, hair: l.hair.style }));
    expect(avatars.length).toBeGreaterThan(200);
    expect(parseWidgetMessage({ protocol: PROTOCOL, type: 'avatars', request_id: 'r1', avatars }).ok).toBe(true);
  });
});
