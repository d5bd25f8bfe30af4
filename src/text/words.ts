/**
 * Splits text into words: runs of letters, digits and in-word apostrophes or hyphens.
 * Linear-time (one character class, no nesting), so any input is safe.
 */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** {@link WORD}, sticky: the word starting exactly at an offset (see {@link wordAt}). */
const WORD_AT = new RegExp(WORD.source, 'uy');

/**
 * The word (as {@link words} splits text) starting exactly at `index` of `text`, or null when none starts there.
 * @example wordAt('674 million mobiles were sold', 12) // => 'mobiles'
 */
export function wordAt(text: string, index: number): string | null {
  WORD_AT.lastIndex = index;
  return WORD_AT.exec(text)?.[0] ?? null;
}

// The words of WORD (plus combining marks) joined by apostrophes, hyphens or inner full stops. Sticky; each
// repetition must consume a joiner first, so matching stays linear.
const COMPOUND_WORD = /[\p{L}\p{M}\p{N}]+(?:['’.-][\p{L}\p{M}\p{N}]+)*/uy;

/**
 * The compound word starting exactly at `index` of `text` (words joined by apostrophes, hyphens or inner full
 * stops: "U.S", "don't", "al-Assad"), or null when no word starts there: the unit a token-by-token reader (the quote
 * extractor) walks over, with its offsets. Its parts are what {@link words} returns.
 * @example compoundWordAt('said al-Assad.', 5) // => 'al-Assad'
 */
export function compoundWordAt(text: string, index: number): string | null {
  COMPOUND_WORD.lastIndex = index;
  return COMPOUND_WORD.exec(text)?.[0] ?? null;
}

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

/**
 * "U.S", "U.S.A" and "U.K" as written (their full stops split them into one-letter words), and "United States" (two
 * words for one place): case-sensitive, linear.
 */
const INITIALISM = /\bU\.(?:S(?:\.A)?|K)(?![\p{L}\p{N}])|\b(?:United States|UNITED STATES)\b/gu;
/** Each as one word, padded to its length. */
const JOINED_INITIALISM: Readonly<Record<string, string>> = { 'U.S': 'USA', 'U.S.A': 'USA  ', 'U.K': 'UK ', 'United States': 'USA          ', 'UNITED STATES': 'USA          ' };

/**
 * The text with its country initialisms written as one word, padded to the same length so that offsets still hold:
 * "U.S." and "United States" read as the word "USA", "U.K." as "UK" (where {@link words} would split "U.S." into
 * dropped letters, and "United States" into two words neither of which is the country).
 * @example joinInitialisms('U.S. crude and U.K. gilts') // => 'USA. crude and UK . gilts'
 */
export function joinInitialisms(text: string): string {
  return text.includes('U') ? text.replace(INITIALISM, (initialism) => JOINED_INITIALISM[initialism] ?? initialism) : text;
}

/**
 * A word folded for search: {@link foldTerm}, except "US" as written in capitals, which is the United States (never the
 * pronoun "us", a stop word) and is folded as "usa", the term of "USA" and of "U.S." (see {@link joinInitialisms}).
 * @example foldSearchWord('US') // => 'usa'
 */
export function foldSearchWord(word: string): string {
  return word === 'US' ? 'usa' : foldTerm(word);
}

/** Folded texts repeat (speaker names across a coverage, quotations searched again): each is folded once. */
const foldedTexts = new Map<string, string>();
const FOLDED_TEXTS_CACHE = 50_000;

/**
 * Folds a text for comparison: its {@link words}, each folded by {@link foldTerm}, joined by single spaces. The
 * one normalisation of names and quotations ("Mr Juppé's" and "mr juppe" agree, as do "O'Brien" and "OBrien").
 * @example foldText('  Alain  Juppé\'s "moral stain", ') // => 'alain juppe moral stain'
 */
export function foldText(text: string): string {
  const cached = foldedTexts.get(text);
  if (cached !== undefined) return cached;
  if (foldedTexts.size >= FOLDED_TEXTS_CACHE) foldedTexts.clear();
  const folded = words(text).map(foldTerm).join(' ');
  foldedTexts.set(text, folded);
  return folded;
}
