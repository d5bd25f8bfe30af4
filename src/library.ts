import path from 'node:path';
import type { Article, Corpus, SkippedFile } from './corpus/types.js';
// Not the barrel (indexCache/index.js): it would load the parsers and the worker threads' code, which only a cold start
// or a worker build needs (imported there), on the way to a persisted start's ready.
import { EmptyCorpusError } from './indexCache/emptyCorpusError.js';
import { INDEX_CACHE_VERSION, readCacheBytes, readIndexCacheAnyKey, warnOnStderr, writeIndexCache } from './indexCache/indexCache.js';
import { snapshotKeyOffThread } from './indexCache/snapshotKey.js';
import type { Quote, QuoteIndex } from './quotes/index.js';
import type { Facets, SearchIndex } from './search/index.js';
import { finishInSteps, finishNow, type Steps } from './search/steps.js';

/** What building a library needs of the search and quote modules. */
interface CoreModules {
  SearchIndex: typeof SearchIndex;
  QuoteIndex: typeof QuoteIndex;
  collectFacets: typeof import('./search/index.js').collectFacets;
  collectingFacets: typeof import('./search/index.js').collectingFacets;
}

let coreModules: Promise<CoreModules> | null = null;

/**
 * The search and quote modules, imported by the first {@link buildLibrary} once it has started reading the cache file
 * (or the seeds), not before: loading them (the text layer, the answer analysis, the quotation extractor, fuse.js and
 * MiniSearch) took 0.1-0.2 s of CPU before a persisted start even began reading its file; now they load while the
 * thread pool reads it (issue #15).
 */
function loadCoreModules(): Promise<CoreModules> {
  coreModules ??= Promise.all([import('./search/index.js'), import('./quotes/index.js')]).then(([search, quotes]) => ({
    SearchIndex: search.SearchIndex,
    QuoteIndex: quotes.QuoteIndex,
    collectFacets: search.collectFacets,
    collectingFacets: search.collectingFacets,
  }));
  return coreModules;
}

/** The loaded coverage and everything built from it; replaced as a whole on reload. */
export interface Library {
  corpus: Corpus;
  /** Articles by id (restored from the persisted index: made on first read). */
  readonly articles: ReadonlyMap<string, Article>;
  search: SearchIndex;
  /**
   * The quotations' index; empty while {@link Library.quotesPending} (then replaced, on this same object). Restored
   * from the persisted index on first read.
   */
  quotes: QuoteIndex;
  /**
   * Set while the quotations are still being extracted in the background (a cold start with `backgroundQuotes`):
   * resolves once `quotes` holds them, their lookup structures made (in steps: see QuoteIndex.prepareInSteps), then
   * becomes null. Absent or null when the quotes are indexed.
   */
  quotesPending?: Promise<void> | null;
  /**
   * While {@link Library.quotesPending}: the quotations of the articles extracted so far, by article id (filled as
   * the worker threads post them), for a question that cannot wait (see quoteIndexForSpeaker). Null once they are in.
   */
  quotesSoFar?: ReadonlyMap<string, Quote[]> | null;
  /** Sections, outlets and date range of the coverage. */
  facets: Facets;
  /** When this library was built. */
  loadedAt: Date;
  /** How long loading and indexing took, in milliseconds. */
  buildMs: number;
  /**
   * Set when the library was just built with `persistLater`: writes it to the cache folder. Call it once the bot is
   * ready; packing and writing the snapshot is then off the path to ready.
   */
  persistSnapshot?: () => Promise<void>;
  /** True when the corpus and indexes were read back from the index cache rather than built. */
  fromCache: boolean;
}

/** The outcome of {@link LibraryStore.reload}. */
export type ReloadResult =
  | { ok: true; articles: number; skipped: SkippedFile[]; ms: number }
  | {
      ok: false;
      /** What went wrong, for the logs (may name paths on the server). */
      error: string;
      /** The same, fit to show a user: the server's paths replaced by "the seeds folder" or removed. */
      reason: string;
    };

