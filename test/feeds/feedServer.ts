import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

const FIXTURES = new URL('../fixtures/feeds/', import.meta.url);

/** A fixture with `http://HOST` replaced by the test server's own origin. */
export function fixture(name: string, origin: string): Buffer {
  const raw = readFileSync(new URL(name, FIXTURES));
  // Latin-1 bytes must survive: replace in a byte-preserving string.
  return Buffer.from(raw.toString('latin1').replaceAll('http://HOST', origin), 'latin1');
}

/** What a route answers: status, headers and body, or a function given the request for faults. */
export type Route = (request: http.IncomingMessage, response: http.ServerResponse, origin: string) => void;

/** A local server on 127.0.0.1 with routes by path; records every request it was sent. */
export interface FeedServer {
  origin: string;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** Serves `body` with `contentType`, encoded as the client accepts when `encoding` is given. */
export function serve(body: Buffer | string, contentType: string, extra: Record<string, string> = {}, encoding?: 'gzip' | 'deflate' | 'br'): Route {
  return (_request, response) => {
    let data = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    if (encoding === 'gzip') data = gzipSync(data);
    if (encoding === 'deflate') data = deflateSync(data);
    if (encoding === 'br') data = brotliCompressSync(data);
    response.writeHead(200, { 'content-type': contentType, ...extra, ...(encoding ? { 'content-encoding': encoding } : {}) });
    response.end(data);
  };
}

/** A long article page whose last paragraph carries `sentence` (so only the full page holds it). */
export function articlePage(options: { title: string; canonical?: string; sentence: string; author?: string }): string {
  const filler = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the report describes the scene at the harbour in some detail, with residents and officials quoted at length about what happened over the weekend.</p>`).join('\n');
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: options.title, author: { '@type': 'Person', name: options.author ?? 'Page Author' }, datePublished: '2026-11-30T07:15:00Z', articleSection: 'Transport' });
  return `<!doctype html><html><head><meta charset="utf-8"><title>${options.title} | Gazette</title>
${options.canonical ? `<link rel="canonical" href="${options.canonical}">` : ''}
<script type="application/ld+json">${ld}</script><script>document.write('never run')</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${options.title}</h1>${filler}<p>${options.sentence}</p></article>
<footer>Copyright the Gazette</footer></body></html>`;
}

/**
 * Routes one small RSS feed (`/rss`, the Harbour Gazette) whose single item links to a full article page
 * (`/news/ferry`) that alone holds `pageSentence`: what the end-to-end feed tests poll.
 */
export function serveFerryFeed(server: FeedServer, options: { headline: string; guid: string; pageSentence: string }): void {
  server.route('/rss', (request, response) =>
    serve(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>${server.origin}/</link><description>x</description>
<item><title>${options.headline}</title><link>${server.origin}/news/ferry</link><guid>${options.guid}</guid><pubDate>Mon, 30 Nov 2026 07:15:00 GMT</pubDate>
<description>The ferry to Inchmore sailed again on Monday.</description></item></channel></rss>`,
      'application/rss+xml',
    )(request, response, server.origin),
  );
  server.route('/news/ferry', serve(articlePage({ title: options.headline, sentence: options.pageSentence }), 'text/html; charset=utf-8'));
}

/**
 * Starts the server on 127.0.0.1 (an ephemeral port); unknown paths answer 404.
 * @example const server = await startFeedServer(); server.route('/rss', serve(fixture('rss2.xml', server.origin), 'application/rss+xml'))
 */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: FeedServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  let origin = '';
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (!handler) {
      response.writeHead(404).end('not found');
      return;
    }
    handler(request, response, origin);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
