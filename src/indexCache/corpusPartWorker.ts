/**
 * Worker-thread entry of `loadCorpusInParts`: loads its share of the seeds folder's files (claimed a batch at a time
 * from the list both workers share, so that each ends its parse at the same time) and posts the articles
 * as soon as they are parsed (with `index`, then the search data of the share, which the main thread merges); then,
 * when told to ("extract", which a cold start sends with the job: see `extractEarly`), extracts their quotations at a
 * lower priority than the main thread and posts those. The articles stay here in between, so that extraction needs
 * nothing sent back; the main thread meanwhile puts the search index together and declares ready.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadCorpusFilesSync, mergeCorpora, type Corpus } from '../corpus/index.js';
import type { Quote } from '../quotes/types.js';
// The tokenizer alone: the search index class and its libraries are not needed here. The extractor and the speaker
// directory are loaded after the articles are posted (see "extract"): not on the way to ready.
import { buildSearchData } from '../search/buildSearchData.js';
import { lowerThreadPriority } from './threadPriority.js';

interface Job {
  seedsDir: string;
  /** Every file of the folder; this worker loads the batches it claims through `claimed`. */
  files: string[];
  /** One Int32: how many of `files` the workers have claimed so far (Atomics.add, shared with the other worker). */
  claimed: SharedArrayBuffer;
  index: boolean;
  /** The other share's worker: this one sends its quotations there, or receives the other's (see shareQuotations). */
  peer: MessagePort | null;
  peerRole: 'send' | 'receive' | null;
}

/**
 * Articles whose quotations are posted in one message (about 1,000 quotations for the research corpora), as soon as
 * they are extracted: a question naming a speaker meanwhile reuses them (see CorpusInParts.extracted).
 */
const QUOTE_BATCH = 100;
/**
 * Files claimed at once: small enough that the two workers end within a few milliseconds of each other (the shares
 * were halves of the list, and one often had 0.2-0.5 s more text to parse and tokenize), large enough that claiming
 * costs nothing.
 */
const CLAIM_BATCH = 32;

const port = parentPort!;
const { seedsDir, files, claimed, index, peer, peerRole } = workerData as Job;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
let corpus: Corpus | null = null;
try {
  // Synchronous reads: this thread has nothing else to do, and the thread pool's round trips cost twice the CPU.
  const next = new Int32Array(claimed);
  const batches: Corpus[] = [];
  for (let from = Atomics.add(next, 0, CLAIM_BATCH); from < files.length; from = Atomics.add(next, 0, CLAIM_BATCH)) {
    batches.push(loadCorpusFilesSync(seedsDir, files.slice(from, from + CLAIM_BATCH)));
  }
  // Sorted by id, as the main thread and the other worker expect each share to be.
  corpus = mergeCorpora(batches);
  // The articles are cloned (this worker keeps them for extraction), and posted before tokenizing: the main thread
  // receives them (most of its share of the work before ready) while this thread tokenizes, not after.
  port.postMessage({ ok: true, corpus, searching: index });
  if (index) {
    const search = buildSearchData(corpus.articles);
    // The search arrays are moved, not copied.
    const arrays = [search.passages, search.heads].flatMap((data) => [data.offsets, data.docs, data.counts, data.lengths]);
    const moved = [...arrays, search.dictionary.passageFrequency, search.passageArticle, search.passageParagraph, search.articlePassages];
    port.postMessage({ ok: true, search }, [...new Set(moved.map((array) => array.buffer as ArrayBuffer))]);
  }
} catch (error) {
  port.postMessage({ ok: false, error: message(error) });
}
/**
 * The quote index's lookup structures (the speaker directory, grouping every spelling of every speaker, and the text
 * index: a few hundred milliseconds each at 7,050 articles) are built here rather than on the main thread: the
 * first share's worker hands its quotations to the second's over `peer`; the second, once it has both, builds them
 * over all of them in the corpus's order and posts them as JSON parts, which the main thread restores in steps and
 * later saves as they are.
 */
function shareQuotations(quotes: Quote[][], { QuoteIndex }: typeof import('../quotes/quoteIndex.js')): void {
  if (!peer || !corpus) return;
  if (peerRole === 'send') {
    peer.postMessage({ ids: corpus.articles.map((article) => article.id), quotes });
    peer.close();
    return;
  }
  const own = corpus.articles.map((article) => article.id);
  // The first share's worker may have failed: without its quotations there is no directory to build.
  peer.once('close', () => port.close());
  peer.once('message', (other: { ids: string[]; quotes: Quote[][] }) => {
    try {
      const structures = QuoteIndex.structuresOf(inCorpusOrder([other.ids, own], [other.quotes, quotes]));
      port.postMessage({ ok: true, structures });
    } catch (error) {
      port.postMessage({ ok: false, error: message(error) });
    }
    peer?.close();
    port.close();
  });
}

/** The quotations of two sorted shares of articles, merged in the corpus's order (ids compared as `mergeCorpora` does). */
function inCorpusOrder(ids: [string[], string[]], quotes: [Quote[][], Quote[][]]): Quote[] {
  const merged: Quote[] = [];
  let [a, b] = [0, 0];
  while (a < ids[0].length || b < ids[1].length) {
    const first = b >= ids[1].length || (a < ids[0].length && ids[0][a]! < ids[1][b]!);
    merged.push(...(first ? quotes[0][a++]! : quotes[1][b++]!));
  }
  return merged;
}

port.on('message', async (command: 'extract' | 'stop') => {
  let quotes: Quote[][] | null = null;
  let indexing: typeof import('../quotes/quoteIndex.js') | null = null;
  if (command === 'extract' && corpus) {
    // The bot is ready by now and its main thread answers: extraction (both cores for seconds) yields the CPU to it.
    lowerThreadPriority();
    try {
      const [{ extractQuotes }, quoteIndexModule] = await Promise.all([import('../quotes/extractQuotes.js'), import('../quotes/quoteIndex.js')]);
      indexing = quoteIndexModule;
      const { articles } = corpus;
      quotes = [];
      // In batches, each posted once extracted: the main thread receives each in a task of its own, so that no one
      // copy holds its event loop long, and has the quotations of the articles done so far.
      for (let from = 0; from < articles.length || from === 0; from += QUOTE_BATCH) {
        const batch = articles.slice(from, from + QUOTE_BATCH).map((article) => extractQuotes(article));
        quotes.push(...batch);
        port.postMessage({ ok: true, quotes: batch, last: from + QUOTE_BATCH >= articles.length });
      }
    } catch (error) {
      port.postMessage({ ok: false, error: message(error) });
    }
  }
  if (quotes && indexing && peer) shareQuotations(quotes, indexing);
  // One extraction per worker: closing the port lets the thread end (the second share's once it has built the directory).
  if (!quotes || peerRole !== 'receive') {
    peer?.close();
    port.close();
  }
});
