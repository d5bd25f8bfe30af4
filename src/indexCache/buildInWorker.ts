import type { LoadedSnapshot } from './loadSnapshot.js';
import { unpackSnapshotInSteps, type PackedSnapshot } from './packSnapshot.js';
import { runWorker } from './startWorker.js';

/**
 * {@link loadSnapshot} in a worker thread: the event loop stays free while files are parsed and indexes built, and
 * while the snapshot received is unpacked (in steps, see `unpackSnapshotInSteps`).
 * @example (await loadSnapshotInWorker('seeds', null)).snapshot.corpus.articles.length // => 365
 */
export async function loadSnapshotInWorker(seedsDir: string, cacheDir: string | null): Promise<LoadedSnapshot> {
  const { packed, fromCache } = await runWorker<{ packed: PackedSnapshot; fromCache: boolean }>('libraryWorker', { seedsDir, cacheDir }, seedsDir);
  return { snapshot: await unpackSnapshotInSteps(packed), fromCache };
}
