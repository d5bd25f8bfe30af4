import pg from 'pg';
import type { AsyncStateStore } from './asyncStateStore.js';
import { migratePostgres, type MigrateOptions } from './migratePostgres.js';
import { StateDatabaseError } from './StateDatabaseError.js';
import { isUnavailable, StateUnavailableError } from './StateUnavailableError.js';
import type { ClaimRequest, ClaimResult } from './stateStore.js';
import { COMPLETED_RUN_STATUSES, isFinishedRun, type DigestRun, type FirstSeen, type GuildSettings, type GuildSettingsPatch, type StateWarning } from './types.js';
import { PostgresFeedStore } from './postgresFeedStore.js';
import { PostgresFollowStore } from './postgresFollowStore.js';
import type { PgSession, Queryable } from './pgSession.js';
import { guildFromRow, runFromRow, type GuildRow as GuildRowOf, type RunRow as RunRowOf } from './rows.js';

/** Options of `PostgresStateStore.connect`. */
export interface PostgresStateOptions {
  /** How long connecting may take before the database counts as unreachable, in ms. @default 5000 */
  connectTimeoutMs: number;
  /** Connections this process keeps open at most. @default 5 */
  poolSize: number;
  /** Migrations; see `MigrateOptions`. @default the ones in src/state/migrations */
  migrate: Partial<MigrateOptions>;
  /** Told when an idle connection fails (the database restarted); the pool opens a new one on the next query. @default nothing */
  onConnectionError: (error: Error) => void;
}

const defaultPostgresOptions: PostgresStateOptions = { connectTimeoutMs: 5000, poolSize: 5, migrate: {}, onConnectionError: () => undefined };

/** Advisory lock classes (first key of the two-key form): claims of one guild, the first-seen baseline. */
const GUILD_LOCK = 7301;
const ARTICLES_LOCK = 7302;


type RunRow = RunRowOf<Date>;

type GuildRow = GuildRowOf<Date>;




/** Where a connection string points, without its password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** What a driver error says in one line (`ECONNREFUSED`, "password authentication failed …"). */
function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message || 'unknown error';
}


/** A connection failure as `StateUnavailableError` (callers answer "try again shortly"); anything else unchanged. */
function unavailableOr(error: unknown): unknown {
  return isUnavailable(error) && !(error instanceof StateUnavailableError) ? new StateUnavailableError(reason(error)) : error;
}

/**
 * The state in PostgreSQL (`DATABASE_URL`), shared by every shard process of every host. Same contract as the
 * SQLite store: a claim is one transaction that first takes a per-guild advisory lock (as SQLite's `BEGIN
 * IMMEDIATE` takes the write lock), so of two hosts claiming a guild's run at once exactly one gets it, and a run
 * whose claimer died is taken over once its lease has run out. The schema is versioned by migrations applied at
 * `connect`, inside one transaction.
 */
export class PostgresStateStore implements AsyncStateStore {
  readonly kind = 'postgres' as const;
  readonly warnings: readonly StateWarning[] = [];

  /** The pool as a `Queryable`, with connection failures turned into `StateUnavailableError`. */
  private readonly direct: Queryable = { query: (text, values) => this.query(text, values) };
  /** The pool lent to the feed and follow stores: one pool per process. */
  private readonly session: PgSession = { query: (text, values) => this.query(text, values), transaction: (work) => this.transaction(work) };

  private constructor(private readonly pool: pg.Pool) {}

