import { foldSearchWord, joinInitialisms } from '../text/index.js';
import { STOP_WORDS, words } from './normalize.js';

/** Folded form of each word seen (null: not indexed). Words repeat endlessly across a corpus; folding is slow. */
const folded = new Map<string, string | null>();
/** The cache is dropped when it grows past this many words, so a corpus of unique tokens cannot exhaust memory. */
const MAX_CACHED = 1_000_000;

/**
 * The index terms of `text`, in order: folded words ("U.S." and "US" as "usa"), stop words and one-letter words dropped.
 * @example indexTerms("Juppé's call for Homs") // => ['juppe', 'call', 'homs']
 */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of searchWords(text)) {
    let term = folded.get(word);
    if (term === undefined) {
      term = indexTermOf(word);
      if (folded.size >= MAX_CACHED) folded.clear();
      folded.set(word, term);
    }
    if (term !== null) terms.push(term);
  }
  return terms;
}

/**
 * The words of `text` as search reads them, each to be made an index term by {@link indexTermOf}: {@link words}, with
 * "U.S." and "United States" one word (see `joinInitialisms`).
 * @example searchWords('U.S. crude') // => ['USA', 'crude']
 */
export function searchWords(text: string): string[] {
  return words(joinInitialisms(text));
}

/**
 * The index term of one word (as {@link searchWords} splits a text): folded, or null for a stop word or a one-letter word.
 * @example indexTermOf("Juppé's") // => 'juppe'
 */
export function indexTermOf(word: string): string | null {
  const fold = foldSearchWord(word);
  return fold.length >= 2 && !STOP_WORDS.has(fold) ? fold : null;
}
