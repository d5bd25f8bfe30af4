import Fuse from 'fuse.js';

/** The index's vocabulary: every term and how many passages contain it. */
export type Vocabulary = ReadonlyMap<string, number>;

/**
 * "Did you mean": the vocabulary terms closest to `term`, most frequent first among equally close ones.
 * fuse.js does the fuzzy matching, over a short candidate list (same first letter, similar length), so it stays fast
 * on a vocabulary of hundreds of thousands of terms.
 * @example suggestTerms('shellng', vocabulary) // => ['shelling']
 */
export function suggestTerms(term: string, vocabulary: Vocabulary, limit = 3): string[] {
  if (term.length < 3) return [];
  const candidates: { term: string; count: number }[] = [];
  for (const [word, count] of vocabulary) {
    if (word[0] === term[0] && Math.abs(word.length - term.length) <= 2 && word !== term) candidates.push({ term: word, count });
  }
  const fuse = new Fuse(candidates, { keys: ['term'], includeScore: true, threshold: 0.34, ignoreLocation: true });
  return fuse
    .search(term)
    .sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || b.item.count - a.item.count)
    .slice(0, limit)
    .map((result) => result.item.term);
}
