import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Session 16 on issue #13: attribution shapes the dev sets and the BBC corpus still miss, each a short made-up case.
const speakers = (paragraphs: string[]) =>
  extractQuotes(makeArticle(paragraphs)).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('a passive description with its agent after the quotation', () => {
  it('is the agent\'s ("described as a "…" by the Refugee Council"), not the subject\'s', () => {
    expect(speakers(['The plan was described as a "disgrace" by the Refugee Council.'])).toEqual([['disgrace', 'Refugee Council']]);
  });

  it('is not a later speaker\'s in the same sentence', () => {
    expect(speakers([
      `His visit drew mixed reactions, from being hailed as a "hero" by the Mayor of Riverton, to Jane Roe's remarks calling it "a grave mistake".`,
    ])).toEqual([['hero', 'Mayor of Riverton'], ['a grave mistake', 'Jane Roe']]);
  });

  it('but an active verb with its own subject has no agent: "by" is part of what it names', () => {
    expect(speakers(['Ann Bell rejected what she described as "scaremongering" by the opposition.'])).toEqual([['scaremongering', 'Ann Bell']]);
  });

  it('but a count after "by" is no agent ("by 40 of the 50 states")', () => {
    const found = speakers(['The killings have been labelled as "genocide" by 40 of the 50 states.']);
    expect(found.map(([, speaker]) => speaker)).not.toContain('40');
  });
});

describe('"it" after a one-word name of no known gender', () => {
  it('is that name ("Oxfam said …. "…," it said.", "It continued: "…""), as "the company" already was', () => {
    expect(speakers([
      'Oxfam said the deal was poor. "This will hurt the poorest families," it said.',
      'It continued: "We urge ministers to think again."',
    ])).toEqual([['This will hurt the poorest families', 'Oxfam'], ['We urge ministers to think again.', 'Oxfam']]);
  });

  it('but not a capitalised plural opening a sentence ("Critics say …")', () => {
    const found = speakers(['Critics say the plan is unfair. "It will hurt families," it said.']);
    expect(found.map(([, speaker]) => speaker)).not.toContain('Critics');
  });
});

describe('a plural subject set off by commas that names one member ("Some charities, such as Oxfam, said")', () => {
  it('is that member, as when no commas set it off', () => {
    expect(speakers(['Some charities, such as Oxfam, said the plan was "deeply flawed and unfair".'])).toEqual([['deeply flawed and unfair', 'Oxfam']]);
    expect(speakers(['Other agencies, including the Refugee Council, have said the plan was "a disgrace".'])).toEqual([['a disgrace', 'Refugee Council']]);
  });

  it('but several members stay unnamed', () => {
    const found = speakers(['Some firms, such as Acme and Bolt, said the plan was "deeply flawed and unfair".']);
    expect(found.map(([, speaker]) => speaker)).not.toContain('Acme');
  });
});

describe('a second "that" clause of the same report after a quotation ("…," but that …)', () => {
  it('holds no inverted speaker: its "it would continue" is not the quotation\'s attribution', () => {
    expect(speakers([
      'Agriculture Undersecretary Ann Bell told the committee the costs were high.',
      'The undersecretary also conceded that permits and marketing loans had the similar effect of "putting more goods on the market," but that while the department supported permits, it would continue to oppose a marketing loan.',
    ])).toEqual([['putting more goods on the market', 'Ann Bell']]);
  });
});

describe('a document from or issued by someone, after an inverted verb', () => {
  it('is its issuer\'s ("…," said a statement from the Refugee Council / issued by / reads a letter from)', () => {
    expect(speakers(['"This is a shameful day," said a statement from the Refugee Council.'])).toEqual([['This is a shameful day', 'Refugee Council']]);
    expect(speakers(['"This is a shameful day," said a statement issued by the Refugee Council.'])).toEqual([['This is a shameful day', 'Refugee Council']]);
    expect(speakers(['"This is a shameful day," reads a letter from Ann Bell to the minister.'])).toEqual([['This is a shameful day', 'Ann Bell']]);
  });
});

describe('"one" or "another" before a description introduces someone new, as "a" does', () => {
  it('so "…," said one London-based broker is the broker, not the firm named before', () => {
    expect(speakers(['Shares in Acme Exchange rose after the bid.', '"I do not think it will make much difference," said one London-based broker.']))
      .toEqual([['I do not think it will make much difference', 'broker']]);
    expect(speakers(['"Prices will rise," one Tokyo-based analyst said.'])).toEqual([['Prices will rise', 'analyst']]);
  });
});
