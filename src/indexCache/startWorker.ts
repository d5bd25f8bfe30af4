import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` of this folder, with this file's extension (.ts under tsx in tests, .js when
 * compiled). Under tsx a worker thread does not inherit the TypeScript loader, so it registers it first.
 * @example startWorker('libraryWorker', { seedsDir: 'seeds', cacheDir: null })
 */
export function startWorker(name: string, workerData: unknown): Worker {
  const file = new URL(`./${name}${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
