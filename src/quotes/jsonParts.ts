import { finishNow, type Steps } from '../search/steps.js';

/**
 * Plain data as several short JSON texts, so that restoring it is many short parses (one per turn of the event loop,
 * see {@link joiningParts}) instead of one long one: at 100,000 articles the quotations' text index is tens of
 * megabytes of JSON, and one `JSON.parse` of it held the event loop for about 0.4 s. The first part is the object with
 * its arrays and objects emptied; each further part is `{ "<key>": [...some items] }` or `{ "<key>": {...some
 * entries} }`, added to that key in order.
 */
export type JsonParts = string[];

/**
 * Characters of JSON per part: a parse of a few milliseconds. Items are never split, so one larger than this (a
 * term found in many quotations) makes a larger part.
 */
const PART_CHARS = 1 << 16;

export type PlainObject = Record<string, unknown>;
const isPlainObject = (value: unknown): value is PlainObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits `value` (plain data: no undefined inside arrays, no toJSON methods below the top) into {@link JsonParts} of
 * about `partChars` characters each.
 * @example joinParts(toParts({ n: 1, list: [1, 2, 3] }, 4)) // => { n: 1, list: [1, 2, 3] }
 */
export function toParts(value: object, partChars = PART_CHARS): JsonParts {
  return finishNow(splittingParts(value, partChars));
}

/** Items (array items or object entries) serialised between two yields of {@link splittingParts}. */
const SPLIT_STEP = 200;

/**
 * {@link toParts} in steps (run with `finishInSteps` while the bot answers: the index written after a cold start),
 * pausing after each {@link SPLIT_STEP} items.
 * @example finishNow(splittingParts({ n: 1 })) // => ['{"n":1}']
 */
export function* splittingParts(value: object, partChars = PART_CHARS): Steps<JsonParts> {
  const head: PlainObject = {};
  const rest: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const name = JSON.stringify(key);
    if (Array.isArray(field)) {
      head[key] = [];
      const items: string[] = [];
      for (let i = 0; i < field.length; i += 1) {
        if (i > 0 && i % SPLIT_STEP === 0) yield;
        items.push(JSON.stringify(field[i]));
      }
      rest.push(...grouped(items, partChars).map((group) => `{${name}:[${group.join(',')}]}`));
    } else if (isPlainObject(field)) {
      head[key] = {};
      const entries: string[] = [];
      for (const [entryKey, entryValue] of Object.entries(field)) {
        if (entries.length > 0 && entries.length % SPLIT_STEP === 0) yield;
        entries.push(`${JSON.stringify(entryKey)}:${JSON.stringify(entryValue)}`);
      }
      rest.push(...grouped(entries, partChars).map((group) => `{${name}:{${group.join(',')}}}`));
    } else {
      head[key] = field;
    }
  }
  return [JSON.stringify(head), ...rest];
}

/** Consecutive runs of `texts` of about `chars` characters in all (at least one text each). */
function grouped(texts: string[], chars: number): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let length = 0;
  for (const text of texts) {
    if (group.length > 0 && length + text.length > chars) {
      groups.push(group);
      group = [];
      length = 0;
    }
    group.push(text);
    length += text.length + 1;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Thrown when saved {@link JsonParts} do not fit together (a damaged or foreign file): names the key. */
export class JsonPartsError extends Error {
  override name = 'JsonPartsError';
  constructor(readonly key: string) {
    super(`saved JSON parts do not fit together: part for "${key}", which the first part does not hold as an array or object`);
  }
}

/**
 * The value {@link toParts} split, one part parsed per step (run with `finishInSteps` while the bot answers, or
 * {@link joinParts} at once).
 * @example await finishInSteps(joiningParts(toParts({ list: [1, 2] }))) // => { list: [1, 2] }
 */
export function* joiningParts<T>(parts: readonly string[]): Steps<T> {
  const value = JSON.parse(parts[0] ?? '{}') as PlainObject;
  yield* eachPart(parts, value, (key, items) => addItems(value, key, items));
  return value as T;
}

/** Adds a part's `items` for `key` to the value being joined (`head`, which holds an array or object there). */
export function addItems(head: object, key: string, items: unknown[] | PlainObject): void {
  const target = (head as PlainObject)[key];
  if (Array.isArray(target) && Array.isArray(items)) {
    for (const item of items) target.push(item);
  } else {
    Object.assign(target as PlainObject, items);
  }
}

/**
 * Reads the parts after the first (`head`, the first part parsed) one per step, handing each key's items to `take`
 * (an array of items, or an object of entries, as the head holds that key), which may pause too (a generator): for a reader that
 * builds its own structures from the items rather than one large plain value (see `restoringTextIndex`).
 * @example finishNow(eachPart(parts, JSON.parse(parts[0]), function* (key, items) { console.log(key, items) }))
 */
export function* eachPart(parts: readonly string[], head: object, take: (key: string, items: unknown[] | PlainObject) => Steps<void> | void): Steps<void> {
  const fields = head as PlainObject;
  for (let p = 1; p < parts.length; p += 1) {
    yield;
    const part = JSON.parse(parts[p]!) as PlainObject;
    for (const [key, field] of Object.entries(part)) {
      const target = fields[key];
      const fits = (Array.isArray(target) && Array.isArray(field)) || (isPlainObject(target) && isPlainObject(field));
      if (!fits) throw new JsonPartsError(key);
      const steps = take(key, field as unknown[] | PlainObject);
      if (steps) yield* steps;
    }
  }
}

/**
 * {@link joiningParts} without pausing.
 * @example joinParts(toParts({ n: 1, map: { a: 1 } })) // => { n: 1, map: { a: 1 } }
 */
export function joinParts<T>(parts: readonly string[]): T {
  return finishNow(joiningParts<T>(parts));
}
