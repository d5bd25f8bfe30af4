import type { Article } from '../corpus/types.js';

/** A value of a facet (a section or an outlet) and how many articles have it. */
export interface FacetValue {
  name: string;
  count: number;
}

/** What the coverage holds, for `/about` and for autocompleting filters. */
export interface Facets {
  sections: FacetValue[];
  sources: FacetValue[];
  /** Earliest and latest article dates (ISO), or null when no article is dated. */
  dateRange: { first: string; last: string } | null;
  undated: number;
}

function countValues(values: (string | null)[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * Counts the sections and outlets of `articles` (most common first) and finds their date range.
 * @example collectFacets(articles).sources // => [{ name: 'Wikinews', count: 364 }, { name: 'Al Jazeera', count: 1 }]
 */
export function collectFacets(articles: readonly Article[]): Facets {
  let first: string | null = null;
  let last: string | null = null;
  let undated = 0;
  for (const { date } of articles) {
    if (!date) {
      undated += 1;
      continue;
    }
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  return {
    sections: countValues(articles.map((article) => article.section)),
    sources: countValues(articles.map((article) => article.source)),
    dateRange: first && last ? { first, last } : null,
    undated,
  };
}

/**
 * The facet values that start with (or contain) what the user typed, best first, for autocomplete.
 * @example suggestFacet(facets.sections, 'mid') // => [{ name: 'Middle East', count: 1 }]
 */
export function suggestFacet(values: readonly FacetValue[], typed: string, limit = 25): FacetValue[] {
  const needle = typed.trim().toLowerCase();
  if (!needle) return values.slice(0, limit);
  const starts = values.filter((value) => value.name.toLowerCase().startsWith(needle));
  const contains = values.filter((value) => !value.name.toLowerCase().startsWith(needle) && value.name.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, limit);
}
