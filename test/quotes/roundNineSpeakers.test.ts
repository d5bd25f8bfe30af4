import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round nine of issue #13: general causes of the wrong speakers found in the dev14 set (reported speech,
// organisations and groups speaking, descriptions resolved to names), each a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: one capitalised word after "the"', () => {
  it('reads "The Greens" as a group, so "the prime minister" after it is still the prime minister named before', () => {
    expect(speakers([
      'Ann Cole has said voters are right to worry. The Greens say the plan comes too late.',
      'The prime minister said taxes would be "cut again" next year.',
    ])).toEqual([['cut again', 'Ann Cole']]);
  });

  it('gives no phrase to "The Greens" without words of saying', () => {
    expect(speakers(['The Greens face "a very long road back" after the vote.'])).toEqual([]);
  });
});

describe('extractQuotes: chambers of commerce are organisations', () => {
  it('gives "it said" after "The Leeds Chamber of Commerce welcomed …" to the chamber', () => {
    expect(speakers([
      'The Leeds Chamber of Commerce welcomed the latest proposal. "This is the best of both worlds," it said.',
    ])).toEqual([['This is the best of both worlds', 'Leeds Chamber of Commerce']]);
  });
});
