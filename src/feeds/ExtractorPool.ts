import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from './extractArticle.js';

/** The worker's file, with this file's extension (.ts under tsx, .js when compiled). */
const workerFile = new URL(`./extractWorker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** Under tsx a worker thread does not inherit the TypeScript loader, so it registers it first (as src/indexCache does). */
function startWorker(): Worker {
  if (!workerFile.pathname.endsWith('.ts')) return new Worker(workerFile);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); })`;
  return new Worker(boot, { eval: true });
}

type Pending = { resolve: (article: ExtractedArticle | null) => void; reject: (error: Error) => void };

/**
 * Extracts articles in one worker thread, started on first use and kept (unreferenced while idle, so it never holds
 * the process open). A crashed worker fails its pending pages (they fall back to the feed's text) and is restarted
 * on the next page.
 * @example const pool = new ExtractorPool(); await pool.extract(html, 'https://x.org/a') // => { headline: …, paragraphs: [ … ] }
 */
export class ExtractorPool {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #next = 0;

  #start(): Worker {
    const worker = startWorker();
    worker.on('message', (message: { id: number; article?: ExtractedArticle | null; error?: string }) => {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) worker.unref();
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.article ?? null);
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the extraction worker exited with code ${code}`)));
    return worker;
  }

  /** Extracts the article of `html` (fetched from `url`) in the worker. */
  extract(html: string, url: string): Promise<ExtractedArticle | null> {
    this.#worker ??= this.#start();
    const worker = this.#worker;
    const id = this.#next++;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, html, url });
    });
  }

  /** Stops the worker; pending pages fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}
