import { describe, expect, it } from 'vitest';
import { checkSchedule, checkTimezone, describeSchedule, nextSlot, parseTimeOfDay, previousSlot } from '../../src/digest/slots.js';
import { parseCron } from '../../src/digest/parseCron.js';
import { ScheduleError } from '../../src/digest/ScheduleError.js';

const london08 = { time: '08:00', timezone: 'Europe/London' } as const;

describe('parseCron', () => {
  it('expands lists, ranges, steps and names', () => {
    const fields = parseCron('*/15 8-10 1,15 jan-mar mon-fri');
    expect([...fields.minutes]).toEqual([0, 15, 30, 45]);
    expect([...fields.hours]).toEqual([8, 9, 10]);
    expect([...fields.daysOfMonth]).toEqual([1, 15]);
    expect([...fields.months]).toEqual([1, 2, 3]);
    expect([...fields.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
  });

  it('folds day-of-week 7 into Sunday', () => {
    expect([...parseCron('0 8 * * 7').daysOfWeek]).toEqual([0]);
  });

  it('throws naming the field and value when a value is out of range', () => {
    expect(() => parseCron('0 25 * * *')).toThrow('cron "0 25 * * *": hour 25 is outside 0-23');
  });

  it('throws when the expression does not have five fields', () => {
    expect(() => parseCron('0 0 8 * * *')).toThrow(
      'cron "0 0 8 * * *": expected 5 fields (minute hour day-of-month month day-of-week), got 6',
    );
  });

  it('throws on Quartz extensions it cannot evaluate', () => {
    expect(() => parseCron('0 8 L * *')).toThrow('cron "0 8 L * *": "L" is not a valid day of month');
  });
});

describe('parseTimeOfDay', () => {
  it('returns hour and minute of an HH:MM time', () => {
    expect(parseTimeOfDay('8:05')).toEqual({ hour: 8, minute: 5 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
  });

  it('throws naming the value when it is not a time', () => {
    expect(() => parseTimeOfDay('24:00')).toThrow('time "24:00" is not a 24-hour HH:MM time such as 08:00');
  });
});

describe('checkTimezone', () => {
  it('throws naming the value when the zone is unknown', () => {
    expect(() => checkTimezone('Mars/Olympus')).toThrow('time zone "Mars/Olympus" is not an IANA time zone');
  });
});

describe('checkSchedule', () => {
  it('accepts a cron schedule in a valid zone and refuses a bad zone', () => {
    expect(() => checkSchedule({ cron: '0 8 * * *', timezone: 'Asia/Tokyo' })).not.toThrow();
    expect(() => checkSchedule({ cron: '0 8 * * *', timezone: 'Nowhere' })).toThrow('time zone "Nowhere"');
  });
});

describe('describeSchedule', () => {
  it('names the time and zone', () => {
    expect(describeSchedule(london08)).toBe('daily at 08:00 (Europe/London)');
    expect(describeSchedule({ cron: '0 8 * * 1', timezone: 'UTC' })).toBe('cron `0 8 * * 1` (UTC)');
  });
});

describe('previousSlot', () => {
  it('returns today at the local time when it has passed, yesterday when not', () => {
    const tokyo = { time: '08:00', timezone: 'Asia/Tokyo' };
    // 23:30 UTC on 1 June is 08:30 on 2 June in Tokyo (UTC+9).
    expect(previousSlot(new Date('2025-06-01T23:30:00Z'), tokyo)?.toISOString()).toBe('2025-06-01T23:00:00.000Z');
    expect(previousSlot(new Date('2025-06-01T22:59:00Z'), tokyo)?.toISOString()).toBe('2025-05-31T23:00:00.000Z');
  });

  it('includes a slot exactly at now', () => {
    expect(previousSlot(new Date('2025-06-02T08:00:00Z'), { cron: '0 8 * * *', timezone: 'UTC' })?.toISOString()).toBe(
      '2025-06-02T08:00:00.000Z',
    );
  });

  it('follows the local clock across the spring-forward change in Europe/London', () => {
    // Clocks went forward on Sunday 30 March 2025 at 01:00 UTC: 08:00 GMT on Saturday, 08:00 BST on Sunday.
    expect(previousSlot(new Date('2025-03-29T12:00:00Z'), london08)?.toISOString()).toBe('2025-03-29T08:00:00.000Z');
    expect(previousSlot(new Date('2025-03-30T12:00:00Z'), london08)?.toISOString()).toBe('2025-03-30T07:00:00.000Z');
  });

  it('evaluates day-of-week restrictions in the schedule zone', () => {
    // Monday 08:00 in Auckland is Sunday 19:00/20:00 UTC.
    const monday = { cron: '0 8 * * mon', timezone: 'Pacific/Auckland' };
    expect(previousSlot(new Date('2025-06-04T00:00:00Z'), monday)?.toISOString()).toBe('2025-06-01T20:00:00.000Z');
  });

  it('ORs day-of-month and day-of-week when both are restricted', () => {
    // 1st of the month or any Friday; 2025-06-06 is a Friday, 2025-06-01 a Sunday.
    const schedule = { cron: '0 8 1 * fri', timezone: 'UTC' };
    expect(previousSlot(new Date('2025-06-05T00:00:00Z'), schedule)?.toISOString()).toBe('2025-06-01T08:00:00.000Z');
    expect(previousSlot(new Date('2025-06-07T00:00:00Z'), schedule)?.toISOString()).toBe('2025-06-06T08:00:00.000Z');
  });
});

describe('nextSlot', () => {
  it('returns exactly one slot per local day at local 08:00 across both 2025 changes in Europe/London', () => {
    const slots: string[] = [];
    const end = new Date('2025-11-01T00:00:00Z');
    let next = nextSlot(new Date('2025-03-28T00:00:00Z'), london08)!;
    while (next < end) {
      slots.push(next.toISOString());
      next = nextSlot(next, london08)!;
    }
    // 28 Mar .. 31 Oct inclusive is 218 days: one digest each.
    expect(slots).toHaveLength(218);
    expect(slots.slice(0, 4)).toEqual([
      '2025-03-28T08:00:00.000Z',
      '2025-03-29T08:00:00.000Z',
      '2025-03-30T07:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
    ]);
    // Clocks went back on Sunday 26 October 2025.
    expect(slots.filter((slot) => slot >= '2025-10-25' && slot < '2025-10-28')).toEqual([
      '2025-10-25T07:00:00.000Z',
      '2025-10-26T08:00:00.000Z',
      '2025-10-27T08:00:00.000Z',
    ]);
    const localDays = new Set(slots.map((slot) => new Date(slot).toLocaleDateString('en-CA', { timeZone: 'Europe/London' })));
    expect(localDays.size).toBe(218);
    for (const slot of slots) {
      expect(new Date(slot).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })).toBe('08:00:00');
    }
  });

  it('fires a time skipped by spring-forward once, at the shifted instant', () => {
    // 01:30 does not exist in London on 30 March 2025; the next real instant is 02:30 BST = 01:30 UTC.
    const next = nextSlot(new Date('2025-03-30T00:00:00Z'), { time: '01:30', timezone: 'Europe/London' });
    expect(next?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('fires a time repeated by fall-back once', () => {
    const schedule = { time: '01:30', timezone: 'Europe/London' };
    const first = nextSlot(new Date('2025-10-25T12:00:00Z'), schedule)!;
    const second = nextSlot(first, schedule)!;
    expect(first.toISOString().slice(0, 10)).toBe('2025-10-26');
    expect(second.toISOString().slice(0, 10)).toBe('2025-10-27');
  });

  it('refuses an expression that never fires, naming it', () => {
    expect(() => nextSlot(new Date('2025-01-01T00:00:00Z'), { cron: '0 8 31 feb *', timezone: 'UTC' })).toThrow(
      'cron "0 8 31 feb *": it never fires (Invalid explicit day of month definition)',
    );
    expect(() => checkSchedule({ cron: '0 8 31 feb *', timezone: 'UTC' })).toThrow(ScheduleError);
  });
});
