import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedService, HostGate, IngestRole, syncArticles } from '../../src/feeds/index.js';
import { buildLibrary, LibraryStore } from '../../src/library.js';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';
import { startFeedServer, type FeedServer } from './feedServer.js';

/**
 * One ingester per deployment (DATABASE_URL): several "hosts" (each its own seeds folder, connections and feed
 * service) on one PostgreSQL and a feed server on 127.0.0.1. Only the ingester fetches the feed; every host gets
 * each article file in its own seeds folder and indexes it; another host takes over when the ingester dies.
 */
let postgres: TestPostgres;
let url: string;
let feedServer: FeedServer;
let clock: Date;
/** The feed's items, newest last; the route renders them as RSS 2.0. */
const items: { guid: string; title: string; text: string }[] = [];
const hosts: Host[] = [];
const folders: string[] = [];
let databases = 0;

interface Host {
  name: string;
  seedsDir: string;
  role: IngestRole;
  library: LibraryStore;
  state: PostgresStateStore;
  service: FeedService;
  /** Files this host received from the database (not polled itself). */
  received: string[];
  /** Stops it as a killed process stops: its connections close, its lock is released. */
  die(): Promise<void>;
}

function rss(): string {
  const entries = items
    .map((item) => `<item><title>${item.title}</title><link>${feedServer.origin}/news/${item.guid}</link><guid>${item.guid}</guid><pubDate>Mon, 30 Nov 2026 07:15:00 GMT</pubDate><description>${item.text}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Gazette</title><link>${feedServer.origin}/</link><description>test</description>${entries}</channel></rss>`;
}

async function startHost(name: string, withFeeds = true): Promise<Host> {
  const seedsDir = mkdtempSync(path.join(tmpdir(), `newsdesk-ingest-${name}-`));
  const feedsFile = path.join(seedsDir, '..', `${path.basename(seedsDir)}.feeds.yaml`);
  folders.push(seedsDir, feedsFile);
  writeFileSync(feedsFile, `- url: ${feedServer.origin}/rss\n  name: Harbour Gazette\n  fullText: false\n`);
  const state = await PostgresStateStore.connect(url);
  const library = new LibraryStore(await buildLibrary(seedsDir), seedsDir);
  const received: string[] = [];
  let role: IngestRole | null = null;
  const service = new FeedService({
    file: feedsFile,
    fileRequired: true,
    defaults: { everyMinutes: 15 },
    context: {
      store: state.feeds(), seedsDir, gate: new HostGate(), maxFailures: 5, now: () => clock, random: () => 0.5, log: () => undefined,
      fetch: { userAgent: 'newsdesk-test', timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 2, allowAddress: () => true },
    },
    onWritten: async () => void (await library.reload()),
    mayPoll: () => role?.isLeader() ?? false,
  });
  role = await IngestRole.start({
    databaseUrl: url, source: state.feeds(), seedsDir, feeds: withFeeds ? service : null, retryMs: 100, log: () => undefined,
    onArticles: async (files) => {
      received.push(...files);
      await library.reload();
    },
  });
  const host: Host = {
    name, seedsDir, role, library, state, service, received,
    die: async () => {
      await role.stop();
      await state.close();
    },
  };
  hosts.push(host);
  return host;
}

const feedFiles = async (host: Host): Promise<string[]> => {
  const dir = path.join(host.seedsDir, 'feeds', 'harbour-gazette');
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).map((name) => `feeds/harbour-gazette/${name}`).sort();
};
const titles = (host: Host) => host.library.current.corpus.articles.map((article) => article.headline).sort();
const feedRequests = () => feedServer.requests.filter((request) => request.path === '/rss').length;

beforeAll(async () => {
  postgres = await startTestPostgres();
  feedServer = await startFeedServer();
  feedServer.route('/rss', (_request, response) => void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss()));
}, 60_000);

/** Each test is a deployment of its own: an empty database, one article in the feed. */
beforeEach(async () => {
  url = await postgres.createDatabase(`ingest_role_${(databases += 1)}`);
  clock = new Date('2026-11-30T10:00:00.000Z');
  items.splice(0, items.length, { guid: 'hg-1', title: 'Ferry service resumes', text: 'The ferry to Inchmore sailed again on Monday morning.' });
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.die().catch(() => undefined);
});

