import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.js';
import { loadCorpus } from '../../src/corpus/index.js';
import { extractQuotes, QuoteIndex } from '../../src/quotes/index.js';
import { SpeakerDirectory } from '../../src/quotes/speakerDirectory.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
let articles: Article[] = [];
let whole: QuoteIndex;
beforeAll(async () => {
  articles = (await loadCorpus(seeds)).articles;
  whole = QuoteIndex.fromArticles(articles);
});

/** What a user can ask of a quote index, for comparing two of them. */
const answers = (index: QuoteIndex) => ({
  byText: ['moral stain', 'who said "we will not give up"', 'sanctions on Syria'].map((text) => index.findByText(text).map((match) => match.quote)),
  speakers: ['jup', 'ass', 'cl'].map((prefix) => index.suggestSpeakers(prefix)),
  saidBy: index.quotesBy('Juppe').map((quote) => quote.quote),
  ofArticle: index.quotesOfArticle(articles[0]!.id).length,
});

describe('QuoteIndex.prepareInSteps', () => {
  it('makes every lookup structure, answering as an index prepared in one go does', async () => {
    const stepped = QuoteIndex.fromExtracted(articles, articles.flatMap((article) => extractQuotes(article)));
    await stepped.prepareInSteps();
    expect(stepped.prepared).toBe(true);
    expect(answers(stepped)).toEqual(answers(whole));
  });

  it('lets the event loop turn while it builds the text index', async () => {
    const stepped = QuoteIndex.fromExtracted(articles, articles.flatMap((article) => extractQuotes(article)));
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    let done = false;
    const preparing = stepped.prepareInSteps().then(() => (done = true));
    // Synchronously nothing is made yet: the work is in later turns of the loop.
    expect(stepped.prepared).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    await preparing;
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
  });

  it('answers the same with its structures built on another thread, and saves those as they are', async () => {
    const quotes = articles.flatMap((article) => extractQuotes(article));
    const stepped = QuoteIndex.fromExtracted(articles, quotes);
    const structures = QuoteIndex.structuresOf(quotes);
    await stepped.prepareInSteps(Promise.resolve(structures));
    expect(stepped.prepared).toBe(true);
    expect(answers(stepped)).toEqual(answers(whole));
    const saved = await stepped.toJSONInSteps();
    // The very parts handed over, not a serialisation of its own: and equal to what a whole build saves.
    expect(saved.text).toBe(structures.text);
    expect(saved.speakers).toBe(structures.speakers);
    expect(JSON.stringify(saved)).toBe(JSON.stringify(whole.toJSON()));
    expect(answers(QuoteIndex.fromJSON(saved))).toEqual(answers(whole));
  });

  it('keeps a structure a lookup made meanwhile, and saves that one', async () => {
    const quotes = articles.flatMap((article) => extractQuotes(article));
    const stepped = QuoteIndex.fromExtracted(articles, quotes);
    stepped.findByText('moral stain');
    const structures = QuoteIndex.structuresOf(quotes);
    await stepped.prepareInSteps(Promise.resolve(structures));
    const saved = stepped.toJSON();
    expect(saved.text).not.toBe(structures.text);
    expect(saved.text).toEqual(structures.text);
    expect(saved.speakers).toBe(structures.speakers);
  });

  it('restores a persisted text index in steps', async () => {
    const restored = QuoteIndex.fromJSON(whole.toJSON());
    await restored.prepareInSteps();
    expect(restored.prepared).toBe(true);
    expect(answers(restored)).toEqual(answers(whole));
  });
});

describe('QuoteIndex.toJSONInSteps', () => {
  it('serialises, in steps, exactly what toJSON serialises at once, and restores to an index answering the same', async () => {
    const index = QuoteIndex.fromArticles(articles);
    const stepped = await index.toJSONInSteps();
    expect(JSON.stringify(stepped)).toBe(JSON.stringify(QuoteIndex.fromArticles(articles).toJSON()));
    expect(answers(QuoteIndex.fromJSON(stepped))).toEqual(answers(whole));
  });
});

describe('SpeakerDirectory.restoring', () => {
  it('restores, in steps, the directory fromData restores at once', async () => {
    const quotes = articles.flatMap((article) => extractQuotes(article));
    const data = SpeakerDirectory.fromQuotes(quotes).toData();
    const steps = SpeakerDirectory.restoring(data, quotes);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses += 1;
    expect(pauses).toBeGreaterThan(0);
    const whole = SpeakerDirectory.fromData(data, quotes);
    expect(step.value.toData()).toEqual(whole.toData());
    for (const prefix of ['jup', 'ass', 'cl']) expect(step.value.suggest(prefix, 25)).toEqual(whole.suggest(prefix, 25));
  });
});
