import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const reported = (paragraphs: string[]) =>
  extractQuotes(makeArticle(paragraphs)).filter((quote) => quote.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: reported speech', () => {
  it('returns the claim after "told reporters that" and "said in a statement that"', () => {
    expect(reported(['The transport minister, Grant Shapps, told reporters that the government was watching closely.'])).toEqual([
      ['the government was watching closely', 'Grant Shapps'],
    ]);
    expect(reported(['Whitby Harbour Board said in a statement that repairs to the east pier would cost £2m.'])).toEqual([
      ['repairs to the east pier would cost £2m', 'Whitby Harbour Board'],
    ]);
  });

  it('returns the claim before "X told Reuters", past the words describing the speaker', () => {
    expect(reported(['The line has laid off 260 employees, its Hong Kong general manager Elliott Burnside told Reuters.'])).toEqual([
      ['The line has laid off 260 employees', 'Elliott Burnside'],
    ]);
  });

  it('returns the claims of argued, warned and insisted, and of "X\'s view is that"', () => {
    expect(reported([
      'Tom Hardy argued that the board should have repaired the pier last summer.',
      'Security firm Sophos warned on Thursday that a new scam was spreading.',
      "The firm's view is that banks should do more.",
      'Leeds City Council insisted that the charges paid for road repairs.',
    ]).map(([, speaker]) => speaker)).toEqual(['Tom Hardy', 'Sophos', 'Sophos', 'Leeds City Council']);
  });

  it('returns a claim around an attribution inserted between commas', () => {
    expect(reported(['Rob Fahey runs a news site.', 'Before now, he said, it has been hard for game makers to fight piracy.'])).toEqual([
      ['Before now it has been hard for game makers to fight piracy', 'Rob Fahey'],
    ]);
  });

  it('returns a reported clause continued in a sentence opening with "And"', () => {
    expect(reported(['Mr Cable said 40% of all pensioners were paying marginal tax rates of 50%. And 1.5 million families were paying 60% marginal tax rates.'])).toEqual([
      ['40% of all pensioners were paying marginal tax rates of 50%', 'Cable'],
      ['1.5 million families were paying 60% marginal tax rates', 'Cable'],
    ]);
  });

  it('returns the reported claim of a sentence that also holds a partial quotation, but not of a direct one', () => {
    const quotes = extractQuotes(makeArticle([
      'Ieuan Wyn Jones said that the service was an "essential link".',
      'Barack Obama said, "I do believe that it is torture."',
    ]));
    expect(quotes.map(({ quote, speaker, kind }) => [quote, speaker, kind])).toEqual([
      ['essential link', 'Ieuan Wyn Jones', 'partial'],
      ['the service was an "essential link"', 'Ieuan Wyn Jones', 'indirect'],
      ['I do believe that it is torture.', 'Barack Obama', 'direct'],
    ]);
  });

  it('returns nothing for a plural noun that looks like a reporting verb', () => {
    expect(reported(['The Munster number 10 kicked 14 points to keep alive their Grand Slam hopes for next season.'])).toEqual([]);
  });
});
