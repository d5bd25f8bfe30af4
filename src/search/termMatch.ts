import { boundedDistance, wordStem } from '../text/index.js';

export { boundedDistance };

/** How well an index term answers a query term: 1 exact, less for another form of the word ("shelled" for "shelling"), a fuzzy or a prefix match, 0 for none. */
export const MATCH_QUALITY = { exact: 1, variant: 0.9, fuzzy: 0.7, prefix: 0.6 } as const;

/** Longest terms compared by edit distance; longer ones only match exactly (keeps the cost bounded). */
const MAX_COMPARED_LENGTH = 32;

/**
 * How well `indexTerm` matches `queryTerm` (see {@link MATCH_QUALITY}).
 * @example termMatchQuality('injur', 'injured') // => 0.6
 */
export function termMatchQuality(queryTerm: string, indexTerm: string): number {
  if (queryTerm === indexTerm) return MATCH_QUALITY.exact;
  if (wordStem(queryTerm) === wordStem(indexTerm)) return MATCH_QUALITY.variant;
  if (queryTerm.length > MAX_COMPARED_LENGTH || indexTerm.length > MAX_COMPARED_LENGTH) return 0;
  const allowed = queryTerm.length >= 10 ? 2 : queryTerm.length >= 5 ? 1 : 0;
  if (allowed > 0 && boundedDistance(queryTerm, indexTerm, allowed) <= allowed) return MATCH_QUALITY.fuzzy;
  if (queryTerm.length >= 4 && indexTerm.startsWith(queryTerm)) return MATCH_QUALITY.prefix;
  return 0;
}
