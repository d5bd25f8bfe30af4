import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { plainText, SearchIndex } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';

function article(id: string, headline: string, paragraphs: string[]): Article {
  return makeArticle(paragraphs, { id, headline, source: null });
}

// The "nothing matches" gate (issue #10): which articles answer a question, and when none does.
describe('SearchIndex: a question asked in other words than the article', () => {
  // a.txt holds every word of "which funds want to sack the management" but "sack" (it says "removal"), and the
  // sentence naming the funds holds "funds" and "want" only, "management" standing in the sentence before it: under
  // half of the question's weight in the sentence, most of it in the article, and a name where the question asks one.
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const articles = [
    article('a.txt', 'Standoff at the bourse', [
      'The management of the exchange made a bid for a rival in London.',
      'Hedge funds TCI and Atticus want the removal of the chairman.',
      'A vote is due in May.',
    ]),
    article('b.txt', 'Funds grow', ['Pension funds grew last year.']),
    article('c.txt', 'Management shake-up', ['The bank changed its management.']),
    article('d.txt', 'Voters want change', ['Voters want change, the poll says.']),
    ...others,
  ];
  const index = SearchIndex.build(articles);

  it('answers with the article whose sentence states an answer of the expected type', () => {
    const { hits } = index.search('which funds want to sack the management');
    expect(hits[0]?.article.id).toBe('a.txt');
    expect(plainText(hits[0]!.excerpt)).toContain('TCI and Atticus');
  });

  it('still answers nothing when the question expects no type of answer that a sentence states', () => {
    expect(index.search('what did the funds want to sack the management for').hits).toEqual([]);
  });
});

describe('SearchIndex: a number asked must be in the article', () => {
  // a.txt is a gold forecast of 1987 holding every word of "gold price forecast for 2026" but the year; b.txt holds the
  // year but is about a budget; c.txt is dated 2026 and says "this year".
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const goldIn1987 = article('a.txt', 'Miner reaffirms gold forecast', ['The miner reaffirmed its forecast for higher gold output in 1987.', 'It expects a gold price of 439 dlrs an ounce.']);
  const budget = article('b.txt', 'Budget forecast', ['The budget forecast for 2026 shows a deficit of 3 pct.']);
  const index = SearchIndex.build([goldIn1987, budget, ...others]);

  it('answers nothing when no article holds the year asked, however much of the rest it holds', () => {
    expect(index.search('gold price forecast for 2026').hits).toEqual([]);
    expect(index.search('gold price forecast for 1987').hits[0]?.article.id).toBe('a.txt');
    expect(index.search('gold price forecast').hits[0]?.article.id).toBe('a.txt');
  });

  it('counts the year an article is dated as the year asked', () => {
    const dated = { ...article('c.txt', 'Gold price forecast', ['Analysts expect the gold price to reach 3,000 dlrs an ounce this year.']), date: '2026-01-05' };
    expect(SearchIndex.build([goldIn1987, budget, dated, ...others]).search('gold price forecast for 2026').hits[0]?.article.id).toBe('c.txt');
  });

  it('still suggests close terms when nothing matches', () => {
    const result = index.search('gold prise forecast for 2026');
    expect(result.hits).toEqual([]);
    expect(result.suggestions.length).toBeGreaterThan(0);
  });
});

describe('SearchIndex: keywords naming an amount want a figure', () => {
  // "rate" names an amount: a story on Ford buying First Nationwide Savings holds the other words and states no rate.
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const ford = article('a.txt', 'Ford moves into finance', [
    'Ford has added First Nationwide Savings as part of a move into financial services.',
    'Savers with an account at the unit were told nothing would change.',
  ]);
  const banks = article('c.txt', 'Banks', ['Banks paid interest on deposits.']);

  it('answers nothing from an article that states no figure', () => {
    const index = SearchIndex.build([ford, banks, ...others]);
    expect(index.search('first nationwide savings account rate').hits).toEqual([]);
    expect(index.search('first nationwide savings account').hits[0]?.article.id).toBe('a.txt');
  });

  it('answers short keywords from a sentence holding every one of them, figure or not', () => {
    const council = article('b.txt', 'Council budget approved', ['The council approved its budget on Tuesday.']);
    const { hits } = SearchIndex.build([ford, banks, council, ...others]).search('council budget');
    expect(hits[0]?.article.id).toBe('b.txt');
  });

  it('answers from an article that states one', () => {
    const withRate = article('a.txt', ford.headline, [...ford.paragraphs.map((paragraph) => paragraph.text), 'The savings account will pay a rate of 5 pct.']);
    const { hits } = SearchIndex.build([withRate, banks, ...others]).search('first nationwide savings account rate');
    expect(hits[0]?.article.id).toBe('a.txt');
    expect(plainText(hits[0]!.excerpt)).toContain('5 pct');
  });
});

describe('SearchIndex: a hyphenated word of the question is not its pieces', () => {
  // "ups" of "grown-ups" is the parcel firm UPS to the coverage, and its rarest word: an answer had to hold it.
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const articles = [
    article('mp3.txt', 'Music players catch on', ['One in 10 adult Americans - 22 million people - owns an MP3 player, a survey says.']),
    article('ups.txt', 'UPS profits', ['UPS said its parcel profits rose.']),
    ...others,
  ];
  const index = SearchIndex.build(articles);

  it('reads "grown-ups" as one word, which news copy says "adults" for', () => {
    const { hits } = index.search('how many grown-ups own an mp3 player');
    expect(hits[0]?.article.id).toBe('mp3.txt');
    expect(plainText(hits[0]!.excerpt)).toContain('22 million');
  });
});
