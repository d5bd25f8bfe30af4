/**
 * Child process of `npm run bench`: starts like the bot does (load the seeds folder, build every index) and reports
 * the time from process start to ready, as one JSON line. Run compiled, as `npm start` runs the bot (module loading
 * without a TypeScript compiler is part of the figure):
 *   node --expose-gc dist/bench/startToReady.js --dir DIR [--cache DIR] [--worker] [--reload]
 * "Ready" is ready for /ask, as the bot declares it: after a cold start the quotations are still being extracted in
 * the background (buildLibrary's backgroundQuotes, as src/main.ts starts); `quotesReadyMs` is when they are indexed
 * and their lookup structures built (as the bot does on their arrival), `quotesStallMs` the longest event-loop stall
 * in between. The options are the bot's own (startOptions, as src/main.ts): with --cache and seeds that changed, the
 * new index is written after ready (persistLater), so "cache: build + persist" reports ready for /ask like a bot's
 * first start, and `persistedMs` when the index is on disk (after the quotations, as the bot writes it). With --reload, once ready it also re-reads the seeds in a worker thread (LibraryStore.reload, as the seeds watcher
 * does) and prepares it as the bot does after the swap (prepareReloaded), and reports the longest event-loop stall
 * from the reload's start until the new library is prepared (perf_hooks.monitorEventLoopDelay).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startSnapshotKey } from '../src/indexCache/snapshotKey.js';
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
  /** From process start to the quotations indexed and prepared (the same as `readyMs` when they came with it). */
  quotesReadyMs: number;
  /** Longest event-loop stall between ready and quotes ready (0 when they came with it). */
  quotesStallMs: number;
  /** From process start to the newly built index written to --cache (absent when it was read from there). */
  persistedMs?: number;
  /** With --reload: the reload's duration and the longest event-loop stall during it (monitorEventLoopDelay max). */
  reloadMs?: number;
  /** From the reload's start until the new library is swapped in and prepared as the bot prepares it (prepareReloaded). */
  reloadPreparedMs?: number;
  /** Longest event-loop stall from the reload's start until the new library is prepared. */
  reloadStallMs?: number;
}

const { values } = parseArgs({
  options: { dir: { type: 'string' }, cache: { type: 'string' }, worker: { type: 'boolean', default: false }, reload: { type: 'boolean', default: false } },
});
// As src/main.ts starts: the seeds fingerprinted on another thread while the library's code loads.
if (!values.worker) startSnapshotKey(values.dir!, values.cache ?? null);
const { buildLibrary, LibraryStore, prepareReloaded, startOptions } = await import('../src/library.js');
// The longest the event loop went without turning while the library was built: what Discord heartbeats would see.
let blockedMs = 0;
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  blockedMs = Math.max(blockedMs, now - last);
  last = now;
}, 5);
const options = { ...startOptions(values.cache ?? null), worker: values.worker };
const library = await buildLibrary(values.dir!, undefined, options);
const readyMs = performance.now();
const readyBlockedMs = Math.max(blockedMs, readyMs - last);
// From here the ticker measures the stalls while the quotations come in (and are prepared, as the bot does).
blockedMs = 0;
last = readyMs;
const buildMs = library.buildMs;
let quotesReadyMs = readyMs;
let quotesStallMs = 0;
if (library.quotesPending) {
  await library.quotesPending;
  library.quotes.prepare();
  quotesReadyMs = performance.now();
  quotesStallMs = Math.max(blockedMs, quotesReadyMs - last);
}
clearInterval(ticker);
const figures: StartFigures = {
  articles: library.search.articleCount,
  readyMs,
  buildMs,
  heapMb: heapMb().withBuffers,
  blockedMs: readyBlockedMs,
  quotesReadyMs,
  quotesStallMs,
};
// As the bot does once ready: the next start (the bench's next mode) reads it.
if (library.persistSnapshot) {
  await library.persistSnapshot();
  figures.persistedMs = performance.now();
}
if (values.reload) {
  const reloadStarted = performance.now();
  const store = new LibraryStore(library, values.dir!, buildLibrary, { ...options, worker: true });
  // What the bot does after the swap (src/main.ts's reload listener) is part of the reload: measured until the new
  // library is fully prepared, not only until it is swapped in.
  let prepared: Promise<void> = Promise.resolve();
  store.onReload((next) => {
    prepared = new Promise((resolve, reject) => setImmediate(() => prepareReloaded(next).then(resolve, reject)));
  });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const result = await store.reload();
  await prepared;
  const preparedMs = performance.now();
  // The histogram records a stall when its timer next fires: disabled right after the reload's last synchronous step
  // (receiving and swapping in the new library), it would never see that step (an earlier version of this bench
  // reported 12 ms where the swap held the loop for 100+ ms). One more timer period lets it record the step.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  if (!result.ok) throw new Error(`reload failed: ${result.error}`);
  figures.reloadMs = result.ms;
  figures.reloadPreparedMs = preparedMs - reloadStarted;
  figures.reloadStallMs = delay.max / 1e6;
}
process.stdout.write(`${JSON.stringify(figures)}\n`);
