import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round six of issue #13: general causes of the wrong speakers found in the dev10 set (Wikinews politics and
// courts, Reuters ministers, BBC politics and business), each written here as a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);
const reported = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a pronoun after a quotation about someone else', () => {
  it('gives "he told the court" after `Mr Vance "…"` to the one the article is about, not to Mr Vance', () => {
    expect(speakers([
      'Former Acme chief Peter Holt has denied claims that he knew of the fraud.',
      'Speaking in court, Mr Holt said he had trusted finance chief John Vance. Mr Vance "made the accounting decisions," he told the court.',
    ])).toEqual([['made the accounting decisions', 'Peter Holt']]);
  });
});

describe('extractQuotes: a description followed by the name it gives', () => {
  it('reads `said the senior Republican on the committee, Senator Ann Webb` as Ann Webb', () => {
    expect(speakers([
      'Critics have said the plan is too costly.',
      '"The bill continues its march leftward," said the senior Republican on the committee, Senator Ann Webb.',
    ])).toEqual([['The bill continues its march leftward', 'Ann Webb']]);
  });
});

describe('extractQuotes: a title the article gave with a name', () => {
  it('resolves "the Treasury Secretary" to Treasury Secretary Tom Hale, not to a title', () => {
    expect(speakers([
      'Treasury Secretary Tom Hale urged the banks to lend more.',
      'Mr Hale spoke to the bankers in Miami. Many of them were sceptical.',
      '"This is a start," the Treasury Secretary said.',
    ])).toEqual([['This is a start', 'Tom Hale']]);
  });
});

describe('extractQuotes: words still to come', () => {
  it('gives a quotation "the 40 year-old is expected to state" to the person named before', () => {
    expect(speakers([
      'Opposition leader Dan Reeve will call for a better understanding of teenagers.',
      '"The hoodie is a response to a problem, not a problem itself," the 40 year-old is expected to state.',
    ])).toEqual([['The hoodie is a response to a problem, not a problem itself', 'Dan Reeve']]);
  });

  it('gives a quotation after "X is quoted as saying" to X', () => {
    expect(speakers(['Andy Lowe, the union president, is quoted as saying, "nothing more than a flimsy cover for union busting."'])).toEqual([
      ['nothing more than a flimsy cover for union busting.', 'Andy Lowe'],
    ]);
  });
});

describe('extractQuotes: a clause between a quotation and its inverted attribution', () => {
  it('reads `Mr Lane "…" once he realised …, said Mr Cole` as Mr Cole\'s words', () => {
    expect(speakers([
      'Prime minister Tom Cole repeated calls for mayor Ken Lane to apologise.',
      'Mr Lane "should have withdrawn the comment immediately" once he realised the reporter was upset, said Mr Cole.',
    ])).toEqual([['should have withdrawn the comment immediately', 'Tom Cole']]);
  });
});

describe('findReportedClaim: "according to" after a connective and before an appositive', () => {
  it('reports the claim after `But according to X, a former MP,` as X\'s', () => {
    expect(reported(['But according to Michael Brook, a former Conservative MP and columnist, traditional voters may not share these beliefs.'])).toEqual([
      ['traditional voters may not share these beliefs', 'Michael Brook'],
    ]);
  });
});
