import type { Article } from '../../src/corpus/types.js';

/** A small hand-made article (no seed text copied), with the fields a digest reads. */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    headline: `Headline of ${id}`,
    standfirst: null,
    section: null,
    source: 'Test Wire',
    date: '2025-06-01',
    url: `https://example.org/${encodeURIComponent(id)}`,
    byline: null,
    credit: null,
    license: null,
    format: 'markdown',
    paragraphs: [{ kind: 'body', text: `First paragraph of ${id}, which says what happened and where.` }],
    ...overrides,
  };
}
