import type { ClaimRequest, ClaimResult, StateStore } from './stateStore.js';
import type { DigestRun, FirstSeen, GuildSettings, GuildSettingsPatch, StateWarning } from './types.js';

/** Which database holds the state. */
export type StateBackendKind = 'sqlite' | 'postgres';

/**
 * The state-store contract both backends implement: SQLite (one file, the default; `SqliteStateBackend` wraps the
 * synchronous `StateStore`) and PostgreSQL (`PostgresStateStore`, when `DATABASE_URL` is set, shared by the shard
 * processes of several hosts). Every method means exactly what the `StateStore` method of the same name means;
 * `test/state/contract.test.ts` runs one suite against both.
 *
 * `claimRun` calls `request.plan()` inside its transaction and `plan` is synchronous: a caller that needs state to
 * plan (the last completed digest, first-seen times) reads it before claiming.
 *
 * Follows and feed health have contracts of their own beside this one (`FeedStateStore`, `FollowStateStore` in
 * `liveStateStores.ts`), in the same SQLite file or PostgreSQL database.
 */
export interface AsyncStateStore {
  readonly kind: StateBackendKind;
  /** Problems found while opening, e.g. a corrupted SQLite file set aside; the caller logs them. */
  readonly warnings: readonly StateWarning[];
  close(): Promise<void>;
  baselineAt(): Promise<string | null>;
  noteArticles(ids: readonly string[], now: Date): Promise<{ added: number; baseline: boolean }>;
  firstSeen(): Promise<Map<string, FirstSeen>>;
  guild(guildId: string): Promise<GuildSettings | null>;
  ensureGuild(guildId: string, now: Date): Promise<GuildSettings>;
  updateGuild(guildId: string, patch: GuildSettingsPatch, now: Date, wasEnabled: boolean): Promise<GuildSettings>;
  run(guildId: string, slot: string): Promise<DigestRun | null>;
  latestRun(guildId: string): Promise<DigestRun | null>;
  lastCompleted(guildId: string): Promise<DigestRun | null>;
  unfinishedRun(guildId: string): Promise<DigestRun | null>;
  claimRun(request: ClaimRequest): Promise<ClaimResult>;
  setPartsTotal(runId: number, total: number): Promise<void>;
  recordPartSent(runId: number, owner: string, part: number, now: Date, leaseMs: number): Promise<boolean>;
  finishRun(runId: number, owner: string, status: 'ok' | 'empty-skipped', now: Date): Promise<boolean>;
  failRun(runId: number, owner: string, error: string, now: Date, retryAt: Date): Promise<boolean>;
  abandonUnfinished(guildId: string, reason: string, now: Date): Promise<number>;
  recordMissed(guildId: string, slot: string, reason: string, now: Date): Promise<boolean>;
}

/**
 * What the digest service and `deliverRun` accept: the async contract (what `src/main.ts` passes, SQLite or
 * PostgreSQL), or the synchronous SQLite `StateStore` itself (tests); every call is awaited, so both work.
 */
export type AnyStateStore = AsyncStateStore | StateStore;
