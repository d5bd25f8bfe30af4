/**
 * Feed polling under load: `--feeds N --items M` feeds (RSS, M items each, every item's page served too) from
 * local servers on 8 ports of 127.0.0.1 (8 "hosts": one request at a time per host, as in production), polled
 * once with full text into a temporary seeds folder. Meanwhile /ask runs every 25 ms against the 1x corpus; its
 * latency as a user sees it (from when the question was due to its answer, so event-loop waits count) is
 * compared with the same loop while idle. Also the longest event-loop stall during the poll.
 * The servers run in a worker thread: their work does not count against the bot's event loop.
 * Prints one JSON line: FeedFigures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ExtractorPool, HostGate, parseFeedsYaml, pollFeeds } from '../src/feeds/index.js';
import { SearchIndex } from '../src/search/index.js';
import { FeedStore } from '../src/state/index.js';
import { corpusArticles } from './corpus.js';
import { ASK_QUESTIONS, WARM_UP } from './questions.js';
import { percentile } from './stats.js';

export interface FeedFigures {
  feeds: number;
  items: number;
  hosts: number;
  pollMs: number;
  written: number;
  errors: number;
  askIdleP95: number;
  askPollP95: number;
  asksDuringPoll: number;
  maxStallMs: number;
  /** The same measure over the idle /ask loop: what the machine and the collector cost without polling. */
  idleMaxStallMs: number;
  /** Pages parsed in a worker thread (as the bot does) or on the main thread. */
  extraction: 'worker' | 'same thread';
}

const { values } = parseArgs({ options: { feeds: { type: 'string', default: '200' }, items: { type: 'string', default: '50' }, 'same-thread': { type: 'boolean', default: false } } });
/** As the bot does (createPollContext): pages parsed in a worker thread, unless --same-thread. */
const pool = values['same-thread'] ? null : new ExtractorPool();
const FEEDS = Number(values.feeds);
const ITEMS = Number(values.items);
const HOSTS = 8;
const ASK_EVERY_MS = 25;

/** The servers, as plain JS for the worker: feed N lists M items; every item has a page with a few paragraphs. */
const SERVER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const words = 'harbour council ferry storm budget election market river school hospital rail bridge court police festival'.split(' ');
const para = (f, i, p) => '<p>' + Array.from({ length: 40 }, (_, w) => words[(f * 7 + i * 3 + p * 5 + w) % words.length]).join(' ') + ' report ' + f + '-' + i + '.</p>';
const ports = [];
let started = 0;
for (let h = 0; h < workerData.hosts; h++) {
  const server = http.createServer((req, res) => {
    const port = server.address().port;
    const m = /^\\/feed\\/(\\d+)$/.exec(req.url) || null;
    if (m) {
      const f = Number(m[1]);
      const items = Array.from({ length: workerData.items }, (_, i) => '<item><title>Story ' + f + '-' + i + ' ' + words[(f + i) % words.length] + '</title><link>http://127.0.0.1:' + port + '/page/' + f + '/' + i + '</link><guid>g-' + f + '-' + i + '</guid><pubDate>Mon, 30 Nov 2026 07:15:00 GMT</pubDate><description>Summary of story ' + f + '-' + i + '.</description></item>').join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ' + f + '</title><link>http://127.0.0.1/</link><description>x</description>' + items + '</channel></rss>');
    }
    const p = /^\\/page\\/(\\d+)\\/(\\d+)$/.exec(req.url);
    if (p) {
      const f = Number(p[1]), i = Number(p[2]);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!doctype html><html><head><title>Story</title><link rel="canonical" href="/page/' + f + '/' + i + '"></head><body><nav><a href="/">Home</a></nav><article><h1>Story ' + f + '-' + i + '</h1>' + [0,1,2,3,4,5].map((k) => para(f, i, k)).join('') + '</article><footer>Footer</footer></body></html>');
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1', () => { ports[h] = server.address().port; if (++started === workerData.hosts) parentPort.postMessage(ports); });
}
`;

const worker = new Worker(SERVER, { eval: true, workerData: { hosts: HOSTS, items: ITEMS } });
const ports = await new Promise<number[]>((resolve) => worker.once('message', resolve));

const index = SearchIndex.build(await corpusArticles('1x'));
for (const question of WARM_UP) index.search(question);

/** Asks every ASK_EVERY_MS until `until()` says stop; returns each answer's latency from when it was due. */
async function askLoop(until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  let n = 0;
  while (!until()) {
    const due = performance.now() + ASK_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, ASK_EVERY_MS));
    index.search(ASK_QUESTIONS[n++ % ASK_QUESTIONS.length]!);
    latencies.push(performance.now() - due);
  }
  return latencies;
}

const idleDelay = monitorEventLoopDelay({ resolution: 10 });
idleDelay.enable();
const idleEnd = performance.now() + 3000;
const idle = await askLoop(() => performance.now() > idleEnd);
idleDelay.disable();

const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-feeds-bench-'));
const store = FeedStore.open(path.join(dir, 'state.sqlite'));
const yaml = Array.from({ length: FEEDS }, (_, f) => `- url: http://127.0.0.1:${ports[f % HOSTS]}/feed/${f}\n`).join('');
const specs = parseFeedsYaml('bench', yaml, { everyMinutes: 15 });
const delay = monitorEventLoopDelay({ resolution: 10 });
let done = false;
delay.enable();
const started = performance.now();
const [reports, during] = await Promise.all([
  pollFeeds(specs, {
    store, seedsDir: path.join(dir, 'seeds'), gate: new HostGate(), ...(pool ? { extract: (html: string, url: string) => pool.extract(html, url) } : {}), maxFailures: 10, now: () => new Date(), random: Math.random, log: () => undefined,
    fetch: { userAgent: 'newsdesk-bench', timeoutMs: 30_000, maxBytes: 5_000_000, maxRedirects: 5, allowAddress: () => true },
  }).finally(() => (done = true)),
  askLoop(() => done),
]);
const pollMs = performance.now() - started;
delay.disable();
store.close();
await worker.terminate();
await pool?.close();
await rm(dir, { recursive: true, force: true });

const figures: FeedFigures = {
  feeds: FEEDS,
  items: ITEMS,
  hosts: HOSTS,
  pollMs,
  written: reports.reduce((sum, r) => sum + r.new, 0),
  errors: reports.filter((r) => r.status === 'error').length,
  askIdleP95: percentile(idle, 95),
  askPollP95: percentile(during, 95),
  asksDuringPoll: during.length,
  maxStallMs: delay.max / 1e6,
  idleMaxStallMs: idleDelay.max / 1e6,
  extraction: pool ? 'worker' : 'same thread',
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
