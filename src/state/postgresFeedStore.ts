import { notifyNewArticles } from './articleChannel.js';
import type { FeedHealth, StoredItem } from './feedStore.js';
import type { FeedStateStore } from './liveStateStores.js';
import type { PgSession } from './pgSession.js';
import { isoTime } from './rows.js';
import type { StateWarning } from './types.js';

interface FeedRow {
  url: string; spec_hash: string | null; title: string | null; etag: string | null; last_modified: string | null;
  last_success: Date | null; last_error: string | null; last_error_at: Date | null; failures: number;
  items_seen: number; next_poll: Date | null; paused_reason: string | null; paused_at: Date | null;
}
interface ItemRow {
  id: number; guid: string | null; url: string | null; content_hash: string | null; item_hash: string; file: string; feed: string; first_seen: Date;
}

const toHealth = (r: FeedRow): FeedHealth => ({
  url: r.url, specHash: r.spec_hash, title: r.title, etag: r.etag, lastModified: r.last_modified, lastSuccess: isoTime(r.last_success),
  lastError: r.last_error, lastErrorAt: isoTime(r.last_error_at), failures: r.failures, itemsSeen: r.items_seen, nextPoll: isoTime(r.next_poll),
  pausedReason: r.paused_reason, pausedAt: isoTime(r.paused_at),
});
const toItem = (r: ItemRow): StoredItem => ({
  id: r.id, guid: r.guid, url: r.url, contentHash: r.content_hash, itemHash: r.item_hash, file: r.file, feed: r.feed, firstSeen: isoTime(r.first_seen),
});

/**
 * Feed health and the identity of every item written, in PostgreSQL (`DATABASE_URL`): the same contract as the
 * SQLite `FeedStore`, shared by every host, so the ingester that takes over knows each feed's validators, backoff
 * and items. Made by `PostgresStateStore#feeds`, on that store's connections.
 */
export class PostgresFeedStore implements FeedStateStore {
  readonly warnings: readonly StateWarning[] = [];

  constructor(private readonly db: PgSession) {}

  /** The connections belong to the `PostgresStateStore`; it closes them. */
  close(): void {}

  async health(url: string): Promise<FeedHealth | null> {
    const { rows } = await this.db.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
    return rows[0] ? toHealth(rows[0]) : null;
  }

  async allHealth(): Promise<FeedHealth[]> {
    return (await this.db.query<FeedRow>('SELECT * FROM feeds ORDER BY url', [])).rows.map(toHealth);
  }

