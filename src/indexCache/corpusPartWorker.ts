/**
 * Worker-thread entry of `loadCorpusInParts`: loads its share of the seeds folder's files and posts the articles;
 * then, when told to ("extract"), extracts their quotations and posts those. The articles stay here in between, so
 * that extraction needs nothing sent back; the main thread meanwhile builds the search index and declares ready.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpusFiles, type Corpus } from '../corpus/index.js';
// The extractor alone: the quote index, the search and their libraries are not needed in this thread.
import { extractQuotes } from '../quotes/extractQuotes.js';

interface Job {
  seedsDir: string;
  files: string[];
}

const port = parentPort!;
const { seedsDir, files } = workerData as Job;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
let corpus: Corpus | null = null;
try {
  corpus = await loadCorpusFiles(seedsDir, files);
  port.postMessage({ ok: true, corpus });
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
