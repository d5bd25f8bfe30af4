import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listenNewArticles, notifyNewArticles, type ArticleSubscription } from '../../src/state/articleChannel.js';
import { IngestLeader } from '../../src/state/ingestLeader.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';

/** One ingester at a time (an advisory lock), and new articles announced to every process (LISTEN/NOTIFY). */
let server: TestPostgres;
let url: string;
const leaders: IngestLeader[] = [];
const subscriptions: ArticleSubscription[] = [];

beforeAll(async () => {
  server = await startTestPostgres();
  url = await server.createDatabase('ingest');
}, 60_000);

afterEach(async () => {
  for (const leader of leaders.splice(0)) await leader.stop();
  for (const subscription of subscriptions.splice(0)) await subscription.stop();
});

afterAll(async () => {
  await server?.stop();
}, 60_000);

/** `dies`: the process is gone once it loses the lock (a killed process never tries again). */
function start(events: string[], name: string, lockKey = 9001, dies = false): IngestLeader {
  const leader: IngestLeader = IngestLeader.start(url, {
    lockKey,
    retryMs: 100,
    onAcquired: () => events.push(`${name} leads`),
    onLost: () => {
      events.push(`${name} lost`);
      if (dies) void leader.stop();
    },
  });
  leaders.push(leader);
  return leader;
}

async function sql(text: string, values: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text, values);
  await client.end();
}

describe('IngestLeader', () => {
  it('makes exactly one of several processes the ingester', async () => {
    const events: string[] = [];
    const all = ['a', 'b', 'c'].map((name) => start(events, name));
    await expect.poll(() => all.filter((leader) => leader.isLeader()).length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(all.filter((leader) => leader.isLeader())).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('hands over when the ingester stops', async () => {
    const events: string[] = [];
    const a = start(events, 'a');
    await expect.poll(() => a.isLeader()).toBe(true);
    const b = start(events, 'b');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.isLeader()).toBe(false);
    await a.stop();
    await expect.poll(() => b.isLeader()).toBe(true);
    expect(events).toEqual(['a leads', 'b leads']);
  });

  it('hands over when the ingester’s connection dies, and tells it so', async () => {
    const events: string[] = [];
    // Its connection is cut as a killed process's would be; it must not win the lock back before the other retries.
    const a = start(events, 'a', 9002, true);
    await expect.poll(() => a.isLeader()).toBe(true);
    const b = start(events, 'b', 9002);
    // What a killed process leaves: its session ends, PostgreSQL releases the lock.
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [9002]);
    await expect.poll(() => events).toEqual(['a leads', 'a lost', 'b leads']);
    expect(a.isLeader()).toBe(false);
    expect(b.isLeader()).toBe(true);
  });
});

describe('new articles over LISTEN/NOTIFY', () => {
  it('reach every listening process, however many ids there are', async () => {
    const received: string[][] = [[], []];
    for (const inbox of received) subscriptions.push(await listenNewArticles(url, (ids) => inbox.push(...ids)));
    const ids = Array.from({ length: 2000 }, (_, index) => `feeds/example/2026-11-30-article-${index}.md`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await notifyNewArticles(client, ids);
    await client.end();
    for (const inbox of received) await expect.poll(() => inbox.length).toBe(ids.length);
    expect(received[0]).toEqual(ids);
  });

  it('say nothing when the transaction that stored the articles rolls back', async () => {
    const received: string[] = [];
    subscriptions.push(await listenNewArticles(url, (ids) => received.push(...ids)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await notifyNewArticles(client, ['rolled-back.md']);
    await client.query('ROLLBACK');
    await notifyNewArticles(client, ['committed.md']);
    await client.end();
    await expect.poll(() => received).toEqual(['committed.md']);
  });
});