/** Options of {@link buildLibrary}. */
export interface LibraryOptions {
  /**
   * Folder where the parsed corpus and built indexes are persisted, keyed by the seeds' paths, sizes and modification
   * times: a start with unchanged seeds reads it instead of parsing and indexing again. null: nothing persisted.
   * @default null
   */
  cacheDir?: string | null;
  /**
   * Parse and index in a worker thread, so that the event loop (Discord heartbeats, interactions) is never blocked
   * for long; only receiving the result runs on the main thread.
   * @default false
   */
  worker?: boolean;
  /**
   * When the seeds had to be parsed and indexed (no usable persisted index), do not write the new one before
   * returning: {@link Library.persistSnapshot} does, when the caller is ready for it. Ignored with `worker`.
   * @default false
   */
  persistLater?: boolean;
  /**
   * When the seeds have to be parsed (no usable persisted index), return once the search index is built: ready for
   * `/ask`. The quotations are extracted after, on the two worker threads that parsed and tokenized the files, and
   * indexed in steps when they arrive ({@link Library.quotesPending}). Ignored with `worker`; without `persistLater`, the library is
   * persisted once the quotes are in (before returning).
   * @default false
   */
  backgroundQuotes?: boolean;
  /**
   * Told, in one line naming the cache file and what to do, when a section of a persisted index left for later (the
   * paragraphs' text, the quotations: not read on the way to ready) cannot be read when first used.
   * @default a line on stderr
   */
  warn?: (message: string) => void;
}

/**
 * The options the bot starts with (src/main.ts), and the bench's "cache: build + persist" start with it: ready means
 * /ask answers, so after a cold start the quotations come in the background and the new index is written after ready
 * ({@link Library.persistSnapshot}), not on the way to it.
 */
export function startOptions(cacheDir: string | null): LibraryOptions {
  return { cacheDir, persistLater: true, backgroundQuotes: true };
}

const defaultLibraryOptions: Required<LibraryOptions> = { cacheDir: null, worker: false, persistLater: false, backgroundQuotes: false, warn: warnOnStderr };

/**
 * Loads a seeds folder and builds its indexes (or reads them from `options.cacheDir` when the seeds are unchanged).
 * @example const library = await buildLibrary('seeds'); library.search.articleCount // => 365
 */
