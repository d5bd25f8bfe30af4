import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { FeedStore } from '../../src/state/feedStore.js';
import { FollowStore } from '../../src/state/followStore.js';
import { StateStore } from '../../src/state/stateStore.js';
import { hermeticEnv, runToEnd } from '../support/childProcesses.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';

/** `npm run migrate-state -- --to $DATABASE_URL`: the SQLite state, copied once into PostgreSQL. */
let server: TestPostgres;
let dir: string;
let file: string;

/** A SQLite state with a baseline, later arrivals, two guilds and runs in every state that matters. */
function writeSqliteState(target: string): StateStore {
  const store = StateStore.open(target);
  store.noteArticles(['a.md', 'b.md'], new Date('2025-06-01T00:00:00.000Z'));
  store.noteArticles(['c.md'], new Date('2025-06-01T12:00:00.000Z'));
  store.updateGuild('g1', { channelId: 'c1', time: '08:00', timezone: 'Europe/London', enabled: true }, new Date('2025-06-01T10:00:00.000Z'), false);
  store.updateGuild('g2', { enabled: false }, new Date('2025-06-01T10:00:00.000Z'), false);
  const request = { guildId: 'g1', kind: 'scheduled' as const, channelId: 'c1', owner: 'one', leaseMs: 600_000 };
  const done = store.claimRun({ ...request, slot: '2025-06-02T07:00:00.000Z', now: new Date('2025-06-02T07:00:00.000Z'), plan: () => ({ since: '2025-06-01T10:00:00.000Z', until: '2025-06-02T07:00:00.000Z', articleIds: ['c.md'] }) });
  store.setPartsTotal(done.run.id, 1);
  store.recordPartSent(done.run.id, 'one', 0, new Date('2025-06-02T07:00:01.000Z'), 600_000);
  store.finishRun(done.run.id, 'one', 'ok', new Date('2025-06-02T07:00:02.000Z'));
  const half = store.claimRun({ ...request, slot: '2025-06-03T07:00:00.000Z', now: new Date('2025-06-03T07:00:00.000Z'), plan: () => ({ since: '2025-06-02T07:00:00.000Z', until: '2025-06-03T07:00:00.000Z', articleIds: ['d.md', 'e.md'] }) });
  store.setPartsTotal(half.run.id, 2);
  store.recordPartSent(half.run.id, 'one', 0, new Date('2025-06-03T07:00:01.000Z'), 600_000);
  store.failRun(half.run.id, 'one', 'HTTP 500: oops', new Date('2025-06-03T07:00:02.000Z'), new Date('2025-06-03T07:10:00.000Z'));
  store.recordMissed('g1', '2025-06-04T07:00:00.000Z', 'beyond grace', new Date('2025-06-04T20:00:00.000Z'));
  return store;
}

/** Feeds (one healthy, one paused), items (one announced), two follows with a posted and a pending match. */
function writeSqliteLiveState(target: string): void {
  const feeds = FeedStore.open(target);
  feeds.ensureFeed('https://gazette.example/rss', 'h1');
  feeds.recordSuccess('https://gazette.example/rss', { at: new Date('2025-06-01T10:00:00.000Z'), nextPoll: new Date('2025-06-01T10:15:00.000Z'), title: 'Gazette', etag: '"v1"', lastModified: null, newItems: 2 });
  feeds.ensureFeed('https://down.example/rss', 'h2');
  feeds.recordFailure('https://down.example/rss', { at: new Date('2025-06-01T10:00:00.000Z'), nextPoll: new Date('2025-06-01T11:00:00.000Z'), error: 'HTTP 503', pause: true });
  const item = { url: null, contentHash: null, itemHash: 'i1', feed: 'https://gazette.example/rss', firstSeen: '2025-06-01T10:00:00.000Z' };
  feeds.addItem({ ...item, guid: 'g-1', file: 'feeds/gazette/a.md' });
  feeds.addItem({ ...item, guid: 'g-2', file: 'feeds/gazette/b.md' });
  feeds.markAnnounced(['feeds/gazette/a.md']);
  feeds.close();
  const follows = FollowStore.open(target);
  const ferry = follows.add('g1', 'c1', 'ferry', new Date('2025-06-01T10:00:00.000Z')).follow;
  follows.add('g1', 'c1', 'council', new Date('2025-06-01T10:00:00.000Z'));
  follows.addMatches([{ followId: ferry.id, articleId: 'feeds/gazette/a.md' }], new Date('2025-06-01T10:01:00.000Z'));
  follows.markDelivered(ferry.id, ['feeds/gazette/a.md'], 1, new Date('2025-06-01T10:02:00.000Z'));
  follows.addMatches([{ followId: ferry.id, articleId: 'feeds/gazette/b.md' }], new Date('2025-06-01T10:03:00.000Z'));
  follows.close();
}

const migrate = (args: string[]) => runToEnd(process.execPath, ['--import', 'tsx', 'scripts/migrateState.ts', ...args], hermeticEnv({ STATE_FILE: file }));

