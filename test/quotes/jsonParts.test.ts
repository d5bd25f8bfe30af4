import { describe, expect, it } from 'vitest';
import { JsonPartsError, joiningParts, joinParts, toParts } from '../../src/quotes/jsonParts.js';

const value = {
  count: 3,
  name: 'quotes',
  nothing: null,
  list: Array.from({ length: 50 }, (_, i) => [`term${i}`, { 0: { [i]: i % 3 } }]),
  byId: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [String(i), i * 2])),
  empty: [],
};

describe('toParts and joinParts', () => {
  it('give back the same value, in many parts when the parts are small', () => {
    const parts = toParts(value, 40);
    expect(parts.length).toBeGreaterThan(10);
    expect(joinParts(parts)).toEqual(value);
  });

  it('keep items whole: an item larger than a part makes a part of its own', () => {
    const parts = toParts({ list: ['x'.repeat(100), 'y', 'z'] }, 10);
    expect(parts).toEqual(['{"list":[]}', `{"list":["${'x'.repeat(100)}"]}`, '{"list":["y","z"]}']);
  });

  it('make one part (the value itself) when it has no array or object', () => {
    expect(toParts({ a: 1, b: 'two' })).toEqual(['{"a":1,"b":"two"}']);
  });

  it('drop undefined fields, as JSON.stringify does', () => {
    expect(joinParts(toParts({ a: 1, b: undefined }))).toEqual({ a: 1 });
  });
});

describe('joiningParts', () => {
  it('parses one part per step', () => {
    const parts = toParts(value, 200);
    const steps = joiningParts(parts);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBe(parts.length - 1);
  });

  it('rejects a part for a key the first part does not hold as an array or object, naming the key', () => {
    expect(() => joinParts(['{"count":1}', '{"count":[2]}'])).toThrow(JsonPartsError);
    expect(() => joinParts(['{"count":1}', '{"count":[2]}'])).toThrow('"count"');
  });
});
