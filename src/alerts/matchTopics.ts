import type { Article } from '../corpus/types.js';
import { defaults } from '../config.js';
import { SearchIndex } from '../search/index.js';

/** A stored query: one followed topic. */
export interface Topic {
  id: number;
  topic: string;
}

/** Share of a topic's weighted words an article must match; see `defaults.alerts.minCoverage` for why 0.75. */
export const FOLLOW_MIN_COVERAGE: number = defaults.alerts.minCoverage;

/**
 * Percolator-style matching: the new articles alone are indexed with the /ask index, and every stored topic is
 * run against that small index. The work grows with the new articles and the topics, never with the library.
 * @example matchTopics([{ id: 1, topic: 'ferry storm' }], [ferryArticle, councilArticle]) // => [{ topicId: 1, articleId: 'feeds/x/2026-11-30-ferry.md' }]
 */
export function matchTopics(topics: readonly Topic[], articles: readonly Article[], minCoverage = FOLLOW_MIN_COVERAGE): { topicId: number; articleId: string }[] {
  if (topics.length === 0 || articles.length === 0) return [];
  const index = SearchIndex.build(articles);
  return topics.flatMap((topic) =>
    index.search(topic.topic, { limit: articles.length, minCoverage }).hits.map((hit) => ({ topicId: topic.id, articleId: hit.article.id })),
  );
}
