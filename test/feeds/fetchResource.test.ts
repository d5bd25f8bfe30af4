import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchResource, FeedFetchError, isPublicAddress, parseRetryAfter, type FetchOptions } from '../../src/feeds/index.js';
import { fixture, serve, startFeedServer, type FeedServer } from './feedServer.js';

let server: FeedServer;
const options: FetchOptions = { userAgent: 'newsdesk-test/1 (+https://example.org/contact)', timeoutMs: 1500, maxBytes: 64_000, maxRedirects: 5, allowAddress: () => true };

async function failure(url: string, extra: Partial<FetchOptions> = {}): Promise<FeedFetchError> {
  const error = await fetchResource(url, { ...options, ...extra }).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

beforeAll(async () => {
  server = await startFeedServer();
  const rss = fixture('rss2.xml', server.origin);
  server.route('/rss', serve(rss, 'application/rss+xml', { etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 07:00:00 GMT' }));
  for (const encoding of ['gzip', 'deflate', 'br'] as const) server.route(`/rss-${encoding}`, serve(rss, 'application/rss+xml', {}, encoding));
  server.route('/conditional', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304, { etag: '"v1"' }).end();
    serve(rss, 'application/rss+xml', { etag: '"v1"' })(request, response, server.origin);
  });
  server.route('/500', (_q, response) => void response.writeHead(500).end('oops'));
  server.route('/429', (_q, response) => void response.writeHead(429, { 'retry-after': '120' }).end());
  server.route('/503', (_q, response) => void response.writeHead(503, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end());
  server.route('/loop', (_q, response) => void response.writeHead(302, { location: '/loop' }).end());
  server.route('/hop', (_q, response) => void response.writeHead(301, { location: '/rss' }).end());
  server.route('/to-metadata', (_q, response) => void response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
  server.route('/to-file', (_q, response) => void response.writeHead(302, { location: 'file:///etc/passwd' }).end());
  server.route('/huge', (_q, response) => {
    // Endless body without a length: the cap must stop reading, not the server.
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(16_384, 'a');
    const pump = () => {
      while (response.write(chunk)) if (response.destroyed) return;
      response.once('drain', pump);
    };
    pump();
  });
  server.route('/huge-declared', (_q, response) => void response.writeHead(200, { 'content-length': '100000000' }).end());
  server.route('/drip', (_q, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write('<')), 100);
    response.on('close', () => clearInterval(timer));
  });
});
afterAll(() => server.close());

describe('fetchResource', () => {
  it('sends the configured User-Agent and returns the body with its validators', async () => {
    const result = await fetchResource(`${server.origin}/rss`, options);
    expect(result.status).toBe(200);
    expect(result.body.toString()).toContain('Harbour Gazette');
    expect(result.etag).toBe('"v1"');
    expect(result.lastModified).toBe('Mon, 30 Nov 2026 07:00:00 GMT');
    expect(server.requests.at(-1)?.headers['user-agent']).toBe(options.userAgent);
  });

  it.each(['gzip', 'deflate', 'br'])('decodes a %s body', async (encoding) => {
    const result = await fetchResource(`${server.origin}/rss-${encoding}`, options);
    expect(result.body.toString()).toContain('Ferry service resumes');
  });

  it('sends If-None-Match and returns 304 with no body when nothing changed', async () => {
    const result = await fetchResource(`${server.origin}/conditional`, { ...options, etag: '"v1"' });
    expect(result.status).toBe(304);
    expect(result.body.length).toBe(0);
  });

  it('follows a redirect and reports the final URL', async () => {
    const result = await fetchResource(`${server.origin}/hop`, options);
    expect(result.url).toBe(`${server.origin}/rss`);
  });

  it('fails with the status on 500', async () => {
    const error = await failure(`${server.origin}/500`);
    expect(error.message).toBe(`${server.origin}/500: HTTP 500`);
    expect(error.retryAfterMs).toBeNull();
  });

  it('carries Retry-After in seconds on 429 and as a date on 503', async () => {
    expect((await failure(`${server.origin}/429`)).retryAfterMs).toBe(120_000);
    const later = (await failure(`${server.origin}/503`)).retryAfterMs ?? 0;
    expect(later).toBeGreaterThan(50_000);
    expect(later).toBeLessThanOrEqual(60_000);
  });

  it('gives up after 5 redirects', async () => {
    const error = await failure(`${server.origin}/loop`);
    expect(error.kind).toBe('redirects');
    expect(error.message).toBe(`${server.origin}/loop: more than 5 redirects`);
  });

  it('stops reading an endless body at the size cap', async () => {
    const error = await failure(`${server.origin}/huge`);
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('over the 64000-byte cap');
  });

  it('refuses a declared oversized body before reading it', async () => {
    expect((await failure(`${server.origin}/huge-declared`)).message).toContain('body of 100000000 bytes is over the 64000-byte cap');
  });

  it('ends a slow drip at the deadline', async () => {
    const error = await failure(`${server.origin}/drip`, { timeoutMs: 400 });
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('no complete answer within 400 ms');
  });

  it('refuses a loopback address unless private addresses are allowed', async () => {
    const before = server.requests.length;
    const error = await failure(`${server.origin}/rss`, { allowAddress: isPublicAddress });
    expect(error.kind).toBe('refused');
    expect(error.message).toContain('127.0.0.1 is not a public address (set FEEDS_ALLOW_PRIVATE=true');
    expect(server.requests.length).toBe(before);
  });

  it('checks the address a host name resolves to', async () => {
    const port = new URL(server.origin).port;
    const error = await failure(`http://localhost:${port}/rss`, { allowAddress: isPublicAddress });
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1) is not a public address/u);
  });

  it('checks the address again at every redirect', async () => {
    // Only the test server itself is allowed: the redirect to the cloud metadata address must be refused before connecting.
    const error = await failure(`${server.origin}/to-metadata`, { allowAddress: (ip) => ip === '127.0.0.1' });
    expect(error.kind).toBe('refused');
    expect(error.message).toContain('169.254.169.254 is not a public address');
  });

  it('refuses schemes other than http and https, also behind a redirect', async () => {
    expect((await failure('file:///etc/passwd')).message).toBe('file:///etc/passwd: file: URLs are not fetched (only http and https)');
    expect((await failure(`${server.origin}/to-file`)).kind).toBe('refused');
  });
});

describe('isPublicAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', 'not-an-ip'])('rejects %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:01:00 GMT', Date.parse('2026-11-30T10:00:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
