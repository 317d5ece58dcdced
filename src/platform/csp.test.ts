import { describe, expect, it } from 'vitest';
import { appPolicy, embedFrameAncestors, gatewayConnectSources, gatewayPolicy, gatewayStaticPolicy } from './csp.ts';

describe('content security policy', () => {
  it('lets the app connect to its own origin only', () => {
    const p = appPolicy();
    expect(p).toContain("connect-src 'self' blob: data:;");
    expect(p).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(p.replace("'wasm-unsafe-eval'", '')).not.toContain("'unsafe-eval'");
    expect(p).not.toContain('https:');
    expect(p).toContain("frame-ancestors 'self'");
  });

  it('leaves frame-ancestors out of <meta> (browsers ignore it there)', () => {
    expect(appPolicy({ meta: true })).not.toContain('frame-ancestors');
    expect(gatewayStaticPolicy()).not.toContain('frame-ancestors');
  });

  it('frames the widget only on the allowed host origins', () => {
    expect(appPolicy({ frameAncestors: embedFrameAncestors(['https://shop.example', 'http://127.0.0.1:5173']) })).toContain('frame-ancestors https://shop.example http://127.0.0.1:5173');
    expect(embedFrameAncestors([])).toEqual(["'none'"]);
    // Anything that could smuggle another directive in is dropped.
    expect(embedFrameAncestors(['https://a.example; script-src *', 'https://b.example/path', '*'])).toEqual(["'none'"]);
  });

  it('opens a gateway to exactly one site', () => {
    expect(gatewayConnectSources('https://shop.example')).toEqual(['https://shop.example', 'https://www.shop.example']);
    expect(gatewayConnectSources('http://www.shop.example')).toEqual(['http://www.shop.example', 'https://www.shop.example', 'http://shop.example', 'https://shop.example']);
    expect(gatewayConnectSources('http://127.0.0.1:11434')).toEqual(['http://127.0.0.1:11434']);
    expect(gatewayPolicy('https://shop.example')).toBe('connect-src https://shop.example https://www.shop.example');
    expect(() => gatewayConnectSources('javascript:alert(1)')).toThrow();
  });
});
