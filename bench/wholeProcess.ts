/**
 * Section of `npm run bench`: newsdesk answering 25 questions from a fresh process (`node dist/src/main.js --json`,
 * console mode, the compiled start) against a plain MiniSearch script doing the same (`bench/plainMiniSearch.mjs`),
 * in the same run, on the BBC corpus (2,225 articles): newsdesk with its persisted index (warm) and without one
 * (cold, `INDEX_CACHE_DIR=off`); the script always builds its index from scratch. Wall time from spawn to exit.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, sharedCorpora } from './corpus.js';
import { ASK_QUESTIONS } from './questions.js';

/** Wall times (median of `runs`) and their ratios to the plain script. */
export interface WholeProcessFigures {
  corpus: string;
  questions: number;
  runs: number;
  miniSearchMs: number;
  warmMs: number;
  coldMs: number;
  warmRatio: number;
  coldRatio: number;
}

/** The 25 questions: the first of the bench's list. */
export const WHOLE_PROCESS_QUESTIONS = ASK_QUESTIONS.slice(0, 25);

/** Runs `args` with `input` on stdin; resolves with the wall time in ms once it exits 0 having answered every line. */
function timed(args: string[], input: string, env: NodeJS.ProcessEnv, answers: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const lines = out.trim().split('\n').filter((line) => line.startsWith('{'));
      if (code !== 0 || lines.length !== answers) reject(new Error(`${args.join(' ')}: exit ${code}, ${lines.length}/${answers} answers; ${err.trim().split('\n').slice(-3).join(' ')}`));
      else resolve(ms);
    });
    child.stdin.end(input);
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Measures the three processes `runs` times each, interleaved (so that a burst of other work on the machine slows all
 * three alike), and returns the medians.
 * @example const figures = await measureWholeProcess(3); figures.warmRatio // => 0.5
 */
export async function measureWholeProcess(runs = 3): Promise<WholeProcessFigures> {
  const bbc = path.join(sharedCorpora, 'bbc-news-2005');
  const seedsDir = existsSync(bbc) ? bbc : path.join(projectRoot, 'seeds');
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-whole-'));
  const env = (cache: string): NodeJS.ProcessEnv => ({ ...process.env, DISCORD_TOKEN: '', INDEX_CACHE_DIR: cache, LOG_LEVEL: 'warn', STATE_FILE: path.join(cacheDir, 'state.sqlite') });
  const input = `${WHOLE_PROCESS_QUESTIONS.map((question) => `/ask question:${question}`).join('\n')}\n`;
  const plainInput = `${WHOLE_PROCESS_QUESTIONS.join('\n')}\n`;
  const main = path.join(projectRoot, 'dist', 'src', 'main.js');
  const newsdesk = ['--json', '--seeds', seedsDir];
  try {
    // Once to write the persisted index the warm runs read.
    await timed([main, ...newsdesk], input, env(cacheDir), WHOLE_PROCESS_QUESTIONS.length);
    const times = { plain: [] as number[], warm: [] as number[], cold: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
      times.plain.push(await timed([path.join(projectRoot, 'bench', 'plainMiniSearch.mjs'), seedsDir], plainInput, process.env, WHOLE_PROCESS_QUESTIONS.length));
      times.warm.push(await timed([main, ...newsdesk], input, env(cacheDir), WHOLE_PROCESS_QUESTIONS.length));
      times.cold.push(await timed([main, ...newsdesk], input, env('off'), WHOLE_PROCESS_QUESTIONS.length));
    }
    const [plain, warm, cold] = [median(times.plain), median(times.warm), median(times.cold)];
    return {
      corpus: seedsDir === bbc ? 'BBC News 2005' : 'seeds/',
      questions: WHOLE_PROCESS_QUESTIONS.length,
      runs,
      miniSearchMs: plain,
      warmMs: warm,
      coldMs: cold,
      warmRatio: warm / plain,
      coldRatio: cold / plain,
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
