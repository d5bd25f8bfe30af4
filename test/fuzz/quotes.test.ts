import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';
import { extractQuotes, lookupQuotes, QuoteIndex } from '../../src/quotes/index.js';
import { article, hostileText, question, WORDS } from './arbitraries.js';
import { TimeBudget } from './budget.js';

const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));
let index: QuoteIndex;

beforeAll(async () => {
  const { articles } = await loadCorpus(seedsDir);
  index = QuoteIndex.fromArticles(articles);
}, 60_000);

const article1 = (text: string): Article => ({
  id: 'a.txt', headline: 'Headline', standfirst: null, section: null, source: null, date: null, url: null, byline: null,
  credit: null, license: null, tags: [], format: 'plain', paragraphs: [{ kind: 'body', text }],
});

/** Paragraph text shaped like reported speech: quotation marks, reporting verbs, names, commas, pronouns. */
const speech = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS, '"', '“', '”', "'", '‘', '’', ',', ', the French foreign minister,', '(SOHR)', 'According to', '.', ':', '—'),
      hostileText(20),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

/** A name as typed into `speaker`: a known speaker, part of one, or anything up to the option's 100 characters. */
const name = fc.oneof(fc.constantFrom('Juppe', 'juppé', 'Mr Juppe', 'Alain Juppe', 'jup', 'a', '', ' ', 'the', 'Mr'), question.map((text) => text.slice(0, 100)));
/** `text` and `about` as Discord lets them through (at most 200 characters). */
const words200 = question.map((text) => text.slice(0, 200));

describe('extractQuotes (fuzz)', () => {
  it('never throws, and every quotation points at a body paragraph of its article, within 1 s', () => {
    const budget = new TimeBudget(1000);
    const articles = fc.oneof(
      article({ maxParagraphs: 8, maxParagraphLength: 600 }),
      article({ maxParagraphs: 1 }).chain((base) =>
        fc.array(speech, { minLength: 1, maxLength: 8 }).map((texts) => ({ ...base, paragraphs: texts.map((text) => ({ kind: 'body' as const, text })) })),
      ),
    );
    fc.assert(
      fc.property(articles, (given) => {
        const quotes = budget.measure(given.paragraphs.length, () => extractQuotes(given));
        for (const quote of quotes) {
          expect(quote.articleId).toBe(given.id);
          expect(given.paragraphs[quote.paragraphIndex]?.kind).toBe('body');
          expect(['direct', 'partial', 'indirect']).toContain(quote.kind);
          expect(quote.quote.trim().length).toBeGreaterThan(0);
          expect(quote.speaker === null || typeof quote.speaker === 'string').toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});

describe('extractQuotes (found by fuzzing)', () => {
  // FOUND: at 6006efc a speaker phrase that is only a bracketed acronym gave a quotation the speaker "" (not null):
  // nounPhraseEndingAt took "(SOHR)" as the acronym of a name and toPhrase then kept no word (an intermediate
  // version threw TypeError in articleNames.ts on the same input). Fixed by the quotes work in progress.
  it('never gives a quotation an empty speaker', () => {
    for (const text of ['(SOHR) says the army shelled Homs', '(SOHR) says A# heading Homs']) {
      for (const quote of extractQuotes(article1(text))) expect(quote.speaker).not.toBe('');
    }
  });
});

describe('QuoteIndex lookups (fuzz)', () => {
  // Found by this suite: MiniSearch's fuzzy search allocates a (length + 1)² table for a term, so a one-word query
  // of ~65,000 characters threw RangeError. findByText now cuts the query and matches only short terms fuzzily.
  it('findByText does not throw on a 70,000-character word', () => {
    expect(() => index.findByText('a'.repeat(70_000))).not.toThrow();
  });

  it('findByText never throws and returns at most `limit` matches, best first, scored 0-1', () => {
    const budget = new TimeBudget(1500);
    fc.assert(
      fc.property(fc.oneof(question, speech.map((text) => `who said ${text}`)), fc.integer({ min: 1, max: 10 }), (text, limit) => {
        const matches = budget.measure(text, () => index.findByText(text, limit));
        expect(matches.length).toBeLessThanOrEqual(limit);
        let previous = Infinity;
        for (const match of matches) {
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(1);
          expect(match.score).toBeLessThanOrEqual(previous);
          previous = match.score;
        }
      }),
      { numRuns: 1000 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  it('suggestSpeakers never throws and offers at most 25 named speakers', () => {
    const budget = new TimeBudget(1000);
    fc.assert(
      fc.property(name, (typed) => {
        const suggestions = budget.measure(typed, () => index.suggestSpeakers(typed));
        expect(suggestions.length).toBeLessThanOrEqual(25);
        for (const suggestion of suggestions) {
          expect(suggestion.name.length).toBeGreaterThan(0);
          expect(suggestion.count).toBeGreaterThan(0);
        }
      }),
      { numRuns: 600 },
    );
    expect(budget.within, budget.report).toBe(true);
  });

  // Found by this suite: a long speaker name (5,659 × "-" took 7.4 s) went whole into fuse.js over every speaker.
  // suggest and find now fold at most 100 characters and fuzzy-match only names of at most 32.
  it('suggestSpeakers and findSpeaker answer a 6,000-character name within 1.5 s', () => {
    const budget = new TimeBudget(1500);
    for (const typed of ['-'.repeat(6000), 'ab '.repeat(2000), 'Juppe'.repeat(1200)]) {
      budget.measure(typed, () => [index.suggestSpeakers(typed), index.findSpeaker(typed)]);
    }
    expect(budget.within, budget.report).toBe(true);
  });

  it('quotesBy and lookupQuotes never throw, for any speaker, text and subject', () => {
    const budget = new TimeBudget(1500);
    const maybe = fc.option(fc.oneof(name, words200), { nil: null });
    fc.assert(
      fc.property(name, maybe, maybe, maybe, (speaker, text, about, other) => {
        budget.measure([speaker, text, about, other], () => {
          const quotes = index.quotesBy(speaker, about === null ? {} : { about });
          for (const quote of quotes) expect(quote.speaker).not.toBeNull();
          const lookup = lookupQuotes(index, { text, speaker: other, about });
          expect(['empty', 'text', 'speaker']).toContain(lookup.kind);
        });
      }),
      { numRuns: 300 },
    );
    expect(budget.within, budget.report).toBe(true);
  });
});