export async function buildLibrary(seedsDir: string, now: () => Date = () => new Date(), options: LibraryOptions = {}): Promise<Library> {
  const { cacheDir, worker, persistLater, backgroundQuotes, warn } = { ...defaultLibraryOptions, ...options };
  const started = performance.now();
  if (worker) {
    const { loadSnapshotInWorker } = await import('./indexCache/buildInWorker.js');
    const loaded = loadSnapshotInWorker(seedsDir, cacheDir);
    const { SearchIndex, QuoteIndex, collectingFacets } = await loadCoreModules();
    const { snapshot, fromCache } = await loaded;
    const { corpus } = snapshot;
    const search = SearchIndex.fromData(corpus.articles, snapshot.search);
    // Built in a worker means built while the bot answers (a reload): the search index's lookup tables are made here,
    // in steps, before the library is handed over, not in one 0.2 s block after the swap (src/main.ts's prepare is
    // then a no-op) nor in a user's first /ask.
    await search.prepareInSteps();
    // The rest, one piece per turn of the event loop: together they were one block growing with the coverage. The
    // quote index's text index, speaker directory and per-article lists likewise, restored from their parts in steps
    // before the swap: after it, one JSON parse of the text index held the loop for 0.1 s at 7,050 articles.
    const quotes = await finishInSteps(QuoteIndex.restoring(snapshot.quotes));
    await quotes.prepareInSteps();
    const articles = await finishInSteps(listingById(corpus));
    const facets = await finishInSteps(collectingFacets(corpus.articles));
    return assemble(corpus, search, quotes, now, started, fromCache, facets, articles);
  }
  // The cache file is read on the thread pool while this thread fingerprints the seeds, not after.
  const bytes = cacheDir ? readCacheBytes(cacheDir) : null;
  // The seeds are fingerprinted on another thread while this one reads the cache file back: two cores, not one after the other.
  const pendingKey = snapshotKeyOffThread(seedsDir, cacheDir);
  // Meanwhile this thread loads the code that makes the indexes (or, on a cold start, while the workers parse).
  const core = loadCoreModules();
  if (cacheDir && bytes) {
    const { SearchIndex, QuoteIndex, collectFacets } = await core;
    const snapshot = await readIndexCacheAnyKey(bytes, warn);
    // The indexes are made while the seeds are still being fingerprinted (the key comes last at 7,050 files), and
    // dropped if the key, once known, is not the snapshot's (or if they cannot be made of it: the seeds are read again).
    const restored = snapshot && madeOrNull(() => ({ search: SearchIndex.fromData(snapshot.corpus.articles, snapshot.search), facets: collectFacets(snapshot.corpus.articles) }));
    if (snapshot && restored && snapshot.key === (await pendingKey)) {
      const { corpus } = snapshot;
      // The quote index and the articles by id are restored on first use, not on the way to ready: /ask reads
      // neither (but "what did X say"), and at 100,000 articles they cost 0.1-0.2 s of the persisted start (issue #15).
      // The bot makes the quote index's structures right after ready (src/main.ts).
      // Their section of the cache file is read then too, from the file read now (kept open: a newer index written over
      // it meanwhile is not read); should that fail, they are extracted again from the articles (and `warn` says so).
      const quotes = () => {
        try {
          return QuoteIndex.fromJSON(snapshot.quotes);
        } catch {
          return QuoteIndex.fromArticles(corpus.articles);
        }
      };
      return assemble(corpus, restored.search, quotes, now, started, true, restored.facets, () => articlesById(corpus));
    }
  }
  // Reading, parsing and tokenizing run on two worker threads; each keeps its share's articles and extracts their
  // quotations as soon as it has posted them (extractEarly, at a lower priority than this thread), while this thread
  // merges the shares' search data (typed arrays) into the index.
  const { loadCorpusInParts } = await import('./indexCache/loadCorpusPart.js');
  const parts = await loadCorpusInParts(seedsDir, { index: true, extractEarly: true });
  const { corpus } = parts;
  const { SearchIndex, QuoteIndex, collectFacets } = await core;
  if (corpus.articles.length === 0 && corpus.skipped.length > 0) {
    parts.close();
    throw new EmptyCorpusError(seedsDir, corpus.skipped.length);
  }
  let search: SearchIndex;
  try {
    // Built here only when the workers' data could not be used (a folder small enough for one thread).
    search = parts.search ? SearchIndex.fromData(corpus.articles, parts.search) : SearchIndex.build(corpus.articles);
  } catch (error) {
    // The workers wait for their next job: ended here, they do not keep the process alive.
    parts.close();
    throw error;
  }
  // A folder small enough for one thread has its quotations extracted already: indexed now, as before ready.
  if (parts.parts === 1) {
    const library = assemble(corpus, search, QuoteIndex.fromExtracted(corpus.articles, await parts.quotes), now, started, false, collectFacets(corpus.articles));
    if (!cacheDir) return library;
    return persistBuilt(library, { cacheDir, key: pendingKey, search, persistLater, started });
  }
  const library = assemble(corpus, search, QuoteIndex.fromExtracted(corpus.articles, []), now, started, false, collectFacets(corpus.articles));
  library.quotesSoFar = parts.extracted;
  library.quotesPending = parts.quotes.then(
    async (extracted) => {
      // Swapped in once its lookup structures are made, in steps (they come built from a worker, restored here):
      // the event loop keeps turning, and no lookup pays for them.
      const quotes = QuoteIndex.fromExtracted(corpus.articles, extracted);
      await quotes.prepareInSteps(parts.structures);
      library.quotes = quotes;
    },
    // A worker that failed leaves the extraction to this thread: slower, but the quotes are complete.
    () => void (library.quotes = QuoteIndex.fromArticles(corpus.articles)),
  ).finally(() => {
    library.quotesPending = null;
    library.quotesSoFar = null;
  });
  if (!backgroundQuotes || (cacheDir && !persistLater)) {
    await library.quotesPending;
    library.buildMs = performance.now() - started;
  }
  if (!cacheDir) return library;
  return persistBuilt(library, { cacheDir, key: pendingKey, search, persistLater, started });
}

/**
 * Writes a newly built library to `cacheDir` (once its quotations are in) before returning, or with `persistLater`
 * leaves that to {@link Library.persistSnapshot}.
 */
async function persistBuilt(
  library: Library,
  { cacheDir, key, search, persistLater, started }: { cacheDir: string; key: Promise<string>; search: SearchIndex; persistLater: boolean; started: number },
): Promise<Library> {
  const persist = async () => {
    await library.quotesPending;
    // In steps (here and in writeIndexCache): this runs while the bot answers, after a cold start; serialising and
    // packing in one go held the event loop for 0.5 s.
    const quotes = await library.quotes.toJSONInSteps();
    await writeIndexCache(cacheDir, { version: INDEX_CACHE_VERSION, key: await key, corpus: library.corpus, search: search.toData(), quotes });
  };
  if (!persistLater) {
    await persist();
    library.buildMs = performance.now() - started;
    return library;
  }
  library.persistSnapshot = persist;
  return library;
}

/** What `make` returns, or null when it throws (see {@link buildLibrary}'s persisted start). */
function madeOrNull<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}

const articlesById = (corpus: Corpus): Map<string, Article> => finishNow(listingById(corpus));

/** Articles per step of {@link listingById}: well under a millisecond (the step runner's budget decides when the loop turns). */
const STEP_ARTICLES = 2_000;

