import { stemmer } from 'stemmer';

/** How well an index term answers a query term: 1 exact, less for another form of the word ("shelled" for "shelling"), a fuzzy or a prefix match, 0 for none. */
export const MATCH_QUALITY = { exact: 1, variant: 0.9, fuzzy: 0.7, prefix: 0.6 } as const;

/** Longest terms compared by edit distance; longer ones only match exactly (keeps the cost bounded). */
const MAX_COMPARED_LENGTH = 32;

/**
 * Levenshtein distance, or `max + 1` as soon as it is certain to exceed `max`.
 * @example boundedDistance('shellng', 'shelling', 2) // => 1
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How well `indexTerm` matches `queryTerm` (see {@link MATCH_QUALITY}).
 * @example termMatchQuality('injur', 'injured') // => 0.6
 */
export function termMatchQuality(queryTerm: string, indexTerm: string): number {
  if (queryTerm === indexTerm) return MATCH_QUALITY.exact;
  if (stemmer(queryTerm) === stemmer(indexTerm)) return MATCH_QUALITY.variant;
  if (queryTerm.length > MAX_COMPARED_LENGTH || indexTerm.length > MAX_COMPARED_LENGTH) return 0;
  const allowed = queryTerm.length >= 10 ? 2 : queryTerm.length >= 5 ? 1 : 0;
  if (allowed > 0 && boundedDistance(queryTerm, indexTerm, allowed) <= allowed) return MATCH_QUALITY.fuzzy;
  if (queryTerm.length >= 4 && indexTerm.startsWith(queryTerm)) return MATCH_QUALITY.prefix;
  return 0;
}
