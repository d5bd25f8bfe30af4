import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../corpus/types.js';
import type { QuoteIndexJSON } from '../quotes/index.js';
import type { SearchIndexData } from '../search/index.js';
import { completeSection, encodeCacheFile, packedOf, readCacheFile, type CacheFileRead } from './cacheSections.js';
import { packSnapshotInSteps, type PackedSnapshot } from './packSnapshot.js';
import { restoreSnapshot } from './restoreSnapshot.js';
import { INDEX_CACHE_VERSION } from './cacheVersion.js';

export { INDEX_CACHE_VERSION } from './cacheVersion.js';

/** What is persisted: the parsed corpus and the built indexes, keyed by the seeds folder's fingerprint. */
export interface IndexSnapshot {
  version: number;
  /** The seeds fingerprint this snapshot was built from (see `seedsFingerprint`). */
  key: string;
  corpus: Corpus;
  search: SearchIndexData;
  quotes: QuoteIndexJSON;
}

/** The cache file of a seeds folder inside `cacheDir`. */
export function cacheFile(cacheDir: string): string {
  return path.join(cacheDir, 'library.v8');
}

/**
 * Reads the snapshot in `cacheDir` if it was built from seeds with fingerprint `key`; null when missing, stale or
 * unreadable (a damaged cache is rebuilt, never trusted). `key` may still be being computed (on another thread,
 * see `snapshotKeyOffThread`): the file is then read back meanwhile and its key compared once known.
 * @example await readIndexCache('.newsdesk/cache', key) // => { version: 2, key, corpus, search, quotes } or null
 */
export async function readIndexCache(cacheDir: string, key: string | Promise<string>, bytes: Promise<CacheFileRead | null> = readCacheBytes(cacheDir)): Promise<IndexSnapshot | null> {
  const snapshot = await readIndexCacheAnyKey(bytes);
  return snapshot && snapshot.key === (await key) ? snapshot : null;
}

/**
 * {@link readIndexCache} whatever the snapshot's key: for a caller that makes its indexes while the seeds are still
 * being fingerprinted and compares `snapshot.key` once the key is known (a stale snapshot must then be dropped).
 * @example (await readIndexCacheAnyKey(readCacheBytes('.newsdesk/cache')))?.key // => '9f2c…' or null
 */
export async function readIndexCacheAnyKey(bytes: Promise<CacheFileRead | null>): Promise<IndexSnapshot | null> {
  const file = await bytes;
  const packed = file && packedOrNull(file);
  return packed && restoredOrNull(file, packed);
}

/** The snapshot of a cache file read back; its quotations read from the file when first read (see restoreSnapshot). */
function restoredOrNull(file: CacheFileRead, packed: PackedSnapshot): IndexSnapshot | null {
  try {
    return restoreSnapshot(packed, () => completeSection(file, 'quotes'));
  } catch {
    return null;
  }
}

/** The packed snapshot of a cache file, whatever its key; null when it is of another version or unreadable. */
function packedOrNull(file: CacheFileRead): PackedSnapshot | null {
  try {
    const packed = packedOf(file) as Partial<PackedSnapshot>;
    if (packed.version !== INDEX_CACHE_VERSION || typeof packed.key !== 'string' || !packed.strings?.chunks || !packed.search || !packed.quotes) return null;
    return packed as PackedSnapshot;
  } catch {
    return null;
  }
}

/**
 * The cache file read back (its sections, see cacheSections.ts; the quotations' section is read when first used), null
 * when there is none (or it cannot be read, or is not a cache file). Started before the seeds are fingerprinted, the read runs on the thread pool while the main
 * thread loads the code, instead of after.
 * @example (await readCacheBytes('.newsdesk/cache'))?.buffers.library // => <Buffer …> or undefined
 */
export async function readCacheBytes(cacheDir: string): Promise<CacheFileRead | null> {
  try {
    // Not the quotations' section: read when first used (a persisted start's ready does not wait for it).
    return await readCacheFile(cacheFile(cacheDir), ['library', 'text']);
  } catch {
    return null;
  }
}

/**
 * {@link readIndexCache} without unpacking: what a worker thread posts as is (its arrays views into the sections'
 * own buffers, which are transferred). `bytes`: the file, read already ({@link readCacheBytes}); read now when absent.
 * @example (await readPackedCache('.newsdesk/cache', key))?.strings.chunks.length // => 2
 */
export async function readPackedCache(cacheDir: string, key: string, bytes: Promise<CacheFileRead | null> = readCacheBytes(cacheDir)): Promise<PackedSnapshot | null> {
  const file = await bytes;
  const packed = file && packedOrNull(file);
  // Posted whole: the quotations' section too.
  return packed && packed.key === key && completeSection(file, 'quotes') ? packed : null;
}

/**
 * Writes `snapshot` to `cacheDir`, atomically (a temporary file renamed over the old one): a crash mid-write leaves
 * the previous cache, never half a file.
 * @example await writeIndexCache('.newsdesk/cache', snapshot) // => undefined; .newsdesk/cache/library.v8 written
 */
export async function writeIndexCache(cacheDir: string, snapshot: IndexSnapshot): Promise<void> {
  // Packed in steps: the bot writes its index while it answers.
  await writePackedCache(cacheDir, await packSnapshotInSteps(snapshot));
}

/**
 * {@link writeIndexCache} of a snapshot packed already.
 * @example await writePackedCache('.newsdesk/cache', packSnapshot(snapshot)) // => undefined
 */
export async function writePackedCache(cacheDir: string, packed: PackedSnapshot): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = cacheFile(cacheDir);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writev(encodeCacheFile(packed));
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
