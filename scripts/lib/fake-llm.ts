/**
 * A fake OpenAI-compatible model server on 127.0.0.1, standing in for the user's own Ollama or
 * LM Studio in tests (unit and browser): it records every request and lets the test answer it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatCall {
  url: string;
  method: string;
  headers: IncomingMessage['headers'];
  body: { model: string; messages: Array<{ role: string; content: string }> };
}

export interface FakeLlm {
  /** The base URL the app is configured with (…/v1). */
  base: string;
  calls: ChatCall[];
  /** How the next requests are answered (default: never). */
  reply: (call: ChatCall, res: ServerResponse) => void;
  close(): Promise<void>;
}

/** Answers with a chat completion whose message is `content`. */
export const chatReply = (content: string) => (_c: ChatCall, res: ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }));
};

/** Starts the server; `cors` answers a page on another origin (the browser tests). */
export async function startFakeLlm(o: { cors?: boolean } = {}): Promise<FakeLlm> {
  const fake: FakeLlm = { base: '', calls: [], reply: () => undefined, close: async () => undefined };
  const server = createServer((req, res) => {
    if (o.cors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'content-type');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    }
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      const call: ChatCall = { url: req.url ?? '', method: req.method ?? '', headers: req.headers, body: JSON.parse(data || '{}') as ChatCall['body'] };
      fake.calls.push(call);
      fake.reply(call, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
