const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** "06 Feb 2012 15:55", "6 February 2012", "6 Feb 2012, 15:55 GMT" (the zone is dropped: dates stay as printed). */
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?:\s*[A-Z]{2,4})?)?$/;
/** "February 6, 2012" and "Feb 6 2012 15:55". */
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?:\s*[A-Z]{2,4})?)?$/;
/** "2012-02-06", "2012-02-06T15:55", "2012-02-06 15:55:00", "2012-02-06T15:55:00Z". */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function build(year: number, month: number, day: number, hour?: string, minute?: string): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return date;
  const h = Number(hour);
  const m = Number(minute);
  if (h > 23 || m > 59) return null;
  return `${date}T${pad(h)}:${pad(m)}`;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? 0;
}

/**
 * Reads a date as printed in a news file into ISO 8601 ("2012-02-06" or local "2012-02-06T15:55"), keeping the
 * wall-clock time as printed (no time-zone conversion). Returns null when the text is not a real date.
 *
 * @example
 * parseDate('06 Feb 2012 15:55')
 * // => '2012-02-06T15:55'
 * parseDate('31 Feb 2012')
 * // => null
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  let m = ISO.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]);
  m = DAY_MONTH_YEAR.exec(value);
  if (m) return build(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]), m[4], m[5]);
  m = MONTH_DAY_YEAR.exec(value);
  if (m) return build(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]), m[4], m[5]);
  return null;
}

/**
 * Turns a YAML date (js-yaml reads `date: 2005-10-14` as a Date at UTC midnight) back into the ISO text it was
 * written as: date only at midnight, else date and UTC time to the minute.
 *
 * @example
 * yamlDateToIso(new Date('2005-10-14'))
 * // => '2005-10-14'
 */
export function yamlDateToIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' && iso.slice(17, 23) === '00.000' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}
