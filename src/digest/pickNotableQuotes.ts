import type { Quote } from '../quotes/types.js';

/** Options of `pickNotableQuotes`. */
export interface PickQuotesOptions {
  /** How many quotes at most. @default 5 */
  max: number;
  /** How many from one article at most, so one long interview does not fill the digest. @default 1 */
  perArticle: number;
}

const defaultPickQuotesOptions: PickQuotesOptions = { max: 5, perArticle: 1 };

/** Quotes shorter than this are usually fragments ("a disgrace"); longer than the upper bound, speeches. */
const SHORTEST_GOOD = 40;
const LONGEST_GOOD = 280;

function score(quote: Quote): number {
  let value = quote.kind === 'direct' ? 3 : quote.kind === 'partial' ? 1 : 0;
  // A quote nobody said is hard to read in a list of "speaker: quote".
  if (quote.speaker) value += 3;
  if (quote.quote.length >= SHORTEST_GOOD && quote.quote.length <= LONGEST_GOOD) value += 2;
  return value;
}

/**
 * Picks the most notable quotes: direct ones with a named speaker and a readable length first, at most
 * `perArticle` from each article, keeping the order of the input among equals (earlier articles first).
 * @example pickNotableQuotes(quotes, { max: 2 }).map((q) => q.speaker) // => ['Alain Juppe', 'Kofi Annan']
 */
export function pickNotableQuotes(quotes: readonly Quote[], options: Partial<PickQuotesOptions> = {}): Quote[] {
  const { max, perArticle } = { ...defaultPickQuotesOptions, ...options };
  const ranked = quotes.map((quote, index) => ({ quote, index, score: score(quote) }));
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  const perArticleCount = new Map<string, number>();
  const picked: Quote[] = [];
  for (const { quote } of ranked) {
    if (picked.length >= max) break;
    const count = perArticleCount.get(quote.articleId) ?? 0;
    if (count >= perArticle) continue;
    perArticleCount.set(quote.articleId, count + 1);
    picked.push(quote);
  }
  return picked;
}
