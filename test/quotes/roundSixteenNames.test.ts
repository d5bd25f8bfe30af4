import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/index.js';
import { withoutGluedWords } from '../../src/quotes/articleNames.js';
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

describe('a month or the pronoun "I" glued to a name by the sentence is no part of it', () => {
  it('drops a month before a name ("In January Tallisker Holdings said" is Tallisker Holdings), but keeps a month that is a given name', () => {
    expect(speakers(['In January Tallisker Holdings said the market may grow by less than 10 pct.'])).toEqual([
      ['the market may grow by less than 10 pct', 'Tallisker Holdings'],
    ]);
    expect(speakers(['"Investors want visible earnings growth," food analyst June Hobart said.'])).toEqual([
      ['Investors want visible earnings growth', 'June Hobart'],
    ]);
    expect(withoutGluedWords(['August', 'Nordbank', 'Group'])).toEqual(['Nordbank', 'Group']);
    expect(withoutGluedWords(['June', 'Page'])).toEqual(['June', 'Page']);
  });

  it('reads "Whilst I agree that …" and "Personally I agree that …" as said by "I", never a name "Whilst I"', () => {
    expect(speakers([
      'The singer won the prize on Tuesday.',
      'Whilst I agree that the term is open to interpretation, it strikes me as weird.',
      'I agree that the awards are a joke.',
    ])).toEqual([
      ['the term is open to interpretation, it strikes me as weird', 'I'],
      ['the awards are a joke', 'I'],
    ]);
  });
});

describe('picture credits and captions are no speakers\' names nor words', () => {
  it('skips a BBC "Image caption" block and drops a photographer glued before a name ("NTB Scanpix/Heiko Junge Ole Hansen")', () => {
    const article = parseArticle('oslo.txt', [
      'Oslo approves new ferry terminal',
      'Image copyright Getty Images Image caption Mayor Ole Hansen said the terminal would open in 2021',
      'Mayor Ole Hansen said the decision was "long overdue".',
      'NTB Scanpix/Heiko Junge Ole Hansen said: "Work starts in June."',
    ].join('\n\n'));
    expect(extractQuotes(article).map(({ quote, speaker }) => [quote, speaker])).toEqual([
      ['long overdue', 'Ole Hansen'],
      ['the decision was "long overdue"', 'Ole Hansen'],
      ['Work starts in June.', 'Ole Hansen'],
    ]);
  });
});

describe('"a spokesman for the firm" speaks for the business the article last named, as "the firm said" would', () => {
  it('gives the business, never a public body named since', () => {
    expect(speakers([
      'Tallisker Energy Plc said on Monday that tests had shown no finds in its northern field.',
      'A spokesman for the firm said the tax would wipe 5% off the value of the field.',
    ])).toEqual([
      ['tests had shown no finds in its northern field', 'Tallisker Energy Plc'],
      ['the tax would wipe 5% off the value of the field', 'Tallisker Energy Plc'],
    ]);
    expect(speakers([
      'The Securities and Exchange Commission said on Monday that it had frozen the accounts.',
      'A spokesman for the bank said he was aware of the order.',
    ])).toEqual([
      ['it had frozen the accounts', 'Securities and Exchange Commission'],
      ['he was aware of the order', 'spokesman for the bank'],
    ]);
  });
});
