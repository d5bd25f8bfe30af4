import { loadCorpus } from './corpus/index.js';
import type { Article, Corpus, SkippedFile } from './corpus/types.js';
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
}

/** The outcome of {@link LibraryStore.reload}. */
export type ReloadResult =
  | { ok: true; articles: number; skipped: SkippedFile[]; ms: number }
  | { ok: false; error: string };

/**
 * Loads a seeds folder and builds its indexes.
 * @example const library = await buildLibrary('seeds'); library.search.articleCount // => 365
 */
export async function buildLibrary(seedsDir: string, now: () => Date = () => new Date()): Promise<Library> {
  const started = performance.now();
  const corpus = await loadCorpus(seedsDir);
  if (corpus.articles.length === 0 && corpus.skipped.length > 0) {
    throw new Error(`no article could be loaded from ${seedsDir} (${corpus.skipped.length} files skipped)`);
  }
  const search = SearchIndex.build(corpus.articles);
  const quotes = QuoteIndex.fromArticles(corpus.articles);
  return {
    corpus,
    articles: new Map(corpus.articles.map((article) => [article.id, article])),
    search,
    quotes,
    facets: collectFacets(corpus.articles),
    loadedAt: now(),
    buildMs: performance.now() - started,
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

  constructor(initial: Library, private readonly seedsDir: string, private readonly build: typeof buildLibrary = buildLibrary) {
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
      const next = await this.build(this.seedsDir);
      const previous = this.#current;
      this.#current = next;
      for (const listener of this.#listeners) listener(next, previous);
      return { ok: true, articles: next.corpus.articles.length, skipped: next.corpus.skipped, ms: performance.now() - started };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
