import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import {
  chooseExcerpt,
  foldTerm,
  highlight,
  plainText,
  queryTerms,
  unitedStates,
  sameLabel,
  SearchIndex,
  splitSentences,
  STOP_WORDS,
  type SearchFilters,
} from '../../src/search/index.js';
import { hostileText, question, WORDS } from './arbitraries.js';
import { TimeBudget } from './budget.js';

const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));

let articles: Article[];
let index: SearchIndex;
let quotes: QuoteIndex;

beforeAll(async () => {
  ({ articles } = await loadCorpus(seedsDir));
  index = SearchIndex.build(articles);
  quotes = QuoteIndex.fromArticles(articles);
  index.search('warm up homs');
}, 60_000);

/** Filters as `/ask` passes them: known or unknown sections and outlets, real or reversed dates. */
const filters: fc.Arbitrary<SearchFilters> = fc.record(
  {
    section: fc.oneof(fc.constantFrom('Middle East', 'middle  east', 'MIDDLE EAST', 'World', 'Politics and conflicts'), hostileText(20)),
    source: fc.oneof(fc.constantFrom('Wikinews', 'wikinews', 'Al Jazeera', 'al jazeera'), hostileText(20)),
    since: fc.constantFrom('2005-01-01', '2012-02-06', '2020-01-01', '1999-12-31'),
    until: fc.constantFrom('2005-12-31', '2012-02-06', '2030-01-01'),
  },
  { requiredKeys: [] },
);

/** A question made of words the coverage uses, metacharacters and hostile text. */
const coverageQuestion = fc
  .array(fc.oneof(fc.constantFrom(...WORDS, 'Homs', 'shelled', 'flood', 'election', 'president'), hostileText(12)), { maxLength: 12 })
  .map((parts) => parts.join(' '));

/** "What did X say (about Y)" with speakers the seeds quote, close misspellings and hostile names. */
const speakerQuestion = fc
  .tuple(
    fc.constantFrom('what did', 'What does', 'what has'),
    fc.oneof(fc.constantFrom('Obama', 'Barack Obama', 'obma', 'the charities', 'Putin', 'he', 'Mr'), hostileText(20)),
    fc.constantFrom('say', 'tell', 'said'),
    fc.oneof(fc.constantFrom('', 'about Osama bin Laden', 'about', 'the conference?'), coverageQuestion),
  )
  .map((parts) => parts.join(' '));

describe('queryTerms (fuzz)', () => {
  it('gives distinct folded terms of two or more characters, no stop words, for any text', () => {
    fc.assert(
      fc.property(question, (text) => {
        const terms = queryTerms(text);
        expect(new Set(terms).size).toBe(terms.length);
        for (const term of terms) {
          expect(term.length).toBeGreaterThanOrEqual(2);
          expect(STOP_WORDS.has(term)).toBe(false);
          expect(foldTerm(term)).toBe(term);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('SearchIndex.search (fuzz)', () => {
  it('never throws and returns well-formed hits that respect the filters, within 1.5 s, for any question', () => {
    const budget = new TimeBudget(1500);
    fc.assert(
      fc.property(fc.oneof(question, coverageQuestion, speakerQuestion), filters, fc.boolean(), (text, chosen, withQuotes) => {
        // Asked as the bot asks (with the quote index: "what did X say" reads X's quotations) and without it.
        const result = budget.measure(text, () => index.search(text, withQuotes ? { filters: chosen, quotes } : { filters: chosen }));
        // The terms of the question as search reads it ("U.S." and "the us" are the term usa).
        expect(result.terms).toEqual(queryTerms(unitedStates(text)));
        expect(result.hits.length).toBeLessThanOrEqual(30);
        expect(result.suggestions.length).toBeLessThanOrEqual(5);
        if (result.hits.length > 0) expect(result.suggestions).toEqual([]);
        let previous = Infinity;
        for (const hit of result.hits) {
          expect(articles).toContain(hit.article);
          expect(Number.isFinite(hit.score)).toBe(true);
          expect(hit.score).toBeLessThanOrEqual(previous);
          previous = hit.score;
          expect(hit.paragraphIndex).toBeGreaterThanOrEqual(-1);
          expect(hit.paragraphIndex).toBeLessThan(hit.article.paragraphs.length);
          if (hit.paragraphIndex >= 0) expect(hit.article.paragraphs[hit.paragraphIndex]!.kind).toBe('body');
          expect(hit.excerpt.length).toBeLessThanOrEqual(600);
          for (const term of hit.matchedTerms) expect(result.terms).toContain(term);
          if (chosen.section) expect(hit.article.section !== null && sameLabel(hit.article.section, chosen.section)).toBe(true);
          if (chosen.source) expect(hit.article.source !== null && sameLabel(hit.article.source, chosen.source)).toBe(true);
          const day = hit.article.date?.slice(0, 10) ?? null;
          if (chosen.since) expect(day !== null && day >= chosen.since).toBe(true);
          if (chosen.until) expect(day !== null && day <= chosen.until).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  it('answers a 6,000-character question of one repeated metacharacter or word within 2 s', () => {
    const budget = new TimeBudget(2000);
    for (const piece of ["'", '!', '^', '=', '|', '$', '*', '(', ')', '[', ']', '\\', '"', ' ', '\u200b', '😀', 'Homs ', 'a', 'shelling ']) {
      const text = piece.repeat(Math.ceil(6000 / piece.length)).slice(0, 6000);
      budget.measure(text, () => index.search(text));
    }
    expect(budget.within, budget.report).toBe(true);
  });

  // Found by this suite: each distinct term costs a dictionary scan, so 1,000 distinct words took seconds. A question
  // now searches its first 32 distinct terms (MAX_QUERY_TERMS).
  it('answers a 6,000-character question of 1,000 distinct words within 2 s', () => {
    const budget = new TimeBudget(2000);
    const text = Array.from({ length: 1000 }, (_, i) => `word${i}`).join(' ').slice(0, 6000);
    budget.measure(text, () => index.search(text));
    expect(budget.within, budget.report).toBe(true);
  });
});

describe('splitSentences (fuzz)', () => {
  it('splits any text into trimmed, non-empty sentences that together hold every non-space character', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(hostileText(2000), (text) => {
        const sentences = budget.measure(text, () => splitSentences(text));
        for (const sentence of sentences) {
          expect(sentence.length).toBeGreaterThan(0);
          expect(sentence).toBe(sentence.trim());
        }
        expect(sentences.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
      }),
      { numRuns: 2000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});

describe('chooseExcerpt (fuzz)', () => {
  it('returns an excerpt no longer than maxLength for any paragraph, terms and length', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(hostileText(3000), fc.array(fc.oneof(fc.constantFrom(...WORDS).map(foldTerm), hostileText(10)), { maxLength: 6 }), fc.integer({ min: 1, max: 1500 }), (text, terms, maxLength) => {
        const excerpt = budget.measure(text, () => chooseExcerpt(text, terms, { maxLength }));
        expect(excerpt.length).toBeLessThanOrEqual(maxLength);
      }),
      { numRuns: 2000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});

describe('highlight (fuzz)', () => {
  it('escapes any text so that plainText gives it back unchanged, bolding only matched words', () => {
    fc.assert(
      fc.property(hostileText(400), fc.array(fc.constantFrom(...WORDS).map(foldTerm), { maxLength: 5 }), (text, terms) => {
        const marked = highlight(text, new Set(terms));
        expect(plainText(marked)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

