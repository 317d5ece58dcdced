/**
 * The local-model script writer against a fake OpenAI-compatible server on 127.0.0.1
 * (scripts/lib/fake-llm.ts, a test double of the user's own model server): what is sent, what is accepted,
 * and the template fallback for every way it can fail.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkBaseUrl, DEFAULT_WRITER, loadWriterConfig, parseReply, saveWriterConfig, writeScripts, type WriterConfig } from './llm.ts';
import { scriptText } from './text.ts';
import { NATIVE } from './fixtures.test-data.ts';
import type { Duration } from './types.ts';
import { chatReply as chat, startFakeLlm, type FakeLlm } from '../../scripts/lib/fake-llm.ts';

const product = NATIVE.en!;
const opts = { language: 'en', duration: 15 as Duration };

let llm: FakeLlm;
let base = '';

const GOOD = {
  options: [
    {
      style: 'hook-benefits-cta',
      title: 'Ice cold all day',
      segments: [
        { text: 'Warm water on a hot day? Not anymore.', scene: 'presenter' },
        { text: 'The Aurora Insulated Bottle keeps drinks ice cold for 24 hours or hot for 12.', scene: 'product' },
        { text: 'The leak-proof cap has a carry loop, and the wide mouth fits ice cubes.', scene: 'product' },
        { text: 'Tap the link and grab yours.', scene: 'cta' },
      ],
    },
    {
      style: 'offer-value',
      title: 'Big value',
      segments: [
        { text: 'What does $34 get you? The Aurora Insulated Bottle.', scene: 'presenter' },
        { text: 'Now 50% off, rated 4.8 stars by thousands!', scene: 'product' },
        { text: 'Tap the link.', scene: 'cta' },
      ],
    },
  ],
};

beforeAll(async () => {
  llm = await startFakeLlm();
  base = llm.base;
});
afterAll(() => llm.close());
beforeEach(() => {
  llm.calls.length = 0;
});

const config = (over: Partial<WriterConfig> = {}): WriterConfig => ({ ...DEFAULT_WRITER, enabled: true, baseUrl: base, model: 'tiny', ...over });

describe('script writer (local language model)', () => {
  it('is off by default and then sends nothing anywhere', async () => {
    const fetch = vi.fn();
    const out = await writeScripts(product, opts, DEFAULT_WRITER, { fetch: fetch as unknown as typeof globalThis.fetch });
    expect(DEFAULT_WRITER.enabled).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
    expect(out.source).toBe('templates');
    expect(out.options.length).toBeGreaterThanOrEqual(4);
  });

  it('sends only the product facts to /chat/completions and uses the valid options first', async () => {
    llm.reply = chat(`Here you go:\n\`\`\`json\n${JSON.stringify(GOOD)}\n\`\`\``);
    const out = await writeScripts(product, opts, config());
    expect(llm.calls).toHaveLength(1);
    const call = llm.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/v1/chat/completions');
    expect(call.headers.authorization).toBeUndefined();
    expect(call.body.model).toBe('tiny');
    const sent = call.body.messages.map((m) => m.content).join('\n');
    expect(sent).toContain('Aurora Insulated Bottle');
    expect(sent).toContain('Leak-proof cap with carry loop');
    expect(sent).toContain('$34');
    expect(sent).toMatch(/Never invent prices/);
    expect(sent).toMatch(/15 seconds/);
    // Only the facts: no images, ids or anything else of the project.
    const facts = JSON.parse(call.body.messages[1]!.content.replace(/^[^{]*/, '')) as Record<string, unknown>;
    expect(Object.keys(facts).sort()).toEqual(['brand', 'description', 'features', 'name', 'price']);

    expect(out.source).toBe('model');
    const first = out.options[0]!;
    expect(first.writer).toBe('model');
    expect(first.style).toBe('hook-benefits-cta');
    expect(first.title).toBe('Ice cold all day');
    expect(first.segments[0]!.scene.kind).toBe('presenter');
    expect(first.segments.at(-1)!.scene.kind).toBe('cta');
    expect(first.segments[1]!.scene).toEqual({ kind: 'product', image: 0 });
    // The option with an invented discount and rating is dropped, and the user is told.
    expect(out.options.map(scriptText).join(' ')).not.toMatch(/50%|4\.8|stars/);
    expect(out.notice).toMatch(/left out.*“50”|left out.*4\.8/);
    // Templates fill in the other structures.
    expect(out.options.length).toBeGreaterThanOrEqual(4);
    expect(out.options.slice(1).every((o) => o.writer !== 'model')).toBe(true);
    expect(new Set(out.options.map((o) => o.style)).size).toBe(out.options.length);
  });

  it('falls back to the templates, with a reason, when the reply is unusable', async () => {
    llm.reply = chat('Sorry, I cannot help with that.');
    let out = await writeScripts(product, opts, config());
    expect(out.source).toBe('templates');
    expect(out.notice).toMatch(/not used: The model did not reply with JSON/);
    expect(out.options.length).toBeGreaterThanOrEqual(4);

    llm.reply = chat(JSON.stringify({ options: [{ style: 'demo', segments: [{ text: 'A bottle for $19.99, 5 stars.', scene: 'presenter' }, { text: 'Buy now.', scene: 'cta' }] }] }));
    out = await writeScripts(product, opts, config());
    expect(out.source).toBe('templates');
    expect(out.notice).toMatch(/not usable \(it does not name/);
  });

  it('falls back when the server errors, is down or too slow', async () => {
    llm.reply = (_c, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"model \\"tiny\\" not found"}');
    };
    let out = await writeScripts(product, opts, config());
    expect(out.notice).toMatch(/answered 404.*not found.*Check the model name/);
    expect(out.options.length).toBeGreaterThanOrEqual(4);

    out = await writeScripts(product, opts, config({ baseUrl: 'http://127.0.0.1:9/v1' }));
    expect(out.notice).toMatch(/Could not reach a model server at http:\/\/127\.0\.0\.1:9\/v1/);

    llm.reply = () => undefined; // never answers
    out = await writeScripts(product, opts, config(), { timeoutMs: 300 });
    expect(out.notice).toMatch(/did not answer in time/);
    expect(out.source).toBe('templates');
  });

  it('talks only to this machine unless the user allows another address', async () => {
    const fetch = vi.fn();
    for (const url of ['https://api.openai.com/v1', 'http://192.168.1.20:11434/v1', 'http://localhost.evil.com/v1']) {
      const out = await writeScripts(product, opts, config({ baseUrl: url }), { fetch: fetch as unknown as typeof globalThis.fetch });
      expect(out.notice).toMatch(/is not this computer/);
    }
    expect(fetch).not.toHaveBeenCalled();
    for (const url of ['http://localhost:11434/v1', 'http://127.0.0.1:1234/v1/', 'http://[::1]:8080/v1']) expect(checkBaseUrl(url, false).ok).toBe(true);
    expect(checkBaseUrl('http://192.168.1.20:11434/v1', true)).toEqual({ ok: true, url: 'http://192.168.1.20:11434/v1' });
    expect(checkBaseUrl('ftp://localhost/v1', true).ok).toBe(false);
    expect(checkBaseUrl('http://user:pw@localhost/v1', true).ok).toBe(false);
    expect(checkBaseUrl('not a url', false).ok).toBe(false);
  });

  it('reads JSON out of prose and code fences', () => {
    expect(parseReply('Sure! {"options": []} Hope this helps.')).toEqual({ options: [] });
    expect(parseReply('```json\n{"options":[1]}\n```')).toEqual({ options: [1] });
    expect(() => parseReply('{"options": [')).toThrow(/malformed JSON|did not reply/);
  });

  it('keeps its settings', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(loadWriterConfig(storage)).toEqual(DEFAULT_WRITER);
    saveWriterConfig(storage, { enabled: true, baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen2.5', allowRemote: false });
    expect(loadWriterConfig(storage)).toEqual({ enabled: true, baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen2.5', allowRemote: false });
    store.set('talkreel.scriptWriter', '{broken');
    expect(loadWriterConfig(storage)).toEqual(DEFAULT_WRITER);
  });
});
