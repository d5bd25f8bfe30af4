import type { LoadedSnapshot } from './loadSnapshot.js';
import { unpackSnapshot, type PackedSnapshot } from './packSnapshot.js';
import { startWorker } from './startWorker.js';

/** Thrown when the worker building the library fails or exits early. */
export class WorkerBuildError extends Error {
  override name = 'WorkerBuildError';
  constructor(readonly seedsDir: string, reason: string) {
    super(`building the library of ${seedsDir} in a worker failed: ${reason}`);
  }
}


/**
 * {@link loadSnapshot} in a worker thread: the event loop stays free while files are parsed and indexes built.
 * @example (await loadSnapshotInWorker('seeds', null)).snapshot.corpus.articles.length // => 365
 */
export function loadSnapshotInWorker(seedsDir: string, cacheDir: string | null): Promise<LoadedSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('libraryWorker', { seedsDir, cacheDir });
    let settled = false;
    worker.once('message', (message: { ok: true; packed: PackedSnapshot; fromCache: boolean } | { ok: false; error: string }) => {
      settled = true;
      if (message.ok) resolve({ snapshot: unpackSnapshot(message.packed), fromCache: message.fromCache });
      else reject(new WorkerBuildError(seedsDir, message.error));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(new WorkerBuildError(seedsDir, error.message));
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new WorkerBuildError(seedsDir, `worker exited with code ${code}`));
      settled = true;
    });
  });
}
