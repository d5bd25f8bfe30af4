/**
 * Child process of `npm run bench`: starts like the bot does (load the seeds folder, build every index) and reports
 * the time from process start to ready, as one JSON line:
 *   node --expose-gc --import tsx bench/startToReady.ts --dir DIR [--cache DIR]
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
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, cache: { type: 'string' } } });
const library = await buildLibrary(values.dir!);
const readyMs = performance.now();
const figures: StartFigures = {
  articles: library.search.articleCount,
  readyMs,
  buildMs: library.buildMs,
  heapMb: heapMb().withBuffers,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
