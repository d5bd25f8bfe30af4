/**
 * Splits text into words: runs of letters, digits and in-word apostrophes or hyphens.
 * Linear-time (one character class, no nesting), so any input is safe.
 */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Combining marks left by NFD decomposition ("é" → "e" + U+0301). */
const COMBINING_MARKS = /\p{M}+/gu;
/** Most words are plain ASCII: they skip Unicode decomposition, the slow part of folding. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose: every non-ASCII character.
const NON_ASCII = /[^\u0000-\u007f]/u;

/**
 * Folds a word for matching: lower case, accents removed, possessive "'s" dropped.
 * @example foldTerm("Juppé's") // => 'juppe'
 */
export function foldTerm(word: string): string {
  const folded = (NON_ASCII.test(word) ? word.normalize('NFD').replace(COMBINING_MARKS, '') : word).toLowerCase();
  if (!folded.includes("'") && !folded.includes('’')) return folded;
  return folded.replace(/['’]s$/u, '').replace(/['’]/gu, '');
}

/**
 * The words of `text`, in order, unfolded.
 * @example words('Homs, Syria: 6,000 killed') // => ['Homs', 'Syria', '6', '000', 'killed']
 */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
