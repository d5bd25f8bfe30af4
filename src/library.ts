import path from 'node:path';
import { loadCorpus } from './corpus/index.js';
import type { Article, Corpus, SkippedFile } from './corpus/types.js';
import { EmptyCorpusError, loadSnapshot, loadSnapshotInWorker } from './indexCache/index.js';
import { QuoteIndex } from './quotes/index.js';
import { collectFacets, SearchIndex, type Facets } from './search/index.js';

/** The loaded coverage and everything built from it; replaced as a whole on reload. */
export interface Library {
  corpus: Corpus;
  /** Articles by id. */
  articles: ReadonlyMap<string, Article>;
  search: SearchIndex;
  quotes: QuoteIndex;
  /** Sections, outlets and date range of the coverage. */
  facets: Facets;
  /** When this library was built. */
  loadedAt: Date;
  /** How long loading and indexing took, in milliseconds. */
  buildMs: number;
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
}

const defaultLibraryOptions: Required<LibraryOptions> = { cacheDir: null, worker: false };

/**
 * Loads a seeds folder and builds its indexes (or reads them from `options.cacheDir` when the seeds are unchanged).
 * @example const library = await buildLibrary('seeds'); library.search.articleCount // => 365
 */
export async function buildLibrary(seedsDir: string, now: () => Date = () => new Date(), options: LibraryOptions = {}): Promise<Library> {
  const { cacheDir, worker } = { ...defaultLibraryOptions, ...options };
  const started = performance.now();
  if (worker || cacheDir) {
    const { snapshot, fromCache } = worker ? await loadSnapshotInWorker(seedsDir, cacheDir) : await loadSnapshot(seedsDir, cacheDir);
    const { corpus } = snapshot;
    return assemble(corpus, SearchIndex.fromData(corpus.articles, snapshot.search), QuoteIndex.fromJSON(snapshot.quotes), now, started, fromCache);
  }
  const corpus = await loadCorpus(seedsDir);
  if (corpus.articles.length === 0 && corpus.skipped.length > 0) throw new EmptyCorpusError(seedsDir, corpus.skipped.length);
  return assemble(corpus, SearchIndex.build(corpus.articles), QuoteIndex.fromArticles(corpus.articles), now, started, false);
}

function assemble(corpus: Corpus, search: SearchIndex, quotes: QuoteIndex, now: () => Date, started: number, fromCache: boolean): Library {
  return {
    corpus,
    articles: new Map(corpus.articles.map((article) => [article.id, article])),
    search,
    quotes,
    facets: collectFacets(corpus.articles),
    loadedAt: now(),
    buildMs: performance.now() - started,
    fromCache,
  };
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
 * @example withoutPaths('no article could be loaded from /srv/bot/seeds (1 files skipped)', 'seeds')
 * // => 'no article could be loaded from the seeds folder (1 files skipped)'
 */
function withoutPaths(message: string, seedsDir: string): string {
  return message
    .split(path.resolve(seedsDir))
    .join('the seeds folder')
    .split(seedsDir)
    .join('the seeds folder')
    .replace(/(?:[A-Za-z]:)?[\\/][^\s:'"()]+/gu, '…');
}
