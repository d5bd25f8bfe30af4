import type Database from 'better-sqlite3';
import type { FeedStateStore } from './liveStateStores.js';
import { openDatabase } from './openDatabase.js';
import type { StateWarning } from './types.js';

const FEED_SCHEMA = `
CREATE TABLE IF NOT EXISTS feeds (
  url TEXT PRIMARY KEY,
  spec_hash TEXT,
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_success TEXT,
  last_error TEXT,
  last_error_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  items_seen INTEGER NOT NULL DEFAULT 0,
  next_poll TEXT,
  paused_reason TEXT,
  paused_at TEXT
);
CREATE TABLE IF NOT EXISTS feed_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT UNIQUE,
  url TEXT,
  content_hash TEXT,
  item_hash TEXT NOT NULL,
  file TEXT NOT NULL,
  feed TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  announced INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS feed_items_by_url ON feed_items (url);
CREATE INDEX IF NOT EXISTS feed_items_by_content ON feed_items (content_hash);
CREATE INDEX IF NOT EXISTS feed_items_unannounced ON feed_items (announced) WHERE announced = 0;
`;

/** The health of one feed, as `/feeds status` and `npm run ingest` report it. */
export interface FeedHealth {
  url: string;
  /** Hash of the feed's entry in the feeds file when last polled; a change unpauses. */
  specHash: string | null;
  /** The feed's own title, once read. */
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastSuccess: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Failures in a row; 0 after a success. */
  failures: number;
  /** Distinct items written from this feed. */
  itemsSeen: number;
  nextPoll: string | null;
  /** Why the feed is paused, or null when it is polled. */
  pausedReason: string | null;
  pausedAt: string | null;
}

/** An item already written: how it is known and where its file is. */
export interface StoredItem {
  id: number;
  guid: string | null;
  url: string | null;
  contentHash: string | null;
  /** Hash of what the feed (and page) said; a change is a correction. */
  itemHash: string;
  /** Path of its Markdown file, relative to the seeds folder. */
  file: string;
  feed: string;
  firstSeen: string;
}

interface FeedRow {
  url: string; spec_hash: string | null; title: string | null; etag: string | null; last_modified: string | null;
  last_success: string | null; last_error: string | null; last_error_at: string | null; failures: number;
  items_seen: number; next_poll: string | null; paused_reason: string | null; paused_at: string | null;
}
interface ItemRow {
  id: number; guid: string | null; url: string | null; content_hash: string | null; item_hash: string; file: string; feed: string; first_seen: string;
}

const toHealth = (r: FeedRow): FeedHealth => ({
  url: r.url, specHash: r.spec_hash, title: r.title, etag: r.etag, lastModified: r.last_modified, lastSuccess: r.last_success,
  lastError: r.last_error, lastErrorAt: r.last_error_at, failures: r.failures, itemsSeen: r.items_seen, nextPoll: r.next_poll,
  pausedReason: r.paused_reason, pausedAt: r.paused_at,
});
const toItem = (r: ItemRow): StoredItem => ({
  id: r.id, guid: r.guid, url: r.url, contentHash: r.content_hash, itemHash: r.item_hash, file: r.file, feed: r.feed, firstSeen: r.first_seen,
});

/**
 * Feed health and the identity of every item written, in the same SQLite file as the digest state (its own
 * tables, created if missing). Every change is one statement or one transaction. With `DATABASE_URL`,
 * `PostgresFeedStore` holds the same in PostgreSQL.
 */
export class FeedStore implements FeedStateStore {
  readonly warnings: readonly StateWarning[];

  private constructor(private readonly db: Database.Database, warnings: StateWarning[]) {
    this.warnings = warnings;
  }

