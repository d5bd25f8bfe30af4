export { StateStore, type ClaimRequest, type ClaimResult, type RunPlan, type StateStoreOptions } from './stateStore.js';
export { StateFileError } from './StateFileError.js';
export type { DigestRun, FirstSeen, GuildSettings, GuildSettingsPatch, RunKind, RunStatus, StateWarning } from './types.js';
export type { AsyncStateStore, StateBackendKind } from './asyncStateStore.js';
export { SqliteStateBackend } from './sqliteStateBackend.js';
export { PostgresStateStore, type PostgresStateOptions } from './postgresStateStore.js';
export { openStateBackend, type StateLocation } from './openStateBackend.js';
export { migratePostgres, MIGRATIONS_DIR, MIGRATIONS_TABLE, type MigrateOptions } from './migratePostgres.js';
export { StateDatabaseError } from './StateDatabaseError.js';
