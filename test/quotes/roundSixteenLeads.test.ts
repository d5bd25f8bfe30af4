import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

// Session 15's leads on issue #13 from the dev sets' misses, each a short made-up case.
const quotes = (paragraphs: string[]) => extractQuotes(makeArticle(paragraphs));
const speakers = (paragraphs: string[]) => quotes(paragraphs).filter((q) => q.kind !== 'indirect').map(({ quote, speaker }) => [quote, speaker]);

describe('a closing quotation mark set off by a space ("ever. " A …") still ends the sentence', () => {
  it('so the words after it are a sentence of their own, not the attribution of the quotation', () => {
    expect(speakers([
      'Group chair Ann Cole said: "We began a year ago. "Yet we are stronger than ever. " A ruling from Judge Tom Reed is expected in May.',
    ])).toEqual([['We began a year ago.', 'Ann Cole'], ['Yet we are stronger than ever.', 'Ann Cole']]);
  });
});

describe('"According to X, many firms had found CLAIM" stays X\'s account when no one inside it speaks', () => {
  it('so a verb of finding after a group ("many firms had found") neither takes the claim nor drops it', () => {
    const reported = quotes([
      'The Low Pay Commission published its report on Monday.',
      'According to the commission, many firms had found the last two rises in the minimum wage "challenging".',
    ]).filter((q) => q.kind === 'indirect').map(({ quote, speaker }) => [quote, speaker]);
    expect(reported).toEqual([['many firms had found the last two rises in the minimum wage "challenging"', 'Low Pay Commission']]);
  });
});

describe('a plural subject naming one member of itself ("Groups including the Players\' Union") is that member', () => {
  const lead = 'Touring costs have doubled this year.';
  it('speaks for the group, with a plural possessive before an organisation\'s head kept in the name', () => {
    expect(speakers([lead, 'Groups including the Players\' Union are calling for an end to the "raw deal" faced by touring bands.']))
      .toEqual([['raw deal', 'Players\' Union']]);
  });

  it('but a list of members ("Stars including Ann Cole, Tom Reed and …") is not its first member', () => {
    const [[, speaker]] = speakers([lead, 'Stars including Ann Cole, Tom Reed and Jo Lake are calling for an end to the "raw deal" faced by bands.']) as [[string, string]];
    expect(speaker).not.toBe('Ann Cole');
  });
});
