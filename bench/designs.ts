/** The two designs compared: newsdesk's SearchIndex and the plain design, fuse.js over whole articles. */
import Fuse from 'fuse.js';
import type { Article } from '../src/corpus/types.js';
import { SearchIndex } from '../src/search/index.js';

/** What the benchmark needs of a design: build it, ask it, get article ids best first. */
export interface Design {
  ask(question: string): string[];
}

export type DesignName = 'newsdesk' | 'baseline';

/** Builds `name` over `articles`. */
export function buildDesign(name: DesignName, articles: readonly Article[]): Design {
  if (name === 'newsdesk') {
    const index = SearchIndex.build(articles);
    return { ask: (question) => index.search(question).hits.map((hit) => hit.article.id) };
  }
  // The plain design: one fuse.js over whole articles, keys ['title', 'body'], default options.
  const fuse = new Fuse(
    articles.map((article) => ({ id: article.id, title: article.headline, body: article.paragraphs.map((p) => p.text).join('\n\n') })),
    { keys: ['title', 'body'] },
  );
  return { ask: (question) => fuse.search(question, { limit: 30 }).map((result) => result.item.id) };
}
