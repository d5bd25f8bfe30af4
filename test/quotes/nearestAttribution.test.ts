import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Session 17 on issue #13: a sentence that attributes several quotations, each to the words nearest before it, and
// "he" after an organisation's report. Made-up cases of shapes seen in the dev sets and the BBC corpus.
const speakers = (paragraphs: string[]) =>
  extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('two attributions in one sentence', () => {
  it('give each quotation its nearest one ("X described it as "a", while Y called it "b"")', () => {
    expect(speakers(['Tom Vale described the plan as "a disgrace", while Jane Roe called it "a triumph".'])).toEqual([
      ['a disgrace', 'Tom Vale'],
      ['a triumph', 'Jane Roe'],
    ]);
  });

  it('give a quotation before a joined clause with its own quotation to the clause before it ("X has said … "a", and Y has called it "b"")', () => {
    expect(speakers(['Vice President Tom Vale has said that the network ran the risk of being labelled "a mouthpiece of terror", and defence chief Jane Roe has called its coverage "outrageous" and "biased".'])).toEqual([
      ['a mouthpiece of terror', 'Tom Vale'],
      ['outrageous', 'Jane Roe'],
      ['biased', 'Jane Roe'],
    ]);
  });

  it('but not to a clause whose subject is "it" ("claiming that it confirms … "a" and X said "b"")', () => {
    expect(speakers(['The Green Party are pleased with the result, claiming that it confirms the party\'s position as "the fourth force in the country" and their candidate Jane Roe said "this is a stepping stone."'])).toEqual([
      ['the fourth force in the country', 'Jane Roe'],
      ['this is a stepping stone.', 'Jane Roe'],
    ]);
  });

  it('give a quotation after a second subject and verb to that subject', () => {
    expect(speakers(['Ann Bell said the deal was "a good start" but the union said it was "too little, too late".'])).toEqual([
      ['a good start', 'Ann Bell'],
      ['too little, too late', 'union'],
    ]);
  });

  it('but a passive verb between the quotations attributes nothing ("deposits were assured while … "…"")', () => {
    expect(speakers(['Tom Vale said banks would be "as strong as their owners" in which deposits were assured while any incentive to "loot the bank" was gone.'])).toEqual([
      ['as strong as their owners', 'Tom Vale'],
      ['loot the bank', 'Tom Vale'],
    ]);
  });

  it('nor a noun that looks like a verb ("said the PPI report was "…"")', () => {
    expect(speakers(['"Prices are rising," said Tom Vale, but Jane Roe said the PPI report was "much less alarming".'])).toEqual([
      ['Prices are rising', 'Tom Vale'],
      ['much less alarming', 'Jane Roe'],
    ]);
  });

  it('and "he" between them is still the one named by the first ("…," said Tom Vale. He said it "…")', () => {
    expect(speakers(['Ann Bell spoke first.', '"We will not sell," said Tom Vale, an analyst at Acme. He said the merger "lost its appeal" in May.'])).toEqual([
      ['We will not sell', 'Tom Vale'],
      ['lost its appeal', 'Tom Vale'],
    ]);
  });
});

describe('"he" after an organisation\'s report', () => {
  it('is the person the report names, not the organisation', () => {
    expect(speakers([
      'The Daily Post reported that the mood was "tense", noting that when chairman Bill Hart took office he said: "I am here to serve."',
    ])).toEqual([
      ['tense', 'Daily Post'],
      ['I am here to serve.', 'Bill Hart'],
    ]);
  });

  it('in the next sentence too', () => {
    expect(speakers(['The Daily Post reported that chairman Bill Hart was upbeat. "We are here to serve," he said.'])).toEqual([
      ['We are here to serve', 'Bill Hart'],
    ]);
  });
});

describe('an office of a place ("the President of Freedonia")', () => {
  it('is the one person the article names with that title, even later', () => {
    expect(speakers([
      'On Friday the President of Freedonia said the ship had broken "every rule in the book".',
      '"We are investigating what it carries," President Tom Vale said.',
    ])).toEqual([
      ['every rule in the book', 'Tom Vale'],
      ['We are investigating what it carries', 'Tom Vale'],
    ]);
  });

  it('or with the place\'s adjective ("Freedonian President Tom Vale")', () => {
    expect(speakers([
      'The President of Freedonia said the ship had broken "every rule in the book".',
      'Freedonian President Tom Vale met US President Bill Hart on Monday.',
    ])).toEqual([['every rule in the book', 'Tom Vale']]);
  });

  it('but not a president of another place, nor one of two', () => {
    expect(speakers([
      'The President of Freedonia said the ship had broken "every rule in the book".',
      'US President Bill Hart said nothing.',
    ])).toEqual([['every rule in the book', 'President of Freedonia']]);
    expect(speakers([
      'The President of Freedonia said the ship had broken "every rule in the book".',
      'President Bill Hart and President Tom Vale met on Monday.',
    ])).toEqual([['every rule in the book', 'President of Freedonia']]);
  });
});

describe('a name that is only where data came from ("data from X suggested")', () => {
  it('is not the speaker: whoever reports the clause is ("It said data from X suggested …")', () => {
    expect(speakers([
      'The Riverton Workers Council wants stronger laws.',
      'It said data from job tribunals suggested 1,500 "safety whistleblowers" had lost their jobs.',
    ])).toEqual([['safety whistleblowers', 'Riverton Workers Council']]);
  });

  it('but a document from someone gives their words ("the notice from its accountants stated "…"")', () => {
    expect(speakers(['Acme Corp said the notice from its accountants stated "we cannot rely on the accounts."'])).toEqual([
      ['we cannot rely on the accounts.', 'accountants'],
    ]);
  });
});

describe('"quoted X, a description, as saying"', () => {
  it('is X, not the one quoting (the commas of the description do not end the search for "quoted")', () => {
    expect(speakers(['The Times quoted Tom Vale, the chairman, as saying "we will win".'])).toEqual([['we will win', 'Tom Vale']]);
    expect(speakers(['The Daily Post quoted Jane Roe, the chief executive of Acme, as saying: "we will win."'])).toEqual([['we will win.', 'Jane Roe']]);
  });
});
