import type { Follow } from './followStore.js';
import type { FollowStateStore } from './liveStateStores.js';
import type { PgSession, Queryable } from './pgSession.js';
import { isoTime } from './rows.js';

interface FollowRow {
  id: number; guild_id: string; channel_id: string; topic: string; created_at: Date; last_error: string | null;
  last_error_at: Date | null; last_posted_at: Date | null; pending: number;
}
const toFollow = (r: FollowRow): Follow => ({
  id: r.id, guildId: r.guild_id, channelId: r.channel_id, topic: r.topic, createdAt: isoTime(r.created_at), lastError: r.last_error,
  lastErrorAt: isoTime(r.last_error_at), lastPostedAt: isoTime(r.last_posted_at), pending: r.pending,
});
const SELECT_FOLLOW = `SELECT f.*, (SELECT count(*)::int FROM follow_matches m WHERE m.follow_id = f.id AND m.delivered_run IS NULL) AS pending FROM follows f`;

/**
 * Followed topics and their matches in PostgreSQL (`DATABASE_URL`): the same contract as the SQLite `FollowStore`,
 * shared by every host, so a follow made on one host is matched and posted by whichever host gets there first (the
 * delivery run's claim keeps it to one post). Made by `PostgresStateStore#follows`, on that store's connections.
 */
export class PostgresFollowStore implements FollowStateStore {
  constructor(private readonly db: PgSession) {}

  /** The connections belong to the `PostgresStateStore`; it closes them. */
  close(): void {}

  private async one(client: Queryable, where: string, values: unknown[]): Promise<Follow | null> {
    const { rows } = await client.query<FollowRow>(`${SELECT_FOLLOW} WHERE ${where}`, values);
    return rows[0] ? toFollow(rows[0]) : null;
  }

  async add(guildId: string, channelId: string, topic: string, now: Date): Promise<{ follow: Follow; created: boolean }> {
    const inserted = await this.db.query(
      'INSERT INTO follows (guild_id, channel_id, topic, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (guild_id, channel_id, topic) DO NOTHING',
      [guildId, channelId, topic, now],
    );
    const follow = await this.one(this.db, 'guild_id = $1 AND channel_id = $2 AND topic = $3', [guildId, channelId, topic]);
    return { follow: follow!, created: (inserted.rowCount ?? 0) > 0 };
  }

  async remove(guildId: string, id: number): Promise<boolean> {
    return this.db.transaction(async (client) => {
      const removed = ((await client.query('DELETE FROM follows WHERE id = $1 AND guild_id = $2', [id, guildId])).rowCount ?? 0) > 0;
      if (removed) await client.query('DELETE FROM follow_matches WHERE follow_id = $1', [id]);
      return removed;
    });
  }

  async list(guildId: string | null): Promise<Follow[]> {
    const { rows } =
      guildId === null
        ? await this.db.query<FollowRow>(`${SELECT_FOLLOW} ORDER BY id`, [])
        : await this.db.query<FollowRow>(`${SELECT_FOLLOW} WHERE guild_id = $1 ORDER BY id`, [guildId]);
    return rows.map(toFollow);
  }

  async addMatches(matches: readonly { followId: number; articleId: string }[], now: Date): Promise<number> {
    if (matches.length === 0) return 0;
    // One statement, in the order given (WITH ORDINALITY), so pending matches come back oldest first as in SQLite.
    const result = await this.db.query(
      `INSERT INTO follow_matches (follow_id, article_id, matched_at)
       SELECT m.follow_id, m.article_id, $3 FROM unnest($1::int[], $2::text[]) WITH ORDINALITY AS m(follow_id, article_id, n)
       WHERE EXISTS (SELECT 1 FROM follows WHERE id = m.follow_id) ORDER BY m.n
       ON CONFLICT (follow_id, article_id) DO NOTHING`,
      [matches.map((m) => m.followId), matches.map((m) => m.articleId), now],
    );
    return result.rowCount ?? 0;
  }

  async pending(followId: number): Promise<{ firstId: number; articleIds: string[] } | null> {
    const { rows } = await this.db.query<{ id: number; article_id: string }>(
      'SELECT id, article_id FROM follow_matches WHERE follow_id = $1 AND delivered_run IS NULL ORDER BY id',
      [followId],
    );
    return rows.length === 0 ? null : { firstId: rows[0]!.id, articleIds: rows.map((r) => r.article_id) };
  }

  async markDelivered(followId: number, articleIds: readonly string[], runId: number, now: Date): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query('UPDATE follow_matches SET delivered_run = $1 WHERE follow_id = $2 AND article_id = ANY($3::text[]) AND delivered_run IS NULL', [
        runId, followId, [...articleIds],
      ]);
      await client.query('UPDATE follows SET last_error = NULL, last_error_at = NULL, last_posted_at = $1 WHERE id = $2', [now, followId]);
    });
  }

  async recordError(followId: number, error: string, now: Date): Promise<void> {
    await this.db.query('UPDATE follows SET last_error = $1, last_error_at = $2 WHERE id = $3', [error, now, followId]);
  }
}
