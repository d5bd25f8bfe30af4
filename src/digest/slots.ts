import { createRequire } from 'node:module';
import type * as CronParser from 'cron-parser';
import type { CronExpression } from 'cron-parser';
import type * as Luxon from 'luxon';
import { parseCron } from './parseCron.js';
import { ScheduleError } from './ScheduleError.js';

// cron-parser and luxon are loaded on first use (their CommonJS builds, synchronously): src/config.ts checks a
// schedule with this module, and the search and quote code import src/config.ts for its defaults, so that a static
// import here would load both into every start and worker thread. Nothing they return leaves this module.
const requireCommonJs = createRequire(import.meta.url);
let cronParser: typeof CronParser | null = null;
let luxon: typeof Luxon | null = null;
const cronParserModule = (): typeof CronParser => (cronParser ??= requireCommonJs('cron-parser') as typeof CronParser);
const zones = (): typeof Luxon.IANAZone => (luxon ??= requireCommonJs('luxon') as typeof Luxon).IANAZone;

/**
 * When a digest runs: every day at a local time of day, or on a 5-field cron expression; both read in an IANA
 * time zone, so 08:00 stays 08:00 local across daylight-saving changes.
 */
export type Schedule = { time: string; timezone: string } | { cron: string; timezone: string };

const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * Reads "HH:MM" (24-hour) into hour and minute.
 * @example parseTimeOfDay('08:30') // => { hour: 8, minute: 30 }
 */
export function parseTimeOfDay(text: string): { hour: number; minute: number } {
  const match = TIME_OF_DAY.exec(text.trim());
  if (!match) throw new ScheduleError(`time "${text}" is not a 24-hour HH:MM time such as 08:00`, text);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * Whether `name` is an IANA time zone luxon (and so the schedule) can use: the one test, shared with the
 * configuration's `DIGEST_TIMEZONE` check.
 * @example isTimeZone('Europe/London') // => true
 */
export function isTimeZone(name: string): boolean {
  return zones().isValidZone(name);
}

/**
 * Checks an IANA time zone name and returns it, or throws naming it.
 * @example checkTimezone('Europe/London') // => 'Europe/London'
 */
export function checkTimezone(name: string): string {
  if (!isTimeZone(name)) {
    throw new ScheduleError(`time zone "${name}" is not an IANA time zone such as Europe/London or UTC`, name);
  }
  return name;
}

/** The schedule as a 5-field cron expression, validated field by field (so a bad one is named) with its zone. */
function cronOf(schedule: Schedule): string {
  checkTimezone(schedule.timezone);
  if ('time' in schedule) {
    const { hour, minute } = parseTimeOfDay(schedule.time);
    return `${minute} ${hour} * * *`;
  }
  parseCron(schedule.cron);
  return schedule.cron;
}

/**
 * The occurrences around `from`, computed by cron-parser in the schedule's zone (on luxon, so 08:00 stays 08:00
 * local across daylight-saving changes). Both directions are strict: `prev()` is before `from`, `next()` after.
 */
function occurrences(schedule: Schedule, from: Date): CronExpression {
  const cron = cronOf(schedule);
  try {
    return cronParserModule().CronExpressionParser.parse(cron, { currentDate: from, tz: schedule.timezone });
  } catch (error) {
    // Every field is in range (parseCron checked), so what is left is a date that never comes, e.g. 31 February.
    throw new ScheduleError(`cron "${cron}": it never fires (${error instanceof Error ? error.message : String(error)})`, cron);
  }
}

/**
 * The latest time the schedule fired at or before `now`, or null when it never has.
 * @example previousSlot(new Date('2025-03-30T09:00:00Z'), { time: '08:00', timezone: 'Europe/London' })
 * // => 2025-03-30T07:00:00.000Z (08:00 BST)
 */
export function previousSlot(now: Date, schedule: Schedule): Date | null {
  // prev() is strictly before its start: one millisecond later makes a slot at exactly `now` count.
  const expression = occurrences(schedule, new Date(now.getTime() + 1));
  return expression.hasPrev() ? expression.prev().toDate() : null;
}

/**
 * The first time the schedule fires strictly after `now`, or null when it never does.
 * @example nextSlot(new Date('2025-10-26T07:30:00Z'), { time: '08:00', timezone: 'Europe/London' })
 * // => 2025-10-26T08:00:00.000Z (08:00 GMT, the first day after the change)
 */
export function nextSlot(now: Date, schedule: Schedule): Date | null {
  const expression = occurrences(schedule, now);
  return expression.hasNext() ? expression.next().toDate() : null;
}

/**
 * Throws a `ScheduleError` naming the bad part when the schedule cannot be evaluated; call it at start-up and
 * when a guild sets its time, so a bad value is refused at once.
 * @example checkSchedule({ cron: '0 25 * * *', timezone: 'UTC' }) // throws 'cron "0 25 * * *": hour 25 is outside 0-23'
 */
export function checkSchedule(schedule: Schedule): void {
  occurrences(schedule, new Date());
}

/**
 * A short human description of a schedule, for `/digest status`.
 * @example describeSchedule({ time: '08:00', timezone: 'Europe/London' }) // => 'daily at 08:00 (Europe/London)'
 */
export function describeSchedule(schedule: Schedule): string {
  if ('time' in schedule) return `daily at ${schedule.time} (${schedule.timezone})`;
  return `cron \`${schedule.cron}\` (${schedule.timezone})`;
}
