export { SearchIndex, type SearchHit, type SearchOptions, type SearchResult } from './searchIndex.js';
export type { SearchIndexData } from './buildSearchData.js';
export { articleFilter, sameLabel, type SearchFilters } from './filters.js';
export { chooseExcerpt, escapeMarkdown, highlight, plainText, type ExcerptOptions } from './chooseExcerpt.js';
export { splitSentences } from '../text/index.js';
export { foldTerm, queryTerms, words, STOP_WORDS } from './normalize.js';
export { firstOfEachStory, storyKey, storyOf } from './sameStory.js';
export { unitedStates } from './aliases.js';
export { collectFacets, collectingFacets, suggestFacet, type Facets, type FacetValue } from './facets.js';
