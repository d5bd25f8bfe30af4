import { DateTime, IANAZone } from 'luxon';
import { parseCron, type CronFields } from './parseCron.js';
import { ScheduleError } from './ScheduleError.js';

/**
 * When a digest runs: every day at a local time of day, or on a 5-field cron expression; both read in an IANA
 * time zone, so 08:00 stays 08:00 local across daylight-saving changes.
 */
export type Schedule = { time: string; timezone: string } | { cron: string; timezone: string };

/** How far back (or ahead) to look for an occurrence: enough for "29 Feb on a Monday" style expressions. */
const SEARCH_DAYS = 366 * 8;

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
 * Checks an IANA time zone name and returns it, or throws naming it.
 * @example checkTimezone('Europe/London') // => 'Europe/London'
 */
export function checkTimezone(name: string): string {
  if (!IANAZone.isValidZone(name)) {
    throw new ScheduleError(`time zone "${name}" is not an IANA time zone such as Europe/London or UTC`, name);
  }
  return name;
}

/** The schedule as cron fields, validating the time zone. */
function fieldsOf(schedule: Schedule): CronFields {
  checkTimezone(schedule.timezone);
  if ('time' in schedule) {
    const { hour, minute } = parseTimeOfDay(schedule.time);
    return parseCron(`${minute} ${hour} * * *`);
  }
  return parseCron(schedule.cron);
}

function dayMatches(day: DateTime, fields: CronFields): boolean {
  if (!fields.months.has(day.month)) return false;
  const dom = fields.daysOfMonth.has(day.day);
  const dow = fields.daysOfWeek.has(day.weekday % 7);
  // Vixie cron: when both day fields are restricted, either may match.
  if (fields.daysOfMonthRestricted && fields.daysOfWeekRestricted) return dom || dow;
  return dom && dow;
}

/**
 * The instants a schedule fires on one local day, ascending. A local time skipped by a spring-forward change
 * fires at the shifted instant (luxon moves it forward); a time repeated by a fall-back change fires once.
 */
function occurrencesOn(day: DateTime, fields: CronFields): DateTime[] {
  if (!dayMatches(day, fields)) return [];
  const seen = new Set<number>();
  const out: DateTime[] = [];
  for (const hour of [...fields.hours].sort((a, b) => a - b)) {
    for (const minute of [...fields.minutes].sort((a, b) => a - b)) {
      const at = day.set({ hour, minute, second: 0, millisecond: 0 });
      if (!seen.has(at.toMillis())) {
        seen.add(at.toMillis());
        out.push(at);
      }
    }
  }
  return out.sort((a, b) => a.toMillis() - b.toMillis());
}

/**
 * The latest time the schedule fired at or before `now`, or null when it never has within eight years.
 * @example previousSlot(new Date('2025-03-30T09:00:00Z'), { time: '08:00', timezone: 'Europe/London' })
 * // => 2025-03-30T07:00:00.000Z (08:00 BST)
 */
export function previousSlot(now: Date, schedule: Schedule): Date | null {
  const fields = fieldsOf(schedule);
  const nowMs = now.getTime();
  let day = DateTime.fromJSDate(now, { zone: schedule.timezone }).startOf('day');
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    const hits = occurrencesOn(day, fields).filter((at) => at.toMillis() <= nowMs);
    const last = hits[hits.length - 1];
    if (last) return last.toJSDate();
    day = day.minus({ days: 1 }).startOf('day');
  }
  return null;
}

/**
 * The first time the schedule fires strictly after `now`, or null when it never does within eight years.
 * @example nextSlot(new Date('2025-10-26T07:30:00Z'), { time: '08:00', timezone: 'Europe/London' })
 * // => 2025-10-26T08:00:00.000Z (08:00 GMT, the first day after the change)
 */
export function nextSlot(now: Date, schedule: Schedule): Date | null {
  const fields = fieldsOf(schedule);
  const nowMs = now.getTime();
  let day = DateTime.fromJSDate(now, { zone: schedule.timezone }).startOf('day');
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    const first = occurrencesOn(day, fields).find((at) => at.toMillis() > nowMs);
    if (first) return first.toJSDate();
    day = day.plus({ days: 1 }).startOf('day');
  }
  return null;
}

/**
 * Throws a `ScheduleError` naming the bad part when the schedule cannot be evaluated; call it at start-up and
 * when a guild sets its time, so a bad value is refused at once.
 * @example checkSchedule({ cron: '0 25 * * *', timezone: 'UTC' }) // throws 'cron "0 25 * * *": hour 25 is outside 0-23'
 */
export function checkSchedule(schedule: Schedule): void {
  fieldsOf(schedule);
}

/**
 * A short human description of a schedule, for `/digest status`.
 * @example describeSchedule({ time: '08:00', timezone: 'Europe/London' }) // => 'daily at 08:00 (Europe/London)'
 */
export function describeSchedule(schedule: Schedule): string {
  if ('time' in schedule) return `daily at ${schedule.time} (${schedule.timezone})`;
  return `cron \`${schedule.cron}\` (${schedule.timezone})`;
}
