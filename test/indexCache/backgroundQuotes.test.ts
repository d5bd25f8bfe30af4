import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpusInParts } from '../../src/indexCache/index.js';
import { buildLibrary } from '../../src/library.js';
import { extractQuotes, QuoteIndex } from '../../src/quotes/index.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');
/** The seeds' Markdown files, copied under new names until there are enough for the two-worker path (1,500 files). */
let big = '';

beforeAll(async () => {
  big = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-background-quotes-'));
  const wikinews = path.join(seeds, 'wikinews');
  const files = (await readdir(wikinews)).filter((file) => file.endsWith('.md'));
  for (let copy = 0; copy < 5; copy += 1) {
    const folder = path.join(big, `copy${copy}`);
    await mkdir(folder);
    for (const file of files) await copyFile(path.join(wikinews, file), path.join(folder, file));
  }
});

afterAll(async () => {
  await rm(big, { recursive: true, force: true });
});

// Two worker threads over 1,825 files, and a one-thread extraction to compare with: minutes on a loaded 2-core machine.
describe('a cold start ready for /ask before the quotations are in (backgroundQuotes)', { timeout: 180_000 }, () => {
  it('answers searches at once, then holds every quotation a one-thread extraction finds', async () => {
    const library = await buildLibrary(big, undefined, { backgroundQuotes: true });
    expect(library.corpus.articles.length).toBeGreaterThanOrEqual(1500);
    expect(library.quotesPending).toBeInstanceOf(Promise);
    expect(library.quotes.size).toBe(0);
    expect(library.search.search(library.corpus.articles[0]!.headline).hits.length).toBeGreaterThan(0);

    await library.quotesPending;
    expect(library.quotesPending).toBeNull();
    // Swapped in with its lookup structures made: no user's first /quote pays for them.
    expect(library.quotes.prepared).toBe(true);
    const whole = QuoteIndex.fromArticles(library.corpus.articles);
    expect(library.quotes.size).toBe(whole.size);
    expect(library.quotes.findByText('moral stain')[0]?.quote).toEqual(whole.findByText('moral stain')[0]?.quote);
    expect(library.quotes.suggestSpeakers('jup')).toEqual(whole.suggestSpeakers('jup'));
  });

  it('without it, returns with the quotations indexed', async () => {
    const library = await buildLibrary(big);
    expect(library.quotesPending ?? null).toBeNull();
    expect(library.quotes.size).toBeGreaterThan(1000);
  });

  it('extracts a share only when asked: the quotations wait for every share', async () => {
    const parts = await loadCorpusInParts(big, { minFiles: 0 });
    expect(parts.parts).toBe(2);
    let done = false;
    void parts.quotes.then(() => (done = true));
    parts.extract(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    parts.extract(1);
    const quotes = parts.corpus.articles.flatMap((article) => extractQuotes(article));
    expect(await parts.quotes).toEqual(quotes);
    // The second share's worker builds the text index and the speaker directory over both shares' quotations, in the
    // corpus's order: what this thread would build over the same list.
    expect(await parts.structures).toEqual(QuoteIndex.structuresOf(quotes));
  });
});
