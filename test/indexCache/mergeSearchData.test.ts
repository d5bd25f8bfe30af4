import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Article } from '../../src/corpus/types.js';
import { mergeSearchData } from '../../src/indexCache/mergeSearchData.js';
import { buildSearchData } from '../../src/search/buildSearchData.js';
import { SearchIndex } from '../../src/search/index.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
const { articles } = await loadCorpus(seeds);
const share = (part: Article[]) => ({ articles: part, data: buildSearchData(part) });

describe('mergeSearchData', () => {
  it('gives exactly the data buildSearchData gives over the whole corpus, from two contiguous halves', () => {
    const cut = Math.floor(articles.length / 2);
    const merged = mergeSearchData([share(articles.slice(0, cut)), share(articles.slice(cut))], articles);
    expect(merged).toEqual(buildSearchData(articles));
  });

  it('renumbers interleaved shares into the corpus order (every other article in each)', () => {
    const even = articles.filter((_, i) => i % 2 === 0);
    const odd = articles.filter((_, i) => i % 2 === 1);
    const merged = mergeSearchData([share(odd), share(even)], articles);
    expect(merged).toEqual(buildSearchData(articles));
  });

  it('answers questions as the index built in one piece does', () => {
    const cut = Math.floor(articles.length / 3);
    const merged = mergeSearchData([share(articles.slice(0, cut)), share(articles.slice(cut, 2 * cut)), share(articles.slice(2 * cut))], articles)!;
    const [one, pieces] = [SearchIndex.build(articles), SearchIndex.fromData(articles, merged)];
    for (const question of ['how many were injured in Bab Amr', 'homs shellng', 'moral stain']) {
      expect(pieces.search(question).hits.map((hit) => hit.article.id)).toEqual(one.search(question).hits.map((hit) => hit.article.id));
    }
  });

  it('returns null when an article is missing, given twice or out of order, so that the caller builds instead', () => {
    const cut = Math.floor(articles.length / 2);
    const [first, second] = [articles.slice(0, cut), articles.slice(cut)];
    expect(mergeSearchData([share(first)], articles)).toBeNull();
    expect(mergeSearchData([share(first), share(articles)], articles)).toBeNull();
    expect(mergeSearchData([share([...first].reverse()), share(second)], articles)).toBeNull();
  });
});
