import type { AsyncStateStore } from './asyncStateStore.js';
import { FeedStore } from './feedStore.js';
import { FollowStore } from './followStore.js';
import type { FeedStateStore, FollowStateStore } from './liveStateStores.js';
import type { PostgresStateOptions, PostgresStateStore } from './postgresStateStore.js';
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

/**
 * The feed store beside an open state store: in the same PostgreSQL database (on its connections) when the state is
 * there, else in the SQLite state file.
 * @example feedStoreFor(await openStateBackend(location), location.stateFile).allHealth()
 */
export function feedStoreFor(state: AsyncStateStore, stateFile: string): FeedStateStore {
  return isPostgres(state) ? state.feeds() : FeedStore.open(stateFile);
}

/**
 * The follow store beside an open state store: PostgreSQL when the state is there, else the SQLite state file.
 * @example await followStoreFor(await openStateBackend(location), location.stateFile).list('123') // => []
 */
export function followStoreFor(state: AsyncStateStore, stateFile: string): FollowStateStore {
  return isPostgres(state) ? state.follows() : FollowStore.open(stateFile);
}

/**
 * Whether the state lives in PostgreSQL: told by `kind`, not `instanceof`, so that a SQLite start never loads pg.
 * @example isPostgres(await openStateBackend({ databaseUrl: null, stateFile: 'data/newsdesk.sqlite' })) // => false
 */
export function isPostgres(state: AsyncStateStore): state is PostgresStateStore {
  return state.kind === 'postgres';
}
