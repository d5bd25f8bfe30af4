import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';

/**
 * Starts the worker module `name` of this folder, with this file's extension (.ts under tsx in tests, .js when
 * compiled). Under tsx a worker thread does not inherit the TypeScript loader, so it registers it first. `transferList`:
 * what `workerData` holds that is moved rather than copied (e.g. a MessagePort to another worker).
 * @example startWorker('libraryWorker', { seedsDir: 'seeds', cacheDir: null })
 */
export function startWorker(name: string, workerData: unknown, transferList: Transferable[] = []): Worker {
  const file = new URL(`./${name}${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData, transferList });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true, workerData, transferList });
}

/** Thrown when a worker building (part of) the library fails or exits early. */
export class WorkerBuildError extends Error {
  override name = 'WorkerBuildError';
  constructor(readonly seedsDir: string, reason: string) {
    super(`building the library of ${seedsDir} in a worker failed: ${reason}`);
  }
}

/** The one message a worker of this folder posts: its result, or why it failed. */
export type WorkerAnswer<T> = ({ ok: true } & T) | { ok: false; error: string };

/**
 * Starts worker `name` and waits for its one answer; a failure it reports, an error or an early exit rejects with a
 * {@link WorkerBuildError} naming `seedsDir`. The worker is terminated once it has answered.
 * @example const { part } = await runWorker<{ part: CorpusPart }>('corpusPartWorker', { seedsDir, files }, seedsDir)
 */
export function runWorker<T>(name: string, workerData: unknown, seedsDir: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(name, workerData);
    let settled = false;
    worker.once('message', (message: WorkerAnswer<T>) => {
      settled = true;
      if (message.ok) resolve(message);
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
