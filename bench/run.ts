/**
 * `npm run bench` (`-- --quick` for 1x only): newsdesk against the plain design (fuse.js over whole articles) on the
 * research corpora at 1x/4x/16x and a generated 100,000-article corpus; prints the table; the full run (not --quick)
 * writes BENCHMARKS.md. The scratch folder in the temporary directory is removed at the end.
 * Every measurement runs in a child process of its own, so heaps do not mix.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { corpusArticles, haveResearch, prepareResearch, projectRoot, workDir, writeCorpus, type CorpusName } from './corpus.js';
import type { DesignFigures } from './measureDesign.js';
import { rm } from 'node:fs/promises';
import { saveReport } from './saveReport.js';
import { renderReport, type BenchResults, type StartMode } from './report.js';
import type { LoadRunFigures } from './loadRun.js';
import type { StartFigures } from './startToReady.js';
import type { FeedFigures } from './feedsBench.js';
import { measureWholeProcess } from './wholeProcess.js';
import { build, isStale } from '../scripts/build.mjs';
import type { ExtractFigures } from './extractBench.js';
import { percentile } from './stats.js';

const quick = process.argv.includes('--quick');
/** `--only load`: run one section (a quick check while working on it); BENCHMARKS.md is then left as it is. */
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? null) : null;
const SECTIONS = ['search', 'start', 'load', 'whole', 'feeds'] as const;
if (only !== null && !(SECTIONS as readonly string[]).includes(only)) {
  process.stderr.write(`bench: --only takes one of ${SECTIONS.join(', ')}; got ${only}\n`);
  process.exit(2);
}
const runs = (section: (typeof SECTIONS)[number]): boolean => only === null || only === section;
/** `--load-count N`: interactions of the load run (default 1,000; fewer for a quick check). */
const loadCountIndex = process.argv.indexOf('--load-count');
const LOAD_COUNT = loadCountIndex >= 0 ? Number(process.argv[loadCountIndex + 1]) : 1000;
const LOAD_RATE = 100;
/** Longest a child may run before it is stopped and its row reported as timed out. */
const CHILD_TIMEOUT_MS = 240_000;
/** The same for newsdesk on the corpora beyond 4x. */
const LARGE_CHILD_TIMEOUT_MS = 600_000;
/** The baseline is skipped where one query would take longer than this (projected linearly from the last size). */
const BASELINE_QUERY_LIMIT_MS = 10_000;
const SIZES: Record<CorpusName, number> = { '1x': 1, '4x': 4, '16x': 16, '100k': 100_000 / 7_050 };

/**
 * Runs a bench script in a fresh node and parses the JSON line it prints; null (and why) when it fails. `compiled`:
 * its JavaScript in dist/bench (as `npm start` runs the bot), else the TypeScript through tsx.
 */
