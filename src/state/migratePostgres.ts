import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { runner } from 'node-pg-migrate';
import { StateDatabaseError } from './StateDatabaseError.js';

/**
 * The versioned migrations of the PostgreSQL state, applied in file-name order: `src/state/migrations`, found from
 * the sources (tsx) and from the compiled `dist/src/state/` alike (the build compiles .ts only; the .sql files stay).
 */
export const MIGRATIONS_DIR = [new URL('./migrations', import.meta.url), new URL('../../../src/state/migrations', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('./migrations', import.meta.url));

/** Where node-pg-migrate records which migrations ran. */
export const MIGRATIONS_TABLE = 'newsdesk_migrations';

/** Options of {@link migratePostgres}. */
export interface MigrateOptions {
  /** Folder of `.sql` migrations. @default MIGRATIONS_DIR */
  dir: string;
  /** Told each migration applied. @default nothing */
  onApplied: (name: string) => void;
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The first line of an error's message, without the stack node-pg-migrate appends. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}

/**
 * Applies the pending migrations to the database at `client`, all of them inside one transaction: a failing
 * migration rolls back every one of this run, so the schema is left exactly as it was. node-pg-migrate holds its
 * advisory lock meanwhile, so hosts starting at once wait for each other instead of migrating twice.
 * Returns the names applied (none when up to date); throws a `StateDatabaseError` naming DATABASE_URL.
 * @example await migratePostgres(client) // => ['1796083200000_digest-state'] on a fresh database
 */
export async function migratePostgres(client: pg.ClientBase, options: Partial<MigrateOptions> = {}): Promise<string[]> {
  try {
    const applied = await runner({
      dbClient: client,
      dir: options.dir ?? MIGRATIONS_DIR,
      migrationsTable: MIGRATIONS_TABLE,
      direction: 'up',
      singleTransaction: true,
      checkOrder: true,
      advisoryLockMode: 'wait',
      logger: quiet,
    });
    for (const migration of applied) options.onApplied?.(migration.name);
    return applied.map((migration) => migration.name);
  } catch (error) {
    throw new StateDatabaseError(`migrating the state database failed, nothing of it was applied: ${firstLine(error)}`);
  }
}
