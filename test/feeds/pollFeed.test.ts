import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { ExtractorPool, HostGate, parseFeedsYaml, pollFeed, pollFeeds, type FeedSpec, type PollContext } from '../../src/feeds/index.js';
import { FeedStore, StateUnavailableError } from '../../src/state/index.js';
import { articlePage, fixture, serve, startFeedServer, type FeedServer } from './feedServer.js';

let server: FeedServer;
let seedsDir: string;
let store: FeedStore;
let logged: string[];
let clock: Date;

function context(overrides: Partial<PollContext> = {}): PollContext {
  return {
    store, seedsDir, gate: new HostGate(), maxFailures: 3, now: () => clock, random: () => 0.5,
    log: (_level, message) => logged.push(message),
    fetch: { userAgent: 'newsdesk-test/1', timeoutMs: 1500, maxBytes: 200_000, maxRedirects: 5, allowAddress: () => true },
    ...overrides,
  };
}
const spec = (feedPath: string, extra = ''): FeedSpec => parseFeedsYaml('feeds.yaml', `- url: ${server.origin}${feedPath}\n${extra}`, { everyMinutes: 15 })[0]!;
const files = () => (existsSync(path.join(seedsDir, 'feeds')) ? readdirSync(path.join(seedsDir, 'feeds'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort() : []);
const ONLY_ON_PAGE = 'The harbourmaster said the new pontoon would carry forty cars at a time.';

let rssBody: Buffer;
beforeAll(async () => {
  server = await startFeedServer();
  rssBody = fixture('rss2.xml', server.origin);
  server.route('/rss', (q, r) => serve(rssBody, 'application/rss+xml')(q, r, server.origin));
  server.route('/rss-copy', serve(fixture('rss2.xml', server.origin), 'application/rss+xml'));
  server.route('/atom', serve(fixture('atom.xml', server.origin), 'application/atom+xml'));
  server.route('/rdf', serve(fixture('rss1.rdf', server.origin), 'application/rdf+xml'));
  server.route('/json', serve(fixture('feed.json', server.origin), 'application/feed+json'));
  server.route('/latin1', serve(fixture('latin1.xml', server.origin), 'text/xml'));
  server.route('/malformed', serve(fixture('malformed.xml', server.origin), 'text/xml'));
  server.route('/500', (_q, r) => void r.writeHead(500).end());
  server.route('/news/ferry-resumes', serve(articlePage({ title: 'Ferry service resumes after storm damage', canonical: '/news/ferry', sentence: ONLY_ON_PAGE, author: 'Mara Quinlan' }), 'text/html; charset=utf-8'));
  server.route('/news/sea-wall', (_q, r) => void r.writeHead(404).end());
  server.route('/news/lifeboat', serve('<html><body><p>Too short.</p></body></html>', 'text/html'));
  server.route('/links', serve(`<html><body>${Array.from({ length: 50_000 }, (_, i) => `<a href="/l${i}">${i}</a>`).join('')}</body></html>`, 'text/html'));
});
afterAll(() => server.close());
beforeEach(() => {
  seedsDir = mkdtempSync(path.join(tmpdir(), 'feeds-seeds-'));
  store?.close();
  store = FeedStore.open(path.join(seedsDir, '..', `${path.basename(seedsDir)}.sqlite`));
  logged = [];
  clock = new Date('2026-11-30T10:00:00Z');
});

describe('pollFeed', () => {
  it('rewrites the same files, not doubles, when a poll wrote them but could not record them (the state database went away)', async () => {
    // The real store, except that recording an item fails as it does while PostgreSQL is away.
    const away = Object.assign(Object.create(store) as FeedStore, {
      addItem: () => {
        throw new StateUnavailableError('Connection terminated unexpectedly');
      },
    });
    const failed = await pollFeed(spec('/rss', '  fullText: false\n'), context({ store: away }));
    expect(failed).toMatchObject({ status: 'ok', new: 0, skipped: 4 });
    const left = files();
    expect(left).toHaveLength(4);
    clock = new Date('2026-11-30T11:00:00Z');
    const retried = await pollFeed(spec('/rss', '  fullText: false\n'), context());
    expect(retried).toMatchObject({ status: 'ok', new: 4 });
    expect(files()).toEqual(left);
    expect((await loadCorpus(seedsDir)).articles).toHaveLength(4);
  });

  it('writes each new item as a Markdown file the corpus parser reads, with the full page text', async () => {
    const report = await pollFeed(spec('/rss'), context());
    expect(report).toMatchObject({ status: 'ok', new: 4, updated: 0, skipped: 0, error: null });
    expect(files()).toEqual([
      'harbour-gazette/2026-11-29-lifeboat-crew-honoured.md',
      'harbour-gazette/2026-11-30-council-approves-new-sea-wall.md',
      'harbour-gazette/2026-11-30-ferry-service-resumes-after-storm-damage.md',
      'harbour-gazette/2026-11-30-harbour-market-moves-indoors.md',
    ]);
    const corpus = await loadCorpus(seedsDir);
    expect(corpus.skipped).toEqual([]);
    const ferry = corpus.articles.find((a) => a.headline.startsWith('Ferry'))!;
    expect(ferry).toMatchObject({ source: 'Harbour Gazette', url: `${server.origin}/news/ferry`, byline: 'Mara Quinlan', date: '2026-11-30T07:15', section: 'Transport' });
    expect(ferry.paragraphs.map((p) => p.text)).toContain(ONLY_ON_PAGE);
    expect(ferry.paragraphs.map((p) => p.text).join(' ')).not.toContain('Copyright the Gazette');
  });

  it('extracts the same article in the worker thread the bot uses', async () => {
    const pool = new ExtractorPool();
    try {
      const report = await pollFeed(spec('/rss'), context({ extract: (html, url) => pool.extract(html, url) }));
      expect(report).toMatchObject({ status: 'ok', new: 4 });
      const ferry = (await loadCorpus(seedsDir)).articles.find((a) => a.headline.startsWith('Ferry'))!;
      expect(ferry.paragraphs.map((p) => p.text)).toContain(ONLY_ON_PAGE);
      expect(ferry.url).toBe(`${server.origin}/news/ferry`);
    } finally {
      await pool.close();
    }
  });

  it('falls back to the feed text when the page fails, and says so in the front matter', async () => {
    await pollFeed(spec('/rss'), context());
    const wall = readFileSync(path.join(seedsDir, 'feeds/harbour-gazette/2026-11-30-council-approves-new-sea-wall.md'), 'utf8');
    expect(wall).toContain('text: "feed"');
    expect(wall).toContain(`text_note: "page not fetched: ${server.origin}/news/sea-wall: HTTP 404"`);
    expect(wall).toContain('Councillors voted 9 to 2 for the wall & its funding.');
    const lifeboat = readFileSync(path.join(seedsDir, 'feeds/harbour-gazette/2026-11-29-lifeboat-crew-honoured.md'), 'utf8');
    expect(lifeboat).toContain('text_note: "no article found on the page"');
  });

  it('keeps items that share a guid apart when the guid is given to different items', async () => {
    await pollFeed(spec('/rss', '  fullText: false\n'), context());
    expect(files().filter((f) => /lifeboat|market/u.test(f))).toHaveLength(2);
  });

  it('skips what it has already written, and treats the same item in another feed as one article', async () => {
    await pollFeed(spec('/rss', '  fullText: false\n'), context());
    expect(await pollFeed(spec('/rss', '  fullText: false\n'), context())).toMatchObject({ status: 'ok', new: 0, updated: 0, skipped: 4 });
    expect(await pollFeed(spec('/rss-copy', '  fullText: false\n'), context())).toMatchObject({ new: 0, skipped: 4 });
    expect(files()).toHaveLength(4);
  });

  it('replaces the file of a corrected item without announcing it as new', async () => {
    const first = await pollFeed(spec('/rss', '  fullText: false\n'), context());
    const original = rssBody;
    rssBody = Buffer.from(original.toString('utf8').replace('Council approves new sea wall', 'Council approves new sea wall after long debate'));
    try {
      const second = await pollFeed(spec('/rss', '  fullText: false\n'), context());
      expect(second).toMatchObject({ new: 0, updated: 1, skipped: 3, files: [] });
    } finally {
      rssBody = original;
    }
    const wallFile = first.files.find((f) => f.includes('sea-wall'))!;
    expect(readFileSync(path.join(seedsDir, wallFile), 'utf8')).toContain('title: "Council approves new sea wall after long debate"');
    expect(files()).toHaveLength(4);
  });

  it('reads every format into files', async () => {
    const reports = await pollFeeds(['/atom', '/rdf', '/json', '/latin1'].map((p) => spec(p, '  fullText: false\n')), context());
    expect(reports.map((r) => [r.status, r.new])).toEqual([['ok', 1], ['ok', 1], ['ok', 1], ['ok', 1]]);
    expect(files()).toEqual([
      'coastline-daily/2026-11-28-record-tide-floods-promenade.md',
      'le-courrier/2026-11-28-cafe-du-port-reouvre.md',
      'northern-ledger/2026-11-30-mill-reopens-after-fire.md',
      'valley-wire/2026-11-28-old-bridge-to-close-for-repairs.md',
    ]);
    const cafe = (await loadCorpus(seedsDir)).articles.find((a) => a.id.includes('cafe'))!;
    expect(cafe.headline).toBe('Café du port réouvre');
  });

  it('records health, backs off, and pauses a feed after the failure limit until resumed', async () => {
    const feed = spec('/500');
    for (let i = 1; i <= 3; i += 1) expect((await pollFeed(feed, context())).status).toBe('error');
    const health = store.health(feed.url)!;
    expect(health).toMatchObject({ failures: 3, lastError: `${feed.url}: HTTP 500`, pausedReason: `${feed.url}: HTTP 500` });
    // 15 minutes doubled three times.
    expect(health.nextPoll).toBe('2026-11-30T12:00:00.000Z');
    expect(logged.some((m) => m.startsWith(`feed ${feed.url} paused after 3 failures in a row`))).toBe(true);
    const requests = server.requests.length;
    expect(await pollFeed(feed, context())).toMatchObject({ status: 'paused', error: `${feed.url}: HTTP 500` });
    expect(server.requests.length).toBe(requests);
    expect(store.resume(feed.url)).toBe(true);
    expect((await pollFeed(feed, context())).status).toBe('error');
  });

  it('unpauses a feed whose entry in the feeds file changed', async () => {
    const feed = spec('/500');
    for (let i = 0; i < 3; i += 1) await pollFeed(feed, context());
    expect(store.health(feed.url)?.pausedReason).not.toBeNull();
    store.ensureFeed(feed.url, spec('/500', '  every: 60\n').specHash);
    expect(store.health(feed.url)).toMatchObject({ pausedReason: null, failures: 0 });
  });

  it('turns a malformed feed, an oversized page and a page of 50,000 links into one line each, nothing more', async () => {
    const malformed = await pollFeed(spec('/malformed'), context());
    expect(['ok', 'error']).toContain(malformed.status);
    server.route('/links-feed', serve(`<rss version="2.0"><channel><title>Links</title><item><title>Link farm</title><link>${server.origin}/links</link><guid>links-1</guid><description>Feed text of the link farm.</description></item></channel></rss>`, 'application/rss+xml'));
    const report = await pollFeed(spec('/links-feed'), context({ fetch: { ...context().fetch, maxBytes: 100_000 } }));
    expect(report).toMatchObject({ status: 'ok', new: 1 });
    expect(readFileSync(path.join(seedsDir, report.files[0]!), 'utf8')).toContain('over the 100000-byte cap');
  });
});