  async ensureFeed(url: string, specHash: string): Promise<FeedHealth> {
    return this.db.transaction(async (client) => {
      await client.query('INSERT INTO feeds (url, spec_hash) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING', [url, specHash]);
      await client.query(
        'UPDATE feeds SET spec_hash = $1, paused_reason = NULL, paused_at = NULL, failures = 0, next_poll = NULL WHERE url = $2 AND spec_hash IS DISTINCT FROM $1',
        [specHash, url],
      );
      return toHealth((await client.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url])).rows[0]!);
    });
  }

  async recordSuccess(url: string, result: { at: Date; nextPoll: Date; title?: string | null; etag: string | null; lastModified: string | null; newItems: number }): Promise<void> {
    await this.db.query(
      `UPDATE feeds SET last_success = $1, failures = 0, next_poll = $2, etag = $3, last_modified = $4, title = COALESCE($5, title),
         items_seen = items_seen + $6 WHERE url = $7`,
      [result.at, result.nextPoll, result.etag, result.lastModified, result.title ?? null, result.newItems, url],
    );
  }

  async recordFailure(url: string, failure: { at: Date; nextPoll: Date; error: string; pause: boolean }): Promise<number> {
    const { rows } = await this.db.query<{ failures: number }>(
      `UPDATE feeds SET last_error = $1, last_error_at = $2, failures = failures + 1, next_poll = $3,
         paused_reason = CASE WHEN $4 THEN $1 ELSE paused_reason END, paused_at = CASE WHEN $4 THEN $2 ELSE paused_at END
       WHERE url = $5 RETURNING failures`,
      [failure.error, failure.at, failure.nextPoll, failure.pause, url],
    );
    return rows[0]?.failures ?? 0;
  }

  async pause(url: string, reason: string, at: Date): Promise<void> {
    await this.db.query('UPDATE feeds SET paused_reason = $1, paused_at = $2 WHERE url = $3', [reason, at, url]);
  }

  async resume(url: string): Promise<boolean> {
    const result = await this.db.query('UPDATE feeds SET paused_reason = NULL, paused_at = NULL, failures = 0, next_poll = NULL WHERE url = $1', [url]);
    return (result.rowCount ?? 0) > 0;
  }

  async findItem(keys: { guid: string | null; url: string | null; contentHash: string | null }): Promise<StoredItem | null> {
    for (const [column, value] of [['guid', keys.guid], ['url', keys.url], ['content_hash', keys.contentHash]] as const) {
      if (value === null) continue;
      const { rows } = await this.db.query<ItemRow>(`SELECT * FROM feed_items WHERE ${column} = $1 ORDER BY id LIMIT 1`, [value]);
      if (rows[0]) return toItem(rows[0]);
    }
    return null;
  }

  async addItem(item: Omit<StoredItem, 'id'>): Promise<void> {
    await this.db.query(
      'INSERT INTO feed_items (guid, url, content_hash, item_hash, file, feed, first_seen, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
      [item.guid, item.url, item.contentHash, item.itemHash, item.file, item.feed, item.firstSeen],
    );
  }

  async fileKnown(file: string): Promise<boolean> {
    return ((await this.db.query('SELECT 1 FROM feed_items WHERE file = $1 LIMIT 1', [file])).rowCount ?? 0) > 0;
  }

  async unannouncedFiles(): Promise<string[]> {
    // DISTINCT ON keeps each file's first row, so the files come oldest first as in SQLite.
    const { rows } = await this.db.query<{ file: string }>(
      'SELECT file FROM (SELECT DISTINCT ON (file) file, id FROM feed_items WHERE NOT announced ORDER BY file, id) AS first ORDER BY id',
      [],
    );
    return rows.map((r) => r.file);
  }

  async markAnnounced(files: readonly string[]): Promise<void> {
    if (files.length === 0) return;
    await this.db.query('UPDATE feed_items SET announced = true WHERE file = ANY($1::text[])', [[...files]]);
  }

  async storeArticle(file: string, text: string, at: Date): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query(
        'INSERT INTO feed_articles (file, body, updated_at) VALUES ($1, $2, $3) ON CONFLICT (file) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at',
        [file, text, at],
      );
      // Inside the transaction: announced only if stored.
      await notifyNewArticles(client, [file]);
    });
  }

  /**
   * Every stored article file with the MD5 of its text: what a host compares its seeds folder with at start.
   * @example await feeds.articleDigests() // => [{ file: 'feeds/gazette/2026-11-30-ferry.md', md5: '9e10…' }]
   */
  async articleDigests(): Promise<{ file: string; md5: string }[]> {
    return (await this.db.query<{ file: string; md5: string }>('SELECT file, md5(body) AS md5 FROM feed_articles ORDER BY file', [])).rows;
  }

  /**
   * The text of these stored article files (those not stored are left out).
   * @example await feeds.articleBodies(['feeds/gazette/2026-11-30-ferry.md']) // => [{ file: '…', body: '---\ntitle: …' }]
   */
  async articleBodies(files: readonly string[]): Promise<{ file: string; body: string }[]> {
    if (files.length === 0) return [];
    return (await this.db.query<{ file: string; body: string }>('SELECT file, body FROM feed_articles WHERE file = ANY($1::text[]) ORDER BY file', [[...files]])).rows;
  }

  async updateItem(id: number, change: { itemHash: string; contentHash: string | null; url: string | null; at: Date }): Promise<void> {
    await this.db.query(
      `UPDATE feed_items SET item_hash = $1, content_hash = $2, url = COALESCE(url, $3), updated_at = $4
       WHERE file = (SELECT file FROM feed_items WHERE id = $5)`,
      [change.itemHash, change.contentHash, change.url, change.at, id],
    );
  }
}
