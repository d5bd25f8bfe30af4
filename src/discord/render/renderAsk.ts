import { defaults } from '../../config.js';
import { plural } from '../texts.js';
import type { APIEmbed } from 'discord-api-types/v10';
import { escapeMarkdown, plainText, type SearchResult } from '../../search/index.js';
import { isEmbedUrl, truncate, type Reply } from '../reply.js';
import { EMBED_DESCRIPTION_LENGTH, EMBED_TITLE_LENGTH } from '../limits.js';
import { sourceLine } from './formatArticle.js';
import { lazyPages, type Pages } from '../pageStore.js';

/** Embed colour of answers. */
const ANSWER_COLOUR = 0x2b6cb0;
/** Pages of results at most (the rest is summarised). */
const MAX_PAGES = 10;

/** What the renderer needs besides the result. */
export interface AskRenderOptions {
  question: string;
  /** Articles per page. */
  pageSize: number;
  /** Time taken to answer, shown in the footer. */
  ms: number;
}

/**
 * Renders the answer to `/ask` as pages (one `Reply` each, `pageSize` articles per page, one embed per article):
 * headline (linked), the excerpt (the answering sentence first, the answer and the matched words in bold) and a source
 * line; the footer says how many articles matched and how long it took. Page 1 carries the machine-readable `data`
 * for console `--json`. A page, and `data.results`, is rendered when first read: most askers never turn a page, and
 * a hit's excerpt is built when read (see `SearchHit`).
 * @example renderAsk(result, { question: 'homs', pageSize: 3, ms: 4 }).length // => 1 page for 1-3 hits
 */
export function renderAsk(result: SearchResult, options: AskRenderOptions): Pages {
  const { question, pageSize, ms } = options;
  const shown = result.hits.slice(0, pageSize * MAX_PAGES);
  let results: Record<string, unknown>[] | undefined;
  const data = {
    question,
    terms: result.terms,
    matched: result.hits.length,
    ms: Math.round(ms),
    suggestions: result.suggestions,
    get results() {
      results ??= shown.map((hit) => ({
        id: hit.article.id,
        headline: hit.article.headline,
        excerpt: plainText(hit.excerpt),
        answer: hit.answer,
        score: Number(hit.score.toFixed(3)),
        date: hit.article.date,
        section: hit.article.section,
        tags: hit.article.tags,
        source: hit.article.source,
        url: hit.article.url,
        license: hit.article.license,
      }));
      return results;
    },
  };
  if (result.hits.length === 0) return [renderNoMatch(question, result.suggestions, data)];

  const more = result.hits.length > shown.length ? ` (showing the best ${shown.length})` : '';
  // At the search's limit the count is a cap, not how many matched.
  const matched = result.hits.length >= defaults.search.limit ? `the best ${result.hits.length} articles (more matched)` : `${plural(result.hits.length, 'article')} matched`;
  return lazyPages(Math.ceil(shown.length / pageSize), (page) => {
    const hits = shown.slice(page * pageSize, (page + 1) * pageSize);
    const embeds: APIEmbed[] = hits.map((hit, index) => ({
      color: ANSWER_COLOUR,
      title: truncate(`${page * pageSize + index + 1}. ${hit.article.headline}`, EMBED_TITLE_LENGTH),
      ...(isEmbedUrl(hit.article.url) ? { url: hit.article.url } : {}),
      description: truncate(`${hit.excerpt}\n\n${sourceLine(hit.article)}`, Math.min(EMBED_DESCRIPTION_LENGTH, 1500)),
    }));
    embeds[embeds.length - 1]!.footer = { text: `${matched}${more} · ${Math.max(1, Math.round(ms))} ms` };
    return {
      content: truncate(`**Q:** ${escapeMarkdown(question)}`, 300),
      embeds,
      ...(page === 0 ? { data } : {}),
    };
  });
}

/** The honest answer when nothing in the coverage matches, with "did you mean" terms when there are some. */
function renderNoMatch(question: string, suggestions: string[], data: Record<string, unknown>): Reply {
  const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.map((term) => `**${escapeMarkdown(term)}**`).join(', ')}?` : '';
  return {
    content: truncate(`Nothing in the coverage matches “${escapeMarkdown(question)}”.${hint}`, 1000),
    data,
  };
}
