import { QuoteIndex } from '../quotes/index.js';
import { SearchIndex } from '../search/index.js';
import { INDEX_CACHE_VERSION, readCacheBytes, readIndexCache, readPackedCache, writeIndexCache, writePackedCache, type IndexSnapshot } from './indexCache.js';
import { packSnapshot, type PackedSnapshot } from './packSnapshot.js';
import { EmptyCorpusError } from './emptyCorpusError.js';
import { ALL_SECTIONS } from './cacheSections.js';
import { snapshotKey } from './snapshotKey.js';

export { EmptyCorpusError } from './emptyCorpusError.js';
export { snapshotKey } from './snapshotKey.js';

/** A snapshot and where it came from. */
export interface LoadedSnapshot {
  snapshot: IndexSnapshot;
  /** True when read from the cache, false when built from the seeds (and then persisted, if a cache dir is set). */
  fromCache: boolean;
}


/**
 * The corpus and indexes of `seedsDir` as plain data: read from `cacheDir` when the seeds are unchanged since it was
 * written, else loaded, built and (with a `cacheDir`) persisted. Plain data crosses a worker boundary.
 * @example (await loadSnapshot('seeds', '.newsdesk/cache')).fromCache // => true on the second start
 */
export async function loadSnapshot(seedsDir: string, cacheDir: string | null): Promise<LoadedSnapshot> {
  const bytes = cacheDir ? readCacheBytes(cacheDir) : null;
  const key = await snapshotKey(seedsDir, cacheDir);
  if (cacheDir && bytes) {
    const cached = await readIndexCache(cacheDir, key, bytes);
    if (cached) return { snapshot: cached, fromCache: true };
  }
  const snapshot = await buildSnapshot(seedsDir, key);
  if (cacheDir) await writeIndexCache(cacheDir, snapshot);
  return { snapshot, fromCache: false };
}

/**
 * {@link loadSnapshot}, packed (see `packSnapshot`): a cache hit is not unpacked here, for a worker thread to post.
 * @example (await loadPackedSnapshot('seeds', '.newsdesk/cache')).fromCache // => true on the second start
 */
export async function loadPackedSnapshot(seedsDir: string, cacheDir: string | null): Promise<{ packed: PackedSnapshot; fromCache: boolean }> {
  // The cache file is read on the thread pool while the seeds are fingerprinted: all of it, posted whole.
  const bytes = cacheDir ? readCacheBytes(cacheDir, ALL_SECTIONS) : null;
  const key = await snapshotKey(seedsDir, cacheDir);
  if (cacheDir && bytes) {
    const cached = await readPackedCache(cacheDir, key, bytes);
    if (cached) return { packed: cached, fromCache: true };
  }
  const packed = packSnapshot(await buildSnapshot(seedsDir, key));
  if (cacheDir) await writePackedCache(cacheDir, packed);
  return { packed, fromCache: false };
}

async function buildSnapshot(seedsDir: string, key: string): Promise<IndexSnapshot> {
  // Reading, parsing, tokenizing and quote extraction, the bulk of a cold start, on both cores.
  // Loaded here, not at the top: the parsers are not needed when the snapshot is read back (see src/library.ts).
  const { loadCorpusOnTwoThreads } = await import('./loadCorpusPart.js');
  const { corpus, quotes, search } = await loadCorpusOnTwoThreads(seedsDir, { index: true });
  if (corpus.articles.length === 0 && corpus.skipped.length > 0) throw new EmptyCorpusError(seedsDir, corpus.skipped.length);
  return {
    version: INDEX_CACHE_VERSION,
    key,
    corpus,
    search: search ?? SearchIndex.build(corpus.articles).toData(),
    quotes: QuoteIndex.fromExtracted(corpus.articles, quotes).toJSON(),
  };
}