/** The articles by id, pausing after every {@link STEP_ARTICLES} (a reload's map of 100,000 held the loop for 0.1 s). */
function* listingById(corpus: Corpus): Steps<Map<string, Article>> {
  const byId = new Map<string, Article>();
  const { articles } = corpus;
  for (let i = 0; i < articles.length; i += 1) {
    if (i > 0 && i % STEP_ARTICLES === 0) yield;
    byId.set(articles[i]!.id, articles[i]!);
  }
  return byId;
}

/** A value, or how to make it on first use (see {@link assemble}). */
type Lazy<T> = T | (() => T);

/**
 * The library object. `quotes` and `articles` given as functions are made on first read (and `quotes` may still be
 * replaced, as a cold start does when its quotations arrive).
 */
function assemble(
  corpus: Corpus,
  search: SearchIndex,
  quotes: Lazy<QuoteIndex>,
  now: () => Date,
  started: number,
  fromCache: boolean,
  facets: Facets,
  articles: Lazy<ReadonlyMap<string, Article>> = articlesById(corpus),
): Library {
  let quoteIndex = typeof quotes === 'function' ? null : quotes;
  let byId = typeof articles === 'function' ? null : articles;
  return {
    corpus,
    get articles() {
      byId ??= typeof articles === 'function' ? articles() : articles;
      return byId;
    },
    search,
    get quotes() {
      quoteIndex ??= typeof quotes === 'function' ? quotes() : quotes;
      return quoteIndex;
    },
    set quotes(value: QuoteIndex) {
      quoteIndex = value;
    },
    facets,
    loadedAt: now(),
    buildMs: performance.now() - started,
    fromCache,
    quotesPending: null,
  };
}

/**
 * What the bot does with a library just swapped in by a reload (src/main.ts, and the bench's reload measurement):
 * builds the lookup structures that restored indexes otherwise build on first use, in steps, the event loop turning,
 * so that neither a user's /ask or /quote nor one long block pays for them. A library built in a worker arrives with
 * both indexes prepared (see buildLibrary): then this does nothing.
 * @example await prepareReloaded(store.current); store.current.quotes.prepared // => true
 */
export async function prepareReloaded(library: Library): Promise<void> {
  await library.search.prepareInSteps();
  await library.quotes.prepareInSteps();
}

/**
 * Holds the current {@link Library} and replaces it atomically on reload; a failed reload keeps the old one.
 * Concurrent reloads are coalesced: a reload asked for while one runs starts once that one ends.
 */
export class LibraryStore {
  #current: Library;
  #running: Promise<ReloadResult> | null = null;
  #again = false;
  readonly #listeners: ((library: Library, previous: Library) => void)[] = [];

  /** `options` are handed to `build` on every reload (e.g. `{ worker: true, cacheDir }`). */
  constructor(
    initial: Library,
    private readonly seedsDir: string,
    private readonly build: typeof buildLibrary = buildLibrary,
    private readonly options: LibraryOptions = {},
  ) {
    this.#current = initial;
  }

  /** The library in use now. */
  get current(): Library {
    return this.#current;
  }

  /** True while a reload runs: receiving and swapping in the new library may hold the event loop for a moment. */
  get reloading(): boolean {
    return this.#running !== null;
  }

  /** Calls `listener` after each successful reload, with the new and the previous library. */
  onReload(listener: (library: Library, previous: Library) => void): void {
    this.#listeners.push(listener);
  }

  /** Re-reads the seeds folder and swaps the new library in; on failure keeps the old one and says why. */
  reload(): Promise<ReloadResult> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#reloadOnce().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        void this.reload();
      }
    });
    return this.#running;
  }

  async #reloadOnce(): Promise<ReloadResult> {
    const started = performance.now();
    try {
      const next = await this.build(this.seedsDir, undefined, this.options);
      const previous = this.#current;
      this.#current = next;
      for (const listener of this.#listeners) listener(next, previous);
      return { ok: true, articles: next.corpus.articles.length, skipped: next.corpus.skipped, ms: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: message, reason: withoutPaths(message, this.seedsDir) };
    }
  }
}

/**
 * A message fit for users: the seeds folder named as such, any other absolute path elided.
 * @example withoutPaths('no article could be loaded from /srv/bot/seeds (1 file skipped)', 'seeds')
 * // => 'no article could be loaded from the seeds folder (1 file skipped)'
 */
function withoutPaths(message: string, seedsDir: string): string {
  return message
    .split(path.resolve(seedsDir))
    .join('the seeds folder')
    .split(seedsDir)
    .join('the seeds folder')
    .replace(/(?:[A-Za-z]:)?[\\/][^\s:'"()]+/gu, '…');
}
