import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { loadCorpusInParts, loadCorpusOnTwoThreads } from '../../src/indexCache/index.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { buildSearchData } from '../../src/search/buildSearchData.js';

const seeds = path.resolve(import.meta.dirname, '../../seeds');

// Worker threads under tsx on a loaded 2-core machine: well over the default 30 s for the two loads of one test.
describe('loading a seeds folder on two threads', { timeout: 180_000 }, () => {
  it('gives the corpus loadCorpus gives, and the quotations in the order one thread extracts them', async () => {
    const [split, whole] = await Promise.all([loadCorpusOnTwoThreads(seeds, { minFiles: 0 }), loadCorpus(seeds)]);
    expect(split.corpus).toEqual(whole);
    expect(split.quotes).toEqual(whole.articles.flatMap((article) => extractQuotes(article)));
    expect(split.quotes.length).toBeGreaterThan(1000);
  });

  it('with index, gives the search data of the whole corpus, merged from what each worker tokenized', async () => {
    const split = await loadCorpusOnTwoThreads(seeds, { minFiles: 0, index: true });
    expect(split.search).toEqual(buildSearchData(split.corpus.articles));
    // Without it, or on one thread, there is none: the caller builds the index.
    expect((await loadCorpusOnTwoThreads(seeds, { minFiles: 0 })).search).toBeNull();
  });

  it('with extractEarly, extracts the quotations without being told to, the same as when told', async () => {
    const parts = await loadCorpusInParts(seeds, { minFiles: 0, extractEarly: true });
    expect(parts.parts).toBe(2);
    expect(await parts.quotes).toEqual(parts.corpus.articles.flatMap((article) => extractQuotes(article)));
  });

  it('lists each article\'s quotations as they come in, every article once the quotations are in', async () => {
    const parts = await loadCorpusInParts(seeds, { minFiles: 0, extractEarly: true });
    const quotes = await parts.quotes;
    expect(parts.extracted.size).toBe(parts.corpus.articles.length);
    expect(parts.corpus.articles.flatMap((article) => parts.extracted.get(article.id)!)).toEqual(quotes);
    const [first] = parts.corpus.articles;
    expect(parts.extracted.get(first!.id)).toEqual(extractQuotes(first!));
  });

  it('keeps skipped files from both halves, sorted, next to the articles', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-two-threads-'));
    try {
      await writeFile(path.join(dir, 'a-empty.txt'), '');
      await writeFile(path.join(dir, 'b-story.txt'), 'Harbour reopens\n\nThe harbour reopened on Monday, the council said.\n');
      await writeFile(path.join(dir, 'c-binary.txt'), Buffer.from([0x41, 0, 0x42]));
      await writeFile(path.join(dir, 'd-story.txt'), 'Ferry resumes\n\n"We are back," the captain said on Tuesday.\n');
      await writeFile(path.join(dir, 'notes.pdf'), 'x');
      const split = await loadCorpusOnTwoThreads(dir, { minFiles: 0 });
      expect(split.corpus).toEqual(await loadCorpus(dir));
      expect(split.corpus.skipped.map((skipped) => skipped.file)).toEqual(['a-empty.txt', 'c-binary.txt', 'notes.pdf']);
      expect(split.corpus.articles.map((article) => article.id)).toEqual(['b-story.txt', 'd-story.txt']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
