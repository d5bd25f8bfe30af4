import { ScheduleError } from './ScheduleError.js';

/** A standard 5-field cron expression expanded into the values each field allows. */
export interface CronFields {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is folded into 0). */
  daysOfWeek: ReadonlySet<number>;
  /** Whether day-of-month / day-of-week were restricted (not `*`): cron ORs the two when both are. */
  daysOfMonthRestricted: boolean;
  daysOfWeekRestricted: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  // 7 is accepted as Sunday, as in Vixie cron and node-cron.
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES },
];

function parseValue(text: string, spec: FieldSpec, expression: string): number {
  const lower = text.toLowerCase();
  const named = spec.names?.indexOf(lower) ?? -1;
  if (named >= 0) return spec.name === 'month' ? named + 1 : named;
  if (!/^\d+$/.test(text)) {
    throw new ScheduleError(`cron "${expression}": "${text}" is not a valid ${spec.name}`, expression);
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw new ScheduleError(
      `cron "${expression}": ${spec.name} ${value} is outside ${spec.min}-${spec.max}`,
      expression,
    );
  }
  return value;
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    let step = 1;
    if (stepText !== undefined) {
      step = Number(stepText);
      if (!/^\d+$/.test(stepText) || step < 1) {
        throw new ScheduleError(`cron "${expression}": step "${stepText}" in the ${spec.name} field is not a positive number`, expression);
      }
    }
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.max;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      from = parseValue(a, spec, expression);
      to = parseValue(b, spec, expression);
      if (from > to) {
        throw new ScheduleError(`cron "${expression}": range "${range}" in the ${spec.name} field runs backwards`, expression);
      }
    } else {
      from = parseValue(range, spec, expression);
      // "5/15" means from 5 to the end in steps of 15.
      to = stepText === undefined ? from : spec.max;
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/**
 * Parses a standard 5-field cron expression (minute hour day-of-month month day-of-week) with lists, ranges,
 * steps and English month/day names. Seconds and Quartz extensions (`L`, `W`, `#`) are rejected: the digest
 * needs minutes at most, and a schedule we cannot evaluate must fail at start-up, not at 08:00.
 * @example [...parseCron('0 8 * * mon-fri').daysOfWeek] // => [1, 2, 3, 4, 5]
 */
export function parseCron(expression: string): CronFields {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    throw new ScheduleError(
      `cron "${expression}": expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`,
      expression,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts.map((part, index) =>
    parseField(part, FIELDS[index]!, expression),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (dayOfWeek.delete(7)) dayOfWeek.add(0);
  return {
    minutes: minute,
    hours: hour,
    daysOfMonth: dayOfMonth,
    months: month,
    daysOfWeek: dayOfWeek,
    daysOfMonthRestricted: !parts[2]!.startsWith('*'),
    daysOfWeekRestricted: !parts[4]!.startsWith('*'),
  };
}
