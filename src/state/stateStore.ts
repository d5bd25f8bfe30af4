import type Database from 'better-sqlite3';
import { openDatabase, type OpenDatabaseOptions } from './openDatabase.js';
import { guildFromRow, runFromRow, type GuildRow as GuildRowOf, type RunRow as RunRowOf } from './rows.js';
import {
  COMPLETED_RUN_STATUSES,
  isFinishedRun,
  type DigestRun,
  type FirstSeen,
  type GuildSettings,
  type GuildSettingsPatch,
  type RunKind,
  type StateWarning,
} from './types.js';

/** Options of `StateStore.open`; see `OpenDatabaseOptions`. */
export type StateStoreOptions = Partial<OpenDatabaseOptions>;

const defaultStateStoreOptions: OpenDatabaseOptions = { busyTimeoutMs: 5000, now: () => new Date() };

/** What the content of a run is: computed inside the claiming transaction. */
export interface RunPlan {
  since: string | null;
  until: string;
  articleIds: string[];
}

/** A request to take a run for posting. */
export interface ClaimRequest {
  guildId: string;
  slot: string;
  kind: RunKind;
  channelId: string | null;
  /** Identifies the claiming process (and service instance). */
  owner: string;
  now: Date;
  /** How long the claim holds before another process may take the run over. */
  leaseMs: number;
  /** Computes the content when the run starts afresh (nothing of it sent yet). */
  plan(): RunPlan;
}

/** Why a claim was refused, or the run that was claimed. */
export type ClaimResult =
  | { claimed: true; run: DigestRun }
  | { claimed: false; reason: 'done' | 'busy' | 'waiting'; run: DigestRun };

type RunRow = RunRowOf<string>;

type GuildRow = GuildRowOf<string>;

/** `'a', 'b'`: a status list for an SQL `IN (…)`, from the one definition in `types.ts`. */
function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

