import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round sixteen of issue #13, speaker names (branch quotes16b): names that were junk, or taken for the wrong kind of
// speaker, in the dev sets and the corpora, each a short made-up case.
const speakers = (paragraphs: string[]) =>
  extractQuotes(makeArticle(paragraphs)).map(({ quote, speaker }) => [quote, speaker]);

describe('"the company spokesman" is never "Company officials" (several of its people, not the company)', () => {
  it('but the spokesman the article quoted before, and "he" after is him', () => {
    expect(speakers([
      'acme, the biggest private firm in the country, will meet its creditors on monday, a company spokesman said.',
      'Company officials estimate that the change raised the debt to 4.6 billion.',
      'The company spokesman said the meeting would inform the committee.',
      '"the banks are anxious to know where we stand," he said.',
    ])).toEqual([
      ['acme, the biggest private firm in the country, will meet its creditors on monday', 'company spokesman'],
      ['the change raised the debt to 4.6 billion', 'Company officials'],
      ['the meeting would inform the committee', 'company spokesman'],
      ['the banks are anxious to know where we stand', 'company spokesman'],
    ]);
  });
});
