/**
 * Worker-thread entry of `loadCorpusOnTwoThreads`: loads its share of the seeds folder's files and extracts their
 * quotations, on the second core, while the main thread does the other share.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpusPart } from './loadCorpusPart.js';

interface Job {
  seedsDir: string;
  files: string[];
}

const { seedsDir, files } = workerData as Job;
try {
  parentPort!.postMessage({ ok: true, part: await loadCorpusPart(seedsDir, files) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
