import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { SearchIndex } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';

function article(id: string, headline: string, paragraphs: string[]): Article {
  return makeArticle(paragraphs, { id, headline, source: null });
}

// Article ranking (issue #10): of two stories that match and answer a question alike, the one stating the answer near
// its top is about it and comes first; the other mentions it in passing, further down.
describe('SearchIndex: depth of the answering sentence', () => {
  const others = Array.from({ length: 300 }, (_, i) => article(`n${i}.txt`, 'Other news', [`Weather report number ${i} for the coast.`]));
  const answer = 'The harbour board said the new ferry will carry 640 passengers.';
  const filler = Array.from({ length: 9 }, (_, i) => `Councillors heard item ${i} of the agenda on Tuesday.`);
  // Same headline and matching sentence, both past the lede and the paragraphs just below it; only how deep the
  // sentence stands differs. The deeper one comes first in the coverage, so that it would win a tie on order alone.
  const deep = article('deep.txt', 'Town council roundup', ['Local news from the week in the town.', ...filler.slice(0, 8), answer, filler[8]!]);
  const top = article('top.txt', 'Town council roundup', ['Town news from the week, in brief.', ...filler.slice(0, 4), answer, ...filler.slice(4)]);
  const index = SearchIndex.build([deep, top, ...others]);

  it('puts the article stating the answer higher up first', () => {
    const { hits } = index.search('how many passengers will the new ferry carry');
    expect(hits.map((hit) => hit.article.id).slice(0, 2)).toEqual(['top.txt', 'deep.txt']);
  });
});
