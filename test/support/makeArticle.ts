import type { Article, Paragraph } from '../../src/corpus/types.js';

/** A hand-made Article: body paragraphs given as strings, other kinds as `{ kind, text }`. */
export function makeArticle(paragraphs: readonly (string | Paragraph)[], overrides: Partial<Article> = {}): Article {
  return {
    id: 'test/article.txt',
    headline: 'Test article',
    standfirst: null,
    section: null,
    source: 'Test',
    date: null,
    url: null,
    byline: null,
    credit: null,
    license: null,
    tags: [],
    format: 'plain',
    paragraphs: paragraphs.map((paragraph) => (typeof paragraph === 'string' ? { kind: 'body', text: paragraph } : paragraph)),
    ...overrides,
  };
}
