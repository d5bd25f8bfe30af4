import { synonymsOf } from '../text/index.js';
import type { TermDictionary } from './termDictionary.js';
import { MATCH_QUALITY, termMatchQuality } from './termMatch.js';

/** An index term that answers a query term, how well (for coverage) and how much it adds to a score. */
export interface Expansion {
  id: number;
  /** See {@link MATCH_QUALITY}: 1 exact, 0.9 another form of the word, 0.8 a synonym, 0.7 fuzzy, 0.6 prefix. */
  quality: number;
  /** Share of a full match's score: an approximate match counts for less, so exact wording ranks first. */
  weight: number;
}

/**
 * Match quality of a word news copy uses for the typed one ("firm" for "company", see `src/text/synonyms.ts`): it
 * counts for most of the word in coverage (the answer gate), less than another form of the typed word itself.
 */
export const SYNONYM_QUALITY = 0.8;

/** Score weight of each kind of match (MiniSearch's defaults for fuzzy and prefix). */
const SCORE_WEIGHT = new Map<number, number>([
  [MATCH_QUALITY.exact, 1],
  [MATCH_QUALITY.variant, 0.9],
  // Below the typed word's forms: an article in the reader's own words ranks above one in the copy's synonyms.
  [SYNONYM_QUALITY, 0.6],
  [MATCH_QUALITY.fuzzy, 0.45],
  [MATCH_QUALITY.prefix, 0.375],
]);

/** Most prefix completions followed for one term (the most frequent): "stat" alone has hundreds. */
const MAX_PREFIX_TERMS = 64;
/** Longest terms compared by edit distance (as in termMatch.ts). */
const MAX_FUZZY_LENGTH = 32;

/**
 * The index terms that answer one query term: itself; when the coverage never uses it, the forms of it that it does
 * ("shelling" → shelled); the words news copy uses for it ("jobless" → unemployment); within one edit for 5+ letters
 * (two letters swapped count as one), two for 10+; completions of 4+ letters.
 * @example expandTerm('shellng', dictionary).map((e) => dictionary.terms[e.id]) // => ['shelling']
 */
export function expandTerm(term: string, dictionary: TermDictionary): Expansion[] {
  const found = new Map<number, number>();
  const offer = (id: number, quality: number) => {
    if (quality > (found.get(id) ?? 0)) found.set(id, quality);
  };
  const exact = dictionary.id(term);
  if (exact >= 0) offer(exact, MATCH_QUALITY.exact);
  // Only a word the coverage lacks is expanded to its forms: scores of several forms of a present word would add up.
  if (exact < 0 || dictionary.passageFrequency[exact] === 0) {
    for (const id of dictionary.forms(term)) offer(id, MATCH_QUALITY.variant);
  }
  // The words news copy uses for it, every form the coverage has ("quit" → resigned, resignation).
  for (const synonym of synonymsOf(term)) {
    for (const id of dictionary.forms(synonym)) offer(id, SYNONYM_QUALITY);
  }
  if (term.length >= 5 && term.length <= MAX_FUZZY_LENGTH) {
    for (const id of dictionary.fuzzy(term, term.length >= 10 ? 2 : 1)) offer(id, termMatchQuality(term, dictionary.terms[id]!));
  }
  // Two letters typed the wrong way round ("pirce", "linsday", "castel") are one slip, not the two edits Levenshtein
  // counts: looked up directly (a few exact lookups), for the lengths allowed one edit (two edits cover it from 10).
  // Only for a word the coverage never uses: a word it uses is no slip ("trails" is not "trials").
  if (term.length >= 5 && term.length < 10 && (exact < 0 || dictionary.passageFrequency[exact] === 0)) {
    for (let i = 0; i + 1 < term.length; i += 1) {
      if (term[i] === term[i + 1]) continue;
      const id = dictionary.id(`${term.slice(0, i)}${term[i + 1]}${term[i]}${term.slice(i + 2)}`);
      if (id >= 0) offer(id, MATCH_QUALITY.fuzzy);
    }
  }
  if (term.length >= 4) {
    const [from, to] = dictionary.prefixRange(term);
    let ids = Array.from({ length: to - from }, (_, i) => from + i);
    if (ids.length > MAX_PREFIX_TERMS) ids = ids.sort((a, b) => dictionary.passageFrequency[b]! - dictionary.passageFrequency[a]!).slice(0, MAX_PREFIX_TERMS);
    for (const id of ids) offer(id, termMatchQuality(term, dictionary.terms[id]!));
  }
  return [...found].filter(([, quality]) => quality > 0).map(([id, quality]) => ({ id, quality, weight: SCORE_WEIGHT.get(quality) ?? quality }));
}
