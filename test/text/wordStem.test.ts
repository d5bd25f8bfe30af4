import { describe, expect, it } from 'vitest';
import { wordStem } from '../../src/text/index.js';
import { TermDictionary } from '../../src/search/termDictionary.js';
import { termMatchQuality, MATCH_QUALITY } from '../../src/search/termMatch.js';

describe('wordStem', () => {
  it('gives the forms of a regular word one stem', () => {
    expect(wordStem('killed')).toBe(wordStem('killing'));
  });

  it('gives an irregular past form the stem of its verb', () => {
    expect(wordStem('sold')).toBe(wordStem('selling'));
    expect(wordStem('held')).toBe(wordStem('holds'));
    expect(wordStem('written')).toBe(wordStem('writes'));
  });

  it('leaves alone a past form that is as often another word', () => {
    expect(wordStem('left')).not.toBe(wordStem('leave'));
    expect(wordStem('won')).not.toBe(wordStem('win'));
  });
});

describe('irregular forms in search', () => {
  it('finds the irregular forms of a verb among its forms, and matches them as a variant', () => {
    const terms = ['held', 'hold', 'holding', 'sold'];
    const dict = new TermDictionary({ terms, passageFrequency: Uint32Array.of(3, 2, 1, 5) });
    expect(dict.forms('holds').map((id) => dict.terms[id])).toEqual(['held', 'hold', 'holding']);
    expect(termMatchQuality('sell', 'sold')).toBe(MATCH_QUALITY.variant);
  });
});
