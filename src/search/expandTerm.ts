import { synonymsOf } from '../text/index.js';
import { STOP_WORDS } from './normalize.js';
import { MAX_FUZZY_LENGTH, type TermDictionary } from './termDictionary.js';
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
/** Shortest word searched for a left-out letter: two letters are initials or an abbreviation, not a slip. */
const MIN_SHORT_SLIP = 3;
/** Farthest a letter is taken to have strayed from its place in a moved-letter slip. */
const MAX_LETTER_MOVE = 2;

/**
 * The index terms that answer one query term: itself; when the coverage never uses it, the forms of it that it does
 * ("shelling" → shelled); the words news copy uses for it ("jobless" → unemployment); within one edit for 5+ letters,
 * two for 10+; for a word the coverage lacks, also a letter moved one or two places (5–9 letters), a letter left out
 * (3–4 letters) and the other forms of the word so found; completions of 4+ letters.
 * @example expandTerm('shellng', dictionary).map((e) => dictionary.terms[e.id]) // => ['shelling']
 */
export function expandTerm(term: string, dictionary: TermDictionary): Expansion[] {
  const found = new Map<number, number>();
  const offer = (id: number, quality: number) => {
    if (quality > (found.get(id) ?? 0)) found.set(id, quality);
  };
  const exact = dictionary.id(term);
  if (exact >= 0) offer(exact, MATCH_QUALITY.exact);
  // A word the coverage never uses is a slip or a form it lacks; a word it uses is no slip ("trails" is not "trials").
  const unknown = exact < 0 || dictionary.passageFrequency[exact] === 0;
  // Only a word the coverage lacks, or misspells, is expanded to its forms as the word itself: a word it has ranks by
  // its own wording. Its other forms still count, as little as a near spelling (coverage and score), so that "who
  // replaced senator X" finds "X's replacement, Republican Y" among the articles read for an answer, and "calls for a
  // probe" answers "called for a probe".
  const formQuality = unknown || dictionary.meant(term) >= 0 ? MATCH_QUALITY.variant : MATCH_QUALITY.fuzzy;
  for (const id of dictionary.forms(term)) offer(id, formQuality);
  // The words news copy uses for it, every form the coverage has ("quit" → resigned, resignation).
  for (const synonym of synonymsOf(term)) {
    for (const id of dictionary.forms(synonym)) offer(id, SYNONYM_QUALITY);
  }
  // A verb's noun and a noun's verb ("opposes" → opposition, "decision" → decided), as for a synonym: the noun and its
  // plural only, as its other forms by stem are other words ("opposite", "decisive").
  const derived = derivedWords(term);
  for (const word of derived.nouns) {
    for (const id of [dictionary.id(word), dictionary.id(`${word}s`)]) if (id >= 0 && dictionary.passageFrequency[id]! > 0) offer(id, SYNONYM_QUALITY);
  }
  for (const word of derived.verbs) for (const id of dictionary.forms(word)) offer(id, SYNONYM_QUALITY);
  const slips: number[] = [];
  if (term.length >= 5 && term.length <= MAX_FUZZY_LENGTH) {
    for (const id of dictionary.fuzzy(term, term.length >= 10 ? 2 : 1)) {
      const quality = termMatchQuality(term, dictionary.terms[id]!);
      offer(id, quality);
      if (quality === MATCH_QUALITY.fuzzy) slips.push(id);
    }
  }
  if (unknown && term.length >= MIN_SHORT_SLIP && term.length < 5) {
    // A short word with a letter left out ("duf", "elen", "fakd"): only the words one letter longer, as any other
    // edit of three or four letters makes another common word ("dug", "due").
    for (const id of dictionary.fuzzy(term, 1)) {
      if (dictionary.terms[id]!.length === term.length + 1 && dictionary.passageFrequency[id]! > 0) slips.push(id);
    }
  }
  // A letter typed one or two places out of order ("pirce", "castel", "spywear"): Levenshtein counts two edits, the
  // reader made one slip. Looked up directly (a few exact lookups), for the lengths allowed one edit.
  if (unknown && term.length >= 5 && term.length < 10) {
    for (const variant of movedLetterVariants(term)) {
      const id = dictionary.id(variant);
      if (id >= 0) slips.push(id);
    }
  }
  for (const id of slips) offer(id, MATCH_QUALITY.fuzzy);
  // The word meant may be in the coverage only in other forms ("recomendation" → recommended).
  if (unknown) {
    for (const slip of slips) for (const id of dictionary.forms(dictionary.terms[slip]!)) offer(id, MATCH_QUALITY.fuzzy);
  }
  // Two words run together ("tmobile" for T-Mobile, "byelection"): when nothing else answers, the word's rarest part.
  if (unknown && found.size === 0) {
    const part = joinedWordPart(term, dictionary);
    if (part >= 0) offer(part, MATCH_QUALITY.variant);
  }
  if (term.length >= 4) {
    const [from, to] = dictionary.prefixRange(term);
    let ids = Array.from({ length: to - from }, (_, i) => from + i);
    if (ids.length > MAX_PREFIX_TERMS) ids = ids.sort((a, b) => dictionary.passageFrequency[b]! - dictionary.passageFrequency[a]!).slice(0, MAX_PREFIX_TERMS);
    for (const id of ids) offer(id, termMatchQuality(term, dictionary.terms[id]!));
  }
  return [...found].filter(([, quality]) => quality > 0).map(([id, quality]) => ({ id, quality, weight: SCORE_WEIGHT.get(quality) ?? quality }));
}

