import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { collectFacets, collectingFacets } from '../../src/search/index.js';
import { makeArticle } from '../support/makeArticle.js';

const article = (i: number, fields: Partial<Article>): Article => makeArticle([], { id: `a${i}.txt`, headline: `Headline ${i}`, source: null, ...fields });

describe('collectFacets', () => {
  it('counts sections and outlets, most common first then by name, and finds the date range', () => {
    const articles = [
      article(0, { section: 'World', source: 'Wikinews', date: '2008-03-02' }),
      article(1, { section: 'Sport', source: 'Al Jazeera', date: '2007-11-30' }),
      article(2, { section: 'World', source: 'Wikinews' }),
      article(3, { section: 'Business', source: 'Wikinews', date: '2009-01-15T10:00:00Z' }),
    ];
    expect(collectFacets(articles)).toEqual({
      sections: [
        { name: 'World', count: 2 },
        { name: 'Business', count: 1 },
        { name: 'Sport', count: 1 },
      ],
      sources: [
        { name: 'Wikinews', count: 3 },
        { name: 'Al Jazeera', count: 1 },
      ],
      dateRange: { first: '2007-11-30', last: '2009-01-15T10:00:00Z' },
      undated: 1,
    });
  });

  it('gives no date range when no article is dated', () => {
    expect(collectFacets([article(0, {})]).dateRange).toBeNull();
  });
});

describe('collectingFacets', () => {
  it('pauses while it counts many articles, and counts them all', () => {
    const articles = Array.from({ length: 10_000 }, (_, i) => article(i, { source: i % 2 ? 'Odd' : 'Even' }));
    const steps = collectingFacets(articles);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBeGreaterThan(1);
    expect(step.value.sources).toEqual([
      { name: 'Even', count: 5_000 },
      { name: 'Odd', count: 5_000 },
    ]);
    expect(step.value.undated).toBe(10_000);
  });
});
