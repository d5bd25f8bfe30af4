import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { buildSearchData } from '../../src/search/buildSearchData.js';
import { finishInSteps } from '../../src/search/steps.js';
import { TermDictionary } from '../../src/search/termDictionary.js';
import { boundedDistance } from '../../src/search/termMatch.js';

function dictionary(words: string[]): TermDictionary {
  const terms = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new TermDictionary({ terms, passageFrequency: Uint32Array.from(terms, (_, i) => i + 1) });
}

const WORDS = ['shelled', 'shelling', 'shells', 'shell', 'selling', 'spelling', 'homs', 'home', 'house', 'production', 'reproduction', 'prediction'];

describe('TermDictionary.fuzzy', () => {
  it('returns the terms within one edit of a misspelt word', () => {
    const dict = dictionary(WORDS);
    expect(dict.fuzzy('shellng', 1).map((id) => dict.terms[id])).toEqual(['shelling']);
  });

  it('returns the terms within two edits when asked for two', () => {
    const dict = dictionary(WORDS);
    expect(dict.fuzzy('prodution', 2).map((id) => dict.terms[id])).toEqual(['production']);
    expect(dict.fuzzy('shellng', 2).map((id) => dict.terms[id])).toEqual(['selling', 'shell', 'shelled', 'shelling', 'shells', 'spelling']);
  });

  it('agrees with a plain Levenshtein distance on any words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), word, fc.integer({ min: 1, max: 2 }), (words, query, distance) => {
        const dict = dictionary(words);
        const expected = dict.terms.flatMap((term, id) => (boundedDistance(query, term, distance) <= distance ? [id] : []));
        expect(dict.fuzzy(query, distance)).toEqual(expected);
      }),
    );
  });
});

describe('TermDictionary.prefixRange', () => {
  it('returns the ids of the terms starting with the prefix', () => {
    const dict = dictionary(WORDS);
    const [from, to] = dict.prefixRange('shel');
    expect(dict.terms.slice(from, to)).toEqual(['shell', 'shelled', 'shelling', 'shells']);
  });

  it('returns an empty range when no term starts with the prefix', () => {
    const [from, to] = dictionary(WORDS).prefixRange('zzz');
    expect(to - from).toBe(0);
  });
});

describe('TermDictionary.forms', () => {
  it('returns the terms sharing the stem, the most frequent first', () => {
    const dict = dictionary(WORDS);
    expect(new Set(dict.forms('shelling').map((id) => dict.terms[id]))).toEqual(new Set(['shell', 'shelled', 'shelling', 'shells']));
  });
});

describe('TermDictionary.meant', () => {
  /** `words` with their passage counts. */
  function counted(words: Record<string, number>): TermDictionary {
    const terms = Object.keys(words).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new TermDictionary({ terms, passageFrequency: Uint32Array.from(terms, (term) => words[term]!) });
  }

  it('returns the frequent word one edit from a rare long word, and adds its forms to the rare word\'s', () => {
    const dict = counted({ recomendation: 1, recommendation: 30, recommended: 50, record: 90 });
    expect(dict.terms[dict.meant('recomendation')]).toBe('recommendation');
    expect(dict.forms('recomendation').map((id) => dict.terms[id])).toEqual(['recomendation', 'recommended', 'recommendation']);
  });

  it('returns -1 for a short word, a word in many passages, a word nothing frequent is close to, or one it lacks', () => {
    const dict = counted({ trails: 1, trials: 80, statement: 3, statements: 90, lonewordx: 1, lonewordy: 5 });
    expect(dict.meant('trails')).toBe(-1);
    expect(dict.meant('statement')).toBe(-1);
    expect(dict.meant('lonewordx')).toBe(-1);
    expect(dict.meant('absentword')).toBe(-1);
    expect(dict.forms('trails').map((id) => dict.terms[id])).toEqual(['trails']);
  });
});

describe('TermDictionary.id', () => {
  it("gives each term its position in the sorted list, and -1 for a word it lacks, on any words", () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '\u4e2d', '\ud83d\ude00'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 10 }), (words, others) => {
        const dict = dictionary(words);
        const ids = new Map(dict.terms.map((term, id) => [term, id]));
        for (const term of [...words, ...others]) expect(dict.id(term)).toBe(ids.get(term) ?? -1);
      }),
    );
  });

  it('finds every term of the dictionary built from the seeds as a map of all terms would', async () => {
    const corpus = await loadCorpus(new URL('../../seeds', import.meta.url).pathname);
    const dict = new TermDictionary(buildSearchData(corpus.articles).dictionary);
    const ids = new Map(dict.terms.map((term, id) => [term, id]));
    expect(dict.size).toBeGreaterThan(1000);
    for (const [term, id] of ids) expect(dict.id(term)).toBe(id);
    for (const absent of ['', 'zzzzzz', 'shellingx', '\uffff']) expect(dict.id(absent)).toBe(ids.get(absent) ?? -1);
  });
});

describe('TermDictionary.preparing', () => {
  // More terms than one step takes, so that the work is split.
  const many = Array.from({ length: 30_000 }, (_, i) => `${WORDS[i % WORDS.length]}${i.toString(36)}`).concat(WORDS);

  it('yields between steps and ends prepared', () => {
    const dict = dictionary(many);
    let steps = 0;
    for (const _ of dict.preparing()) {
      steps += 1;
      expect(dict.prepared).toBe(false);
    }
    expect(steps).toBeGreaterThan(2);
    expect(dict.prepared).toBe(true);
  });

  it('gives the lookups a dictionary prepared at once gives', async () => {
    const stepped = dictionary(many);
    await finishInSteps(stepped.preparing());
    const atOnce = dictionary(many);
    atOnce.prepare();
    for (const word of ['shellng', 'prodution', 'homs', 'zz']) {
      expect(stepped.fuzzy(word, 1)).toEqual(atOnce.fuzzy(word, 1));
      expect(stepped.forms(word)).toEqual(atOnce.forms(word));
    }
  });

  it('leaves a dictionary used meanwhile answering the same', async () => {
    const dict = dictionary(many);
    const fresh = dictionary(many);
    const preparing = finishInSteps(dict.preparing());
    // A lookup between two steps builds what it needs itself; the steps then keep it.
    const forms = dict.forms('shelling');
    await preparing;
    expect(dict.forms('shelling')).toEqual(forms);
    expect(forms).toEqual(fresh.forms('shelling'));
  });
});
