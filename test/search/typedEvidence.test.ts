import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { SearchIndex } from '../../src/search/index.js';
import { withoutMeasureWord } from '../../src/search/searchIndex.js';
import { expandAliases } from '../../src/search/aliases.js';
import { letterCompounds } from '../../src/search/normalize.js';
import { makeArticle } from '../support/makeArticle.js';

function article(id: string, headline: string, paragraphs: string[]): Article {
  return makeArticle(paragraphs, { id, headline, source: null });
}

// Article ranking (issue #10): an article whose sentence states an answer of the expected type together with the
// question's words ranks above one that shares the words, however often, and states no such answer near them.
describe('SearchIndex: evidence of a typed answer in the ranking', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const typed = article('a.txt', 'Textile firm trims staff', ['The company said on Monday its mill in the north will cut 120 workers by the end of the year as orders fall.']);
  const words = article('b.txt', 'Mill workers cut hours', ['The mill cut hours for workers.', 'Mill workers said the cut was unfair.', 'The union said 300 people marched.']);
  const index = SearchIndex.build([typed, words, ...others]);

  it('puts the article whose sentence holds the number with the question words first', () => {
    const { hits } = index.search('how many workers did the mill cut');
    expect(hits.map((hit) => hit.article.id).slice(0, 2)).toEqual(['a.txt', 'b.txt']);
  });
});

// Another form of a question's word counts for the ranking, less than the word as typed (issue #10): a story stating the
// answer in that form ranks above one that has the word as typed only in passing.
describe('SearchIndex: other forms of a word the coverage uses', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const replacement = article('a.txt', 'Farm panel seat in doubt', ["Senator Orlov's replacement, Republican Dana Kemp, wants a seat on the farm panel."]);
  const honoured = article('b.txt', 'Senate honours Orlov', ['Senator Orlov was honoured by the Senate on Monday, Bill Tanner said.', 'The roof of the hall was replaced last year.']);
  const index = SearchIndex.build([replacement, honoured, ...others]);

  it('puts the article holding the word in another form first', () => {
    const { hits } = index.search('who replaced senator orlov');
    expect(hits.map((hit) => hit.article.id).slice(0, 2)).toEqual(['a.txt', 'b.txt']);
  });
});

// A hyphenated name with a one-letter piece ("T-Mobile") is searched as its other piece: the article holding it as
// typed ranks above those sharing only that piece (issue #10).
describe('SearchIndex: a hyphenated word with a one-letter piece', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const named = article('a.txt', 'Q-Phone plans handsets for Asia', ['Q-Phone chief executive Dana Kemp said the firm would sell handsets in Asia.']);
  const phones = article('b.txt', 'Phone makers gather in Berlin', ['Phone maker chief executive Bill Tanner said the phone market was growing.', 'Phone sales rose, Tanner said.']);
  const index = SearchIndex.build([named, phones, ...others]);

  it('puts the article holding it as typed first', () => {
    const { hits } = index.search("who is q-phone's chief executive");
    expect(hits.map((hit) => hit.article.id).slice(0, 2)).toEqual(['a.txt', 'b.txt']);
  });

  it('reads such words from the question, folded', () => {
    expect(letterCompounds("who is T-Mobile's chief, and the e-University?")).toEqual(['t-mobile', 'e-university']);
    expect(letterCompounds('how many grown-ups own a wi-fi phone')).toEqual([]);
  });
});

// An acronym the question spells out is a word of the question: not the answer to it (issue #10).
describe('SearchIndex: an acronym the question spells out', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const fund = article('a.txt', 'Debt talks resume', [
    'Talks with the International Monetary Fund (IMF) on the loan resumed on Monday.',
    'IMF officials met finance minister Carlos Ruiz in the capital.',
  ]);
  const index = SearchIndex.build([fund, ...others]);

  it('is not offered as the answer to "who"', () => {
    const hit = index.search('who met international monetary fund officials').hits[0];
    expect(hit?.article.id).toBe('a.txt');
    expect(hit?.answer).not.toBe('IMF');
  });
});

// "How long" asks for a measure the answer states in its own words ("nine years"), not for the word "long" (issue #10).
describe('SearchIndex: the measure word of "how long"', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const sentenced = article('a.txt', 'Spammer sentenced', ['A court in Virginia sentenced Jeremy Halvard to nine years in prison for sending junk e-mail.']);
  const index = SearchIndex.build([sentenced, ...others]);

  it('is not a term an answering sentence must hold', () => {
    const result = index.search('how long in prison for the spammer halvard');
    expect(result.terms).not.toContain('long');
    expect(result.hits[0]?.article.id).toBe('a.txt');
  });

  it('stays a term when it is the only one', () => {
    expect(withoutMeasureWord('how long', ['long'])).toEqual(['long']);
    expect(withoutMeasureWord('how long is the documentary', ['long', 'documentary'])).toEqual(['documentary']);
    expect(withoutMeasureWord('a long documentary', ['long', 'documentary'])).toEqual(['long', 'documentary']);
  });
});

// "Day one" is the first day, as news writes it; "one" alone is no term to search (issue #10).
describe('SearchIndex: "day one", "round one"', () => {
  it('asks for the first day or round', () => {
    expect(expandAliases('how many copies sold on day one', () => true)).toBe('how many copies sold on first day');
    expect(expandAliases('who won Round One', () => true)).toBe('who won first Round');
    expect(expandAliases('one day', () => true)).toBe('one day');
  });

  it('finds the article that says "first day"', () => {
    const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
    const sales = article('a.txt', 'Charity single sells fast', ['More than 72,000 copies of the charity single were sold on its first day of release.']);
    const oneDay = article('b.txt', 'Single copies', ['One shop sold copies of a single for one day only in 1999.']);
    const hits = SearchIndex.build([sales, oneDay, ...others]).search('how many copies of the single sold on day one').hits;
    expect(hits[0]?.article.id).toBe('a.txt');
  });
});