  /**
   * Connects, checks the database answers, and applies pending migrations. Unreachable, refused or failing to
   * migrate: a `StateDatabaseError` whose one-line message names DATABASE_URL (never its password).
   * @example const store = await PostgresStateStore.connect('postgres://newsdesk:secret@db:5432/newsdesk');
   */
  static async connect(url: string, options: Partial<PostgresStateOptions> = {}): Promise<PostgresStateStore> {
    const settings = { ...defaultPostgresOptions, ...options };
    const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: settings.connectTimeoutMs, max: settings.poolSize });
    // Without a listener, an idle connection dropped by a database restart would crash the process.
    pool.on('error', (error) => settings.onConnectionError(error));
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new StateDatabaseError(`cannot connect to PostgreSQL at ${describeDatabase(url)}: ${reason(error)}`);
    }
    try {
      await migratePostgres(client, settings.migrate);
    } catch (error) {
      client.release();
      await pool.end().catch(() => undefined);
      throw error;
    }
    client.release();
    return new PostgresStateStore(pool);
  }

  /**
   * Feed health and items in this database, on this store's connections (closing it is closing this store).
   * @example await store.feeds().health('https://example.org/rss') // => null before its first poll
   */
  feeds(): PostgresFeedStore {
    return new PostgresFeedStore(this.session);
  }

  /**
   * Follows and their matches in this database, on this store's connections (closing it is closing this store).
   * @example await store.follows().list('123') // => []
   */
  follows(): PostgresFollowStore {
    return new PostgresFollowStore(this.session);
  }

  /** Closes the connections; a second call does nothing (as with the SQLite store). */
  async close(): Promise<void> {
    if (this.pool.ended || this.pool.ending) return;
    await this.pool.end();
  }

  /** One statement on any pooled connection; an unreachable database is a `StateUnavailableError`. */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw unavailableOr(error);
    }
  }

  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw unavailableOr(error);
    }
    let broken = false;
    // A checked-out connection has no pool listener: one the database drops between two statements would emit an
    // unhandled 'error' and end the process. The statement that follows fails instead, and the client is dropped.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken = isUnavailable(error);
      await client.query('ROLLBACK').catch(() => undefined);
      throw unavailableOr(error);
    } finally {
      client.off('error', onError);
      // A connection that broke is dropped from the pool, not reused.
      client.release(broken || undefined);
    }
  }

  private async lockGuild(client: Queryable, guildId: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [GUILD_LOCK, guildId]);
  }

  private async runIn(client: Queryable, guildId: string, slot: string): Promise<DigestRun | null> {
    const { rows } = await client.query<RunRow>('SELECT * FROM runs WHERE guild_id = $1 AND slot = $2', [guildId, slot]);
    return rows[0] ? runFromRow(rows[0]) : null;
  }

  private async guildIn(client: Queryable, guildId: string): Promise<GuildSettings | null> {
    const { rows } = await client.query<GuildRow>('SELECT * FROM guilds WHERE guild_id = $1', [guildId]);
    return rows[0] ? guildFromRow(rows[0]) : null;
  }

  private async ensureGuildIn(client: Queryable, guildId: string, now: Date): Promise<GuildSettings> {
    await client.query(
      'INSERT INTO guilds (guild_id, active_since, schedule_since, updated_at) VALUES ($1, $2, $2, $2) ON CONFLICT (guild_id) DO NOTHING',
      [guildId, now],
    );
    return (await this.guildIn(client, guildId))!;
  }

  async baselineAt(): Promise<string | null> {
    const { rows } = await this.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', ['baseline_at']);
    return rows[0]?.value ?? null;
  }

  async noteArticles(ids: readonly string[], now: Date): Promise<{ added: number; baseline: boolean }> {
    return this.transaction(async (client) => {
      // Two hosts starting on an empty database: one records the baseline, the other then sees it.
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [ARTICLES_LOCK]);
      const baseline = (await client.query('SELECT 1 FROM meta WHERE key = $1', ['baseline_at'])).rowCount === 0;
      if (baseline) await client.query('INSERT INTO meta (key, value) VALUES ($1, $2)', ['baseline_at', now.toISOString()]);
      const inserted = await client.query(
        'INSERT INTO articles (article_id, first_seen, baseline) SELECT unnest($1::text[]), $2, $3 ON CONFLICT (article_id) DO NOTHING',
        [[...ids], now, baseline],
      );
      return { added: inserted.rowCount ?? 0, baseline };
    });
  }

  async firstSeen(): Promise<Map<string, FirstSeen>> {
    const { rows } = await this.query<{ article_id: string; first_seen: Date; baseline: boolean }>('SELECT article_id, first_seen, baseline FROM articles', []);
    return new Map(rows.map((row) => [row.article_id, { at: row.first_seen.toISOString(), baseline: row.baseline }]));
  }

  async guild(guildId: string): Promise<GuildSettings | null> {
    return this.guildIn(this.direct, guildId);
  }

  async ensureGuild(guildId: string, now: Date): Promise<GuildSettings> {
    return this.ensureGuildIn(this.direct, guildId, now);
  }

  async updateGuild(guildId: string, patch: GuildSettingsPatch, now: Date, wasEnabled: boolean): Promise<GuildSettings> {
    return this.transaction(async (client) => {
      await this.lockGuild(client, guildId);
      const current = await this.ensureGuildIn(client, guildId, now);
      const next = { ...current, ...patch };
      const enabling = !wasEnabled && patch.enabled === true;
      await client.query(
        `UPDATE guilds SET channel_id = $1, time = $2, timezone = $3, enabled = $4, active_since = $5, schedule_since = $6,
           updated_at = $6 WHERE guild_id = $7`,
        [next.channelId, next.time, next.timezone, next.enabled, enabling ? now : current.activeSince, now, guildId],
      );
      return (await this.guildIn(client, guildId))!;
    });
  }

  async run(guildId: string, slot: string): Promise<DigestRun | null> {
    return this.runIn(this.direct, guildId, slot);
  }

  async latestRun(guildId: string): Promise<DigestRun | null> {
    const { rows } = await this.query<RunRow>(
      'SELECT * FROM runs WHERE guild_id = $1 ORDER BY COALESCE(started_at, finished_at) DESC NULLS LAST, id DESC LIMIT 1',
      [guildId],
    );
    return rows[0] ? runFromRow(rows[0]) : null;
  }

  async lastCompleted(guildId: string): Promise<DigestRun | null> {
    const { rows } = await this.query<RunRow>(
      `SELECT * FROM runs WHERE guild_id = $1 AND status = ANY($2::text[]) ORDER BY until DESC NULLS LAST, id DESC LIMIT 1`,
      [guildId, COMPLETED_RUN_STATUSES],
    );
    return rows[0] ? runFromRow(rows[0]) : null;
  }

  async unfinishedRun(guildId: string): Promise<DigestRun | null> {
    const { rows } = await this.query<RunRow>(
      `SELECT * FROM runs WHERE guild_id = $1 AND status IN ('running', 'failed') AND parts_sent > 0 ORDER BY id LIMIT 1`,
      [guildId],
    );
    return rows[0] ? runFromRow(rows[0]) : null;
  }

  async claimRun(request: ClaimRequest): Promise<ClaimResult> {
    const at = request.now.toISOString();
    const leaseUntil = new Date(request.now.getTime() + request.leaseMs);
    return this.transaction(async (client): Promise<ClaimResult> => {
      await this.lockGuild(client, request.guildId);
      const existing = await this.runIn(client, request.guildId, request.slot);
      if (existing) {
        if (isFinishedRun(existing.status)) return { claimed: false, reason: 'done', run: existing };
        if (existing.status === 'running' && existing.owner !== request.owner && (existing.leaseUntil ?? '') > at) {
          return { claimed: false, reason: 'busy', run: existing };
        }
        if (existing.status === 'failed' && (existing.retryAt ?? '') > at) return { claimed: false, reason: 'waiting', run: existing };
      }
      const fresh = !existing || existing.partsSent === 0;
      const plan = fresh ? request.plan() : null;
      if (existing) {
        await client.query(
          `UPDATE runs SET status = 'running', owner = $1, lease_until = $2, attempts = attempts + 1, started_at = $3,
             error = NULL, retry_at = NULL, finished_at = NULL,
             since = CASE WHEN $4::boolean THEN $5::timestamptz ELSE since END,
             until = COALESCE($6::timestamptz, until), article_ids = COALESCE($7::jsonb, article_ids),
             channel_id = CASE WHEN parts_sent = 0 THEN $8 ELSE channel_id END,
             parts_total = CASE WHEN parts_sent = 0 THEN NULL ELSE parts_total END
           WHERE id = $9`,
          [request.owner, leaseUntil, request.now, plan !== null && plan.since !== null, plan?.since ?? null, plan?.until ?? null, plan ? JSON.stringify(plan.articleIds) : null, request.channelId, existing.id],
        );
      } else {
        await client.query(
          `INSERT INTO runs (guild_id, slot, kind, channel_id, status, since, until, article_ids, attempts, started_at, owner, lease_until)
           VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, 1, $8, $9, $10)`,
          [request.guildId, request.slot, request.kind, request.channelId, plan!.since, plan!.until, JSON.stringify(plan!.articleIds), request.now, request.owner, leaseUntil],
        );
      }
      if (request.kind === 'scheduled') {
        await client.query(
          `UPDATE runs SET status = 'missed', error = COALESCE(error || '; ', '') || $1, finished_at = $2
           WHERE guild_id = $3 AND kind = 'scheduled' AND status = 'failed' AND parts_sent = 0 AND slot < $4`,
          [`superseded by the digest for ${request.slot}`, request.now, request.guildId, request.slot],
        );
      }
      return { claimed: true, run: (await this.runIn(client, request.guildId, request.slot))! };
    });
  }

  async setPartsTotal(runId: number, total: number): Promise<void> {
    await this.query('UPDATE runs SET parts_total = $1 WHERE id = $2', [total, runId]);
  }

  async recordPartSent(runId: number, owner: string, part: number, now: Date, leaseMs: number): Promise<boolean> {
    const result = await this.query(
      `UPDATE runs SET parts_sent = $1, lease_until = $2 WHERE id = $3 AND owner = $4 AND status = 'running' AND parts_sent = $5`,
      [part + 1, new Date(now.getTime() + leaseMs), runId, owner, part],
    );
    return result.rowCount === 1;
  }

  async finishRun(runId: number, owner: string, status: 'ok' | 'empty-skipped', now: Date): Promise<boolean> {
    const result = await this.query(
      `UPDATE runs SET status = $1, finished_at = $2, owner = NULL, lease_until = NULL, error = NULL WHERE id = $3 AND owner = $4 AND status = 'running'`,
      [status, now, runId, owner],
    );
    return result.rowCount === 1;
  }

  async failRun(runId: number, owner: string, error: string, now: Date, retryAt: Date): Promise<boolean> {
    const result = await this.query(
      `UPDATE runs SET status = 'failed', error = $1, finished_at = $2, retry_at = $3, owner = NULL, lease_until = NULL
       WHERE id = $4 AND owner = $5 AND status = 'running'`,
      [error, now, retryAt, runId, owner],
    );
    return result.rowCount === 1;
  }

  async abandonUnfinished(guildId: string, reason: string, now: Date): Promise<number> {
    const result = await this.query(
      `UPDATE runs SET status = 'missed', error = COALESCE(error || '; ', '') || $1, finished_at = $2, owner = NULL, lease_until = NULL
       WHERE guild_id = $3 AND (status = 'failed' OR (status = 'running' AND lease_until <= $2))`,
      [reason, now, guildId],
    );
    return result.rowCount ?? 0;
  }

  async recordMissed(guildId: string, slot: string, reason: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.transaction(async (client) => {
      await this.lockGuild(client, guildId);
      const existing = await this.runIn(client, guildId, slot);
      if (!existing) {
        await client.query(`INSERT INTO runs (guild_id, slot, kind, status, error, finished_at) VALUES ($1, $2, 'scheduled', 'missed', $3, $4)`, [guildId, slot, reason, now]);
        return true;
      }
      if (isFinishedRun(existing.status) || existing.partsSent > 0) return false;
      if (existing.status === 'running' && (existing.leaseUntil ?? '') > at) return false;
      await client.query(`UPDATE runs SET status = 'missed', error = $1, finished_at = $2, owner = NULL, lease_until = NULL WHERE id = $3`, [reason, now, existing.id]);
      return true;
    });
  }
}
