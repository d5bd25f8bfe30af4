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
import type { StartFigures } from './startToReady.js';

const quick = process.argv.includes('--quick');
/** Longest a child may run before it is stopped and its row reported as timed out. */
const CHILD_TIMEOUT_MS = 240_000;
/** The baseline is skipped where one query would take longer than this (projected linearly from the last size). */
const BASELINE_QUERY_LIMIT_MS = 10_000;
const SIZES: Record<CorpusName, number> = { '1x': 1, '4x': 4, '16x': 16, '100k': 100_000 / 7_050 };

/** Runs a bench script in a fresh node and parses the JSON line it prints; null (and why) when it fails. */
function child<T>(script: string, args: string[]): Promise<{ value: T | null; error: string | null }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', path.join('bench', script), ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve({ value: JSON.parse(line) as T, error: null });
      else resolve({ value: null, error: signal === 'SIGKILL' ? `timed out after ${CHILD_TIMEOUT_MS / 1000} s` : `exit ${code}: ${err.trim().split('\n').slice(-3).join(' ')}` });
    });
  });
}

function log(message: string): void {
  process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${message}\n`);
}

const loadAtStart = os.loadavg()[0]!;
const results: BenchResults = { quick, research: haveResearch(), designs: [], starts: [], notes: [] };
if (!results.research) results.notes.push('../shared/corpora is absent: every corpus is generated from a synthetic vocabulary.');
log(`preparing corpora (${results.research ? 'research corpora found in ../shared' : '../shared absent, synthetic corpus'})`);
await prepareResearch();

const corpora: CorpusName[] = quick ? ['1x'] : ['1x', '4x', '16x', '100k'];
let lastBaseline: DesignFigures | null = null;
for (const corpus of corpora) {
  log(`newsdesk on ${corpus}`);
  const newsdesk = await child<DesignFigures>('measureDesign.ts', ['--design', 'newsdesk', '--corpus', corpus, ...(corpus === '1x' ? ['--quality'] : [])]);
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

for (const corpus of quick ? (['1x'] as const) : (['1x', '100k'] as const)) {
  const dir = path.join(workDir, `seeds-${corpus}`);
  const cache = path.join(workDir, `cache-${corpus}`);
  log(`writing the ${corpus} corpus as files to ${dir}`);
  await writeCorpus(await corpusArticles(corpus), dir);
  await rm(cache, { recursive: true, force: true });
  const runs: { mode: StartMode; args: string[] }[] = [
    { mode: 'no cache', args: [] },
    { mode: 'cache: build + persist', args: ['--cache', cache] },
    { mode: 'cache: persisted, unchanged seeds', args: ['--cache', cache] },
    { mode: 'worker thread, persisted', args: ['--cache', cache, '--worker'] },
  ];
  for (const { mode, args } of corpus === '1x' ? runs : runs.slice(1)) {
    log(`start to ready on ${corpus} (${mode})`);
    const run = await child<StartFigures>('startToReady.ts', ['--dir', dir, ...args]);
    results.starts.push({ corpus, mode, figures: run.value, error: run.error });
  }
}

results.load = [loadAtStart, os.loadavg()[0]!];
const { table, markdown } = await renderReport(results);
process.stdout.write(`${table}\n`);
// A quick run's 1x-only tables would replace the full ones: only the full run rewrites BENCHMARKS.md. The scratch
// folder (corpora as files, caches, the snapshot: ~80 MB at 1x) is removed either way.
const saved = await saveReport(markdown, { quick, projectRoot, workDir });
log(`${saved.wrote ? 'wrote BENCHMARKS.md' : 'quick run: BENCHMARKS.md left as it is (only the full run rewrites it)'}; removed ${workDir}`);
