/**
 * Quotation extraction time per article over the BBC News 2005 corpus (../shared/corpora/bbc-news-2005), the
 * budget of issue #13: under 1 ms per article on average. Prints one JSON line for bench/run.ts:
 *
 *   npx tsx bench/extractBench.ts            # 3 timed passes after one warm-up pass
 *   npx tsx bench/extractBench.ts --passes 1
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/corpus/index.js';
import { extractQuotes } from '../src/quotes/index.js';
import { sharedCorpora } from './corpus.js';

/** What one run measured. */
export interface ExtractFigures {
  articles: number;
  quotes: number;
  /** Mean milliseconds per article over the timed passes (the fastest pass, wall clock). */
  msPerArticle: number;
  /** The same in CPU time of this process (less sensitive to other work on the machine). */
  cpuMsPerArticle: number;
}

const passesArg = process.argv.indexOf('--passes');
const passes = passesArg > 0 ? Number(process.argv[passesArg + 1]) : 3;
const dir = path.join(sharedCorpora, 'bbc-news-2005');
if (!existsSync(dir)) {
  process.stderr.write(`bench/extractBench.ts: ${dir} is absent (the research corpora are not part of the repository); nothing to time.\n`);
  process.exit(1);
}
if (!Number.isInteger(passes) || passes < 1) {
  process.stderr.write(`bench/extractBench.ts: --passes must be a whole number of at least 1 (got ${process.argv[passesArg + 1]}).\n`);
  process.exit(1);
}
const { articles } = await loadCorpus(dir);
let quotes = 0;
for (const article of articles) quotes += extractQuotes(article).length;
let best = Infinity;
let bestCpu = Infinity;
for (let pass = 0; pass < passes; pass += 1) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const article of articles) extractQuotes(article);
  const used = process.cpuUsage(cpu);
  best = Math.min(best, performance.now() - started);
  bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
}
const figures: ExtractFigures = { articles: articles.length, quotes, msPerArticle: best / articles.length, cpuMsPerArticle: bestCpu / articles.length };
process.stdout.write(`${JSON.stringify(figures)}\n`);
