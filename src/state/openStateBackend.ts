import type { AsyncStateStore } from './asyncStateStore.js';
import type { PostgresStateOptions } from './postgresStateStore.js';
import { SqliteStateBackend } from './sqliteStateBackend.js';

/** Where the state lives, as the configuration says. */
export interface StateLocation {
  /** `DATABASE_URL`: PostgreSQL when set. */
  databaseUrl: string | null;
  /** `STATE_FILE`: the SQLite file otherwise. */
  stateFile: string;
}

/**
 * Opens the state store the configuration chooses: PostgreSQL when `databaseUrl` is set (connected, migrated),
 * else the SQLite file, which stays the default. Throws a `StateDatabaseError` (naming DATABASE_URL) or a
 * `StateFileError` (naming the file) when it cannot be used.
 * @example (await openStateBackend({ databaseUrl: null, stateFile: 'data/newsdesk.sqlite' })).kind // => 'sqlite'
 */
export async function openStateBackend(location: StateLocation, postgres: Partial<PostgresStateOptions> = {}): Promise<AsyncStateStore> {
  if (location.databaseUrl) {
    // Loaded only here: pg is a large module that a start on the SQLite file never needs.
    const { PostgresStateStore } = await import('./postgresStateStore.js');
    return PostgresStateStore.connect(location.databaseUrl, postgres);
  }
  return SqliteStateBackend.open(location.stateFile);
}
