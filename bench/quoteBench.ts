/**
 * `/quote` lookup and speaker autocomplete timings, once `QuoteIndex` exists in src/quotes (built by another module;
 * until then the bench reports these rows as not measured).
 */
import type { Article } from '../src/corpus/types.js';
import { percentile } from './stats.js';

export interface QuoteFigures {
  buildMs: number;
  quotes: number;
  lookupP95: number;
  autocompleteP95: number;
}

interface QuoteIndexLike {
  size: number;
  findByText(text: string): unknown;
  suggestSpeakers(prefix: string, limit: number): unknown;
}
interface QuoteIndexClass {
  fromArticles(articles: readonly Article[]): QuoteIndexLike;
}

/** Lookups people type: phrases from quotes, and speaker prefixes of 1-6 letters. */
const LOOKUPS = ['we are', 'not', 'economy', 'very disappointed', 'the market', 'we will continue', 'I think', 'this is a', 'prices', 'growth'];
const PREFIXES = ['b', 'bl', 'bla', 'blai', 'g', 'go', 'gor', 'j', 'ja', 'jam', 'm', 'mi', 'mic', 'mich', 'micha', 's', 'sp', 'spo', 'spok', 'spokes', 't', 'th', 'tho', 'r', 'ro', 'rob', 'p', 'pr', 'pre', 'presi'];

/** Times the quote index over `articles`, or null when src/quotes has no `QuoteIndex` yet. */
export async function measureQuotes(articles: readonly Article[]): Promise<QuoteFigures | null> {
  const module = (await import('../src/quotes/index.js')) as unknown as Record<string, unknown>;
  const candidate = module.QuoteIndex as Partial<QuoteIndexClass> | undefined;
  if (typeof candidate?.fromArticles !== 'function') return null;
  const started = performance.now();
  const index = candidate.fromArticles(articles);
  // The text index and speaker directory are made on first use: the first lookups are part of building.
  index.findByText('warm up');
  index.suggestSpeakers('warm up', 25);
  const buildMs = performance.now() - started;
  const time = (run: () => unknown) => {
    const t = performance.now();
    run();
    return performance.now() - t;
  };
  const lookups = LOOKUPS.map((text) => time(() => index.findByText(text)));
  const completions = [...PREFIXES, ...PREFIXES].map((prefix) => time(() => index.suggestSpeakers(prefix, 25)));
  return { buildMs, quotes: index.size, lookupP95: percentile(lookups, 95), autocompleteP95: percentile(completions, 95) };
}