function child<T>(script: string, args: string[], compiled = false, timeoutMs = CHILD_TIMEOUT_MS): Promise<{ value: T | null; error: string | null }> {
  return new Promise((resolve) => {
    const entry = compiled ? [`dist/bench/${script.replace(/\.ts$/u, '.js')}`] : ['--import', 'tsx', path.join('bench', script)];
    const proc = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', ...entry, ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve({ value: JSON.parse(line) as T, error: null });
      else resolve({ value: null, error: signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit ${code}: ${err.trim().split('\n').slice(-3).join(' ')}` });
    });
  });
}

function log(message: string): void {
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${message}\n`);
}

// The start-to-ready and whole-process figures run the compiled JavaScript, as `npm start` does.
if (isStale()) await build();
const loadAtStart = os.loadavg()[0]!;
const results: BenchResults = { quick, research: haveResearch(), designs: [], starts: [], notes: [] };
if (!results.research) results.notes.push('../shared/corpora is absent: every corpus is generated from a synthetic vocabulary.');
log(`preparing corpora (${results.research ? 'research corpora found in ../shared' : '../shared absent, synthetic corpus'})`);
await prepareResearch();

const corpora: CorpusName[] = !runs('search') ? [] : quick ? ['1x'] : ['1x', '4x', '16x', '100k'];
/**
 * newsdesk's /ask p50/p95 at 1x as the medians of {@link ASK_RUNS} fresh processes: the p95 of one run of 60 questions
 * is its third-slowest query, and moved 15-33 ms between runs of the same code (session 14). Each run is a fresh
 * process, so none answers from the articles an earlier run has already read (asking the questions again in one process
 * would). The 1x target (30 ms) is the one this noise crosses; the other sizes run once.
 */
const ASK_RUNS = 3;

async function withRepeatedTimings(first: DesignFigures): Promise<DesignFigures> {
  const p50 = [first.askP50];
  const p95 = [first.askP95];
  for (let run = 1; run < ASK_RUNS; run += 1) {
    const again = await child<DesignFigures>('measureDesign.ts', ['--design', 'newsdesk', '--corpus', '1x']);
    if (!again.value) return first;
    p50.push(again.value.askP50);
    p95.push(again.value.askP95);
  }
  return { ...first, askP50: percentile(p50, 50), askP95: percentile(p95, 50), askRuns: p95.length };
}

let lastBaseline: DesignFigures | null = null;
for (const corpus of corpora) {
  log(`newsdesk on ${corpus}`);
  // At 16x (112,800 real articles, 850,000 quotations to extract on one thread) building alone takes minutes.
  const newsdesk = await child<DesignFigures>('measureDesign.ts', ['--design', 'newsdesk', '--corpus', corpus, ...(corpus === '1x' ? ['--quality'] : [])], false, SIZES[corpus] > 4 ? LARGE_CHILD_TIMEOUT_MS : CHILD_TIMEOUT_MS);
  if (newsdesk.value && corpus === '1x') newsdesk.value = await withRepeatedTimings(newsdesk.value);
  results.designs.push({ design: 'newsdesk', corpus, figures: newsdesk.value, error: newsdesk.error });

  const projected = lastBaseline ? (lastBaseline.askP50 * SIZES[corpus]) / SIZES[lastBaseline.corpus] : 0;
  if (projected > BASELINE_QUERY_LIMIT_MS) {
    results.designs.push({ design: 'baseline', corpus, figures: null, error: `skipped: one query projected at ${(projected / 1000).toFixed(0)} s (over ${BASELINE_QUERY_LIMIT_MS / 1000} s)` });
    continue;
  }
  // fuse.js scans every article for every query: beyond 1x, a sample of questions keeps the run under 10 minutes.
  const sample = corpus === '1x' ? [] : ['--questions', '10'];
  log(`baseline on ${corpus}${sample.length > 0 ? ' (10 questions)' : ''}`);
  const baseline = await child<DesignFigures>('measureDesign.ts', ['--design', 'baseline', '--corpus', corpus, ...sample, ...(corpus === '1x' ? ['--quality'] : [])]);
  results.designs.push({ design: 'baseline', corpus, figures: baseline.value, error: baseline.error });
  if (baseline.value) lastBaseline = baseline.value;
}

if (results.research && runs('search')) {
  // Issue #13's budget: extraction under 1 ms per article on average over the BBC corpus.
  log('quotation extraction over bbc-news-2005');
  const extraction = await child<ExtractFigures>('extractBench.ts', quick ? ['--passes', '1'] : []);
  const f = extraction.value;
  results.notes.push(f
    ? `Quotation extraction over BBC News 2005 (${f.articles} articles, ${f.quotes} quotations): ${f.msPerArticle.toFixed(2)} ms per article wall clock, ${f.cpuMsPerArticle.toFixed(2)} ms CPU (limit 1 ms, bench/extractBench.ts).`
    : `Quotation extraction not measured: ${extraction.error}`);
}

for (const corpus of !runs('start') ? [] : quick ? (['1x'] as const) : (['1x', '100k'] as const)) {
  const dir = path.join(workDir, `seeds-${corpus}`);
  const cache = path.join(workDir, `cache-${corpus}`);
  log(`writing the ${corpus} corpus as files to ${dir}`);
  await writeCorpus(await corpusArticles(corpus), dir);
  await rm(cache, { recursive: true, force: true });
  const runs: { mode: StartMode; args: string[] }[] = [
    { mode: 'no cache', args: [] },
    { mode: 'cache: build + persist', args: ['--cache', cache] },
    { mode: 'cache: persisted, unchanged seeds', args: ['--cache', cache, '--reload'] },
    { mode: 'worker thread, persisted', args: ['--cache', cache, '--worker'] },
  ];
  for (const { mode, args } of corpus === '1x' ? runs : runs.slice(1)) {
    log(`start to ready on ${corpus} (${mode})`);
    const run = await child<StartFigures>('startToReady.ts', ['--dir', dir, ...args], true);
    results.starts.push({ corpus, mode, figures: run.value, error: run.error });
  }
}

if (runs('load')) {
  log(`load: ${LOAD_COUNT} /ask at ${LOAD_RATE} per second through a fake Discord, the compiled bot process on the BBC corpus`);
  const run = await child<LoadRunFigures>('loadRun.ts', ['--count', String(LOAD_COUNT), '--rate', String(LOAD_RATE)]);
  results.askLoad = { figures: run.value, error: run.error };
}

if (runs('whole')) {
  log('whole process: newsdesk answering 25 questions from a fresh process against a plain MiniSearch script (3 runs each)');
  try {
    results.wholeProcess = { figures: await measureWholeProcess(3), error: null };
  } catch (error) {
    results.wholeProcess = { figures: null, error: error instanceof Error ? error.message : String(error) };
  }
}

if (runs('feeds')) {
  // Issue #12: 200 feeds x 50 items with full text from local servers, /ask p95 during the poll vs idle.
  const feedArgs = quick ? ['--feeds', '20', '--items', '10'] : ['--feeds', '200', '--items', '50'];
  log(`feeds: polling ${feedArgs[1]} feeds x ${feedArgs[3]} items from local servers while /ask runs`);
  const run = await child<FeedFigures>('feedsBench.ts', feedArgs, false, 900_000);
  results.feeds = { figures: run.value, error: run.error };
}

results.load = [loadAtStart, os.loadavg()[0]!];
const { table, markdown } = await renderReport(results);
process.stdout.write(`${table}\n`);
// A quick or one-section run's tables would replace the full ones: only the full run rewrites BENCHMARKS.md. The
// scratch folder (corpora as files, caches, the snapshot: ~80 MB at 1x) is removed either way.
const saved = await saveReport(markdown, { quick: quick || only !== null, projectRoot, workDir });
log(`${saved.wrote ? 'wrote BENCHMARKS.md' : 'quick or --only run: BENCHMARKS.md left as it is (only the full run rewrites it)'}; removed ${workDir}`);