beforeAll(async () => {
  server = await startTestPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-migrate-state-'));
  file = path.join(dir, 'state.sqlite');
  writeSqliteState(file).close();
  writeSqliteLiveState(file);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('npm run migrate-state -- --to $DATABASE_URL', () => {
  it('copies the SQLite state so that PostgreSQL answers every question the same', async () => {
    const url = await server.createDatabase('copy_target');
    const result = await migrate(['--to', url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Copied .*state\.sqlite to 127\.0\.0\.1:\d+\/copy_target: 2 guild settings, 3 first-seen articles, 3 digest runs, 2 feeds with 2 items, 2 follows with 2 matches\.\n$/u);
    expect(result.stdout).not.toContain('newsdesk:newsdesk');

    const sqlite = StateStore.open(file);
    const postgres = await PostgresStateStore.connect(url);
    try {
      expect(await postgres.baselineAt()).toBe(sqlite.baselineAt());
      expect(await postgres.firstSeen()).toEqual(sqlite.firstSeen());
      for (const guild of ['g1', 'g2', 'g3']) {
        expect(await postgres.guild(guild)).toEqual(sqlite.guild(guild));
        expect(await postgres.latestRun(guild)).toEqual(sqlite.latestRun(guild));
        expect(await postgres.lastCompleted(guild)).toEqual(sqlite.lastCompleted(guild));
        expect(await postgres.unfinishedRun(guild)).toEqual(sqlite.unfinishedRun(guild));
      }
      for (const slot of ['2025-06-02T07:00:00.000Z', '2025-06-03T07:00:00.000Z', '2025-06-04T07:00:00.000Z']) expect(await postgres.run('g1', slot)).toEqual(sqlite.run('g1', slot));
      // The half-sent digest continues where it stopped, and new runs get new ids.
      const resumed = await postgres.claimRun({ guildId: 'g1', slot: '2025-06-03T07:00:00.000Z', kind: 'scheduled', channelId: 'c1', owner: 'two', now: new Date('2025-06-03T07:10:00.000Z'), leaseMs: 600_000, plan: () => ({ since: null, until: 'x', articleIds: [] }) });
      expect(resumed).toMatchObject({ claimed: true, run: { partsSent: 1, partsTotal: 2, articleIds: ['d.md', 'e.md'] } });
      const next = await postgres.claimRun({ guildId: 'g2', slot: 'manual:2025-06-05T07:00:00.000Z', kind: 'manual', channelId: 'c2', owner: 'two', now: new Date('2025-06-05T07:00:00.000Z'), leaseMs: 600_000, plan: () => ({ since: null, until: '2025-06-05T07:00:00.000Z', articleIds: [] }) });
      expect(next.run.id).toBeGreaterThan(3);

      // Feeds and follows answer the same too, and new follows continue after the copied ids.
      const [sqliteFeeds, sqliteFollows] = [FeedStore.open(file), FollowStore.open(file)];
      try {
        const [feeds, follows] = [postgres.feeds(), postgres.follows()];
        expect(await feeds.allHealth()).toEqual(sqliteFeeds.allHealth());
        expect(await feeds.unannouncedFiles()).toEqual(['feeds/gazette/b.md']);
        expect(await feeds.findItem({ guid: 'g-2', url: null, contentHash: null })).toEqual(sqliteFeeds.findItem({ guid: 'g-2', url: null, contentHash: null }));
        expect(await follows.list(null)).toEqual(sqliteFollows.list(null));
        const ferry = (await follows.list('g1'))[0]!;
        expect(await follows.pending(ferry.id)).toEqual(sqliteFollows.pending(ferry.id));
        const added = await follows.add('g2', 'c2', 'harbour', new Date('2025-06-05T07:00:00.000Z'));
        expect(added.follow.id).toBeGreaterThan(2);
      } finally {
        sqliteFeeds.close();
        sqliteFollows.close();
      }
    } finally {
      sqlite.close();
      await postgres.close();
    }
  });

  it('refuses a database that already holds state, and changes nothing in it', async () => {
    const url = await server.createDatabase('copy_twice');
    expect((await migrate(['--to', url])).code).toBe(0);
    const again = await migrate(['--to', url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^migrate-state: DATABASE_URL: the database at 127\.0\.0\.1:\d+\/copy_twice already holds newsdesk state; copy into an empty database\n$/u);
    const postgres = await PostgresStateStore.connect(url);
    expect((await postgres.firstSeen()).size).toBe(3);
    expect((await postgres.latestRun('g1'))?.slot).toBe('2025-06-04T07:00:00.000Z');
    await postgres.close();
  });

  it.each([
    [[], /^migrate-state: --to is required/u],
    [['--to', 'not-a-url'], /^migrate-state: --to: must be a PostgreSQL URL/u],
    [['--to', 'postgres://u:secret-pw@127.0.0.1:1/x'], /^migrate-state: DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x: /u],
    [['--from', 'no/such/file.sqlite', '--to', 'postgres://u:p@127.0.0.1:1/x'], /^migrate-state: state file no\/such\/file\.sqlite does not exist/u],
  ])('stops with one line naming what to fix (%j)', async (args, message) => {
    const result = await migrate(args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('secret-pw');
  });
});
