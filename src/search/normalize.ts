import { foldTerm, synonymsOf, words } from '../text/index.js';

export { foldTerm, words };

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

/** Words joined by hyphens ("grown-ups"), read from a word's first letter only (so linear on any input). */
const HYPHENATED = /(?<!\p{L})\p{L}+(?:-\p{L}+)+/gu;

/**
 * A hyphenated compound of the question that news copy has another word for ("grown-ups": adults) as one word
 * ("grownups"): its pieces are other words ("ups" is the parcel firm UPS, and the rarest word of the question, so
 * an answer would have to hold it).
 * @example joinCompounds('how many grown-ups own an mp3 player') // => 'how many grownups own an mp3 player'
 */
function joinCompounds(question: string): string {
  if (!question.includes('-')) return question;
  return question.replace(HYPHENATED, (compound) => {
    const joined = compound.replace(/-/gu, '');
    const synonyms = synonymsOf(foldTerm(joined));
    // A compound the table spells with its hyphen ("e-mail") is already searched as its pieces are.
    return synonyms.length > 0 && !synonyms.includes(foldTerm(compound)) ? joined : compound;
  });
}

/** Most letter compounds read from one question: a question names one or two. */
const MAX_LETTER_COMPOUNDS = 4;

/**
 * The hyphenated words of a question with a one-letter piece ("T-Mobile", "e-university"), folded, hyphen kept: search
 * drops the letter (a term is two letters or more), so they are searched as "mobile" and "university", and an article
 * holding the compound as typed is told apart from one holding only the other piece only by reading it.
 * @example letterCompounds("who is T-Mobile's chief") // => ['t-mobile']
 */
export function letterCompounds(question: string): string[] {
  if (!question.includes('-')) return [];
  const found = new Set<string>();
  for (const [compound] of question.matchAll(HYPHENATED)) {
    if (compound.split('-').some((piece) => piece.length === 1)) found.add(compound.toLowerCase());
    if (found.size === MAX_LETTER_COMPOUNDS) break;
  }
  return [...found];
}

/**
 * The searchable terms of a question: folded words, stop words and one-letter words dropped, duplicates removed.
 * Numbers are kept ("6,000" → "6", "000" are dropped as too short only when one character).
 * @example queryTerms('How many were injured in Bab Amr?') // => ['injured', 'bab', 'amr']
 */
export function queryTerms(question: string): string[] {
  const seen = new Set<string>();
  for (const word of words(joinCompounds(question))) {
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
