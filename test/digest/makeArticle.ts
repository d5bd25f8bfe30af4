import type { Article } from '../../src/corpus/types.js';
import { makeArticle as makeTestArticle } from '../support/makeArticle.js';

/** A small hand-made article (no seed text copied), with the fields a digest reads. */
export function makeArticle(id: string, overrides: Partial<Article> = {}): Article {
  return makeTestArticle([`First paragraph of ${id}, which says what happened and where.`], {
    id,
    headline: `Headline of ${id}`,
    source: 'Test Wire',
    date: '2025-06-01',
    url: `https://example.org/${encodeURIComponent(id)}`,
    format: 'markdown',
    ...overrides,
  });
}
