import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres } from './migratePostgres.js';
import { describeDatabase } from './postgresStateStore.js';
import { StateDatabaseError } from './StateDatabaseError.js';
import { StateFileError } from './StateFileError.js';

/** How many rows of each table were copied. */
export interface CopyCounts {
  meta: number;
  guilds: number;
  articles: number;
  runs: number;
  /** Feed health records, items written, follows and their matches (none when the file never had feeds or follows). */
  feeds: number;
  feedItems: number;
  follows: number;
  followMatches: number;
}

type Row = Record<string, unknown>;

const bool = (value: unknown): boolean | null => (value === null || value === undefined ? null : Number(value) === 1);

/**
 * The feed and follow tables copied as they are (SQLite column = PostgreSQL column), each with how its PostgreSQL
 * column is typed where SQLite's text or integer needs a cast, and whether its ids continue from the copied ones.
 */
const LIVE_TABLES = [
  { table: 'feeds', casts: {}, identity: false },
  { table: 'feed_items', casts: { announced: 'boolean' }, identity: true },
  { table: 'follows', casts: {}, identity: true },
  { table: 'follow_matches', casts: {}, identity: true },
] as const satisfies readonly { table: string; casts: Record<string, string>; identity: boolean }[];

/** A table's rows, or none when the state file never had it (feeds and follows are created on first use). */
function readIfPresent(sqlite: Database.Database, table: string): Row[] {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[]) : [];
}

/** Inserts rows into a table with the same columns, 500 rows a statement. */
async function copyRows(client: pg.Client, table: string, rows: Row[], casts: Record<string, string>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let start = 0; start < rows.length; start += 500) {
    const batch = rows.slice(start, start + 500);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const cells = columns.map((column) => {
        const cast = casts[column];
        values.push(cast === 'boolean' ? bool(row[column]) : row[column]);
        return `$${values.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

/**
 * Copies the SQLite state file into an empty PostgreSQL database (`npm run migrate-state -- --to $DATABASE_URL`):
 * settings, first-seen times and the baseline, every digest run with its id, claim and progress, feed health and
 * items, follows and their matches. The database is
 * migrated first; the copy is one transaction, so it lands whole or not at all. A database that already holds
 * state is refused (copying twice would mix two histories). The SQLite file is only read.
 * @example await copySqliteToPostgres('data/newsdesk.sqlite', process.env.DATABASE_URL!) // => { meta: 1, guilds: 3, articles: 365, runs: 12 }
 */
export async function copySqliteToPostgres(file: string, url: string): Promise<CopyCounts> {
  if (!existsSync(file)) throw new StateFileError(`state file ${file} does not exist; set STATE_FILE or pass --from`, file);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    const read = (table: string) => sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[];
    const rows = { meta: read('meta'), guilds: read('guilds'), articles: read('articles'), runs: read('runs') };
    const live = LIVE_TABLES.map((spec) => ({ ...spec, rows: readIfPresent(sqlite, spec.table) }));
    try {
      await client.connect();
    } catch (error) {
      throw new StateDatabaseError(`cannot connect to PostgreSQL at ${describeDatabase(url)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await migratePostgres(client);
    await client.query('BEGIN');
    try {
      const existing = await client.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM meta) + (SELECT count(*) FROM guilds) + (SELECT count(*) FROM articles) + (SELECT count(*) FROM runs)
           + (SELECT count(*) FROM feeds) + (SELECT count(*) FROM feed_items) + (SELECT count(*) FROM follows) + (SELECT count(*) FROM follow_matches) AS n`,
      );
      if (Number(existing.rows[0]!.n) > 0) {
        throw new StateDatabaseError(`the database at ${describeDatabase(url)} already holds newsdesk state; copy into an empty database`);
      }
      for (const row of rows.meta) await client.query('INSERT INTO meta (key, value) VALUES ($1, $2)', [row['key'], row['value']]);
      for (const row of rows.guilds) {
        await client.query(
          `INSERT INTO guilds (guild_id, channel_id, time, timezone, enabled, active_since, schedule_since, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [row['guild_id'], row['channel_id'], row['time'], row['timezone'], bool(row['enabled']), row['active_since'], row['schedule_since'], row['updated_at']],
        );
      }
      // Articles can be many: in batches of one statement each.
      for (let start = 0; start < rows.articles.length; start += 1000) {
        const batch = rows.articles.slice(start, start + 1000);
        await client.query(
          'INSERT INTO articles (article_id, first_seen, baseline) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::boolean[])',
          [batch.map((row) => row['article_id']), batch.map((row) => row['first_seen']), batch.map((row) => bool(row['baseline']))],
        );
      }
      for (const row of rows.runs) {
        await client.query(
          `INSERT INTO runs (id, guild_id, slot, kind, channel_id, status, since, until, article_ids, parts_total, parts_sent, attempts,
             started_at, finished_at, error, retry_at, owner, lease_until)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [
            row['id'], row['guild_id'], row['slot'], row['kind'], row['channel_id'], row['status'], row['since'], row['until'], row['article_ids'],
            row['parts_total'], row['parts_sent'], row['attempts'], row['started_at'], row['finished_at'], row['error'], row['retry_at'], row['owner'], row['lease_until'],
          ],
        );
      }
      // New runs continue after the copied ids.
      await client.query(`SELECT setval(pg_get_serial_sequence('runs', 'id'), GREATEST((SELECT max(id) FROM runs), 1), (SELECT count(*) > 0 FROM runs))`);
      // Feeds and follows keep their ids: a follow's number is what /follow list showed, and matches point at runs.
      for (const { table, casts, identity, rows: tableRows } of live) {
        await copyRows(client, table, tableRows, casts);
        if (identity) {
          await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1), (SELECT count(*) > 0 FROM ${table}))`);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const copied = (table: string) => live.find((spec) => spec.table === table)?.rows.length ?? 0;
    return {
      meta: rows.meta.length, guilds: rows.guilds.length, articles: rows.articles.length, runs: rows.runs.length,
      feeds: copied('feeds'), feedItems: copied('feed_items'), follows: copied('follows'), followMatches: copied('follow_matches'),
    };
  } finally {
    sqlite.close();
    await client.end().catch(() => undefined);
  }
}
