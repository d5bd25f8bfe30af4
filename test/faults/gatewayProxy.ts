import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FakeDiscord } from '../support/fakeDiscord/index.js';

/** A TCP relay in front of the fake gateway that a test can cut, as a network or Discord would. */
export interface GatewayProxy {
  /** `ws://127.0.0.1:PORT`: hand it to the client as the gateway URL. */
  url: string;
  /** How many client connections came through so far. */
  connections(): number;
  /** Drops every relayed connection without a close frame (a network failure: the client sees 1006). */
  drop(): void;
  /** Sends the client a WebSocket close frame with `code` as Discord would, then ends the connection. */
  closeWith(code: number): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

/**
 * Starts a relay to `fake`'s gateway and makes the fake's `GET /gateway/bot` send clients to it; the relay rewrites
 * READY's `resume_gateway_url` to itself, so that a resumed connection can be cut again.
 * @example const proxy = await startGatewayProxy(fake); …login…; proxy.drop();
 */
export async function startGatewayProxy(fake: FakeDiscord): Promise<GatewayProxy> {
  const target = new URL(fake.gatewayUrl);
  const pairs = new Set<Pair>();
  let count = 0;
  let url = '';
  const server: Server = createServer((client) => {
    count += 1;
    const upstream = connect(Number(target.port), target.hostname);
    const pair = { client, upstream };
    pairs.add(pair);
    const forget = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);
    relayFrames(upstream, client, fake.gatewayUrl, () => url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.setResponse(
    { method: 'GET', path: '/gateway/bot' },
    { status: 200, body: { url, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } } },
  );
  const drop = (): void => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };
  return {
    url,
    connections: () => count,
    drop,
    closeWith(code) {
      for (const { client, upstream } of pairs) {
        // The relay writes whole frames only, so the close frame cannot land inside another one.
        upstream.destroy();
        // A server-to-client frame is not masked: FIN + opcode 8 (close), payload length 2, the status code.
        client.end(Buffer.from([0x88, 0x02, code >> 8, code & 0xff]));
      }
      pairs.clear();
    },
    async close() {
      drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Relays the server-to-client half: the HTTP upgrade answer as is, then WebSocket frames (unmasked, uncompressed:
 * the client asks for no compression), with `from` replaced by `to()` in text frames (READY's resume URL).
 */
function relayFrames(upstream: Socket, client: Socket, from: string, to: () => string): void {
  let pending = Buffer.alloc(0);
  let upgraded = false;
  upstream.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    if (!upgraded) {
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.write(pending.subarray(0, end + 4));
      pending = pending.subarray(end + 4);
      upgraded = true;
    }
    for (;;) {
      const frame = readFrame(pending);
      if (!frame) return;
      pending = pending.subarray(frame.size);
      const text = frame.opcode === 1 ? frame.payload.toString('utf8') : null;
      client.write(text?.includes(from) ? encodeFrame(frame.first, Buffer.from(text.split(from).join(to()), 'utf8')) : frame.raw);
    }
  });
}

function readFrame(buffer: Buffer): { first: number; opcode: number; payload: Buffer; raw: Buffer; size: number } | null {
  if (buffer.length < 2) return null;
  const first = buffer[0]!;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return null;
  const size = offset + length;
  return { first, opcode: first & 0x0f, payload: buffer.subarray(offset, size), raw: buffer.subarray(0, size), size };
}

function encodeFrame(first: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([first, length]) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126 && length < 65_536) {
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else if (length >= 65_536) {
    header[0] = first;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}
