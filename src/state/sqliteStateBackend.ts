import type { AsyncStateStore } from './asyncStateStore.js';
import { StateStore, type ClaimRequest, type ClaimResult, type StateStoreOptions } from './stateStore.js';
import type { DigestRun, FirstSeen, GuildSettings, GuildSettingsPatch, StateWarning } from './types.js';

/**
 * The SQLite `StateStore` behind the async contract, unchanged: each call runs synchronously (better-sqlite3) and
 * resolves at once, so SQLite users see exactly the behaviour they had.
 */
export class SqliteStateBackend implements AsyncStateStore {
  readonly kind = 'sqlite' as const;

  constructor(
    /** The wrapped store; still usable directly by code that is not async yet. */
    readonly store: StateStore,
  ) {}

  /**
   * Opens (or creates) the state file; see `StateStore.open`.
   * @example (await SqliteStateBackend.open('data/newsdesk.sqlite')).kind // => 'sqlite'
   */
  static async open(file: string, options: StateStoreOptions = {}): Promise<SqliteStateBackend> {
    return new SqliteStateBackend(StateStore.open(file, options));
  }

  get warnings(): readonly StateWarning[] {
    return this.store.warnings;
  }

  async close(): Promise<void> {
    this.store.close();
  }
  async baselineAt(): Promise<string | null> {
    return this.store.baselineAt();
  }
  async noteArticles(ids: readonly string[], now: Date): Promise<{ added: number; baseline: boolean }> {
    return this.store.noteArticles(ids, now);
  }
  async firstSeen(): Promise<Map<string, FirstSeen>> {
    return this.store.firstSeen();
  }
  async guild(guildId: string): Promise<GuildSettings | null> {
    return this.store.guild(guildId);
  }
  async ensureGuild(guildId: string, now: Date): Promise<GuildSettings> {
    return this.store.ensureGuild(guildId, now);
  }
  async updateGuild(guildId: string, patch: GuildSettingsPatch, now: Date, wasEnabled: boolean): Promise<GuildSettings> {
    return this.store.updateGuild(guildId, patch, now, wasEnabled);
  }
  async run(guildId: string, slot: string): Promise<DigestRun | null> {
    return this.store.run(guildId, slot);
  }
  async latestRun(guildId: string): Promise<DigestRun | null> {
    return this.store.latestRun(guildId);
  }
  async lastCompleted(guildId: string): Promise<DigestRun | null> {
    return this.store.lastCompleted(guildId);
  }
  async unfinishedRun(guildId: string): Promise<DigestRun | null> {
    return this.store.unfinishedRun(guildId);
  }
  async claimRun(request: ClaimRequest): Promise<ClaimResult> {
    return this.store.claimRun(request);
  }
  async setPartsTotal(runId: number, total: number): Promise<void> {
    this.store.setPartsTotal(runId, total);
  }
  async recordPartSent(runId: number, owner: string, part: number, now: Date, leaseMs: number): Promise<boolean> {
    return this.store.recordPartSent(runId, owner, part, now, leaseMs);
  }
  async finishRun(runId: number, owner: string, status: 'ok' | 'empty-skipped', now: Date): Promise<boolean> {
    return this.store.finishRun(runId, owner, status, now);
  }
  async failRun(runId: number, owner: string, error: string, now: Date, retryAt: Date): Promise<boolean> {
    return this.store.failRun(runId, owner, error, now, retryAt);
  }
  async abandonUnfinished(guildId: string, reason: string, now: Date): Promise<number> {
    return this.store.abandonUnfinished(guildId, reason, now);
  }
  async recordMissed(guildId: string, slot: string, reason: string, now: Date): Promise<boolean> {
    return this.store.recordMissed(guildId, slot, reason, now);
  }
}