  /**
   * Opens (creating) the state file and the feed tables.
   * @example FeedStore.open('data/newsdesk.sqlite').health('https://example.org/rss') // => null before its first poll
   */
  static open(file: string): FeedStore {
    const { db, warnings } = openDatabase(file, { busyTimeoutMs: 5000, now: () => new Date() });
    db.transaction(() => db.exec(FEED_SCHEMA)).immediate();
    // A poll writes a row per item from the bot's event loop; an fsync per row (synchronous=FULL) stalled /ask for
    // hundreds of ms on a busy disk (bench/feedsBench.ts). In WAL mode NORMAL still survives a killed process; only
    // an OS crash or power cut can lose the last rows, and then the next poll writes those items again.
    db.pragma('synchronous = NORMAL');
    return new FeedStore(db, warnings);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The feed's health record, or null before its first poll. */
  health(url: string): FeedHealth | null {
    const row = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return row ? toHealth(row) : null;
  }

  /** Every feed's health record, by URL. */
  allHealth(): FeedHealth[] {
    return (this.db.prepare('SELECT * FROM feeds ORDER BY url').all() as FeedRow[]).map(toHealth);
  }

  /** Creates the feed's record unless it exists; a changed entry in the feeds file unpauses it (the operator edited it). */
  ensureFeed(url: string, specHash: string): FeedHealth {
    this.db.transaction(() => {
      this.db.prepare('INSERT OR IGNORE INTO feeds (url, spec_hash) VALUES (?, ?)').run(url, specHash);
      this.db
        .prepare('UPDATE feeds SET spec_hash = ?, paused_reason = NULL, paused_at = NULL, failures = 0, next_poll = NULL WHERE url = ? AND spec_hash IS NOT ? ')
        .run(specHash, url, specHash);
    }).immediate();
    return this.health(url)!;
  }

  /** Records a successful poll (200 or 304): failures reset, validators and next poll kept. */
  recordSuccess(url: string, result: { at: Date; nextPoll: Date; title?: string | null; etag: string | null; lastModified: string | null; newItems: number }): void {
    this.db
      .prepare(
        `UPDATE feeds SET last_success = ?, failures = 0, next_poll = ?, etag = ?, last_modified = ?, title = COALESCE(?, title), items_seen = items_seen + ? WHERE url = ?`,
      )
      .run(result.at.toISOString(), result.nextPoll.toISOString(), result.etag, result.lastModified, result.title ?? null, result.newItems, url);
  }

  /** Records a failed poll; pauses the feed when `pause` is given (the failure limit was reached). Returns the new count. */
  recordFailure(url: string, failure: { at: Date; nextPoll: Date; error: string; pause: boolean }): number {
    return this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE feeds SET last_error = ?, last_error_at = ?, failures = failures + 1, next_poll = ?,
               paused_reason = CASE WHEN ? THEN ? ELSE paused_reason END, paused_at = CASE WHEN ? THEN ? ELSE paused_at END WHERE url = ?`,
          )
          .run(failure.error, failure.at.toISOString(), failure.nextPoll.toISOString(), failure.pause ? 1 : 0, failure.error, failure.pause ? 1 : 0, failure.at.toISOString(), url);
        return (this.db.prepare('SELECT failures FROM feeds WHERE url = ?').get(url) as { failures: number } | undefined)?.failures ?? 0;
      })
      .immediate();
  }

  /** Pauses the feed with the reason (failures reached the limit). */
  pause(url: string, reason: string, at: Date): void {
    this.db.prepare('UPDATE feeds SET paused_reason = ?, paused_at = ? WHERE url = ?').run(reason, at.toISOString(), url);
  }

  /** Unpauses a feed (`/feeds resume`): failures reset, polled at the next tick. Returns false for an unknown feed. */
  resume(url: string): boolean {
    return this.db.prepare('UPDATE feeds SET paused_reason = NULL, paused_at = NULL, failures = 0, next_poll = NULL WHERE url = ?').run(url).changes > 0;
  }

  /** The stored item known by this guid, else this canonical URL, else this content hash (same item in two feeds is one). */
  findItem(keys: { guid: string | null; url: string | null; contentHash: string | null }): StoredItem | null {
    const by = (column: 'guid' | 'url' | 'content_hash', value: string | null) =>
      value === null ? undefined : (this.db.prepare(`SELECT * FROM feed_items WHERE ${column} = ? ORDER BY id LIMIT 1`).get(value) as ItemRow | undefined);
    const row = by('guid', keys.guid) ?? by('url', keys.url) ?? by('content_hash', keys.contentHash);
    return row ? toItem(row) : null;
  }

  /** Records a newly written item. */
  addItem(item: Omit<StoredItem, 'id'>): void {
    this.db
      .prepare('INSERT INTO feed_items (guid, url, content_hash, item_hash, file, feed, first_seen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(item.guid, item.url, item.contentHash, item.itemHash, item.file, item.feed, item.firstSeen, item.firstSeen);
  }

  /** Whether any stored item names this file. */
  fileKnown(file: string): boolean {
    return this.db.prepare('SELECT 1 FROM feed_items WHERE file = ? LIMIT 1').get(file) !== undefined;
  }

  /**
   * Files of new items not yet matched against followed topics, oldest first: kept in the store so that a
   * restart between writing a file and matching it loses nothing.
   */
  unannouncedFiles(): string[] {
    return (this.db.prepare('SELECT DISTINCT file FROM feed_items WHERE announced = 0 ORDER BY id').all() as { file: string }[]).map((r) => r.file);
  }

  /** Marks these files as matched against the followed topics (done once, never again: corrections are not news). */
  markAnnounced(files: readonly string[]): void {
    const mark = this.db.prepare('UPDATE feed_items SET announced = 1 WHERE file = ?');
    this.db.transaction(() => {
      for (const file of files) mark.run(file);
    }).immediate();
  }

  /** Nothing to keep: on one host the file in the seeds folder is the article (see `FeedStateStore#storeArticle`). */
  storeArticle(_file: string, _text: string, _at: Date): void {}

  /** Records that an item's file was rewritten (a correction), on every record of that file. */
  updateItem(id: number, change: { itemHash: string; contentHash: string | null; url: string | null; at: Date }): void {
    this.db
      .prepare('UPDATE feed_items SET item_hash = ?, content_hash = ?, url = COALESCE(url, ?), updated_at = ? WHERE file = (SELECT file FROM feed_items WHERE id = ?)')
      .run(change.itemHash, change.contentHash, change.url, change.at.toISOString(), id);
  }
}
