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

describe('a cold start ready for /ask before the quotations are in (backgroundQuotes)', () => {
  it('answers searches at once, then holds every quotation a one-thread extraction finds', async () => {
    const library = await buildLibrary(big, undefined, { backgroundQuotes: true });
    expect(library.corpus.articles.length).toBeGreaterThanOrEqual(1500);
    expect(library.quotesPending).toBeInstanceOf(Promise);
    expect(library.quotes.size).toBe(0);
    expect(library.search.search(library.corpus.articles[0]!.headline).hits.length).toBeGreaterThan(0);

    await library.quotesPending;
    expect(library.quotesPending).toBeNull();
    const whole = QuoteIndex.fromArticles(library.corpus.articles);
    expect(library.quotes.size).toBe(whole.size);
    expect(library.quotes.findByText('moral stain')[0]?.quote).toEqual(whole.findByText('moral stain')[0]?.quote);
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
    expect(await parts.quotes).toEqual(parts.corpus.articles.flatMap((article) => extractQuotes(article)));
  });
});