/** Every statement the store runs, prepared once when the file is opened. */
function prepareStatements(db: Database.Database) {
  return {
    baselineAt: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    insertMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?)'),
    insertArticle: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO articles (article_id, first_seen, baseline) VALUES (?, ?, ?)'),
    firstSeen: db.prepare<[], { article_id: string; first_seen: string; baseline: number }>('SELECT article_id, first_seen, baseline FROM articles'),
    guild: db.prepare<[string], GuildRow>('SELECT * FROM guilds WHERE guild_id = ?'),
    ensureGuild: db.prepare<[string, string, string, string]>(
      `INSERT OR IGNORE INTO guilds (guild_id, active_since, schedule_since, updated_at) VALUES (?, ?, ?, ?)`,
    ),
    updateGuild: db.prepare<[string | null, string | null, string | null, number | null, string, string, string, string]>(
      `UPDATE guilds SET channel_id = ?, time = ?, timezone = ?, enabled = ?, active_since = ?,
         schedule_since = ?, updated_at = ? WHERE guild_id = ?`,
    ),
    run: db.prepare<[string, string], RunRow>('SELECT * FROM runs WHERE guild_id = ? AND slot = ?'),
    latestRun: db.prepare<[string], RunRow>(
      'SELECT * FROM runs WHERE guild_id = ? ORDER BY COALESCE(started_at, finished_at) DESC, id DESC LIMIT 1',
    ),
    lastCompleted: db.prepare<[string], RunRow>(
      `SELECT * FROM runs WHERE guild_id = ? AND status IN (${sqlList(COMPLETED_RUN_STATUSES)}) ORDER BY until DESC, id DESC LIMIT 1`,
    ),
    unfinishedRun: db.prepare<[string], RunRow>(
      `SELECT * FROM runs WHERE guild_id = ? AND status IN ('running', 'failed') AND parts_sent > 0 ORDER BY id LIMIT 1`,
    ),
    reclaimRun: db.prepare<[string, string, string, string | null, string | null, string | null, string | null, number]>(
      `UPDATE runs SET status = 'running', owner = ?, lease_until = ?, attempts = attempts + 1, started_at = ?,
         error = NULL, retry_at = NULL, finished_at = NULL,
         since = COALESCE(?, since), until = COALESCE(?, until), article_ids = COALESCE(?, article_ids),
         channel_id = CASE WHEN parts_sent = 0 THEN ? ELSE channel_id END,
         parts_total = CASE WHEN parts_sent = 0 THEN NULL ELSE parts_total END
       WHERE id = ?`,
    ),
    insertRun: db.prepare<[string, string, string, string | null, string | null, string, string, string, string, string]>(
      `INSERT INTO runs (guild_id, slot, kind, channel_id, status, since, until, article_ids, attempts,
         started_at, owner, lease_until) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, 1, ?, ?, ?)`,
    ),
    supersedeFailed: db.prepare<[string, string, string, string]>(
      `UPDATE runs SET status = 'missed', error = COALESCE(error || '; ', '') || ?, finished_at = ?
       WHERE guild_id = ? AND kind = 'scheduled' AND status = 'failed' AND parts_sent = 0 AND slot < ?`,
    ),
    setPartsTotal: db.prepare<[number, number]>('UPDATE runs SET parts_total = ? WHERE id = ?'),
    recordPartSent: db.prepare<[number, string, number, string, number]>(
      `UPDATE runs SET parts_sent = ?, lease_until = ? WHERE id = ? AND owner = ? AND status = 'running' AND parts_sent = ?`,
    ),
    finishRun: db.prepare<[string, string, number, string]>(
      `UPDATE runs SET status = ?, finished_at = ?, owner = NULL, lease_until = NULL, error = NULL
       WHERE id = ? AND owner = ? AND status = 'running'`,
    ),
    failRun: db.prepare<[string, string, string, number, string]>(
      `UPDATE runs SET status = 'failed', error = ?, finished_at = ?, retry_at = ?, owner = NULL, lease_until = NULL
       WHERE id = ? AND owner = ? AND status = 'running'`,
    ),
    abandonUnfinished: db.prepare<[string, string, string, string]>(
      `UPDATE runs SET status = 'missed', error = COALESCE(error || '; ', '') || ?, finished_at = ?, owner = NULL,
         lease_until = NULL
       WHERE guild_id = ? AND (status = 'failed' OR (status = 'running' AND lease_until <= ?))`,
    ),
    insertMissed: db.prepare<[string, string, string, string]>(
      `INSERT INTO runs (guild_id, slot, kind, status, error, finished_at) VALUES (?, ?, 'scheduled', 'missed', ?, ?)`,
    ),
    markMissed: db.prepare<[string, string, number]>(
      `UPDATE runs SET status = 'missed', error = ?, finished_at = ?, owner = NULL, lease_until = NULL WHERE id = ?`,
    ),
  };
}



/**
 * What must survive a restart: per-guild settings, when each article was first seen, and every digest run.
 * One SQLite file in WAL mode; every change is one transaction, and claims take the write lock first
 * (`BEGIN IMMEDIATE`), so shard processes sharing the file never post the same run twice.
 */
export class StateStore {
  /** Problems found while opening, e.g. a corrupted file set aside; the caller logs them. */
  readonly warnings: readonly StateWarning[];
  private readonly sql: ReturnType<typeof prepareStatements>;

  private constructor(
    /** The state file's path. */
    readonly file: string,
    private readonly db: Database.Database,
    warnings: StateWarning[],
  ) {
    this.warnings = warnings;
    this.sql = prepareStatements(db);
  }

  /**
   * Opens or creates the state file (and its folder). A corrupted file is renamed aside and reported in
   * `warnings`, never silently reset.
   * @example StateStore.open('data/state.db').warnings // => []
   */
  static open(file: string, options: StateStoreOptions = {}): StateStore {
    const { db, warnings } = openDatabase(file, { ...defaultStateStoreOptions, ...options });
    return new StateStore(file, db, warnings);
  }

