/**
 * Worker-thread entry of `loadCorpusInParts`: loads its share of the seeds folder's files and posts the articles
 * (with `index`, also the search data of the share, which the main thread merges); then, when told to ("extract"),
 * extracts their quotations and posts those. The articles stay here in between, so that extraction needs nothing
 * sent back; the main thread meanwhile puts the search index together and declares ready.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpusFiles, type Corpus } from '../corpus/index.js';
// The extractor and the tokenizer alone: the quote index, the search index class and their libraries are not needed here.
import { extractQuotes } from '../quotes/extractQuotes.js';
import { buildSearchData } from '../search/buildSearchData.js';

interface Job {
  seedsDir: string;
  files: string[];
  index: boolean;
}

const port = parentPort!;
const { seedsDir, files, index } = workerData as Job;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
let corpus: Corpus | null = null;
try {
  corpus = await loadCorpusFiles(seedsDir, files);
  const search = index ? buildSearchData(corpus.articles) : null;
  // The search arrays are moved, not copied; the articles are cloned (the worker keeps them for extraction).
  const arrays = search ? [search.passages, search.heads].flatMap((data) => [data.offsets, data.docs, data.counts, data.lengths]) : [];
  const moved = search ? [...arrays, search.dictionary.passageFrequency, search.passageArticle, search.passageParagraph, search.articlePassages] : [];
  port.postMessage({ ok: true, corpus, search }, [...new Set(moved.map((array) => array.buffer as ArrayBuffer))]);
} catch (error) {
  port.postMessage({ ok: false, error: message(error) });
}
port.on('message', (command: 'extract' | 'stop') => {
  if (command === 'extract' && corpus) {
    try {
      port.postMessage({ ok: true, quotes: corpus.articles.map((article) => extractQuotes(article)) });
    } catch (error) {
      port.postMessage({ ok: false, error: message(error) });
    }
  }
  // One extraction per worker: closing the port lets the thread end.
  port.close();
});