afterAll(async () => {
  await feedServer?.close();
  await postgres?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, 60_000);

describe('IngestRole', () => {
  it('polls in one process only, and every process writes and indexes what it stored', async () => {
    const requestsBefore = feedRequests();
    const [a, b] = [await startHost('a'), await startHost('b')];
    await expect.poll(() => hosts.filter((host) => host.role.isLeader()).length).toBe(1);
    const leader = a.role.isLeader() ? a : b;
    const follower = leader === a ? b : a;
    // The leader polls at once on taking the lock; the follower receives the file over LISTEN/NOTIFY.
    await expect.poll(() => feedFiles(follower), { timeout: 10_000 }).toHaveLength(1);
    expect(await feedFiles(follower)).toEqual(await feedFiles(leader));
    const [file] = await feedFiles(leader);
    expect(readFileSync(path.join(follower.seedsDir, file!), 'utf8')).toBe(readFileSync(path.join(leader.seedsDir, file!), 'utf8'));
    expect(follower.received).toEqual([file]);
    expect(leader.received).toEqual([]);
    await expect.poll(() => titles(follower)).toEqual(['Ferry service resumes']);
    await expect.poll(() => titles(leader)).toEqual(['Ferry service resumes']);
    // Only the ingester fetched the feed, and a follower's tick polls nothing.
    expect(feedRequests()).toBe(requestsBefore + 1);
    expect(await follower.service.pollDue()).toEqual([]);
    expect(follower.service.mayPoll()).toBe(false);
    expect(feedRequests()).toBe(requestsBefore + 1);
  });

  it('hands polling over when the ingester dies, and a host started later catches up on everything', async () => {
    const a = await startHost('a');
    await expect.poll(() => a.role.isLeader()).toBe(true);
    await expect.poll(() => feedFiles(a)).toHaveLength(1);
    // Started after the article was stored: it catches up at start.
    const b = await startHost('b');
    await expect.poll(() => feedFiles(b)).toHaveLength(1);
    expect(b.role.isLeader()).toBe(false);

    // A new article appears while the ingester is dead; the feed is due by the time the other host takes over.
    const requestsBefore = feedRequests();
    await a.die();
    items.push({ guid: 'hg-2', title: 'Council approves new sea wall', text: 'Councillors voted nine to two for the wall and its funding.' });
    clock = new Date(clock.getTime() + 20 * 60_000);
    await expect.poll(() => b.role.isLeader()).toBe(true);
    await expect.poll(() => titles(b), { timeout: 10_000 }).toEqual(['Council approves new sea wall', 'Ferry service resumes']);
    expect(feedRequests()).toBe(requestsBefore + 1);

    // A host that was not running when either was stored (no feeds file: it never leads) gets both at start.
    const c = await startHost('c', false);
    await expect.poll(() => feedFiles(c)).toEqual(await feedFiles(b));
    await expect.poll(() => titles(c)).toEqual(['Council approves new sea wall', 'Ferry service resumes']);
    expect(c.role.isLeader()).toBe(false);
    // Each article is stored once however many hosts there are.
    const stored = await b.state.feeds().articleDigests();
    expect(stored.map((row) => row.file)).toEqual(await feedFiles(b));
  });

  it('writes only below seeds/feeds/: never an operator file, never outside the seeds folder', async () => {
    const host = await startHost('a', false);
    const operatorFile = path.join(host.seedsDir, 'notes', 'operator.md');
    mkdirSync(path.dirname(operatorFile), { recursive: true });
    writeFileSync(operatorFile, 'the operator wrote this');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const file of ['../escape.md', 'notes/operator.md', 'feeds/../../escape.md', '/tmp/absolute.md', 'feeds/gazette/fine.md']) {
      await client.query('INSERT INTO feed_articles (file, body, updated_at) VALUES ($1, $2, now())', [file, `body of ${file}`]);
    }
    await client.end();
    expect(await syncArticles(host.state.feeds(), host.seedsDir, null)).toEqual(['feeds/gazette/fine.md']);
    expect(await syncArticles(host.state.feeds(), host.seedsDir, ['../escape.md', 'notes/operator.md'])).toEqual([]);
    expect(readFileSync(operatorFile, 'utf8')).toBe('the operator wrote this');
    expect(existsSync(path.join(host.seedsDir, '..', 'escape.md'))).toBe(false);
    // Up to date: nothing to write again.
    expect(await syncArticles(host.state.feeds(), host.seedsDir, null)).toEqual([]);
  });
});
