import type { LoadedSnapshot } from './loadSnapshot.js';
import { unpackSnapshotInTurns, type PackedSnapshot } from './packSnapshot.js';
import { runWorker } from './startWorker.js';

/**
 * {@link loadSnapshot} in a worker thread: the event loop stays free while files are parsed and indexes built.
 * @example (await loadSnapshotInWorker('seeds', null)).snapshot.corpus.articles.length // => 365
 */
export async function loadSnapshotInWorker(seedsDir: string, cacheDir: string | null): Promise<LoadedSnapshot> {
  const { packed, fromCache } = await runWorker<{ packed: PackedSnapshot; fromCache: boolean }>('libraryWorker', { seedsDir, cacheDir }, seedsDir);
  // Receiving the message (structured clone) held the event loop already: unpacking starts on the next turn, and takes
  // several.
  return { snapshot: await unpackSnapshotInTurns(packed), fromCache };
}
