import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/corpus/index.js';

describe('parseDate', () => {
  it.each([
    ['06 Feb 2012 15:55', '2012-02-06T15:55'],
    ['6 February 2012', '2012-02-06'],
    ['6 Sept 2012, 09:05 GMT', '2012-09-06T09:05'],
    ['February 6, 2012', '2012-02-06'],
    ['2012-02-06', '2012-02-06'],
    ['2012-02-06 15:55:10', '2012-02-06T15:55'],
    ['29 Feb 2012', '2012-02-29'],
  ])('returns the ISO form of %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['yesterday', '', '29 Feb 2011', '2012-13-01', '06 Foo 2012', '06 Feb 2012 25:00'])(
    'returns null for %j',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});
