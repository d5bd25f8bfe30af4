/**
 * Worker-thread entry of `buildLibraryInWorker`: loads or builds the snapshot off the main thread and posts it back,
 * the index's typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSnapshot } from './loadSnapshot.js';

interface Job {
  seedsDir: string;
  cacheDir: string | null;
}

const { seedsDir, cacheDir } = workerData as Job;
try {
  const loaded = await loadSnapshot(seedsDir, cacheDir);
  const { search } = loaded.snapshot;
  const buffers = [search.passages, search.heads].flatMap((postings) => [postings.offsets, postings.docs, postings.counts, postings.lengths]);
  const transfer = [...buffers, search.passageArticle, search.passageParagraph, search.articlePassages, search.dictionary.passageFrequency].map((array) => array.buffer as ArrayBuffer);
  parentPort!.postMessage({ ok: true, loaded }, [...new Set(transfer)]);
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
