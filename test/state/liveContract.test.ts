import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedStateStore, FollowStateStore } from '../../src/state/liveStateStores.js';
import { postgresBackend, sqliteBackend, type BackendUnderTest, type StateLocationUnderTest } from './backends.js';

/**
 * The feed and follow stores' contract, one suite for both backends: SQLite (the state file, the default) and
 * PostgreSQL (`DATABASE_URL`, a real server on 127.0.0.1). Each test starts from an empty location.
 */
const FEED = 'https://gazette.example/rss';
const at = (iso: string) => new Date(iso);

describe.each([sqliteBackend(), postgresBackend()])('the feed and follow stores on $name', (backend: BackendUnderTest) => {
  let location: StateLocationUnderTest;
  const freshFeeds = async (): Promise<FeedStateStore> => {
    location = await backend.fresh();
    return location.openFeeds();
  };
  const freshFollows = async (): Promise<FollowStateStore> => {
    location = await backend.fresh();
    return location.openFollows();
  };

  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop(), 60_000);

  describe('feed health', () => {
    it('is null before the first poll, then starts clean', async () => {
      const feeds = await freshFeeds();
      expect(await feeds.health(FEED)).toBeNull();
      expect(await feeds.ensureFeed(FEED, 'h1')).toEqual({
        url: FEED, specHash: 'h1', title: null, etag: null, lastModified: null, lastSuccess: null, lastError: null, lastErrorAt: null,
        failures: 0, itemsSeen: 0, nextPoll: null, pausedReason: null, pausedAt: null,
      });
      expect(await feeds.allHealth()).toHaveLength(1);
    });

    it('records a success with its validators and next poll, counting new items', async () => {
      const feeds = await freshFeeds();
      await feeds.ensureFeed(FEED, 'h1');
      await feeds.recordSuccess(FEED, { at: at('2026-11-30T10:00:00.000Z'), nextPoll: at('2026-11-30T10:15:00.000Z'), title: 'Gazette', etag: '"v1"', lastModified: 'Mon, 30 Nov 2026 09:00:00 GMT', newItems: 3 });
      await feeds.recordSuccess(FEED, { at: at('2026-11-30T10:15:00.000Z'), nextPoll: at('2026-11-30T10:30:00.000Z'), etag: '"v2"', lastModified: null, newItems: 2 });
      expect(await feeds.health(FEED)).toMatchObject({
        title: 'Gazette', etag: '"v2"', lastModified: null, lastSuccess: '2026-11-30T10:15:00.000Z', nextPoll: '2026-11-30T10:30:00.000Z', itemsSeen: 5, failures: 0,
      });
    });

    it('counts failures in a row, pauses when told, and a changed entry in the feeds file unpauses', async () => {
      const feeds = await freshFeeds();
      await feeds.ensureFeed(FEED, 'h1');
      const failure = (pause: boolean) => ({ at: at('2026-11-30T10:00:00.000Z'), nextPoll: at('2026-11-30T11:00:00.000Z'), error: 'HTTP 503', pause });
      expect(await feeds.recordFailure(FEED, failure(false))).toBe(1);
      expect(await feeds.recordFailure(FEED, failure(true))).toBe(2);
      expect(await feeds.health(FEED)).toMatchObject({ failures: 2, lastError: 'HTTP 503', lastErrorAt: '2026-11-30T10:00:00.000Z', pausedReason: 'HTTP 503', pausedAt: '2026-11-30T10:00:00.000Z' });
      expect(await feeds.ensureFeed(FEED, 'h1')).toMatchObject({ pausedReason: 'HTTP 503' });
      expect(await feeds.ensureFeed(FEED, 'h2')).toMatchObject({ specHash: 'h2', pausedReason: null, failures: 0, nextPoll: null });
    });

    it('pauses and resumes by hand; resuming an unknown feed says so', async () => {
      const feeds = await freshFeeds();
      await feeds.ensureFeed(FEED, 'h1');
      await feeds.pause(FEED, 'too many failures', at('2026-11-30T10:00:00.000Z'));
      expect(await feeds.health(FEED)).toMatchObject({ pausedReason: 'too many failures' });
      expect(await feeds.resume(FEED)).toBe(true);
      expect(await feeds.health(FEED)).toMatchObject({ pausedReason: null, pausedAt: null, failures: 0 });
      expect(await feeds.resume('https://unknown.example/rss')).toBe(false);
    });

    it('is kept across a reopen', async () => {
      const feeds = await freshFeeds();
      await feeds.ensureFeed(FEED, 'h1');
      await feeds.recordSuccess(FEED, { at: at('2026-11-30T10:00:00.000Z'), nextPoll: at('2026-11-30T10:15:00.000Z'), etag: '"v1"', lastModified: null, newItems: 1 });
      const again = await location.openFeeds();
      expect(await again.health(FEED)).toMatchObject({ etag: '"v1"', itemsSeen: 1 });
    });
  });

  describe('feed items', () => {
    const item = (overrides: Partial<{ guid: string | null; url: string | null; contentHash: string | null; file: string }> = {}) => ({
      guid: 'g-1', url: 'https://gazette.example/a', contentHash: null, itemHash: 'i1', file: 'feeds/gazette/a.md', feed: FEED, firstSeen: '2026-11-30T10:00:00.000Z', ...overrides,
    });

    it('finds an item by guid, else canonical URL, else content hash', async () => {
      const feeds = await freshFeeds();
      await feeds.addItem(item());
      await feeds.addItem(item({ guid: null, url: null, contentHash: 'c9', file: 'feeds/gazette/b.md' }));
      expect(await feeds.findItem({ guid: 'g-1', url: null, contentHash: null })).toMatchObject({ file: 'feeds/gazette/a.md', firstSeen: '2026-11-30T10:00:00.000Z' });
      expect(await feeds.findItem({ guid: 'other', url: 'https://gazette.example/a', contentHash: null })).toMatchObject({ file: 'feeds/gazette/a.md' });
      expect(await feeds.findItem({ guid: null, url: null, contentHash: 'c9' })).toMatchObject({ file: 'feeds/gazette/b.md' });
      expect(await feeds.findItem({ guid: 'none', url: 'https://none.example/', contentHash: 'none' })).toBeNull();
    });

    it('knows which files its items name', async () => {
      const feeds = await freshFeeds();
      expect(await feeds.fileKnown('feeds/gazette/a.md')).toBe(false);
      await feeds.addItem(item());
      expect(await feeds.fileKnown('feeds/gazette/a.md')).toBe(true);
      expect(await feeds.fileKnown('feeds/gazette/b.md')).toBe(false);
    });

    it('refuses a second item with the same guid', async () => {
      const feeds = await freshFeeds();
      await feeds.addItem(item());
      await expect(Promise.resolve().then(() => feeds.addItem(item({ file: 'feeds/gazette/other.md' })))).rejects.toThrow();
    });

    it('records a correction on every record of the file, keeping a known URL', async () => {
      const feeds = await freshFeeds();
      await feeds.addItem(item());
      await feeds.addItem(item({ guid: null, url: 'https://gazette.example/a?utm=feed' }));
      const stored = (await feeds.findItem({ guid: 'g-1', url: null, contentHash: null }))!;
      await feeds.updateItem(stored.id, { itemHash: 'i2', contentHash: null, url: 'https://elsewhere.example/', at: at('2026-11-30T11:00:00.000Z') });
      expect(await feeds.findItem({ guid: 'g-1', url: null, contentHash: null })).toMatchObject({ itemHash: 'i2', url: 'https://gazette.example/a' });
      expect(await feeds.findItem({ guid: null, url: 'https://gazette.example/a?utm=feed', contentHash: null })).toMatchObject({ itemHash: 'i2' });
    });

    it('queues new files for announcing, oldest first and each once, until they are marked', async () => {
      const feeds = await freshFeeds();
      await feeds.addItem(item({ guid: 'g-1', file: 'feeds/gazette/a.md' }));
      await feeds.addItem(item({ guid: 'g-2', url: 'https://gazette.example/b', file: 'feeds/gazette/b.md' }));
      await feeds.addItem(item({ guid: null, url: 'https://gazette.example/a?utm=feed', file: 'feeds/gazette/a.md' }));
      await feeds.addItem(item({ guid: 'g-3', url: 'https://gazette.example/c', file: 'feeds/gazette/c.md' }));
      expect(await feeds.unannouncedFiles()).toEqual(['feeds/gazette/a.md', 'feeds/gazette/b.md', 'feeds/gazette/c.md']);
      await feeds.markAnnounced(['feeds/gazette/a.md', 'feeds/gazette/c.md']);
      expect(await feeds.unannouncedFiles()).toEqual(['feeds/gazette/b.md']);
      await feeds.markAnnounced([]);
      const again = await location.openFeeds();
      expect(await again.unannouncedFiles()).toEqual(['feeds/gazette/b.md']);
    });
  });

  describe('follows', () => {
    it('adds a follow once per guild, channel and topic, and lists a guild’s own, oldest first', async () => {
      const follows = await freshFollows();
      const first = await follows.add('g1', 'c1', 'ferry', at('2026-11-30T10:00:00.000Z'));
      expect(first).toMatchObject({ created: true, follow: { guildId: 'g1', channelId: 'c1', topic: 'ferry', createdAt: '2026-11-30T10:00:00.000Z', pending: 0, lastError: null } });
      expect(await follows.add('g1', 'c1', 'ferry', at('2026-11-30T11:00:00.000Z'))).toEqual({ created: false, follow: first.follow });
      await follows.add('g1', 'c2', 'ferry', at('2026-11-30T10:00:00.000Z'));
      await follows.add('g2', 'c3', 'council', at('2026-11-30T10:00:00.000Z'));
      expect((await follows.list('g1')).map((f) => f.channelId)).toEqual(['c1', 'c2']);
      expect((await follows.list(null)).map((f) => f.topic)).toEqual(['ferry', 'ferry', 'council']);
    });

    it('records matches once, only for follows that exist, and lists them pending in order', async () => {
      const follows = await freshFollows();
      const { follow } = await follows.add('g1', 'c1', 'ferry', at('2026-11-30T10:00:00.000Z'));
      const now = at('2026-11-30T10:05:00.000Z');
      expect(await follows.addMatches([{ followId: follow.id, articleId: 'b.md' }, { followId: follow.id, articleId: 'a.md' }, { followId: 999, articleId: 'a.md' }], now)).toBe(2);
      expect(await follows.addMatches([{ followId: follow.id, articleId: 'a.md' }, { followId: follow.id, articleId: 'c.md' }], now)).toBe(1);
      expect(await follows.addMatches([], now)).toBe(0);
      const pending = await follows.pending(follow.id);
      expect(pending?.articleIds).toEqual(['b.md', 'a.md', 'c.md']);
      expect((await follows.list('g1'))[0]?.pending).toBe(3);
    });

    it('marks what a delivery run carried as posted, and clears the follow’s error', async () => {
      const follows = await freshFollows();
      const { follow } = await follows.add('g1', 'c1', 'ferry', at('2026-11-30T10:00:00.000Z'));
      await follows.addMatches([{ followId: follow.id, articleId: 'a.md' }, { followId: follow.id, articleId: 'b.md' }], at('2026-11-30T10:05:00.000Z'));
      await follows.recordError(follow.id, 'HTTP 403: Missing Access', at('2026-11-30T10:06:00.000Z'));
      expect((await follows.list('g1'))[0]).toMatchObject({ lastError: 'HTTP 403: Missing Access', lastErrorAt: '2026-11-30T10:06:00.000Z' });
      const before = (await follows.pending(follow.id))!;
      await follows.markDelivered(follow.id, ['a.md'], 7, at('2026-11-30T10:10:00.000Z'));
      const after = (await follows.pending(follow.id))!;
      expect(after.articleIds).toEqual(['b.md']);
      expect(after.firstId).toBeGreaterThan(before.firstId);
      expect((await follows.list('g1'))[0]).toMatchObject({ pending: 1, lastError: null, lastErrorAt: null, lastPostedAt: '2026-11-30T10:10:00.000Z' });
      await follows.markDelivered(follow.id, ['b.md'], 8, at('2026-11-30T10:11:00.000Z'));
      expect(await follows.pending(follow.id)).toBeNull();
    });

    it('removes only the guild’s own follow, with its unposted matches', async () => {
      const follows = await freshFollows();
      const { follow } = await follows.add('g1', 'c1', 'ferry', at('2026-11-30T10:00:00.000Z'));
      await follows.addMatches([{ followId: follow.id, articleId: 'a.md' }], at('2026-11-30T10:05:00.000Z'));
      expect(await follows.remove('g2', follow.id)).toBe(false);
      expect(await follows.remove('g1', follow.id)).toBe(true);
      expect(await follows.remove('g1', follow.id)).toBe(false);
      expect(await follows.pending(follow.id)).toBeNull();
      expect(await follows.list('g1')).toEqual([]);
    });
  });
});
