import { wordStem } from '../text/index.js';
import { finishNow, type Steps } from './steps.js';

/** Most forms of one stem kept for a word the coverage lacks ("shell" → shelled, shells …), the most frequent first. */
const MAX_FORMS = 8;
/** Longest term {@link TermDictionary.fuzzy} compares: its bit-parallel distance holds a term in one 32-bit word. */
export const MAX_FUZZY_LENGTH = 32;
/** Terms stemmed per step of {@link TermDictionary.preparing} (a stem costs a microsecond or two): a few milliseconds. */
const STEM_STEP = 2_000;
/** Terms put in the fuzzy tables (or stems' forms sorted) per step of {@link TermDictionary.preparing}: well under a millisecond. */
const FUZZY_STEP = 2_000;
/**
 * A misspelling in the coverage itself ("recomendation" in one Reuters story): a word of at least this many letters
 * (one edit in a shorter one is often another word: "trails", "trials")…
 */
const MIN_MISSPELT_LENGTH = 8;
/** …whose forms are in at most this many passages… */
const MAX_MISSPELT_PASSAGES = 2;
/** …one edit from a word in this many times as many passages, at least. */
const MISSPELT_RATIO = 20;
/** Most words remembered as misspelt or not (see {@link TermDictionary.meant}); cleared when full. */
const MAX_REMEMBERED_MEANT = 10_000;

/** The plain data of a {@link TermDictionary}, as persisted. */
export interface TermDictionaryData {
  /** Every indexed term, sorted by UTF-16 code unit: a term's id is its position. */
  terms: string[];
  /** How many passages contain each term (0 for a term found only in headlines). */
  passageFrequency: Uint32Array;
}

/**
 * The index's terms, sorted so that a prefix is a range of ids; edit-distance lookups compare a term against those of
 * about its length, bit-parallel.
 * @example
 * const dictionary = new TermDictionary({ terms: ['shelled', 'shelling', 'shells'], passageFrequency: Uint32Array.of(3, 5, 1) });
 * dictionary.fuzzy('shellng', 1) // => [1]
 */
export class TermDictionary {
  readonly terms: readonly string[];
  readonly passageFrequency: Uint32Array;
  /** Terms by stem, built on first use (a word the coverage lacks is looked up by its stem). */
  #forms: Map<string, number[]> | null = null;
  /** Fuzzy matching compares a term with those of about its length; see {@link TermDictionary.fuzzy}. */
  #fuzzy: { byLength: number[][]; letters: Int32Array } | null = null;
  /** Words asked of {@link TermDictionary.meant}, with its answer. */
  readonly #meant = new Map<string, number>();
  /** Bit masks of the query's letters by character code, zeroed after each lookup. */
  readonly #masks = new Int32Array(65_536);

  constructor(data: TermDictionaryData) {
    this.terms = data.terms;
    this.passageFrequency = data.passageFrequency;
    // No map of every term: the terms are sorted, so a lookup is a binary search (17 comparisons at 100,000 terms),
    // and making a dictionary (a reload's swap) does not hold the event loop for a Map of them all (0.2 s under load).
  }

  /** The id of `term`, or -1. */
  id(term: string): number {
    const at = this.#lowerBound(term);
    return at < this.terms.length && this.terms[at] === term ? at : -1;
  }

  get size(): number {
    return this.terms.length;
  }

  /** Ids of the terms that start with `prefix`, as a half-open range. */
  prefixRange(prefix: string): [number, number] {
    return [this.#lowerBound(prefix), this.#lowerBound(`${prefix}\uffff`)];
  }

  /** Ids of the terms within `maxDistance` edits (Levenshtein) of `term`, the term itself included; `term` ≤ {@link MAX_FUZZY_LENGTH} letters. */
  fuzzy(term: string, maxDistance: number): number[] {
    const m = term.length;
    if (m === 0 || m > MAX_FUZZY_LENGTH) return [];
    const { byLength, letters } = this.#fuzzyTables();
    const wanted = letterSet(term);
    // Myers' bit-parallel edit distance (Hyyrö's global form): one pass of word operations per letter of the candidate.
    const masks = this.#masks;
    for (let j = 0; j < m; j += 1) masks[term.charCodeAt(j)]! |= 1 << j;
    const all = m === MAX_FUZZY_LENGTH ? -1 : (1 << m) - 1;
    const last = 1 << (m - 1);
    const found: number[] = [];
    for (let length = Math.max(1, m - maxDistance); length <= m + maxDistance; length += 1) {
      for (const id of byLength[length] ?? []) {
        // One edit changes the set of letters a word uses by two letters at most: most words fail this at once.
        if (popcount(letters[id]! ^ wanted) > 2 * maxDistance) continue;
        const word = this.terms[id]!;
        let pv = all;
        let mv = 0;
        let score = m;
        for (let i = 0; i < length; i += 1) {
          const eq = masks[word.charCodeAt(i)]!;
          const xv = eq | mv;
          const xh = (((eq & pv) + pv) ^ pv) | eq;
          let ph = mv | ~(xh | pv);
          let mh = pv & xh;
          if (ph & last) score += 1;
          else if (mh & last) score -= 1;
          ph = (ph << 1) | 1;
          mh <<= 1;
          pv = mh | ~(xv | ph);
          mv = ph & xv;
        }
        if (score <= maxDistance) found.push(id);
      }
    }
    for (let j = 0; j < m; j += 1) masks[term.charCodeAt(j)] = 0;
    return found.sort((a, b) => a - b);
  }

  /** Term ids by length and each term's letter set, built on first fuzzy lookup. */
  #fuzzyTables(): { byLength: number[][]; letters: Int32Array } {
    this.#fuzzy ??= finishNow(this.#buildingFuzzyTables());
    return this.#fuzzy;
  }

