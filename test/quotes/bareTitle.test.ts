import { describe, expect, it } from 'vitest';
import { isBareTitle } from '../../src/quotes/bareTitle.js';

describe('isBareTitle', () => {
  it('returns true for titles and roles that name no one', () => {
    for (const name of ['Prime Minister', 'President', 'Ms.', 'Foreign Secretary', 'Secretary of State', 'the minister']) expect(isBareTitle(name), name).toBe(true);
  });

  it('returns false for names behind a title, organisations and plain names', () => {
    for (const name of ['Prime Minister John Howard', 'Ms. Evans', 'White House', 'Foreign Office', 'Alain Juppe', 'Sophos']) expect(isBareTitle(name), name).toBe(false);
  });
});
