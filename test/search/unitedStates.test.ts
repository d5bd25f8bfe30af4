import { describe, expect, it } from 'vitest';
import { unitedStates } from '../../src/search/aliases.js';
import { SearchIndex } from '../../src/search/index.js';
import { indexTerms } from '../../src/search/indexTerms.js';
import { foldSearchWord, joinInitialisms } from '../../src/text/index.js';
import { makeArticle } from '../support/makeArticle.js';

describe('the United States as written and as typed', () => {
  it('reads "U.S.", "US", "USA" and "United States" in the coverage as one term, "U.K." as "uk", keeping offsets', () => {
    expect(indexTerms('U.S. crude fell')).toEqual(['usa', 'crude', 'fell']);
    expect(indexTerms('US crude fell')).toEqual(['usa', 'crude', 'fell']);
    expect(indexTerms('reaching the United States by 2015')).toEqual(['reaching', 'usa', '2015']);
    expect(indexTerms('U.K. gilts and the U.S.A.')).toEqual(['uk', 'gilts', 'usa']);
    const text = 'U.S. crude and U.K. gilts, United States bonds.';
    expect(joinInitialisms(text)).toHaveLength(text.length);
    expect(joinInitialisms(text).indexOf('gilts')).toBe(text.indexOf('gilts'));
  });

  it('never takes the pronoun for the country', () => {
    expect(indexTerms('He told us to wait')).toEqual(['told', 'wait']);
    expect(foldSearchWord('us')).toBe('us');
    expect(unitedStates('tell us about the us budget')).toBe('tell us about the USA budget');
    expect(unitedStates('US and united states trade')).toBe('USA and USA trade');
    expect(unitedStates('give us the facts')).toBe('give us the facts');
    expect(unitedStates('U.S. and U.K. rates')).toBe('USA. and UK . rates');
  });

  const coverage = () =>
    SearchIndex.build([
      makeArticle(
        [
          'The man making sure US computer networks are safe and secure has resigned after only a year in his post.',
          'Amit Yoran was director of the National Cyber Security Division within the US Department of Homeland Security.',
        ],
        { id: 'yoran', headline: 'US cyber security chief resigns' },
      ),
      makeArticle(
        [
          'So-called phishing attacks that try to trick people into handing over confidential details have boomed, say security experts.',
          'The chief of one security firm said cyber criminals were stepping up the pace, and the head of security at a bank stepped down.',
        ],
        { id: 'phishing', headline: 'Cyber criminals step up the pace' },
      ),
      makeArticle(['American Airlines said fares would rise.'], { id: 'airline', headline: 'Fares to rise' }),
    ]);

  it('"america\'s cyber security chief" finds the article about the US cyber security chief', () => {
    expect(coverage().search("who stepped down as america's cyber security chief").hits[0]?.article.id).toBe('yoran');
  });

  it('"the us" and "U.S." typed in a question find "US" in the coverage', () => {
    expect(coverage().search('homeland security department in the us').hits[0]?.article.id).toBe('yoran');
    expect(coverage().search('U.S. homeland security').hits[0]?.article.id).toBe('yoran');
  });
});
