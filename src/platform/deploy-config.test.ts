import { describe, expect, it } from 'vitest';
import { HUB, HUB_HOSTS, narrowOrigins, parseDeployConfig } from './deploy-config.ts';

describe('deployment configuration', () => {
  it('defaults to no embedding site and the hub for models', () => {
    const c = parseDeployConfig({});
    expect(c.embed.allowedOrigins).toEqual([]);
    expect(c.models).toEqual({ hub: HUB, hosts: HUB_HOSTS });
  });

  it('takes exact origins, normalised, and ignores $comments', () => {
    const c = parseDeployConfig({ $comment: 'x', embed: { $why: 'y', allowedOrigins: ['https://Shop.Example', 'http://127.0.0.1:5180'] } });
    expect(c.embed.allowedOrigins).toEqual(['https://shop.example', 'http://127.0.0.1:5180']);
  });

  it('refuses anything that is not a bare origin, naming the field', () => {
    for (const bad of ['*', 'https://shop.example/path', 'https://shop.example; script-src *', 'javascript:alert(1)', 'https://u:p@shop.example', 'null']) {
      expect(() => parseDeployConfig({ embed: { allowedOrigins: [bad] } }), bad).toThrow(/embed\.allowedOrigins/);
    }
  });

  it('keeps a mirror hub among the model hosts', () => {
    const c = parseDeployConfig({ models: { hub: 'http://127.0.0.1:4391', hosts: ['http://localhost:4392'] } });
    expect(c.models.hosts).toEqual(['http://127.0.0.1:4391', 'http://localhost:4392']);
  });

  it('lets a URL narrow the embed list, never widen it', () => {
    const deployed = ['https://shop.example', 'https://blog.example'];
    expect(narrowOrigins(deployed, null)).toEqual(deployed);
    expect(narrowOrigins(deployed, ['https://blog.example'])).toEqual(['https://blog.example']);
    expect(narrowOrigins(deployed, ['https://evil.example', 'https://shop.example'])).toEqual(['https://shop.example']);
    expect(narrowOrigins([], ['https://evil.example'])).toEqual([]);
  });
});
