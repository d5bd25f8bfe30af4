import type Database from 'better-sqlite3';
import type { FollowStateStore } from './liveStateStores.js';
import { openDatabase } from './openDatabase.js';

const FOLLOW_SCHEMA = `
CREATE TABLE IF NOT EXISTS follows (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guild_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_error TEXT,
  last_error_at TEXT,
  last_posted_at TEXT,
  UNIQUE (guild_id, channel_id, topic)
);
CREATE TABLE IF NOT EXISTS follow_matches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  follow_id INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  matched_at TEXT NOT NULL,
  delivered_run INTEGER,
  UNIQUE (follow_id, article_id)
);
CREATE INDEX IF NOT EXISTS follow_matches_pending ON follow_matches (follow_id, id) WHERE delivered_run IS NULL;
`;

/** A topic a server follows, and where its articles go. */
export interface Follow {
  id: number;
  guildId: string;
  channelId: string;
  /** The words, as typed; matched with the /ask matcher. */
  topic: string;
  createdAt: string;
  /** Why the last post failed (missing channel, permission), or null once a post succeeds. */
  lastError: string | null;
  lastErrorAt: string | null;
  lastPostedAt: string | null;
  /** Matches not posted yet. */
  pending: number;
}

interface FollowRow {
  id: number; guild_id: string; channel_id: string; topic: string; created_at: string; last_error: string | null;
  last_error_at: string | null; last_posted_at: string | null; pending: number;
}
const toFollow = (r: FollowRow): Follow => ({
  id: r.id, guildId: r.guild_id, channelId: r.channel_id, topic: r.topic, createdAt: r.created_at, lastError: r.last_error,
  lastErrorAt: r.last_error_at, lastPostedAt: r.last_posted_at, pending: r.pending,
});
const SELECT_FOLLOW = `SELECT f.*, (SELECT COUNT(*) FROM follow_matches m WHERE m.follow_id = f.id AND m.delivered_run IS NULL) AS pending FROM follows f`;

/**
 * Followed topics and their matches, in the state file beside the digest's tables. A match is recorded before it
 * is posted and marked with the delivery run that posted it, so it is posted once and never dropped. With
 * `DATABASE_URL`, `PostgresFollowStore` holds the same in PostgreSQL.
 */
export class FollowStore implements FollowStateStore {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Opens (creating) the state file and the follow tables.
   * @example FollowStore.open('data/newsdesk.sqlite').list('123') // => []
   */
  static open(file: string): FollowStore {
    const { db } = openDatabase(file, { busyTimeoutMs: 5000, now: () => new Date() });
    db.transaction(() => db.exec(FOLLOW_SCHEMA)).immediate();
    return new FollowStore(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Adds a follow; returns it, or the existing one when the guild already follows this topic in this channel. */
  add(guildId: string, channelId: string, topic: string, now: Date): { follow: Follow; created: boolean } {
    const changes = this.db
      .prepare('INSERT OR IGNORE INTO follows (guild_id, channel_id, topic, created_at) VALUES (?, ?, ?, ?)')
      .run(guildId, channelId, topic, now.toISOString()).changes;
    const row = this.db.prepare(`${SELECT_FOLLOW} WHERE guild_id = ? AND channel_id = ? AND topic = ?`).get(guildId, channelId, topic) as FollowRow;
    return { follow: toFollow(row), created: changes > 0 };
  }

  /** Removes a follow of this guild and its unposted matches; false when there is none with that id. */
  remove(guildId: string, id: number): boolean {
    return this.db
      .transaction(() => {
        const removed = this.db.prepare('DELETE FROM follows WHERE id = ? AND guild_id = ?').run(id, guildId).changes > 0;
        if (removed) this.db.prepare('DELETE FROM follow_matches WHERE follow_id = ?').run(id);
        return removed;
      })
      .immediate();
  }

  /** The guild's follows, oldest first; every follow of every guild when `guildId` is null. */
  list(guildId: string | null): Follow[] {
    const rows = (guildId === null ? this.db.prepare(`${SELECT_FOLLOW} ORDER BY id`).all() : this.db.prepare(`${SELECT_FOLLOW} WHERE guild_id = ? ORDER BY id`).all(guildId)) as FollowRow[];
    return rows.map(toFollow);
  }

  /** Records matches (follow, article), ignoring ones already recorded; returns how many were new. */
  addMatches(matches: readonly { followId: number; articleId: string }[], now: Date): number {
    const insert = this.db.prepare('INSERT OR IGNORE INTO follow_matches (follow_id, article_id, matched_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM follows WHERE id = ?)');
    return this.db
      .transaction(() => matches.reduce((added, m) => added + insert.run(m.followId, m.articleId, now.toISOString(), m.followId).changes, 0))
      .immediate();
  }

  /** The follow's unposted matches, oldest first: the id of the first (it names the batch) and the article ids. */
  pending(followId: number): { firstId: number; articleIds: string[] } | null {
    const rows = this.db.prepare('SELECT id, article_id FROM follow_matches WHERE follow_id = ? AND delivered_run IS NULL ORDER BY id').all(followId) as { id: number; article_id: string }[];
    return rows.length === 0 ? null : { firstId: rows[0]!.id, articleIds: rows.map((r) => r.article_id) };
  }

  /** Marks the articles a finished delivery run carried as posted for this follow, and clears its error. */
  markDelivered(followId: number, articleIds: readonly string[], runId: number, now: Date): void {
    const mark = this.db.prepare('UPDATE follow_matches SET delivered_run = ? WHERE follow_id = ? AND article_id = ? AND delivered_run IS NULL');
    this.db
      .transaction(() => {
        for (const id of articleIds) mark.run(runId, followId, id);
        this.db.prepare('UPDATE follows SET last_error = NULL, last_error_at = NULL, last_posted_at = ? WHERE id = ?').run(now.toISOString(), followId);
      })
      .immediate();
  }

  /** Records why posting failed, for `/follow list`. */
  recordError(followId: number, error: string, now: Date): void {
    this.db.prepare('UPDATE follows SET last_error = ?, last_error_at = ? WHERE id = ?').run(error, now.toISOString(), followId);
  }
}
