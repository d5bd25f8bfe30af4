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
}

type Row = Record<string, unknown>;

const bool = (value: unknown): boolean | null => (value === null || value === undefined ? null : Number(value) === 1);

/**
 * Copies the SQLite state file into an empty PostgreSQL database (`npm run migrate-state -- --to $DATABASE_URL`):
 * settings, first-seen times and the baseline, every digest run with its id, claim and progress. The database is
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
    try {
      await client.connect();
    } catch (error) {
      throw new StateDatabaseError(`cannot connect to PostgreSQL at ${describeDatabase(url)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await migratePostgres(client);
    await client.query('BEGIN');
    try {
      const existing = await client.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM meta) + (SELECT count(*) FROM guilds) + (SELECT count(*) FROM articles) + (SELECT count(*) FROM runs) AS n',
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
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return { meta: rows.meta.length, guilds: rows.guilds.length, articles: rows.articles.length, runs: rows.runs.length };
  } finally {
    sqlite.close();
    await client.end().catch(() => undefined);
  }
}
