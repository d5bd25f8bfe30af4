import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntKeyMap } from '../../src/quotes/intKeyMap.js';

type Key = number | string;
type Operation = { op: 'set'; key: Key; value: number } | { op: 'delete'; key: Key } | { op: 'clear' };

/** Entries in one order whatever the map's (the order is checked apart, for keys set in ascending order). */
const sorted = (entries: Iterable<[Key, number]>): [Key, number][] => [...entries].sort((a, b) => (`${typeof a[0]}${a[0]}` < `${typeof b[0]}${b[0]}` ? -1 : 1));

describe('IntKeyMap', () => {
  it('answers get, has, size and delete as a Map does, whatever the keys (integers near and far, negative, fractional, strings)', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -5, max: -1 }), fc.constant(1.5), fc.string({ maxLength: 3 }));
    const operation: fc.Arbitrary<Operation> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), key, value: fc.integer() }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), key }) },
      { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), fc.array(key, { maxLength: 10 }), (operations, probes) => {
        const expected = new Map<Key, number>();
        const actual = new IntKeyMap<Key, number>();
        for (const step of operations) {
          if (step.op === 'set') expect(actual.set(step.key, step.value)).toBe(actual);
          if (step.op === 'set') expected.set(step.key, step.value);
          if (step.op === 'delete') expect(actual.delete(step.key)).toBe(expected.delete(step.key));
          if (step.op === 'clear') {
            actual.clear();
            expected.clear();
          }
        }
        expect(actual.size).toBe(expected.size);
        for (const probe of [...probes, ...expected.keys()]) {
          expect(actual.has(probe)).toBe(expected.has(probe));
          expect(actual.get(probe)).toBe(expected.get(probe));
        }
        const entries = [...actual];
        expect(sorted(entries)).toEqual(sorted(expected));
        expect([...actual.keys()]).toEqual(entries.map(([k]) => k));
        expect([...actual.values()]).toEqual(entries.map(([, v]) => v));
        const seen: [Key, number][] = [];
        actual.forEach((value, k, map) => {
          expect(map).toBe(actual);
          seen.push([k, value]);
        });
        expect(seen).toEqual(entries);
      }),
    );
  });

  it('iterates keys set in ascending order as a Map does, and is a Map to Object.fromEntries and instanceof', () => {
    const map = new IntKeyMap<number, string>();
    for (let key = 0; key < 5_000; key += 3) map.set(key, `v${key}`);
    const plain = new Map([...map]);
    expect(map).toBeInstanceOf(Map);
    expect(Object.fromEntries(map)).toEqual(Object.fromEntries(plain));
    expect([...map.keys()]).toEqual([...plain.keys()]);
  });

  it('keeps undefined as a value, distinct from no entry', () => {
    const map = new IntKeyMap<number, undefined>();
    map.set(1, undefined);
    expect(map.has(1)).toBe(true);
    expect(map.has(0)).toBe(false);
    expect(map.size).toBe(1);
  });
});
