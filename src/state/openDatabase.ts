import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StateFileError } from './StateFileError.js';
import type { StateWarning } from './types.js';

/** The schema version this code writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS guilds (
  guild_id TEXT PRIMARY KEY,
  channel_id TEXT,
  time TEXT,
  timezone TEXT,
  enabled INTEGER,
  active_since TEXT NOT NULL,
  schedule_since TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  article_id TEXT PRIMARY KEY,
  first_seen TEXT NOT NULL,
  baseline INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guild_id TEXT NOT NULL,
  slot TEXT NOT NULL,
  kind TEXT NOT NULL,
  channel_id TEXT,
  status TEXT NOT NULL,
  since TEXT,
  until TEXT,
  article_ids TEXT NOT NULL DEFAULT '[]',
  parts_total INTEGER,
  parts_sent INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  started_at TEXT,
  finished_at TEXT,
  error TEXT,
  retry_at TEXT,
  owner TEXT,
  lease_until TEXT,
  UNIQUE (guild_id, slot)
);
CREATE INDEX IF NOT EXISTS runs_by_guild ON runs (guild_id, status);
`;

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /**
   * How long a write waits for another process's transaction before failing (SQLite `busy_timeout`), in ms.
   * @default 5000
   */
  busyTimeoutMs: number;
  /** The clock used to stamp a set-aside file's name. @default () => new Date() */
  now: () => Date;
}

/** The result: the open database and what the operator should be told. */
export interface OpenedDatabase {
  db: Database.Database;
  warnings: StateWarning[];
}

function sqliteCode(error: unknown): string | null {
  if (error instanceof StateFileError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function openChecked(file: string, options: OpenDatabaseOptions): Database.Database {
  const db = new Database(file, { timeout: options.busyTimeoutMs });
  try {
    // WAL: readers never block the writer, and a killed writer leaves only an uncommitted tail that SQLite drops.
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    db.pragma('synchronous = FULL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new StateFileError(`state file ${file} failed its integrity check: ${String(check)}`, file, 'SQLITE_CORRUPT');
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StateFileError(
        `state file ${file} has schema version ${version}; this newsdesk knows up to ${SCHEMA_VERSION}`,
        file,
      );
    }
    // Several shard processes may open a new file at once: create the schema under the write lock.
    db.transaction(() => {
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function setAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const movedTo = `${file}.corrupt-${stamp}`;
  renameSync(file, movedTo);
  // The write-ahead log and shared-memory index belong to the bad file; a fresh database must not replay them.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
  }
  return movedTo;
}

/**
 * Opens (creating folders and schema as needed) the SQLite state file in WAL mode with a busy timeout. A file
 * SQLite reports as corrupt, or that fails `PRAGMA quick_check`, is renamed to `<file>.corrupt-<timestamp>` and a
 * fresh one is created; the returned warning says so. Anything else (permissions, a newer schema) throws.
 * @example openDatabase('data/state.db', { busyTimeoutMs: 5000, now: () => new Date() }).warnings // => []
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    return { db: openChecked(file, options), warnings: [] };
  } catch (error) {
    if (!isCorruption(error) || !existsSync(file)) throw error;
    const movedTo = setAside(file, options.now());
    const reason = error instanceof Error ? error.message : String(error);
    const warning: StateWarning = {
      code: 'corrupt-file-set-aside',
      message: `state file ${file} is corrupted (${reason}); moved it to ${movedTo} and started a new one`,
      movedTo,
    };
    return { db: openChecked(file, options), warnings: [warning] };
  }
}