  /** Closes the file; the store cannot be used afterwards. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  /** When the very first start recorded the baseline, or null before any article was noted. */
  baselineAt(): string | null {
    return this.sql.baselineAt.get('baseline_at')?.value ?? null;
  }

  /**
   * Records `now` as the first-seen time of every id not seen before. On the very first call on a fresh file,
   * every id is the baseline: present before newsdesk kept state, so no scheduled digest carries it.
   * @example store.noteArticles(['a.md'], new Date()) // => { added: 1, baseline: true } on a fresh file
   */
  noteArticles(ids: readonly string[], now: Date): { added: number; baseline: boolean } {
    const at = now.toISOString();
    return this.db
      .transaction(() => {
        const baseline = this.baselineAt() === null;
        if (baseline) this.sql.insertMeta.run('baseline_at', at);
        let added = 0;
        for (const id of ids) added += this.sql.insertArticle.run(id, at, baseline ? 1 : 0).changes;
        return { added, baseline };
      })
      .immediate();
  }

  /** Every noted article's first-seen record, by id. */
  firstSeen(): Map<string, FirstSeen> {
    const rows = this.sql.firstSeen.all();
    return new Map(rows.map((row) => [row.article_id, { at: row.first_seen, baseline: row.baseline === 1 }]));
  }

  /** The guild's stored settings, or null when it never configured anything. */
  guild(guildId: string): GuildSettings | null {
    const row = this.sql.guild.get(guildId);
    return row ? guildFromRow(row) : null;
  }

  /**
   * Creates the guild's row (all settings following the defaults, active from `now`) unless it exists, and
   * returns it. Called when a guild first gets digests from the defaults, so its first digest starts then.
   */
  ensureGuild(guildId: string, now: Date): GuildSettings {
    const at = now.toISOString();
    this.sql.ensureGuild.run(guildId, at, at, at);
    return this.guild(guildId)!;
  }

  /**
   * Changes a guild's settings. Enabling a guild that was not enabled restarts its content from `now` (no
   * backlog), and any change restarts its schedule from `now` (no past slot fires because the time moved).
   */
  updateGuild(guildId: string, patch: GuildSettingsPatch, now: Date, wasEnabled: boolean): GuildSettings {
    const at = now.toISOString();
    return this.db
      .transaction(() => {
        const current = this.ensureGuild(guildId, now);
        const next = { ...current, ...patch };
        const enabling = !wasEnabled && patch.enabled === true;
        this.sql.updateGuild.run(
            next.channelId,
            next.time,
            next.timezone,
            next.enabled === null ? null : next.enabled ? 1 : 0,
            enabling ? at : current.activeSince,
            at,
            at,
            guildId,
          );
        return this.guild(guildId)!;
      })
      .immediate();
  }

  /** The run of a guild for a slot, if any. */
  run(guildId: string, slot: string): DigestRun | null {
    const row = this.sql.run.get(guildId, slot);
    return row ? runFromRow(row) : null;
  }

  /** The guild's most recently started or recorded run, or null. */
  latestRun(guildId: string): DigestRun | null {
    const row = this.sql.latestRun.get(guildId);
    return row ? runFromRow(row) : null;
  }

  /** The guild's latest completed digest (`ok` or `empty-skipped`): the next one starts at its `until`. */
  lastCompleted(guildId: string): DigestRun | null {
    const row = this.sql.lastCompleted.get(guildId);
    return row ? runFromRow(row) : null;
  }

  /** A run of the guild that sent some of its messages but not all: it must be finished before anything else. */
  unfinishedRun(guildId: string): DigestRun | null {
    const row = this.sql.unfinishedRun.get(guildId);
    return row ? runFromRow(row) : null;
  }

