import { expandTerm } from '../../src/search/expandTerm.js';
import { TermDictionary } from '../../src/search/termDictionary.js';

/** A dictionary of `words`, each found in passages (its frequency its rank, so the order of forms is fixed). */
export function dictionary(words: string[]): TermDictionary {
  const terms = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new TermDictionary({ terms, passageFrequency: Uint32Array.from(terms, (_, i) => i + 1) });
}

/** The terms `term` expands to, with their match quality, sorted by term. */
export function expanded(term: string, dict: TermDictionary): [string, number][] {
  return expandTerm(term, dict)
    .map(({ id, quality }): [string, number] => [dict.terms[id]!, quality])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
