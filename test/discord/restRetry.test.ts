import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryingMakeRequest, safeToRepeat } from '../../src/discord/restRetry.js';

/** A server that closes the connection of the first request to each path unanswered, then answers 200 with the method. */
let server: Server;
let base: string;
const seen = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const key = `${req.method} ${req.url}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, attempt: count }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('safeToRepeat', () => {
  it('repeats edits, deletions, reads and interaction callbacks', () => {
    expect(safeToRepeat('PATCH', '/api/v10/webhooks/1/token/messages/@original')).toBe(true);
    expect(safeToRepeat('DELETE', '/api/v10/webhooks/1/token/messages/@original')).toBe(true);
    expect(safeToRepeat('GET', '/api/v10/users/@me')).toBe(true);
    expect(safeToRepeat('POST', '/api/v10/interactions/123/token/callback')).toBe(true);
  });

  it('never repeats a request that makes a new message', () => {
    expect(safeToRepeat('POST', '/api/v10/channels/1/messages')).toBe(false);
    expect(safeToRepeat('POST', '/api/v10/webhooks/1/token')).toBe(false);
  });
});

describe('retryingMakeRequest (around discord.js\'s own request function)', () => {
  const send = retryingMakeRequest();

  it('sends an edit again when its connection closes unanswered, and returns the answer of the second attempt', async () => {
    const response = await send(`${base}/api/v10/webhooks/1/abc/messages/@original`, { method: 'PATCH', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ method: 'PATCH', attempt: 2 });
  });

  it('sends an interaction callback again, its query string kept', async () => {
    const response = await send(`${base}/api/v10/interactions/9/tok/callback?with_response=true`, { method: 'POST', body: '{"type":4}' });
    expect(await response.json()).toEqual({ method: 'POST', attempt: 2 });
  });

  it('lets a new message fail rather than risk posting it twice', async () => {
    await expect(send(`${base}/api/v10/channels/1/messages`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(seen.get('POST /api/v10/channels/1/messages')).toBe(1);
  });
});
