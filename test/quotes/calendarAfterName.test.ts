import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Issue #13: "on" joins the words of a name ("Commission on Human Rights"), but "on" before a day or month starts a
// date ("the Audit Office on Monday"), which is no part of the speaker. Made-up sentences.
const speakers = (paragraphs: string[]) =>
  extractQuotes(makeArticle(paragraphs)).map(({ quote, speaker }) => [quote, speaker]);

describe('"on" before a day or a month ends the name', () => {
  it('drops the date after a name the sentence opens with', () => {
    expect(speakers(['The Charity Commission on Tuesday said the trust had broken its own rules.'])).toEqual([
      ['the trust had broken its own rules', 'Charity Commission'],
    ]);
    expect(speakers(['The Harbour Board on March 3 said the pier would close for the winter.'])).toEqual([
      ['the pier would close for the winter', 'Harbour Board'],
    ]);
  });

  it('drops the date after a name that follows the reporting verb', () => {
    expect(speakers(['"The figures do not add up," said the Statistics Office on Friday.'])).toEqual([
      ['The figures do not add up', 'Statistics Office'],
    ]);
  });

  it('drops the date after a name in "according to a report by"', () => {
    expect(speakers(['Spending was "out of control", according to a report by the Audit Office on Monday.'])).toEqual([
      ['out of control', 'Audit Office'],
    ]);
  });

  it('keeps "on" inside a name', () => {
    expect(speakers(['The Commission on Human Rights said the trial had been unfair.'])).toEqual([
      ['the trial had been unfair', 'Commission on Human Rights'],
    ]);
    expect(speakers(['"The trial was unfair," said the Commission on Human Rights on Monday.'])).toEqual([
      ['The trial was unfair', 'Commission on Human Rights'],
    ]);
  });

  it('keeps "on Sunday" in a newspaper named for its day, so its survey is still the newspaper speaking', () => {
    const speaker = speakers(['The Mail on Sunday survey found that 63% supported the plan.'])[0]?.[1];
    expect(speaker).toMatch(/^Mail/);
  });
});

describe('a month is never a speaker', () => {
  it('between a subject and its verb ("Tom Vale in July said", "the ministry last July said")', () => {
    expect(speakers(['Singer Tom Vale in July said he was tired of hearing "empty promises" from ministers.'])).toEqual([
      ['empty promises', 'Tom Vale'],
      ['he was tired of hearing "empty promises" from ministers', 'Tom Vale'],
    ]);
    expect(speakers(['The Justice Department last July said it would block the merger of the two firms.'])).toEqual([
      ['it would block the merger of the two firms', 'Justice Department'],
    ]);
  });

  it('nor the name "the board" stands for ("three board members last November")', () => {
    expect(speakers([
      'Tom Vale used his stake to vote off three board members last November.',
      'Now the board has confirmed that he is back, with a statement reading: "The board has received a proposal from Mr Vale."',
    ]).filter(([, speaker]) => speaker === 'November')).toEqual([]);
  });
});

describe('"on Sunday" in a newspaper named for its day', () => {
  it('is part of the speaker\'s name ("The Mail on Sunday said"), not a role of "Mail"', () => {
    expect(speakers(['The Mail on Sunday said the minister would resign within a week.'])).toEqual([
      ['the minister would resign within a week', 'Mail on Sunday'],
    ]);
    expect(speakers(['The plan will be approved this month, according to The Independent on Sunday.'])).toEqual([
      ['The plan will be approved this month', 'Independent on Sunday'],
    ]);
  });
});