/** Shortest part of a run-together word read as a word of its own: "face"+"book", not "bit"+"coin" or "air"+"bus". */
const MIN_JOINED_PART = 4;

/**
 * The id of the rarest word of `word` read as two words typed without their space or hyphen ("tmobile" → mobile,
 * "byelection" → election, "cybersecurity" → cyber), or -1: each part a word the coverage uses (4+ letters) or one
 * the index drops (a stop word, one letter), one of them a word. A split into two words is preferred to one into a
 * word and a dropped part, then the split with the longer shorter part.
 * @example dictionary.terms[joinedWordPart('tmobile', dictionary)] // => 'mobile'
 */
export function joinedWordPart(word: string, dictionary: TermDictionary): number {
  const known = (part: string) => {
    const id = part.length >= MIN_JOINED_PART ? dictionary.id(part) : -1;
    return id >= 0 && dictionary.passageFrequency[id]! > 0 ? id : -1;
  };
  const dropped = (part: string) => part.length === 1 || STOP_WORDS.has(part);
  let best = -1;
  let bestKey = -1;
  for (let at = 1; at < word.length; at += 1) {
    const parts = [word.slice(0, at), word.slice(at)];
    const ids = parts.map(known);
    if (!parts.every((part, i) => ids[i]! >= 0 || dropped(part))) continue;
    const words = ids.filter((id) => id >= 0);
    if (words.length === 0) continue;
    const key = (words.length === 2 ? 100 : 0) + Math.min(...parts.map((part) => part.length));
    if (key <= bestKey) continue;
    bestKey = key;
    best = words.reduce((rarest, id) => (dictionary.passageFrequency[id]! < dictionary.passageFrequency[rarest]! ? id : rarest));
  }
  return best;
}

/**
 * The words made by moving one letter of `word` one or two places ({@link MAX_LETTER_MOVE}) along: the slips of a
 * typist who hit a key early or late ("spywear" for "spyware", "pirce" for "price").
 * @example movedLetterVariants('pirce').includes('price') // => true
 */
export function movedLetterVariants(word: string): string[] {
  const variants = new Set<string>();
  for (let from = 0; from < word.length; from += 1) {
    const rest = word.slice(0, from) + word.slice(from + 1);
    for (let to = Math.max(0, from - MAX_LETTER_MOVE); to <= Math.min(rest.length, from + MAX_LETTER_MOVE); to += 1) {
      if (to === from) continue;
      variants.add(rest.slice(0, to) + word[from] + rest.slice(to));
    }
  }
  variants.delete(word);
  return [...variants];
}

/** Shortest root of a verb read as having a noun in "-ition" or "-sion" ("oppos", not "pos" of position). */
const MIN_DERIVATION_ROOT = 4;

/**
 * The noun a verb makes with "-ition" or "-sion", or the verb of such a noun, as candidate words (the caller keeps
 * those the coverage uses): "opposes" → opposition, "competing" → competition, "decided" → decision, "extend" →
 * extension, and back. The stemmer keeps these apart ("oppos" / "opposit", "decid" / "decis"), while a reader asks
 * "which country opposes the sanctions" of a story on "the opposition" to them.
 * @example derivedWords('opposes') // => { nouns: ['opposition'], verbs: [] }
 * @example derivedWords('decision') // => { nouns: [], verbs: ['decide', 'decid'] }
 */
export function derivedWords(term: string): { nouns: string[]; verbs: string[] } {
  const noun = /^(\p{L}+?)(ition|sion)s?$/u.exec(term);
  if (noun) {
    const root = noun[1]!;
    if (root.length < MIN_DERIVATION_ROOT) return { nouns: [], verbs: [] };
    return { nouns: [], verbs: noun[2] === 'ition' ? [`${root}e`, root] : [`${root}de`, `${root}d`] };
  }
  const root = term.replace(/(?:es|ed|ing|e|s)$/u, '');
  if (root.length < MIN_DERIVATION_ROOT) return { nouns: [], verbs: [] };
  return { nouns: root.endsWith('d') ? [`${root}ition`, `${root.slice(0, -1)}sion`] : [`${root}ition`], verbs: [] };
}
