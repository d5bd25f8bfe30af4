import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { loadCorpusFiles, mergeCorpora, listCorpusFiles, type Corpus } from '../corpus/index.js';
import { extractQuotes, type Quote, type QuoteStructures } from '../quotes/index.js';
import type { SearchIndexData } from '../search/index.js';
import { mergeSearchData } from './mergeSearchData.js';
import { startWorker, WorkerBuildError, type WorkerAnswer } from './startWorker.js';

/**
 * A seeds folder's corpus, loaded, with its quotations still to extract: each share of the files stays in the
 * worker that parsed it until {@link CorpusInParts.extract} asks for its quotations.
 */
export interface CorpusInParts {
  corpus: Corpus;
  /**
   * With `index`: the search data of the whole corpus, put together from the shares' (each worker tokenized its
   * own); null without `index`, when loaded on the calling thread, or when the shares' data did not fit together.
   */
  search: SearchIndexData | null;
  /** How many shares the files were split into (1 when loaded on the calling thread). */
  parts: number;
  /**
   * Starts extracting the quotations of share `part` (0-based) in its worker; each share once. Shares not started by
   * the time `quotes` is awaited are not started by it: start every share.
   */
  extract(part: number): void;
  /** Every quotation, in the order `QuoteIndex.fromArticles` lists them, once every share is extracted. */
  quotes: Promise<Quote[]>;
  /**
   * The quotations of each article extracted so far, by article id: filled as the workers post them (a batch of
   * articles at a time), complete once `quotes` resolves. What a question naming a speaker can reuse meanwhile.
   */
  extracted: ReadonlyMap<string, Quote[]>;
  /**
   * The quote index's text index and speaker directory over `quotes` (`QuoteIndex.structuresOf`), built on a worker
   * thread after the extraction, for `QuoteIndex.prepareInSteps`; null when there are none (one thread, or the worker
   * failed).
   */
  structures: Promise<QuoteStructures | null>;
  /** Ends the workers without extracting (e.g. the caller failed). */
  close(): void;
}

/** Options of {@link loadCorpusInParts}. */
export interface TwoThreadOptions {
  /**
   * Below this many files, everything runs on the calling thread (quotations included, at once): starting workers
   * costs more than it saves.
   * @default 1500
   */
  minFiles?: number;
  /**
   * Each worker also builds the search data of its share (`buildSearchData`, most of the cost of building the search
   * index), merged into {@link CorpusInParts.search}: the index is built on both cores instead of after the parse on one.
   * @default false
   */
  index?: boolean;
  /**
   * Each worker extracts its share's quotations as soon as it has posted its articles (and search data), without
   * waiting for {@link CorpusInParts.extract}: on the core the main thread leaves while it merges the shares and
   * declares ready, at a lower priority than the main thread (see lowerThreadPriority), so that the merge is not
   * slowed by it.
   * @default false
   */
  extractEarly?: boolean;
}

const defaultTwoThreadOptions: Required<TwoThreadOptions> = { minFiles: 1500, index: false, extractEarly: false };

/** A worker that has posted its share's articles and waits for "extract". */
interface Share {
  worker: Worker;
  corpus: Corpus;
  search: SearchIndexData | null;
  quotes: Promise<Quote[][]>;
  /** The quote index's structures over every share's quotations, from the worker that builds them (null from the other). */
  structures: Promise<QuoteStructures | null>;
  started: boolean;
}

/**
 * Loads every article of `seedsDir`, the files split between two worker threads (the machines have 2 cores), and
 * returns as soon as both have parsed (with `index`, also tokenized) their share; the quotations are extracted later,
 * share by share, when the caller says ({@link CorpusInParts.extract}), or with `extractEarly` by each worker as soon
 * as it has posted its share (a cold start puts the search index together meanwhile and declares ready).
 * @example const parts = await loadCorpusInParts('seeds'); parts.extract(0); parts.extract(1); (await parts.quotes).length // => 1826
 */
export async function loadCorpusInParts(seedsDir: string, options: TwoThreadOptions = {}): Promise<CorpusInParts> {
  const { minFiles, index, extractEarly } = { ...defaultTwoThreadOptions, ...options };
  const listed = await listCorpusFiles(seedsDir);
  const { files } = listed;
  if (files.length < minFiles || files.length < 2) {
    const corpus = mergeCorpora([{ articles: [], skipped: listed.skipped }, await loadCorpusFiles(seedsDir, files)]);
    const quotes = Promise.resolve(corpus.articles.flatMap((article) => extractQuotes(article)));
    const extracted = new Map<string, Quote[]>();
    return { corpus, search: null, parts: 1, extract: () => undefined, quotes, extracted, structures: Promise.resolve(null), close: () => undefined };
  }
  const channel = new MessageChannel();
  // Both workers claim batches of the one list (see corpusPartWorker): each share is a set of batches, sorted by id.
  const claimed = new SharedArrayBuffer(4);
  const extracted = new Map<string, Quote[]>();
  const pending = [
    startShare(seedsDir, files, claimed, { index, extractEarly, extracted }, { port: channel.port1, role: 'send' }),
    startShare(seedsDir, files, claimed, { index, extractEarly, extracted }, { port: channel.port2, role: 'receive' }),
  ];
  const settled = await Promise.allSettled(pending);
  const shares = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    for (const share of shares) void share.worker.terminate();
    throw failed.reason;
  }
  const corpus = mergeCorpora([{ articles: [], skipped: listed.skipped }, ...shares.map((share) => share.corpus)]);
  const searchShares = shares.flatMap((share) => (share.search ? [{ articles: share.corpus.articles, data: share.search }] : []));
  const search = index && searchShares.length === shares.length ? mergeSearchData(searchShares, corpus.articles) : null;
  const quotes = Promise.all(shares.map((share) => share.quotes)).then((lists) => {
    const byArticle = new Map<string, Quote[]>();
    for (const [s, share] of shares.entries()) {
      for (const [index, article] of share.corpus.articles.entries()) byArticle.set(article.id, lists[s]![index] ?? []);
    }
    return corpus.articles.flatMap((article) => byArticle.get(article.id) ?? []);
  });
  // A caller that never awaits the quotations (it failed first) must not leave their rejection unhandled.
  quotes.catch(() => undefined);
  return {
    corpus,
    search,
    parts: shares.length,
    extract(part) {
      const share = shares[part];
      if (!share || share.started) return;
      share.started = true;
      share.worker.postMessage('extract');
    },
    quotes,
    extracted,
    structures: shares[1]!.structures,
    close() {
      for (const share of shares) void share.worker.terminate();
    },
  };
}

