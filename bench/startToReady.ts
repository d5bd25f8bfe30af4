/**
 * Child process of `npm run bench`: starts like the bot does (load the seeds folder, build every index) and reports
 * the time from process start to ready, as one JSON line:
 *   node --expose-gc --import tsx bench/startToReady.ts --dir DIR [--cache DIR] [--worker]
 */
import { parseArgs } from 'node:util';
import { buildLibrary } from '../src/library.js';
import { heapMb } from './stats.js';

/** What one start reports. */
export interface StartFigures {
  articles: number;
  /** From process start (node and module loading included) to a library ready to answer. */
  readyMs: number;
  /** Inside buildLibrary only. */
  buildMs: number;
  heapMb: number;
  /** Longest event-loop stall during the build. */
  blockedMs: number;
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, cache: { type: 'string' }, worker: { type: 'boolean', default: false } } });
// The longest the event loop went without turning while the library was built: what Discord heartbeats would see.
let blockedMs = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  blockedMs = Math.max(blockedMs, now - last);
  last = now;
}, 5);
const library = await buildLibrary(values.dir!, undefined, { cacheDir: values.cache ?? null, worker: values.worker });
const readyMs = performance.now();
clearInterval(ticker);
blockedMs = Math.max(blockedMs, readyMs - last);
const figures: StartFigures = {
  articles: library.search.articleCount,
  readyMs,
  buildMs: library.buildMs,
  heapMb: heapMb().withBuffers,
  blockedMs,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
