import type { Article } from '../corpus/types.js';
import { extractQuotes } from './extractQuotes.js';
import { QuoteIndex } from './quoteIndex.js';
import { speakerKey } from './speakerName.js';
import type { Quote } from './types.js';

/** Combining marks left by NFD decomposition, and the apostrophes `foldTerm` drops. */
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’]/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose: every non-ASCII character.
const NON_ASCII = /[^\u0000-\u007f]/u;

/**
 * A text folded as `foldTerm` folds each of its words (lower case, accents and apostrophes removed), punctuation and
 * spacing left as they are: every folded word of the text is a substring of it. Much cheaper than `foldText` (no
 * tokenizing), which matters when every article of the coverage is scanned.
 */
function foldLoosely(text: string): string {
  const plain = NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '') : text;
  return plain.toLowerCase().replace(APOSTROPHES, '');
}

/** Whether the text of `article` that quotations and their speakers come from holds `word` (folded) anywhere. */
function mentions(article: Article, word: string): boolean {
  if (foldLoosely(article.headline).includes(word)) return true;
  if (article.standfirst !== null && foldLoosely(article.standfirst).includes(word)) return true;
  if (article.byline !== null && foldLoosely(article.byline).includes(word)) return true;
  return article.paragraphs.some((paragraph) => foldLoosely(paragraph.text).includes(word));
}

/** Longest name SpeakerDirectory.find reads whole. */
const MAX_NAME_LENGTH = 100;

/** Quotations already extracted per article, per coverage: a second question about the same name extracts nothing. */
const extractedByCoverage = new WeakMap<readonly Article[], Map<string, Quote[]>>();

/**
 * A quote index over only the articles that can hold a quotation by the speaker `typed` names, for answering "what
 * did X say" before the complete quote index exists (a cold start extracts the quotations in the background): every
 * article whose text holds the last word of the name's key (the surname), its quotations extracted now (about 1-2 ms
 * an article; kept for the next question about the same coverage), or taken from `known` (quotations extracted
 * already, by article id: those the worker threads have posted so far).
 *
 * For that name, `findSpeaker` and `quotesBy` (of the speaker found, with or without a subject) give what the complete
 * index gives, because every quotation whose speaker's key ends with that surname is in these articles (a speaker's
 * name is read from the article's own text) and the speaker directory groups spellings only with keys ending with the
 * same word (`SpeakerDirectory.fromQuotes`): the speakers with that surname are grouped, counted and ordered alike.
 * That holds when the name is found by its key or its surname. When it is not, this returns null: the complete index
 * may match it fuzzily among the 1,000 most quoted speakers of the whole coverage, which these articles cannot tell
 * (a misspelt name, "Tony Blare"; the end of a longer one with another first word, "Kilroy-Silk" for "Robert
 * Kilroy-Silk"; an unknown one, "the weekly review", which the complete index may match to nobody). The caller then
 * answers as if no speaker were known, or waits for the complete index.
 *
 * @example
 * quoteIndexForSpeaker(articles, 'Gordon Brown')?.quotesBy('Gordon Brown').length === complete.quotesBy('Gordon Brown').length // => true
 * quoteIndexForSpeaker(articles, 'Gordon Browne') // => null
 */
export function quoteIndexForSpeaker(articles: readonly Article[], typed: string, known: ReadonlyMap<string, Quote[]> = new Map()): QuoteIndex | null {
  // SpeakerDirectory.find reads at most 100 characters of a name: a longer one is left to the complete index.
  if (typed.length > MAX_NAME_LENGTH) return null;
  const key = speakerKey(typed);
  if (key === '') return null;
  const surname = key.slice(key.lastIndexOf(' ') + 1);
  let extracted = extractedByCoverage.get(articles);
  if (!extracted) extractedByCoverage.set(articles, (extracted = new Map()));
  const quotes: Quote[] = [];
  // In the coverage's order: the order the complete index lists its quotations in (ties keep it).
  for (const article of articles) {
    if (!mentions(article, surname)) continue;
    let own = known.get(article.id) ?? extracted.get(article.id);
    if (!own) extracted.set(article.id, (own = extractQuotes(article)));
    quotes.push(...own);
  }
  const index = QuoteIndex.fromExtracted(articles, quotes);
  const found = index.findSpeaker(typed);
  if (!found) return null;
  // Found by its key, or by its surname (with the same initial when a first name was typed), as SpeakerDirectory.find
  // does before it falls back to fuzzy matching: any other match was fuzzy, which only the complete index decides.
  const foundSurname = found.key.slice(found.key.lastIndexOf(' ') + 1);
  const bySurname = foundSurname === surname && (!key.includes(' ') || found.key.startsWith(key[0]!));
  return found.key === key || bySurname ? index : null;
}
