/**
 * Splits text into words: runs of letters, digits and in-word apostrophes or hyphens.
 * Linear-time (one character class, no nesting), so any input is safe.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Combining marks left by NFD decomposition ("é" → "e" + U+0301). */
const COMBINING_MARKS = /\p{M}+/gu;
/** Most words are plain ASCII: they skip Unicode decomposition, the slow part of folding. */
const NON_ASCII = /[\u0080-\u{10ffff}]/u;

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

/**
 * Words that carry no meaning for retrieval: function words and the words of a question
 * ("what happened", "how many", "tell me about").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet of in on at to for from by with about into onto over under than then ' +
    'as is are was were be been being am do does did done doing have has had having will would shall should ' +
    'can could may might must it its this that these those there here he she they them their his her him we us our ' +
    'you your i me my mine what which who whom whose when where why how whats whos hows ' +
    'if not no any some all each every both few more most other such own same too very just also only ' +
    'tell show find give me please know about anything something happen happened happening happens ' +
    'many much lot lots say says said news latest story stories article articles ' +
    'up down out off again further once s t don didn doesn isn wasn aren weren won wouldn'
  ).split(' '),
);

/**
 * The searchable terms of a question: folded words, stop words and one-letter words dropped, duplicates removed.
 * Numbers are kept ("6,000" → "6", "000" are dropped as too short only when one character).
 * @example queryTerms('How many were injured in Bab Amr?') // => ['injured', 'bab', 'amr']
 */
export function queryTerms(question: string): string[] {
  const seen = new Set<string>();
  for (const word of words(question)) {
    const term = foldTerm(word);
    if (term.length < 2 || term.length > MAX_TERM_LENGTH || STOP_WORDS.has(term)) continue;
    seen.add(term);
    if (seen.size === MAX_QUERY_TERMS) break;
  }
  return [...seen];
}

/** A question's first 32 distinct terms are searched: no question needs more, and each costs a dictionary scan. */
export const MAX_QUERY_TERMS = 32;
/** Longer "words" are not words (a URL, a pasted hash): searching them fuzzily costs time and finds nothing. */
export const MAX_TERM_LENGTH = 40;
