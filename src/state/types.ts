/** What happened to one digest run. */
export type RunStatus =
  /** Claimed by a process that is posting it now (or died doing so: the lease then expires). */
  | 'running'
  /** Every message of it was sent. */
  | 'ok'
  /** Sending failed; retried after `retryAt`. */
  | 'failed'
  /** Nothing new and the guild posts nothing when empty: done, nothing sent. */
  | 'empty-skipped'
  /** The slot was older than the grace period when newsdesk got to it (or superseded by a later slot); its
   * articles are carried by the next digest, which starts from the last successful one. */
  | 'missed';

/**
 * A finished run is never claimed again: it was posted, skipped as empty, or recorded as missed. The one
 * definition, shared by the state store's queries and the digest service.
 */
export const FINISHED_RUN_STATUSES = ['ok', 'empty-skipped', 'missed'] as const satisfies readonly RunStatus[];

/** The finished runs that carried their articles: the next digest starts at the latest one's `until`. */
export const COMPLETED_RUN_STATUSES = ['ok', 'empty-skipped'] as const satisfies readonly RunStatus[];

/**
 * Whether a run with this status is finished (see `FINISHED_RUN_STATUSES`).
 * @example isFinishedRun('missed') // => true
 */
export function isFinishedRun(status: RunStatus): boolean {
  return (FINISHED_RUN_STATUSES as readonly RunStatus[]).includes(status);
}

/** Scheduled runs are keyed by their slot; `/digest now post:true` makes a manual run. */
export type RunKind = 'scheduled' | 'manual';

/** One digest run of one guild, as stored. Times are ISO 8601 UTC strings (`Date#toISOString`). */
export interface DigestRun {
  id: number;
  guildId: string;
  /** The slot's instant for scheduled runs; `manual:<instant>` for manual ones. Unique per guild. */
  slot: string;
  kind: RunKind;
  channelId: string | null;
  status: RunStatus;
  /** The digest carries the articles first seen after `since` and at or before `until`. */
  since: string | null;
  until: string | null;
  /** The ids carried, fixed at the first attempt that sent anything, so a retry continues the same digest. */
  articleIds: string[];
  /** How many messages the digest renders to, once known. */
  partsTotal: number | null;
  /** How many of them were sent, in order: a retry starts at this index. */
  partsSent: number;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** A failed run is not retried before this time. */
  retryAt: string | null;
  /** The process holding the run while `status` is `running`, and until when. */
  owner: string | null;
  leaseUntil: string | null;
}

/** A guild's own digest settings; null fields follow the defaults from the environment. */
export interface GuildSettings {
  guildId: string;
  channelId: string | null;
  /** "HH:MM" local time of the daily digest; null: the default cron. */
  time: string | null;
  /** IANA time zone; null: the default. */
  timezone: string | null;
  /** True/false when the guild chose; null when it follows the defaults. */
  enabled: boolean | null;
  /** When the digest became active for the guild: its first digest starts here. */
  activeSince: string;
  /** When the schedule last changed: earlier slots are not due, so a change never fires a past slot. */
  scheduleSince: string;
  updatedAt: string;
}

/** A change to a guild's settings; `undefined` fields are kept, `null` ones reset to the default. */
export interface GuildSettingsPatch {
  channelId?: string | null;
  time?: string | null;
  timezone?: string | null;
  enabled?: boolean | null;
}

/** When newsdesk first saw an article. */
export interface FirstSeen {
  at: string;
  /** Seen on the very first start, before any state existed: never carried by a scheduled digest. */
  baseline: boolean;
}

/** Something the store wants an operator to know, e.g. that a corrupted file was set aside. */
export interface StateWarning {
  code: 'corrupt-file-set-aside';
  message: string;
  /** Where the unreadable file now is. */
  movedTo: string;
}
