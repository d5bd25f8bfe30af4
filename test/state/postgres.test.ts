import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE } from '../../src/state/migratePostgres.js';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { StateDatabaseError } from '../../src/state/StateDatabaseError.js';
import { freePort, startTestPostgres, type TestPostgres } from '../support/postgres.js';

/** What only the PostgreSQL backend has: a connection string, a server that may be away, and migrations. */
let server: TestPostgres;
let dir: string;
let databases = 0;
const stores: PostgresStateStore[] = [];

const freshDatabase = () => server.createDatabase(`pg_${(databases += 1)}`);

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const tables = async (url: string) =>
  (await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).map((row) => row.table_name);

/** A migrations folder: the real ones, then `extra` (file name → SQL). */
function migrationsWith(extra: Record<string, string>): string {
  const folder = mkdtempSync(path.join(dir, 'migrations-'));
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(path.join(folder, name), sql);
  return folder;
}

async function connect(url: string, options: Parameters<typeof PostgresStateStore.connect>[1] = {}): Promise<PostgresStateStore> {
  const store = await PostgresStateStore.connect(url, options);
  stores.push(store);
  return store;
}


beforeAll(async () => {
  server = await startTestPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-pg-test-'));
}, 60_000);

afterAll(async () => {
  for (const store of stores) await store.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('DATABASE_URL at start', () => {
  it.each(['not a url', 'mysql://user:pw@host/db', 'postgres://'])('refuses the malformed %j in one line naming it, without repeating it', (value) => {
    expect(() => loadConfig({ DATABASE_URL: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: value })).toThrowError(/^DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\/user:password@host:5432\/newsdesk$/u);
  });

  it('is optional: SQLite stays the default', () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db.internal:6432/newsdesk' }).databaseUrl).toBe('postgresql://u:p@db.internal:6432/newsdesk');
  });

  it('names DATABASE_URL and where it points, never the password, when nothing answers there', async () => {
    const port = await freePort();
    const error = await PostgresStateStore.connect(`postgres://newsdesk:hunter2-secret@127.0.0.1:${port}/newsdesk`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateDatabaseError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^DATABASE_URL: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/newsdesk: .*ECONNREFUSED`, 'u'));
    expect(message).not.toContain('hunter2');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('says so in one line when the server refuses the login', async () => {
    const url = (await freshDatabase()).replace('newsdesk:newsdesk@', 'newsdesk:wrong-secret@');
    const error = await PostgresStateStore.connect(url).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/pg_\d+: .*password authentication failed/u);
    expect((error as Error).message).not.toContain('wrong-secret');
  });
});

/** Every migration in src/state/migrations, in order. */
const MIGRATIONS = ['1796083200000_digest-state', '1796169600000_feeds-and-follows', '1796256000000_feed-articles'];

describe('migrations', () => {
  it('are applied once, at the first start, and recorded', async () => {
    const url = await freshDatabase();
    const applied: string[] = [];
    await connect(url, { migrate: { onApplied: (name) => applied.push(name) } });
    expect(applied).toEqual(MIGRATIONS);
    expect(await tables(url)).toEqual(['articles', 'feed_articles', 'feed_items', 'feeds', 'follow_matches', 'follows', 'guilds', 'meta', MIGRATIONS_TABLE, 'runs']);
    const again: string[] = [];
    await connect(url, { migrate: { onApplied: (name) => again.push(name) } });
    expect(again).toEqual([]);
  });

  it('run once when several hosts start on a new database at the same moment', async () => {
    const url = await freshDatabase();
    const applied: string[] = [];
    await Promise.all([1, 2, 3].map(() => connect(url, { migrate: { onApplied: (name) => applied.push(name) } })));
    expect(applied).toEqual(MIGRATIONS);
    expect(await query<{ name: string }>(url, `SELECT name FROM ${MIGRATIONS_TABLE}`)).toHaveLength(MIGRATIONS.length);
  });

  it('leave a new database as it was when one of them fails: nothing of the run is applied', async () => {
    const url = await freshDatabase();
    const folder = migrationsWith({ '1799999999999_broken.sql': '-- Up Migration\nCREATE TABLE extra (id int);\nSELECT no_such_function();\n' });
    const error = await PostgresStateStore.connect(url, { migrate: { dir: folder } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateDatabaseError);
    expect((error as Error).message).toMatch(/^DATABASE_URL: migrating the state database failed, nothing of it was applied: .*no_such_function/u);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    const left = await tables(url);
    for (const table of ['articles', 'guilds', 'meta', 'runs', 'follows', 'extra']) expect(left).not.toContain(table);
  });

  it('leave a database in use as it was when a new one fails: its data and schema untouched', async () => {
    const url = await freshDatabase();
    const store = await connect(url);
    await store.updateGuild('g1', { channelId: 'c1', enabled: true }, new Date('2025-06-01T10:00:00.000Z'), false);
    await store.close();
    const columnsBefore = await query<{ column_name: string }>(url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'guilds' ORDER BY column_name`);
    const folder = migrationsWith({ '1799999999999_broken.sql': '-- Up Migration\nALTER TABLE guilds ADD COLUMN language text;\nUPDATE guilds SET channel_id = NULL;\nSELECT 1 / 0;\n' });
    await expect(PostgresStateStore.connect(url, { migrate: { dir: folder } })).rejects.toThrowError(/division by zero/u);
    expect(await query<{ column_name: string }>(url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'guilds' ORDER BY column_name`)).toEqual(columnsBefore);
    expect(await query<{ name: string }>(url, `SELECT name FROM ${MIGRATIONS_TABLE}`)).toEqual(MIGRATIONS.map((name) => ({ name })));
    const reopened = await connect(url);
    expect(await reopened.guild('g1')).toMatchObject({ channelId: 'c1', enabled: true });
  });
});
