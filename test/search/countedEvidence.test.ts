import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { analyzeQuestion, countsWordAt, recognise } from '../../src/search/answers/index.js';
import { SearchIndex } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';

function article(id: string, headline: string, paragraphs: string[]): Article {
  return makeArticle(paragraphs, { id, headline, source: null });
}

const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));

// "How many X": a number right before X counts it, which a number near X's words does not (issue #10).
describe('SearchIndex: a number counting what "how many" asks about', () => {
  const near = article('a.txt', 'Bike sales soar', ['Four times more bikes with motors were sold in the city last year than the year before, a report says.']);
  const counting = article('b.txt', 'Cycling report published', ['The cycling report was published on Monday.', 'More than 90,000 bikes were sold last year, the report said.']);
  const index = SearchIndex.build([near, counting, ...others]);

  it('puts the article whose sentence counts the asked word first', () => {
    const { hits } = index.search('how many bikes were sold last year');
    expect(hits.map((hit) => hit.article.id).slice(0, 2)).toEqual(['b.txt', 'a.txt']);
    expect(hits[0]?.answer).toContain('90,000');
  });

  it('counts only what "how many" names, not another word of the question', () => {
    const staff = article('c.txt', 'Mill staff', ['The mill cut costs: 3 mill sites will close and 12 workers left.']);
    const { hits } = SearchIndex.build([staff, ...others]).search('how many workers did the mill cut');
    expect(hits[0]?.answer).toBe('12 workers');
  });
});

describe('countsWordAt', () => {
  const at = (sentence: string, word: string) => {
    const span = recognise(sentence).find((found) => (found.type === 'quantity' || found.type === 'money') && found.start < sentence.indexOf(word));
    return span !== undefined && countsWordAt(sentence, span, sentence.indexOf(word));
  };

  it('reads a count or a sum right before the word', () => {
    expect(at('Savarino plans an 80-room hotel.', 'room')).toBe(true);
    expect(at('More than 674 million mobiles were sold.', 'mobiles')).toBe(true);
    expect(at('Yukos faces a $27.5bn (£13bn) tax demand.', 'tax')).toBe(true);
    expect(at('It holds 4,023,200 shares of USAir.', 'shares')).toBe(true);
  });

  it('not a number further off', () => {
    expect(at('Sales reached 159 million, and mobiles sold well.', 'mobiles')).toBe(false);
    expect(at('A total of 30 billion for the year, in texts.', 'texts')).toBe(false);
  });
});

describe('analyzeQuestion: what "how many" counts', () => {
  it('is the words up to the verb, or the first word', () => {
    expect(analyzeQuestion('how many mobile phones were sold last year').counted).toEqual(['mobile', 'phones']);
    expect(analyzeQuestion('how many usair shares does twa own').counted).toEqual(['usair', 'shares']);
    expect(analyzeQuestion('how many people smoke in china').counted).toEqual(['people']);
    expect(analyzeQuestion('how much is the yukos tax demand').counted).toEqual([]);
    expect(analyzeQuestion('who won the race').counted).toEqual([]);
  });
});
