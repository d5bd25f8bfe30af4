import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { SearchIndex } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';

function article(id: string, headline: string, paragraphs: string[]): Article {
  return makeArticle(paragraphs, { id, headline, source: null });
}

// A misspelling the coverage itself holds (issue #10): a word held a hundred times less often than a word one letter
// away, with the same first letter and seven letters or more, is that word misspelt, and is searched as it; a name
// differing in its first letter ("xmachine" beside "machine") or short ("panek" beside "panel") is not.
describe('SearchIndex: a query term the coverage holds misspelt', () => {
  const common = Array.from({ length: 120 }, (_, i) => article(`g${i}.txt`, `Council item ${i}`, [`The goverment of district ${i} met on Monday.`.replace('goverment', 'government')]));
  const machines = Array.from({ length: 120 }, (_, i) => article(`m${i}.txt`, `Gadget item ${i}`, [`A machine of model ${i} went on sale, the panel said.`]));
  const misspelt = article('typo.txt', 'Harbour notes', ['The goverment harbour fee stays the same, the clerk wrote.']);
  const answer = article('answer.txt', 'Salt levy ruling', ['Judges ruled the government must repay the salt levy of 41 million crowns.']);
  const xmachine = article('xmachine.txt', 'Xmachine battery costs', ['A Xmachine battery costs 80 crowns to replace.']);
  const panek = article('panek.txt', 'Panek wins award', ['Dana Panek won the award for her garden.']);
  const index = SearchIndex.build([misspelt, answer, xmachine, panek, ...common, ...machines]);

  it('searches the word meant', () => {
    const { hits, terms } = index.search('how much must the goverment repay for the salt levy');
    expect(terms).toContain('government');
    expect(hits[0]?.article.id).toBe('answer.txt');
  });

  it('keeps a word differing in its first letter as typed', () => {
    const { terms, hits } = index.search('xmachine battery cost');
    expect(terms).toContain('xmachine');
    expect(hits[0]?.article.id).toBe('xmachine.txt');
  });

  it('keeps a short word as typed', () => {
    const { terms, hits } = index.search('which award did panek win');
    expect(terms).toContain('panek');
    expect(hits[0]?.article.id).toBe('panek.txt');
  });
});
