import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedSnapshot } from './loadSnapshot.js';
import { unpackSnapshot, type PackedSnapshot } from './packSnapshot.js';

/** Thrown when the worker building the library fails or exits early. */
export class WorkerBuildError extends Error {
  override name = 'WorkerBuildError';
  constructor(readonly seedsDir: string, reason: string) {
    super(`building the library of ${seedsDir} in a worker failed: ${reason}`);
  }
}

/** The worker's file, with this file's extension (.ts under tsx, .js when compiled). */
const workerFile = new URL(`./libraryWorker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** Starts the worker; under tsx, a worker thread does not inherit the TypeScript loader, so it registers it first. */
function startWorker(workerData: unknown): Worker {
  if (!workerFile.pathname.endsWith('.ts')) return new Worker(workerFile, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * {@link loadSnapshot} in a worker thread: the event loop stays free while files are parsed and indexes built.
 * @example (await loadSnapshotInWorker('seeds', null)).snapshot.corpus.articles.length // => 365
 */
export function loadSnapshotInWorker(seedsDir: string, cacheDir: string | null): Promise<LoadedSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ seedsDir, cacheDir });
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
