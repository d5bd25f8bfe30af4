import type { Library } from '../../library.js';
import type { Reply } from '../reply.js';
import { plural, texts } from '../texts.js';
import { formatDate } from './formatArticle.js';
import { escapeMarkdown } from '../../search/index.js';

const list = (values: { name: string; count: number }[], max = 12) =>
  values.length === 0
    ? '—'
    : values.slice(0, max).map(({ name, count }) => `${escapeMarkdown(name)} (${count})`).join(', ') + (values.length > max ? `, and ${values.length - max} more` : '');

/**
 * `/about`: what the coverage holds (articles, passages, quotes, outlets, sections, date range) and when it was indexed.
 * @example renderAbout(library).embeds[0].title // => 'About this coverage'
 */
export function renderAbout(library: Library): Reply {
  const { facets, corpus } = library;
  const range = facets.dateRange ? `${formatDate(facets.dateRange.first.slice(0, 10))} – ${formatDate(facets.dateRange.last.slice(0, 10))}` : 'no dated articles';
  const indexed = Math.floor(library.loadedAt.getTime() / 1000);
  return {
    embeds: [
      {
        title: 'About this coverage',
        color: 0x2b6cb0,
        fields: [
          { name: 'Articles', value: `${corpus.articles.length} (${library.search.passageCount} passages, ${library.quotesPending ? 'quotes still being indexed' : `${library.quotes.size} quotes`})`, inline: true },
          { name: 'Dates', value: `${range}${facets.undated ? ` · ${facets.undated} undated` : ''}`, inline: true },
          { name: 'Outlets', value: list(facets.sources) },
          { name: 'Sections', value: list(facets.sections) },
          { name: 'Indexed', value: `<t:${indexed}:f> ${library.fromCache ? 'restored from the index cache' : 'built'} in ${Math.round(library.buildMs)} ms${corpus.skipped.length ? ` · ${plural(corpus.skipped.length, 'file')} skipped` : ''}` },
        ],
        // The licence line belongs to the Wikinews text: shown only when some is loaded.
        ...(facets.sources.some((source) => source.name === 'Wikinews') ? { footer: { text: texts.wikinewsLicence } } : {}),
      },
    ],
    data: {
      articles: corpus.articles.length,
      passages: library.search.passageCount,
      quotes: library.quotes.size,
      sources: facets.sources,
      sections: facets.sections,
      dateRange: facets.dateRange,
      undated: facets.undated,
      skipped: corpus.skipped,
      indexedAt: library.loadedAt.toISOString(),
      buildMs: Math.round(library.buildMs),
      fromCache: library.fromCache,
    },
  };
}
