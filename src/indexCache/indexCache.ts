import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../corpus/types.js';
import type { QuoteIndexJSON } from '../quotes/index.js';
import type { SearchIndexData } from '../search/index.js';
import { ALL_SECTIONS, completeSection, encodeCacheFile, packedOf, readCacheFile, type CacheFileRead, type CacheSection } from './cacheSections.js';
import { packSnapshotInSteps, type PackedSnapshot, type StringGroup } from './packSnapshot.js';
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
 * `warn`: told, in one line, when a section of the file left for later cannot be read then (see {@link sectionReader}).
 * @example (await readIndexCacheAnyKey(readCacheBytes('.newsdesk/cache')))?.key // => '9f2c…' or null
 */
export async function readIndexCacheAnyKey(bytes: Promise<CacheFileRead | null>, warn: (message: string) => void = warnOnStderr): Promise<IndexSnapshot | null> {
  const file = await bytes;
  const packed = file && packedOrNull(file);
  return packed && restoredOrNull(packed, sectionReader(file, warn));
}

/** The default `warn` of a library: a line on stderr, as the bot's other start-up messages. */
export const warnOnStderr = (message: string): void => void process.stderr.write(`newsdesk: ${message}\n`);

/**
 * Reads a section of `file` left for later, when first needed (see restoreSnapshot); `warn` is told once per section
 * that cannot be read then (an I/O error, the file cut short in place): its paragraphs' text shows empty, or its
 * quotations are extracted again from the articles (see buildLibrary). The file read back is let go once all is read.
 */
function sectionReader(file: CacheFileRead, warn: (message: string) => void): (section: StringGroup) => boolean {
  let unread: CacheFileRead | null = file;
  const warned = new Set<StringGroup>();
  return (section) => {
    if (!unread) return true;
    if (!completeSection(unread, section)) {
      if (!warned.has(section)) {
        warned.add(section);
        const what = section === 'text' ? "the articles' text" : 'the quotations';
        const meanwhile = section === 'text' ? 'answers show excerpts without it' : 'they are extracted again from the articles';
        warn(`could not read ${what} from the index cache file ${unread.file} (${meanwhile}); restart the bot, and if this repeats delete that file so that the next start rebuilds it`);
      }
      return false;
    }
    // Every section read (the file closed): their arrays are in the packed snapshot, the file read back not needed.
    if (unread.fd === null) unread = null;
    return true;
  };
}

/** The snapshot of a packed one read back, its sections read when first used (see restoreSnapshot); null when it cannot be. */
function restoredOrNull(packed: PackedSnapshot, readSection: (section: StringGroup) => boolean): IndexSnapshot | null {
  try {
    return restoreSnapshot(packed, readSection);
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
 * The cache file read back, null when there is none (or it cannot be read, or is not a cache file): its `sections`
 * read now, the others when first used (a persisted start reads only the library's: the paragraphs' text and the
 * quotations are not on the way to ready). Started before the seeds are fingerprinted, the read runs on the thread
 * pool while the main thread loads the code, instead of after.
 * @example (await readCacheBytes('.newsdesk/cache'))?.buffers.library // => <Buffer …> or undefined
 */
export async function readCacheBytes(cacheDir: string, sections: readonly CacheSection[] = ['library']): Promise<CacheFileRead | null> {
  try {
    return await readCacheFile(cacheFile(cacheDir), sections);
  } catch {
    return null;
  }
}

/**
 * {@link readIndexCache} without unpacking: what a worker thread posts as is (its arrays views into the sections'
 * own buffers, which are transferred). `bytes`: the file, read already ({@link readCacheBytes}); read now when absent.
 * @example (await readPackedCache('.newsdesk/cache', key))?.strings.chunks.length // => 2
 */
export async function readPackedCache(cacheDir: string, key: string, bytes: Promise<CacheFileRead | null> = readCacheBytes(cacheDir, ALL_SECTIONS)): Promise<PackedSnapshot | null> {
  const file = await bytes;
  const packed = file && packedOrNull(file);
  // Posted whole: every section (read already when read with ALL_SECTIONS).
  return packed && packed.key === key && ALL_SECTIONS.every((section) => completeSection(file, section)) ? packed : null;
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
