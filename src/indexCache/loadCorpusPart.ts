import { loadCorpusFiles, mergeCorpora, listCorpusFiles, type Corpus } from '../corpus/index.js';
import { extractQuotes, type Quote } from '../quotes/index.js';
import { runWorker } from './startWorker.js';

/** Some of a folder's files, loaded, with each article's quotations (`quotes[i]` are those of `corpus.articles[i]`). */
export interface CorpusPart {
  corpus: Corpus;
  quotes: Quote[][];
}

/**
 * Loads `files` of `seedsDir` and extracts the quotations of each article: one thread's share of a cold start.
 * @example (await loadCorpusPart('seeds', ['000_8ea7bffe1f96b296.txt'])).quotes[0]?.length // => 19
 */
export async function loadCorpusPart(seedsDir: string, files: readonly string[]): Promise<CorpusPart> {
  const corpus = await loadCorpusFiles(seedsDir, files);
  return { corpus, quotes: corpus.articles.map((article) => extractQuotes(article)) };
}

/** Options of {@link loadCorpusOnTwoThreads}. */
export interface TwoThreadOptions {
  /**
   * Below this many files, everything runs on the calling thread: starting a worker costs more than it saves.
   * @default 1500
   */
  minFiles?: number;
}

const defaultTwoThreadOptions: Required<TwoThreadOptions> = { minFiles: 1500 };

/**
 * Loads every article of `seedsDir` and extracts every quotation, the files split between a worker thread and the
 * calling thread (reading, parsing and quote extraction are most of a cold start, and independent per file).
 * Returns the corpus as `loadCorpus` would, and the quotations in the order `QuoteIndex.fromArticles` would list them.
 * @example const { corpus, quotes } = await loadCorpusOnTwoThreads('seeds'); corpus.articles.length // => 365
 */
export async function loadCorpusOnTwoThreads(seedsDir: string, options: TwoThreadOptions = {}): Promise<{ corpus: Corpus; quotes: Quote[] }> {
  const { minFiles } = { ...defaultTwoThreadOptions, ...options };
  const listed = await listCorpusFiles(seedsDir);
  const { files } = listed;
  const parts: CorpusPart[] = [];
  if (files.length < minFiles || files.length < 2) {
    parts.push(await loadCorpusPart(seedsDir, files));
  } else {
    // The worker takes the first half; this thread the second, meanwhile.
    const cut = Math.floor(files.length / 2);
    const theirs = partInWorker(seedsDir, files.slice(0, cut));
    // Settled here so that a failure of this thread's share does not leave the worker's rejection unhandled.
    theirs.catch(() => undefined);
    const mine = await loadCorpusPart(seedsDir, files.slice(cut));
    parts.push(await theirs, mine);
  }
  const corpus = mergeCorpora([{ articles: [], skipped: listed.skipped }, ...parts.map((part) => part.corpus)]);
  const byArticle = new Map<string, Quote[]>();
  for (const part of parts) {
    for (const [index, article] of part.corpus.articles.entries()) byArticle.set(article.id, part.quotes[index] ?? []);
  }
  return { corpus, quotes: corpus.articles.flatMap((article) => byArticle.get(article.id) ?? []) };
}

async function partInWorker(seedsDir: string, files: string[]): Promise<CorpusPart> {
  return (await runWorker<{ part: CorpusPart }>('corpusPartWorker', { seedsDir, files }, seedsDir)).part;
}