  *#buildingFuzzyTables(): Steps<{ byLength: number[][]; letters: Int32Array }> {
    const byLength: number[][] = [];
    const letters = new Int32Array(this.terms.length);
    for (let id = 0; id < this.terms.length; id += 1) {
      if (id > 0 && id % FUZZY_STEP === 0) yield;
      const word = this.terms[id]!;
      (byLength[word.length] ??= []).push(id);
      letters[id] = letterSet(word);
    }
    return { byLength, letters };
  }

  /** True once the stem map and the fuzzy tables exist: no lookup pays for building them. */
  get prepared(): boolean {
    return this.#forms !== null && this.#fuzzy !== null;
  }

  /** Builds the stem map and the fuzzy tables now, rather than in the first lookup that needs them. */
  prepare(): void {
    finishNow(this.preparing());
  }

  /**
   * {@link prepare} as steps of a few milliseconds each (run them with `finishInSteps`): a dictionary made while the
   * bot answers (a reload) gets its tables without holding the event loop for the whole vocabulary at once.
   * A lookup meanwhile builds what it needs itself, as it would without prepare.
   * @example await finishInSteps(dictionary.preparing()); dictionary.prepared // => true
   */
  *preparing(): Steps<void> {
    if (!this.#fuzzy) {
      const tables = yield* this.#buildingFuzzyTables();
      this.#fuzzy ??= tables;
    }
    if (!this.#forms) {
      const forms = yield* this.#buildingForms();
      this.#forms ??= forms;
    }
  }

  /**
   * Ids of the terms sharing `term`'s stem, most frequent first (at most 8); for a word the coverage misspells (see
   * {@link TermDictionary.meant}), the forms of the word meant after them.
   */
  forms(term: string): number[] {
    this.#forms ??= finishNow(this.#buildingForms());
    const own = this.#forms.get(wordStem(term)) ?? [];
    const meant = this.meant(term);
    if (meant < 0) return own;
    return [...new Set([...own, ...(this.#forms.get(wordStem(this.terms[meant]!)) ?? [meant])])];
  }

  /**
   * The id of the word a rare word of the coverage is a misspelling of, or -1: a word of 8+ letters whose forms are in
   * at most 2 passages, one edit from a word in 20 times as many ("recomendation" → recommendation). A reader who
   * types the same slip, or the right word, then reaches the stories that spell it right.
   * @example dictionary.meant('recomendation') // => the id of 'recommendation'
   */
  meant(term: string): number {
    if (term.length < MIN_MISSPELT_LENGTH || term.length > MAX_FUZZY_LENGTH) return -1;
    const id = this.id(term);
    if (id < 0 || this.passageFrequency[id] === 0) return -1;
    const remembered = this.#meant.get(term);
    if (remembered !== undefined) return remembered;
    this.#forms ??= finishNow(this.#buildingForms());
    const own = (this.#forms.get(wordStem(term)) ?? []).reduce((sum, form) => sum + this.passageFrequency[form]!, 0);
    let best = -1;
    if (own <= MAX_MISSPELT_PASSAGES) {
      for (const candidate of this.fuzzy(term, 1)) {
        const frequency = this.passageFrequency[candidate]!;
        if (frequency >= MISSPELT_RATIO * own && (best < 0 || frequency > this.passageFrequency[best]!)) best = candidate;
      }
    }
    if (this.#meant.size >= MAX_REMEMBERED_MEANT) this.#meant.clear();
    this.#meant.set(term, best);
    return best;
  }

  /** Terms by stem (found in passages only), each stem's most frequent first. */
  *#buildingForms(): Steps<Map<string, number[]>> {
    const byStem = new Map<string, number[]>();
    for (let id = 0; id < this.terms.length; id += 1) {
      if (id > 0 && id % STEM_STEP === 0) yield;
      if (this.passageFrequency[id] === 0) continue;
      const stem = wordStem(this.terms[id]!);
      const ids = byStem.get(stem);
      if (ids) ids.push(id);
      else byStem.set(stem, [id]);
    }
    yield;
    let done = 0;
    for (const ids of byStem.values()) {
      if (++done % FUZZY_STEP === 0) yield;
      ids.sort((a, b) => this.passageFrequency[b]! - this.passageFrequency[a]!).splice(MAX_FORMS);
    }
    return byStem;
  }

  /** First id whose term is not below `key`. */
  #lowerBound(key: string): number {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.terms[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The letters a word uses, one bit each (letters a-z and digits folded onto 32 bits). */
function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i += 1) set |= 1 << (word.charCodeAt(i) % 32);
  return set;
}

function popcount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
