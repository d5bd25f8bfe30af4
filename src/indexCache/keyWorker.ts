/**
 * Worker-thread entry of `snapshotKeyOffThread`: fingerprints the seeds folder and the code (every file stat'ed or
 * read) off the main thread, and posts the key back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { snapshotKey } from './snapshotKey.js';

const { seedsDir, cacheDir } = workerData as { seedsDir: string; cacheDir: string | null };
try {
  parentPort!.postMessage({ ok: true, key: await snapshotKey(seedsDir, cacheDir) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
