/**
 * Worker-thread entry of `loadSnapshotInWorker`: loads or builds the snapshot off the main thread and posts it back,
 * packed (see `packSnapshot`), its buffers transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPackedSnapshot } from './loadSnapshot.js';
import { packedBuffers } from './packSnapshot.js';
import { lowerThreadPriority } from './threadPriority.js';

interface Job {
  seedsDir: string;
  cacheDir: string | null;
}

const { seedsDir, cacheDir } = workerData as Job;
// A reload (or a start that chose a worker) is background work: the main thread answering interactions comes first.
lowerThreadPriority();
try {
  // Packed, the snapshot is a few buffers moved to the main thread, not a million objects cloned there.
  const { packed, fromCache } = await loadPackedSnapshot(seedsDir, cacheDir);
  parentPort!.postMessage({ ok: true, packed, fromCache }, packedBuffers(packed));
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