  /**
   * Takes a run for posting, atomically across processes: refused when it is done, held by another live
   * claim, or failed and waiting for its retry time. A run taken afresh (nothing sent yet) gets its content
   * from `plan()`; a run that sent some messages keeps its content, so the retry continues it. Older failed
   * scheduled runs of the guild that sent nothing are marked `missed`: this digest carries their articles.
   */
  claimRun(request: ClaimRequest): ClaimResult {
    const at = request.now.toISOString();
    const leaseUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
    return this.db
      .transaction((): ClaimResult => {
        const existing = this.run(request.guildId, request.slot);
        if (existing) {
          if (isFinishedRun(existing.status)) return { claimed: false, reason: 'done', run: existing };
          if (existing.status === 'running' && existing.owner !== request.owner && (existing.leaseUntil ?? '') > at) {
            return { claimed: false, reason: 'busy', run: existing };
          }
          if (existing.status === 'failed' && (existing.retryAt ?? '') > at) {
            return { claimed: false, reason: 'waiting', run: existing };
          }
        }
        const fresh = !existing || existing.partsSent === 0;
        const plan = fresh ? request.plan() : null;
        if (existing) {
          this.sql.reclaimRun.run(
              request.owner,
              leaseUntil,
              at,
              plan?.since ?? null,
              plan?.until ?? null,
              plan ? JSON.stringify(plan.articleIds) : null,
              request.channelId,
              existing.id,
            );
        } else {
          this.sql.insertRun.run(
              request.guildId,
              request.slot,
              request.kind,
              request.channelId,
              plan!.since,
              plan!.until,
              JSON.stringify(plan!.articleIds),
              at,
              request.owner,
              leaseUntil,
            );
        }
        if (request.kind === 'scheduled') {
          this.sql.supersedeFailed.run(`superseded by the digest for ${request.slot}`, at, request.guildId, request.slot);
        }
        return { claimed: true, run: this.run(request.guildId, request.slot)! };
      })
      .immediate();
  }

  /** Records how many messages a claimed run renders to. */
  setPartsTotal(runId: number, total: number): void {
    this.sql.setPartsTotal.run(total, runId);
  }

  /**
   * Records that message `part` (0-based) of a run was sent, and extends the claim. Returns false when the
   * claim was lost (another process took the run over after the lease ran out): the caller must stop sending.
   */
  recordPartSent(runId: number, owner: string, part: number, now: Date, leaseMs: number): boolean {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const result = this.sql.recordPartSent.run(part + 1, leaseUntil, runId, owner, part);
    return result.changes === 1;
  }

  /** Marks a claimed run done (`ok` or `empty-skipped`). Returns false when the claim was lost. */
  finishRun(runId: number, owner: string, status: 'ok' | 'empty-skipped', now: Date): boolean {
    const result = this.sql.finishRun.run(status, now.toISOString(), runId, owner);
    return result.changes === 1;
  }

  /** Marks a claimed run failed with the error, to be retried from `retryAt`. */
  failRun(runId: number, owner: string, error: string, now: Date, retryAt: Date): boolean {
    const result = this.sql.failRun.run(error, now.toISOString(), retryAt.toISOString(), runId, owner);
    return result.changes === 1;
  }

  /**
   * Gives up the guild's runs that are not done and hold no live claim (e.g. the channel was changed): they
   * become `missed` with `reason`, and the next digest starts again from the last completed one.
   */
  abandonUnfinished(guildId: string, reason: string, now: Date): number {
    const at = now.toISOString();
    return this.sql.abandonUnfinished.run(reason, at, guildId, at).changes;
  }

  /**
   * Records a scheduled slot as missed (too old to post) unless it is done, running under a live claim, or
   * sent part of itself. Returns true when this call recorded it, so the caller logs it once.
   */
  recordMissed(guildId: string, slot: string, reason: string, now: Date): boolean {
    const at = now.toISOString();
    return this.db
      .transaction(() => {
        const existing = this.run(guildId, slot);
        if (!existing) {
          this.sql.insertMissed.run(guildId, slot, reason, at);
          return true;
        }
        if (isFinishedRun(existing.status) || existing.partsSent > 0) return false;
        if (existing.status === 'running' && (existing.leaseUntil ?? '') > at) return false;
        this.sql.markMissed.run(reason, at, existing.id);
        return true;
      })
      .immediate();
  }
}
