import { describe, expect, it } from 'vitest';
import { derivedWords, SYNONYM_QUALITY } from '../../src/search/expandTerm.js';
import { SearchIndex } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';
import { dictionary, expanded } from '../support/expandedTerms.js';

describe('derivedWords', () => {
  it('gives the noun a verb makes with -ition or -sion, from any form of the verb', () => {
    expect(derivedWords('opposes').nouns).toContain('opposition');
    expect(derivedWords('competing').nouns).toContain('competition');
    expect(derivedWords('decided').nouns).toContain('decision');
    expect(derivedWords('extend').nouns).toContain('extension');
  });

  it('gives the verb of such a noun', () => {
    expect(derivedWords('opposition').verbs).toContain('oppose');
    expect(derivedWords('decisions').verbs).toContain('decide');
    expect(derivedWords('extension').verbs).toContain('extend');
  });

  it('reads no short root: "position" is not a noun of "pose", nor "tension" of "tend"', () => {
    expect(derivedWords('position')).toEqual({ nouns: [], verbs: [] });
    expect(derivedWords('tension')).toEqual({ nouns: [], verbs: [] });
    expect(derivedWords('pose')).toEqual({ nouns: [], verbs: [] });
  });
});

describe('expandTerm: a verb reaches its noun and back, as a synonym does', () => {
  it('matches the noun and its plural, not the other words of its stem', () => {
    const dict = dictionary(['opposition', 'oppositions', 'opposite', 'china']);
    expect(expanded('opposes', dict)).toEqual([
      ['opposition', SYNONYM_QUALITY],
      ['oppositions', SYNONYM_QUALITY],
    ]);
  });

  it('matches every form of the verb for the noun', () => {
    const dict = dictionary(['decide', 'decided', 'decides']);
    expect(expanded('decision', dict).map(([word]) => word)).toEqual(['decide', 'decided', 'decides']);
  });
});

describe('SearchIndex: "which country opposes" finds "the opposition"', () => {
  const article = (id: string, headline: string, paragraphs: string[]) => makeArticle(paragraphs, { id, headline });
  // The question's rarest words are "opposes" and "sanctions": the answering story says "opposition", and another
  // story holds "opposes" without sanctions, so that only the noun carries the question to the answer.
  const index = SearchIndex.build([
    article('iran.txt', 'US and France to work together on Iran sanctions', [
      'The United States and France want new United Nations sanctions on Iran within weeks.',
      'Most notable among the opposition is China, which says that sanctions could complicate the situation.',
    ]),
    article('road.txt', 'Council opposes new road', ['The county council opposes the new bypass, its leader said.']),
    // "country" and "new" are common words of the coverage.
    ...['north', 'south', 'east', 'west'].map((side) =>
      article(`${side}.txt`, `Weather in the ${side}`, [`Rain is expected in the ${side} of the country tomorrow, with a new front.`]),
    ),
  ]);

  it('ranks the story on the opposition first', () => {
    const result = index.search('which country opposes new iran sanctions');
    expect(result.hits[0]?.article.id).toBe('iran.txt');
    expect(result.hits[0]?.excerpt).toContain('China');
  });
});
