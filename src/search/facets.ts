import type { Article } from '../corpus/types.js';
import { finishNow, type Steps } from './steps.js';

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

/** The values counted, most common first (then by name). */
const ranked = (counts: Map<string, number>): FacetValue[] =>
  [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

const countValue = (counts: Map<string, number>, value: string | null): void => {
  if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
};

/**
 * Counts the sections and outlets of `articles` (most common first) and finds their date range.
 * @example collectFacets(articles).sources // => [{ name: 'Wikinews', count: 364 }, { name: 'Al Jazeera', count: 1 }]
 */
export function collectFacets(articles: readonly Article[]): Facets {
  return finishNow(collectingFacets(articles));
}

/** Articles counted between two yields of {@link collectingFacets}: well under a millisecond. */
const STEP_ARTICLES = 2_000;

/**
 * {@link collectFacets} in steps (run with `finishInSteps` while the bot answers: a reload, where counting 100,000
 * articles in one go held the event loop for tens of milliseconds).
 * @example (await finishInSteps(collectingFacets(articles))).undated // => 0
 */
export function* collectingFacets(articles: readonly Article[]): Steps<Facets> {
  let first: string | null = null;
  let last: string | null = null;
  let undated = 0;
  const sections = new Map<string, number>();
  const sources = new Map<string, number>();
  for (let i = 0; i < articles.length; i += 1) {
    if (i > 0 && i % STEP_ARTICLES === 0) yield;
    const { date, section, source } = articles[i]!;
    countValue(sections, section);
    countValue(sources, source);
    if (!date) {
      undated += 1;
      continue;
    }
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  return { sections: ranked(sections), sources: ranked(sources), dateRange: first && last ? { first, last } : null, undated };
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
