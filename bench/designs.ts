/** The two designs compared: newsdesk's SearchIndex and the plain design, fuse.js over whole articles. */
import Fuse from 'fuse.js';
import { defaults } from '../src/config.js';
import type { Article } from '../src/corpus/types.js';
import type { QuoteIndex } from '../src/quotes/index.js';
import { plainText, SearchIndex } from '../src/search/index.js';

/** One result of a design: the article and the excerpt it shows for it (plain text). */
export interface DesignResult {
  id: string;
  excerpt: string;
}

/** What the benchmark needs of a design: build it, ask it, get articles best first with their shown excerpts. */
export interface Design {
  ask(question: string): DesignResult[];
}

export type DesignName = 'newsdesk' | 'baseline';

/**
 * Builds `name` over `articles`; newsdesk asks with `quotes` ("what did X say" uses its speaker directory) when
 * given, as the bot does.
 */
export function buildDesign(name: DesignName, articles: readonly Article[], quotes?: QuoteIndex): Design {
  if (name === 'newsdesk') {
    const index = SearchIndex.build(articles);
    // As the bot: the first page's excerpts are built (it sends them), the others when read (a click on "More").
    const { pageSize } = defaults.ask;
    return {
      ask: (question) =>
        index.search(question, quotes ? { quotes } : {}).hits.map((hit, rank) =>
          rank < pageSize ? { id: hit.article.id, excerpt: plainText(hit.excerpt) } : { id: hit.article.id, get excerpt() { return plainText(hit.excerpt); } },
        ),
    };
  }
  // The plain design: one fuse.js over whole articles, keys ['title', 'body'], default options; it shows the lede.
  const fuse = new Fuse(
    articles.map((article) => ({ id: article.id, title: article.headline, body: article.paragraphs.map((p) => p.text).join('\n\n') })),
    { keys: ['title', 'body'] },
  );
  const lede = new Map(articles.map((article) => [article.id, article.paragraphs[0]?.text.slice(0, 600) ?? '']));
  return { ask: (question) => fuse.search(question, { limit: 30 }).map((result) => ({ id: result.item.id, excerpt: lede.get(result.item.id) ?? '' })) };
}
