import { defaults } from '../config.js';
import type { GuildSettings } from '../state/types.js';
import type { Schedule } from './slots.js';

/** How digests run when a guild has not chosen otherwise, and how they are posted. */
export interface DigestSettings {
  /** Channel of every guild that has not chosen one, when the channel belongs to that guild. @default null */
  channelId: string | null;
  /** When digests run, a 5-field cron expression. @default '0 8 * * *' */
  cron: string;
  /** IANA zone the cron expression (and a guild's `HH:MM` without its own zone) is read in. @default 'UTC' */
  timezone: string;
  /** Nothing new: `skip` posts nothing (recorded as `empty-skipped`), `post` posts a short note. @default 'skip' */
  whenEmpty: 'skip' | 'post';
  /** A slot missed while newsdesk was down is still posted when at most this many hours old. @default 6 */
  graceHours: number;
  /** A failed post (missing channel, no permission, Discord error) is retried after this many minutes. @default 10 */
  retryMinutes: number;
  /** A digest posts at most this many messages; past it, the last says how many articles are not shown. @default 5 */
  maxMessages: number;
  /** How many notable quotes a digest shows. @default 5 */
  maxQuotes: number;
  /** How many of the latest articles `/digest now` shows when nothing is new. @default 5 */
  latestCount: number;
  /** How long a process's claim on a run holds before another may take it over (it renews on each message). @default 10 */
  leaseMinutes: number;
}

/** The defaults of `DigestSettings` (from `defaults` in `src/config.ts`), merged once by `DigestService`. */
export const defaultDigestSettings: DigestSettings = {
  channelId: defaults.digest.channelId,
  cron: defaults.digest.cron,
  timezone: defaults.digest.timezone,
  whenEmpty: defaults.digest.whenEmpty,
  graceHours: defaults.digest.graceHours,
  retryMinutes: defaults.digest.retryMinutes,
  maxMessages: defaults.digest.maxMessages,
  maxQuotes: defaults.digest.maxQuotes,
  latestCount: defaults.digest.latestCount,
  leaseMinutes: defaults.digest.leaseMinutes,
};

/** What applies to one guild once its own settings and the defaults are combined. */
export interface ResolvedGuildSettings {
  enabled: boolean;
  /** Why no digest is posted: turned off, or no channel known. Null when digests run. */
  inactiveReason: 'off' | 'no-channel' | null;
  channelId: string | null;
  schedule: Schedule;
  timezone: string;
  /** Whether the guild chose its own settings (else it follows the defaults). */
  custom: boolean;
}

/**
 * Combines a guild's stored settings with the defaults. The default channel applies only to the guild that
 * owns it (`defaultChannelIsHere`), so one environment variable never posts into every guild's channel.
 * @example resolveGuildSettings(null, defaultDigestSettings, false).inactiveReason // => 'no-channel'
 */
export function resolveGuildSettings(
  stored: GuildSettings | null,
  defaults: DigestSettings,
  defaultChannelIsHere: boolean,
): ResolvedGuildSettings {
  const defaultChannel = defaultChannelIsHere ? defaults.channelId : null;
  const channelId = stored?.channelId ?? defaultChannel;
  const timezone = stored?.timezone ?? defaults.timezone;
  const schedule: Schedule = stored?.time ? { time: stored.time, timezone } : { cron: defaults.cron, timezone };
  const inactiveReason = stored?.enabled === false ? 'off' : channelId === null ? 'no-channel' : null;
  return {
    enabled: inactiveReason === null,
    inactiveReason,
    channelId,
    schedule,
    timezone,
    custom: stored !== null && (stored.enabled !== null || stored.channelId !== null || stored.time !== null || stored.timezone !== null),
  };
}
