import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import type { Article } from '../../src/corpus/types.js';
import { QuoteIndex, speakerKey } from '../../src/quotes/index.js';
import { quoteIndexForSpeaker } from '../../src/quotes/speakerQuotesEarly.js';
import { SearchIndex } from '../../src/search/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const bbc = path.resolve(root, '../shared/corpora/bbc-news-2005');

let articles: Article[];
let complete: QuoteIndex;
/** The quoted speakers of the seeds, most quoted first (what autocomplete lists with an empty prefix). */
let speakers: string[];

beforeAll(async () => {
  articles = (await loadCorpus(path.join(root, 'seeds'))).articles;
  complete = QuoteIndex.fromArticles(articles);
  speakers = complete.suggestSpeakers('', 10_000).map((speaker) => speaker.name);
});

const surnameOf = (name: string) => speakerKey(name).split(' ').pop()!;

/** What "what did X say" reads from a quote index for the name typed: the speaker found and their quotations. */
function said(index: QuoteIndex, typed: string, about?: string) {
  const speaker = index.findSpeaker(typed);
  return { speaker, quotes: speaker ? index.quotesBy(speaker.name, about ? { about } : {}) : [] };
}

describe('quoteIndexForSpeaker', () => {
  it('finds the quoted speakers of the seeds by full name, with the same quotations as the complete index', () => {
    // The 150 most quoted of the seeds' hundreds of speakers: many groupings (aliases, titles, bare surnames).
    expect(speakers.length).toBeGreaterThan(150);
    for (const name of speakers.slice(0, 150)) {
      const early = quoteIndexForSpeaker(articles, name);
      expect(early, name).not.toBeNull();
      expect(said(early!, name), name).toEqual(said(complete, name));
    }
  });

  it('gives what the complete index gives for a bare surname or a title and surname, or null', () => {
    let answered = 0;
    for (const name of speakers.slice(0, 60)) {
      for (const typed of [surnameOf(name), `Mr ${surnameOf(name)}`]) {
        const early = quoteIndexForSpeaker(articles, typed);
        if (early) {
          answered += 1;
          expect(said(early, typed), typed).toEqual(said(complete, typed));
        } else {
          // Null only when the complete index would not find it by that key or surname either (a fuzzy match, or none).
          const found = complete.findSpeaker(typed);
          expect(found === null || surnameOf(found.name) !== speakerKey(typed).split(' ').pop(), typed).toBe(true);
        }
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('narrows by subject as the complete index does', () => {
    expect(said(quoteIndexForSpeaker(articles, 'Juppe')!, 'Juppe', 'sanctions')).toEqual(said(complete, 'Juppe', 'sanctions'));
    expect(said(complete, 'Juppe', 'sanctions').quotes.length).toBeGreaterThan(0);
  });

  it('takes the quotations of articles extracted already from `known` instead of extracting them again', () => {
    // A speaker quoted in several articles, so that one can be left out.
    const name = speakers.find((each) => new Set(complete.quotesBy(each).map((quote) => quote.articleId)).size >= 2)!;
    const all = complete.quotesBy(name);
    const article = all[0]!.articleId;
    const known = new Map(articles.map((each) => [each.id, complete.quotesOfArticle(each.id)]));
    expect(said(quoteIndexForSpeaker(articles, name, known)!, name)).toEqual(said(complete, name));
    // What `known` says is what is used: an article listed with no quotation contributes none.
    known.set(article, []);
    const without = quoteIndexForSpeaker(articles, name, known)!.quotesBy(name);
    expect(without).toEqual(all.filter((quote) => quote.articleId !== article));
  });

  it('returns null for a misspelt name, which only the complete index matches (fuzzily)', () => {
    expect(complete.findSpeaker('Alain Jupe')?.name).toBe('Alain Juppe');
    expect(quoteIndexForSpeaker(articles, 'Alain Jupe')).toBeNull();
    expect(quoteIndexForSpeaker(articles, 'Nobody Knownhere')).toBeNull();
    expect(quoteIndexForSpeaker(articles, '')).toBeNull();
  });

  it('makes /ask answer "what did X say" exactly as with the complete index', () => {
    const search = SearchIndex.build(articles);
    for (const name of speakers.slice(0, 15)) {
      const question = `What did ${name} say?`;
      const early = quoteIndexForSpeaker(articles, name)!;
      expect(search.search(question, { quotes: early }), question).toEqual(search.search(question, { quotes: complete }));
    }
  });

  it.skipIf(!existsSync(bbc))('gives the complete index\'s answer on the BBC corpus (skips when ../shared is absent)', async () => {
    const bbcArticles = (await loadCorpus(bbc)).articles;
    const bbcComplete = QuoteIndex.fromArticles(bbcArticles);
    for (const typed of ['Gordon Brown', 'Mr Blair', 'Howard', 'Tony Blair']) {
      const early = quoteIndexForSpeaker(bbcArticles, typed);
      expect(early, typed).not.toBeNull();
      expect(said(early!, typed), typed).toEqual(said(bbcComplete, typed));
    }
    // "The weekly review" names no one the coverage quotes: null, as the complete index finds no such speaker either.
    expect(quoteIndexForSpeaker(bbcArticles, 'the weekly review')).toBeNull();
    expect(bbcComplete.findSpeaker('the weekly review')).toBeNull();
  }, 120_000);
});
