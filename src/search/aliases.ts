import { acronymDefinitions } from './answers/recognise.js';
import type { Article } from '../corpus/types.js';
import { foldTerm, joinInitialisms, words } from '../text/index.js';
import { finishNow, type Steps } from './steps.js';

/**
 * Words users type for events that the coverage names otherwise, applied only when the coverage never uses the typed
 * word (a corpus that says "Brexit" searches it as written). Kept small and reviewed: each entry is a measured case
 * of `npm run eval:ask` or of the issue that asked for it.
 */
export const QUERY_ALIASES: ReadonlyMap<string, string> = new Map([
  // The 2016 referendum: "Britain votes to leave the European Union".
  ['brexit', 'Britain leave European Union referendum'],
]);

/** Acronyms the coverage defines ("International Monetary Fund (IMF)"), folded: acronym → its expansion's words. */
export type AcronymTable = ReadonlyMap<string, readonly string[]>;

/** Paragraphs longer than this are not read for definitions (a definition sits in ordinary prose). */
const MAX_PARAGRAPH = 5_000;

/**
 * The acronyms defined anywhere in the coverage with their most frequent expansion, folded.
 * @example collectAcronyms(articles).get('imf') // => ['international', 'monetary', 'fund']
 */
export function collectAcronyms(articles: readonly Article[]): AcronymTable {
  return finishNow(collectingAcronyms(articles));
}

/** Articles read per step of {@link collectingAcronyms}: a few milliseconds. */
const ACRONYM_STEP = 250;

/** {@link collectAcronyms} in steps (see `finishInSteps`), pausing after each {@link ACRONYM_STEP} articles. */
export function* collectingAcronyms(articles: readonly Article[]): Steps<AcronymTable> {
  const counts = new Map<string, Map<string, number>>();
  for (let a = 0; a < articles.length; a += 1) {
    if (a > 0 && a % ACRONYM_STEP === 0) yield;
    const article = articles[a]!;
    for (const paragraph of article.paragraphs) {
      const text = paragraph.text;
      if (text.length > MAX_PARAGRAPH || !text.includes('(')) continue;
      for (const { acronym, expansion } of acronymDefinitions(text)) {
        const key = foldTerm(acronym);
        const folded = words(expansion).map(foldTerm).join(' ');
        if (key.length < 2 || folded.split(' ').length < 2) continue;
        const byExpansion = counts.get(key) ?? counts.set(key, new Map()).get(key)!;
        byExpansion.set(folded, (byExpansion.get(folded) ?? 0) + 1);
      }
    }
  }
  const table = new Map<string, readonly string[]>();
  for (const [acronym, byExpansion] of counts) {
    const [expansion] = [...byExpansion].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    table.set(acronym, expansion.split(' '));
  }
  return table;
}

/**
 * The question with its alias words put in for words the coverage lacks.
 * @example expandAliases('brexit vote', (term) => term !== 'brexit') // => 'Britain leave European Union referendum vote'
 */
export function expandAliases(question: string, known: (term: string) => boolean): string {
  let out = unitedStates(question).replace(UNIT_ONE, 'first $1');
  for (const [word, alias] of QUERY_ALIASES) {
    if (known(word)) continue;
    out = out.replace(new RegExp(`\\b${word}\\b`, 'giu'), alias);
  }
  return out;
}

/**
 * "Day one", "round one": the first day or round, as news writes it ("sold on its first day of release"); "one" alone
 * is no term to search. Linear.
 */
const UNIT_ONE = /\b(day|night|week|month|year|round|stage|game|match|test|leg)\s+one\b/giu;

/** "US" in capitals, "us" after "the" in any case, "united states": the United States, never the pronoun. Linear. */
const UNITED_STATES = /\b(?:US|[Tt][Hh][Ee] +[Uu][Ss]|[Uu]nited +[Ss]tates)\b/gu;

/**
 * The question with the United States as typed ("US", "U.S.", "the us", "united states") written "USA", the term
 * search reads "US" and "U.S." in the coverage as (see `foldSearchWord`), and "U.K." as "UK"; "us" the pronoun
 * ("tell us", "give us") stays a stop word.
 * @example unitedStates('how many in the us own an iPod, tell us') // => 'how many in the USA own an iPod, tell us'
 */
export function unitedStates(question: string): string {
  return joinInitialisms(question).replace(UNITED_STATES, (typed) => (typed.length > 2 && /us$/iu.test(typed) ? `${typed.slice(0, -2)}USA` : 'USA'));
}
