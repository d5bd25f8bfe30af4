import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Round eight of issue #13: general causes of the wrong speakers found in the dev13 set (many speakers per article,
// unnamed speakers, organisations speaking, speakers carried across paragraphs), each a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('extractQuotes: a comparison after a quotation', () => {
  it('gives `as "grim" as Ms Lund believed` to the one who compares, not to Ms Lund', () => {
    expect(speakers([
      'Anna Lund, a trader, said sales would fall.',
      'But Piet Varga, a banker, said the outlook was not as "grim" as Ms Lund believed. "We are doing well," he said.',
    ])).toEqual([['grim', 'Piet Varga'], ['We are doing well', 'Piet Varga']]);
  });

  it('gives `more "radical" than the minister said` to the sentence\'s speaker', () => {
    expect(speakers(['Tom Hale, a union leader, said the plan was more "radical" than the minister said.'])).toEqual([['radical', 'Tom Hale']]);
  });

  it('still reads `"…", as Mr Blair said` without a comparison before the quotation as Mr Blair\'s', () => {
    expect(speakers(['Tony Blair spoke on Monday. "Education matters most," as Mr Blair said.'])).toEqual([['Education matters most', 'Tony Blair']]);
  });
});

describe('extractQuotes: a passive verb after a quotation', () => {
  it('gives `"…" as soon as the vote is called` to the sentence\'s speaker, not to "the vote"', () => {
    expect(speakers(['Jane Roe argued that broadcasters "should go ahead" as soon as the vote is called.'])).toEqual([['should go ahead', 'Jane Roe']]);
  });

  it('reads on past the passive verb to the speaker named after it', () => {
    expect(speakers(['Bob Lee, a trader, spoke. "Go ahead" once the vote is called, Jane Roe said.'])).toEqual([['Go ahead', 'Jane Roe']]);
  });
});

describe('extractQuotes: a reporting word after a possessive', () => {
  const paragraphs = [
    'Graham Robb, spokesman for the No side, spoke on Monday.',
    'And he hit back at Mr Mallon\'s claim that an assembly would improve transport links in the region. "It can push paper around," he said.',
  ];

  it('reads "Mr Mallon\'s claim that …" as a noun: no reported speech of Mr Mallon', () => {
    expect(quotes(paragraphs).filter((q) => q.kind === 'indirect').map((q) => q.quote)).not.toContain('an assembly would improve transport links in the region');
  });

  it('so "he" after it stays the speaker of the sentence before', () => {
    expect(speakers(paragraphs)).toEqual([['It can push paper around', 'Graham Robb']]);
  });
});

describe('extractQuotes: trade nouns as speakers', () => {
  it.each(['refiner', 'exporter'])('carries "he" back to "one Korean %s" named in the sentence before', (noun) => {
    expect(speakers([
      `"Prices are too high," one Korean ${noun} said.`,
      '"We will not buy more," he added.',
    ])).toEqual([['Prices are too high', `Korean ${noun}`], ['We will not buy more', `Korean ${noun}`]]);
  });
});

describe('extractQuotes: a name ending a clause before its description', () => {
  it('gives `Ann Lee denied Mr Kerr, her finance spokesman, said …` to Mr Kerr, not to "finance spokesman"', () => {
    expect(speakers([
      'The shadow team includes Bob Kerr and Sam Ford.',
      'But Ann Lee denied Mr Kerr, her finance spokesman, said the plans "stink".',
    ])).toEqual([['stink', 'Bob Kerr']]);
  });

  it('still gives `…, a spokesman said` to the description', () => {
    expect(speakers(['The fund will grow, he added. "It is a good year," a spokesman said.'])).toEqual([['It is a good year', 'spokesman']]);
  });
});

describe('extractQuotes: "the government" after another kind of body', () => {
  it('leaves "the government said" to the government, not to the Nurses Federation named before', () => {
    expect(speakers([
      'The Nurses Federation has said it opposes the plan. But the government said the move would help "build safe wards".',
    ])).toEqual([['build safe wards', 'government']]);
  });

  it('still reads "the federation said" as the Nurses Federation', () => {
    expect(speakers(['The Nurses Federation has said it opposes the plan. The federation said nurses need "more time".'])).toEqual([['more time', 'Nurses Federation']]);
  });
});

describe('extractQuotes: the subject of "X sent Y his …, saying: "…""', () => {
  it('ends the subject\'s name at an irregular past tense ("sent"), so the one who sends speaks', () => {
    expect(speakers(['Party leader Jim Cole sent Mr Ross his "best wishes", saying: "We will work together."'])).toEqual([
      ['best wishes', 'Jim Cole'], ['We will work together.', 'Jim Cole'],
    ]);
  });

  it('reads past a one-word adverb of time opening the sentence without a comma ("Earlier Party leader …")', () => {
    expect(speakers(['Earlier Party leader Jim Cole sent Mr Ross his "best wishes", saying: "We will work together."'])).toEqual([
      ['best wishes', 'Jim Cole'], ['We will work together.', 'Jim Cole'],
    ]);
  });
});

describe('extractQuotes: a vague description in the lead', () => {
  it('gives "…, a leading industry figure has said" to the first person the lead then introduces', () => {
    expect(speakers([
      'The film business is "in a coma" because it failed to adapt, a leading industry figure has said.',
      'Ann Hale, the head of Acme Films until last year, told the BBC that cinemas were struggling.',
    ])).toEqual([['in a coma', 'Ann Hale']]);
  });

  it('leaves such a description after the lead unnamed', () => {
    expect(speakers([
      'Cinemas were struggling, Ann Hale told the BBC.',
      'The film business is "in a coma", a leading industry figure said. Bob Lee, a producer, agreed.',
    ])).toEqual([['in a coma', 'industry figure']]);
  });
});

describe('extractQuotes: "it" after the sentence\'s own organisation', () => {
  it('gives `The Home Office has a report which it describes as "…"` to the Home Office, not the body named before', () => {
    expect(speakers([
      'The Nurses Union said the plan would fail.',
      'The Home Office has produced its own report on the plan which it describes as "encouraging".',
    ])).toEqual([['encouraging', 'Home Office']]);
  });
});

describe('extractQuotes: "he" after a subject who reports someone else\'s words', () => {
  it('reads "He also said" after `Tom Howard denied Mr Kerr, his spokesman, said "…"` as Tom Howard', () => {
    expect(speakers([
      'The team includes Bob Kerr and Sam Ford.',
      'But Tom Howard denied Mr Kerr, his finance spokesman, said the plans "stink". He also said the party would "stand firm".',
    ])).toEqual([['stink', 'Bob Kerr'], ['stand firm', 'Tom Howard']]);
  });

  it('still reads "he" as the speaker when the subject only met him', () => {
    expect(speakers([
      'The team includes Bob Kerr and Sam Ford.',
      'Tom Howard met Mr Kerr, who said the plans "stink". He also said the party would "stand firm".',
    ])).toEqual([['stink', 'Bob Kerr'], ['stand firm', 'Bob Kerr']]);
  });
});
