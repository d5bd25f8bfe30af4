import type { Article } from '../corpus/types.js';
import { foldTerm } from './normalize.js';

/** Optional narrowing of a search, as given to `/ask`. */
export interface SearchFilters {
  /** Only articles of this section (case- and accent-insensitive). */
  section?: string;
  /** Only articles of this outlet (case- and accent-insensitive). */
  source?: string;
  /** Only articles dated on or after this ISO date (YYYY-MM-DD). Undated articles are excluded. */
  since?: string;
  /** Only articles dated on or before this ISO date (YYYY-MM-DD). Undated articles are excluded. */
  until?: string;
}

/** Compares labels the way people type them: case, accents and spacing do not matter. */
export function sameLabel(a: string, b: string): boolean {
  const fold = (text: string) => text.split(/\s+/u).map(foldTerm).join(' ').trim();
  return fold(a) === fold(b);
}

/**
 * Builds a predicate that keeps the articles matching every given filter.
 * @example articleFilter({ since: '2012-01-01' })({ date: '2012-02-06T15:55', ... }) // => true
 */
export function articleFilter(filters: SearchFilters): (article: Article) => boolean {
  const { section, source, since, until } = filters;
  if (!section && !source && !since && !until) return () => true;
  return (article) => {
    if (section && !(article.section && sameLabel(article.section, section))) return false;
    if (source && !(article.source && sameLabel(article.source, source))) return false;
    const day = article.date?.slice(0, 10) ?? null;
    if ((since || until) && !day) return false;
    if (since && day! < since) return false;
    if (until && day! > until) return false;
    return true;
  };
}