/**
 * Starts a worker on the batches of `files` it claims through `claimed`; resolves once it has posted their articles. `peer`: the port to the other share's worker
 * and whether this one sends its quotations there or receives the other's and builds the quote index's structures.
 */
function startShare(
  seedsDir: string,
  files: string[],
  claimed: SharedArrayBuffer,
  { index, extractEarly, extracted }: { index: boolean; extractEarly: boolean; extracted: Map<string, Quote[]> },
  peer: { port: MessagePort; role: 'send' | 'receive' } | null,
): Promise<Share> {
  return new Promise((resolveShare, rejectShare) => {
    const workerData = { seedsDir, files, claimed, index, peer: peer?.port ?? null, peerRole: peer?.role ?? null };
    const worker = startWorker('corpusPartWorker', workerData, peer ? [peer.port] : []);
    // A worker takes its messages once its share is posted: "extract" sent now is what it does next.
    if (extractEarly) worker.postMessage('extract');
    let parsed = false;
    let rejectQuotes: (error: Error) => void = () => undefined;
    let resolveQuotes: (quotes: Quote[][]) => void = () => undefined;
    const quotes = new Promise<Quote[][]>((resolve, reject) => {
      resolveQuotes = resolve;
      rejectQuotes = reject;
    });
    quotes.catch(() => undefined);
    let resolveStructures: (structures: QuoteStructures | null) => void = () => undefined;
    // Only the receiving worker builds the directory; a failure there leaves it to the main thread (null).
    const structures = peer?.role === 'receive' ? new Promise<QuoteStructures | null>((resolve) => (resolveStructures = resolve)) : Promise.resolve(null);
    const fail = (reason: string) => {
      const error = new WorkerBuildError(seedsDir, reason);
      if (!parsed) rejectShare(error);
      // Settled promises ignore these: a failure after the quotations only loses the directory.
      rejectQuotes(error);
      resolveStructures(null);
    };
    // The quotations come in batches of articles, the last one marked.
    const batches: Quote[][][] = [];
    /** Articles of the share whose quotations have come. */
    let received = 0;
    // The articles come first, then (when the worker tokenizes them: `searching`) their search data.
    let corpus: Corpus | null = null;
    type Message = { corpus?: Corpus; searching?: boolean; search?: SearchIndexData; quotes?: Quote[][]; last?: boolean; structures?: QuoteStructures };
    worker.on('message', (message: WorkerAnswer<Message>) => {
      if (!message.ok) return fail(message.error);
      if (message.corpus) {
        corpus = message.corpus;
        if (message.searching) return;
        parsed = true;
        resolveShare({ worker, corpus, search: null, quotes, structures, started: extractEarly });
      } else if (message.search && corpus) {
        parsed = true;
        resolveShare({ worker, corpus, search: message.search, quotes, structures, started: extractEarly });
      } else if (message.quotes) {
        // The batches come in the share's order: the next articles after those received.
        for (const quotes of message.quotes) {
          const article = corpus?.articles[received];
          if (article) extracted.set(article.id, quotes);
          received += 1;
        }
        batches.push(message.quotes);
        if (message.last) resolveQuotes(batches.flat());
      }
      else if (message.structures) resolveStructures(message.structures);
    });
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', (code) => fail(`worker exited with code ${code}`));
  });
}

/**
 * Loads every article of `seedsDir` and extracts every quotation on two worker threads: {@link loadCorpusInParts}
 * with both shares extracted at once. Returns the corpus as `loadCorpus` would, the quotations in the order
 * `QuoteIndex.fromArticles` would list them, and with `index` the merged search data (see {@link CorpusInParts.search}).
 * @example const { corpus, quotes } = await loadCorpusOnTwoThreads('seeds'); corpus.articles.length // => 365
 */
export async function loadCorpusOnTwoThreads(
  seedsDir: string,
  options: TwoThreadOptions = {},
): Promise<{ corpus: Corpus; quotes: Quote[]; search: SearchIndexData | null }> {
  const parts = await loadCorpusInParts(seedsDir, options);
  for (let part = 0; part < parts.parts; part += 1) parts.extract(part);
  return { corpus: parts.corpus, quotes: await parts.quotes, search: parts.search };
}
