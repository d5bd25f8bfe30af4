import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/quotes/findQuoteSpans.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const speakers = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a quotation inside a quotation', () => {
  it('keeps a double-quoted quotation inside a single-quoted one as part of it, for the outer speaker', () => {
    expect(speakers(['Tom Jones said: \'The minister told me "we will not pay" and left.\''])).toEqual([
      ['The minister told me "we will not pay" and left.', 'Tom Jones'],
    ]);
    // Closed right after the inner quotation, and with two inner quotations.
    expect(findQuoteSpans('Tom said: \'she told me "no" and "never"\' today.').map((s) => s.mark)).toEqual(['single']);
  });

  it('keeps the double-quoted quotations when the single mark never closes (an apostrophe)', () => {
    expect(speakers(['Tom Jones said \'tis true: "we will not pay".'])).toEqual([['we will not pay', 'Tom Jones']]);
  });
});

describe('extractQuotes: Irish surnames written apart from their prefix', () => {
  it('reads "O\' Neill" as one surname, so the name before the appositive is the speaker', () => {
    expect(speakers(['Rory O\' Neill, editor of union-backed Hazards magazine, which conducted the research, said: "It is a win."'])).toEqual([
      ['It is a win.', "Rory O' Neill"],
    ]);
  });
});
