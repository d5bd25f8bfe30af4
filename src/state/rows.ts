import type { DigestRun, GuildSettings, RunKind, RunStatus } from './types.js';

/**
 * A `runs` row as either backend returns it: times as ISO 8601 text (SQLite) or `Date` (PostgreSQL), the carried
 * article ids as JSON text (SQLite) or an array (PostgreSQL).
 */
export interface RunRow<Time> {
  id: number;
  guild_id: string;
  slot: string;
  kind: string;
  channel_id: string | null;
  status: string;
  since: Time | null;
  until: Time | null;
  article_ids: string | string[];
  parts_total: number | null;
  parts_sent: number;
  attempts: number;
  started_at: Time | null;
  finished_at: Time | null;
  error: string | null;
  retry_at: Time | null;
  owner: string | null;
  lease_until: Time | null;
}

/** A `guild_settings` row as either backend returns it (`enabled` is 0/1 in SQLite, a boolean in PostgreSQL). */
export interface GuildRow<Time> {
  guild_id: string;
  channel_id: string | null;
  time: string | null;
  timezone: string | null;
  enabled: number | boolean | null;
  active_since: Time;
  schedule_since: Time;
  updated_at: Time;
}

/** A stored time as the ISO 8601 UTC text the rest of newsdesk uses. */
export function isoTime(value: string | Date): string;
export function isoTime(value: string | Date | null): string | null;
export function isoTime(value: string | Date | null): string | null {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * One digest run from its row, the same for both backends.
 * @example runFromRow({ id: 1, guild_id: 'g1', slot: 's', article_ids: '["a"]', since: null, … }).articleIds // => ['a']
 */
export function runFromRow(row: RunRow<string | Date>): DigestRun {
  return {
    id: row.id,
    guildId: row.guild_id,
    slot: row.slot,
    kind: row.kind as RunKind,
    channelId: row.channel_id,
    status: row.status as RunStatus,
    since: isoTime(row.since),
    until: isoTime(row.until),
    articleIds: typeof row.article_ids === 'string' ? (JSON.parse(row.article_ids) as string[]) : row.article_ids,
    partsTotal: row.parts_total,
    partsSent: row.parts_sent,
    attempts: row.attempts,
    startedAt: isoTime(row.started_at),
    finishedAt: isoTime(row.finished_at),
    error: row.error,
    retryAt: isoTime(row.retry_at),
    owner: row.owner,
    leaseUntil: isoTime(row.lease_until),
  };
}

/**
 * A guild's settings from its row, the same for both backends.
 * @example guildFromRow({ guild_id: 'g1', enabled: 1, … }).enabled // => true
 */
export function guildFromRow(row: GuildRow<string | Date>): GuildSettings {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    timezone: row.timezone,
    enabled: row.enabled === null ? null : row.enabled === true || row.enabled === 1,
    activeSince: isoTime(row.active_since),
    scheduleSince: isoTime(row.schedule_since),
    updatedAt: isoTime(row.updated_at),
  };
}
