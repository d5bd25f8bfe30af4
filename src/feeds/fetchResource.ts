import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import { FeedFetchError } from './FeedError.js';

/** Options of {@link fetchResource}; defaults come from src/config.ts through the feed poller. */
export interface FetchOptions {
  /** Sent as `User-Agent`: names the bot and a contact URL. */
  userAgent: string;
  /** Whole-request deadline (connect, headers, body), in ms: a slow drip ends here. @default 20000 */
  timeoutMs: number;
  /** Largest body accepted, after decompression, in bytes. @default 5000000 */
  maxBytes: number;
  /** Redirects followed before giving up. @default 5 */
  maxRedirects: number;
  /** May this resolved address be connected to? The poller passes `isPublicAddress` (any address when FEEDS_ALLOW_PRIVATE=true). */
  allowAddress: (ip: string) => boolean;
  /** Validators from the previous response, sent as `If-None-Match` / `If-Modified-Since`. */
  etag?: string | null;
  lastModified?: string | null;
  /** `Accept` header. @default feed and HTML types */
  accept?: string;
}

/** A completed fetch: 200 with its body, or 304 with none. */
export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  status: 200 | 304;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

const DEFAULT_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/u.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function describeAddress(ip: string): string {
  return `${ip} is not a public address (set FEEDS_ALLOW_PRIVATE=true to allow private, loopback and link-local addresses)`;
}

/** A `lookup` for http.request that refuses names resolving to an address the policy forbids, checked at connect time. */
function guardedLookup(url: string, allowAddress: (ip: string) => boolean) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void): void => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const refused = addresses.find((address) => !allowAddress(address.address));
      if (refused) return callback(new FeedFetchError(url, 'refused', `${hostname} resolves to ${describeAddress(refused.address)}`));
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

interface OneResponse {
  response: IncomingMessage;
  body: Buffer;
}

function requestOnce(url: URL, options: FetchOptions, deadline: number): Promise<OneResponse> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FeedFetchError(url.href, 'timeout', `no complete answer within ${options.timeoutMs} ms`));
    const host = url.hostname.replace(/^\[|\]$/gu, '');
    if (isIP(host) !== 0 && !options.allowAddress(host)) return reject(new FeedFetchError(url.href, 'refused', describeAddress(host)));
    const headers: Record<string, string> = {
      'user-agent': options.userAgent,
      accept: options.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const request = client.request(url, { method: 'GET', headers, lookup: guardedLookup(url.href, options.allowAddress) as never, agent: false }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        // Only the status and headers matter; do not read a body we will not use.
        response.resume();
        settled = true;
        clearTimeout(timer);
        request.destroy();
        return resolve({ response, body: Buffer.alloc(0) });
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) return fail(new FeedFetchError(url.href, 'too-large', `body of ${declared} bytes is over the ${options.maxBytes}-byte cap`));
      const decoder = decoderFor(response.headers['content-encoding']);
      const stream = decoder ? response.pipe(decoder) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Counted after decompression, so a small gzip bomb is stopped too.
        if (size > options.maxBytes) return fail(new FeedFetchError(url.href, 'too-large', `body is over the ${options.maxBytes}-byte cap`));
        chunks.push(chunk);
      });
      stream.on('error', (error: Error) => fail(new FeedFetchError(url.href, 'network', `body could not be read: ${error.message}`)));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ response, body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => fail(new FeedFetchError(url.href, 'timeout', `no complete answer within ${options.timeoutMs} ms`)), remaining);
    request.on('error', (error: Error) => fail(error instanceof FeedFetchError ? error : new FeedFetchError(url.href, 'network', error.message)));
    request.end();
  });
}

/**
 * GETs a feed or page politely and safely: http/https only, every hop's address checked (literal or resolved)
 * before connecting, at most `maxRedirects` redirects, one deadline for the whole exchange, body capped after
 * gzip/deflate/br decoding, conditional request from `etag`/`lastModified`. Throws a {@link FeedFetchError}
 * (`retryAfterMs` set from `Retry-After` on 429 and 503).
 * @example await fetchResource('https://example.org/rss', options) // => { status: 200, body: <Buffer …>, etag: '"abc"', … }
 */
export async function fetchResource(address: string, options: FetchOptions): Promise<FetchedResource> {
  const deadline = Date.now() + options.timeoutMs;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FeedFetchError(address, 'refused', 'not a URL');
  }
  for (let hop = 0; ; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedFetchError(url.href, 'refused', `${url.protocol} URLs are not fetched (only http and https)`);
    const { response, body } = await requestOnce(url, options, deadline);
    const status = response.statusCode ?? 0;
    const header = (name: string) => {
      const value = response.headers[name];
      return typeof value === 'string' ? value : null;
    };
    if ([301, 302, 303, 307, 308].includes(status)) {
      const location = header('location');
      if (location === null) throw new FeedFetchError(url.href, 'http', `HTTP ${status} without a Location header`, null, status);
      if (hop >= options.maxRedirects) throw new FeedFetchError(address, 'redirects', `more than ${options.maxRedirects} redirects`, null, status);
      url = new URL(location, url);
      continue;
    }
    if (status === 200 || status === 304) {
      return { url: url.href, status, body, contentType: header('content-type'), etag: header('etag'), lastModified: header('last-modified') };
    }
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(header('retry-after') ?? undefined) : null;
    throw new FeedFetchError(url.href, 'http', `HTTP ${status}${retryAfter !== null ? ` (retry after ${Math.round(retryAfter / 1000)} s)` : ''}`, retryAfter, status);
  }
}
