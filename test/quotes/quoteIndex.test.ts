import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { lookupQuotes, QuoteIndex } from '../../src/quotes/index.js';
import { makeArticle } from '../support/makeArticle.js';

const root = path.resolve(import.meta.dirname, '../..');
const expectations = JSON.parse(readFileSync(path.join(root, 'test/fixtures/seed-expectations.json'), 'utf8')) as {
  quote_lookups: ({ ask: string; speaker: string } | { speaker_query: string; min_quotes: number })[];
};
const SEED_ID = '000_8ea7bffe1f96b296.txt';

let index: QuoteIndex;
beforeAll(async () => {
  index = QuoteIndex.fromArticles((await loadCorpus(path.join(root, 'seeds'))).articles);
});

describe('QuoteIndex.findByText', () => {
  for (const lookup of expectations.quote_lookups) {
    if (!('ask' in lookup)) continue;
    it(`returns ${lookup.speaker} first for "${lookup.ask}"`, () => {
      expect(index.findByText(lookup.ask)[0]?.quote.speaker).toBe(lookup.speaker);
    });
  }

  it('returns the article headline, date and source with each match', () => {
    const [match] = index.findByText('moral stain');
    expect(match?.article).toMatchObject({ headline: "Syrian army 'steps up Homs offensive'", date: '2012-02-06T15:55', source: 'Al Jazeera' });
    expect(match?.quote.articleId).toBe(SEED_ID);
  });

  it('returns [] rather than an unrelated quotation', () => {
    expect(index.findByText('banana pudding recipe')).toEqual([]);
    expect(index.findByText('who said "the"')).toEqual([]);
    expect(index.findByText('moral banana pudding')).toEqual([]);
  });

  it('returns the quotation typed without its accents, apostrophes or capitals, as the speaker names are folded', () => {
    const own = QuoteIndex.fromArticles([makeArticle([
      '"The café\'s owners won\'t sell to Renée," said Anne Dupré.',
      '"The cafe owners will sell to anyone," said Tom Smith.',
    ])]);
    expect(own.findByText('who said "the cafes owners wont sell to renee"')[0]?.quote.speaker).toBe('Anne Dupré');
    expect(own.findSpeaker('anne dupre')?.name).toBe('Anne Dupré');
  });

  it('forgives a typo in a longer word', () => {
    expect(index.findByText('rockets are faling')[0]?.quote.speaker).toBe('Abu Abdo Alhomsy');
  });
});

describe('QuoteIndex.findSpeaker and quotesBy', () => {
  for (const lookup of expectations.quote_lookups) {
    if (!('speaker_query' in lookup)) continue;
    it(`returns Alain Juppe with at least ${lookup.min_quotes} quotations for "${lookup.speaker_query}"`, () => {
      expect(index.findSpeaker(lookup.speaker_query)?.name).toBe('Alain Juppe');
      expect(index.quotesBy(lookup.speaker_query).length).toBeGreaterThanOrEqual(lookup.min_quotes);
    });
  }

  it('returns the same speaker for every spelling and title', () => {
    const names = ['Mr Juppe', 'ALAIN JUPPÉ', 'Juppe'].map((name) => index.findSpeaker(name)?.key);
    expect(new Set(names)).toEqual(new Set(['alain juppe']));
  });

  it('returns only quotations on the subject asked about', () => {
    const quotes = index.quotesBy('Juppe', { about: 'sanctions' });
    expect(quotes.map((quote) => quote.quote)).toEqual(['Europe will again harden sanctions imposed on the Syrian regime']);
  });

  it('returns quotations newest first', () => {
    const older = makeArticle(['"We will win," said Ann Lee.'], { id: 'a.txt', date: '2010-01-01' });
    const newer = makeArticle(['"We have won," said Ann Lee.'], { id: 'b.txt', date: '2012-05-01' });
    const undated = makeArticle(['"We might win," said Ann Lee.'], { id: 'c.txt' });
    const small = QuoteIndex.fromArticles([older, undated, newer]);
    expect(small.quotesBy('ann lee').map((quote) => quote.articleId)).toEqual(['b.txt', 'a.txt', 'c.txt']);
  });

  it('returns null and [] for a name nobody in the coverage has', () => {
    expect(index.findSpeaker('Zebulon Quackenbush')).toBeNull();
    expect(index.quotesBy('Zebulon Quackenbush')).toEqual([]);
  });
});

describe('QuoteIndex.suggestSpeakers', () => {
  it('returns speakers whose name or a word of it starts with the prefix, most quoted first, at most the limit', () => {
    const suggestions = index.suggestSpeakers('jup');
    expect(suggestions[0]).toEqual({ name: 'Alain Juppe', count: index.findSpeaker('Juppe')!.count });
    expect(index.suggestSpeakers('', 25)).toHaveLength(25);
    const counts = index.suggestSpeakers('', 25).map((entry) => entry.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('returns close spellings when nothing starts with the prefix', () => {
    expect(index.suggestSpeakers('alain jupe').map((entry) => entry.name)).toContain('Alain Juppe');
  });
});

describe('QuoteIndex.quotesOfArticle and toJSON', () => {
  it('returns the quotations of one article in reading order', () => {
    const quotes = index.quotesOfArticle(SEED_ID);
    const paragraphs = quotes.map((quote) => quote.paragraphIndex);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    expect(quotes.filter((quote) => quote.kind !== 'indirect')).toHaveLength(12);
  });

  it('returns an index that answers the same after a JSON round trip', () => {
    const copy = QuoteIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.size).toBe(index.size);
    expect(copy.findByText('moral stain')).toEqual(index.findByText('moral stain'));
  });
});

describe('lookupQuotes', () => {
  it('returns the kind of answer the request asks for', () => {
    expect(lookupQuotes(index, { text: null, speaker: '  ', about: null })).toEqual({ kind: 'empty' });
    expect(lookupQuotes(index, { text: 'moral stain', speaker: null, about: null })).toMatchObject({ kind: 'text' });
    const bySpeaker = lookupQuotes(index, { text: null, speaker: 'juppé', about: 'sanctions' });
    expect(bySpeaker).toMatchObject({ kind: 'speaker', speaker: { name: 'Alain Juppe' } });
  });

  it('returns the closest speaker for a misspelt name, and no speaker for a name nobody resembles', () => {
    expect(lookupQuotes(index, { text: null, speaker: 'Alain Jupe', about: null })).toMatchObject({ kind: 'speaker', speaker: { name: 'Alain Juppe' } });
    expect(lookupQuotes(index, { text: null, speaker: 'Zebulon Quackenbush', about: null })).toMatchObject({ kind: 'speaker', speaker: null, matches: [] });
  });
});
