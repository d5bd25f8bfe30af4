/**
 * Child process of `npm run bench`: builds one design over one corpus and times it, then prints one JSON line.
 * Run alone so that each design's heap is measured in a process of its own:
 *   node --expose-gc --import tsx bench/measureDesign.ts --design newsdesk --corpus 1x [--questions 10] [--quality]
 */
import { parseArgs } from 'node:util';
import { corpusArticles, type CorpusName } from './corpus.js';
import { QuoteIndex } from '../src/quotes/index.js';
import { buildDesign, type DesignName } from './designs.js';
import { measureQuotes, type QuoteFigures } from './quoteBench.js';
import { foldAnswer } from '../scripts/evalAsk.js';
import type { DesignResult } from './designs.js';
import { ASK_QUESTIONS, KNOWN_ANSWERS, WARM_UP } from './questions.js';
import { heapMb, percentile } from './stats.js';

/** What one child reports. */
export interface DesignFigures {
  design: DesignName;
  corpus: CorpusName;
  articles: number;
  buildMs: number;
  /** Heap after build minus heap with only the corpus loaded, MB (JS heap + array buffers). */
  indexHeapMb: number;
  /** Heap after build, corpus included, MB (JS heap + array buffers). */
  heapMb: number;
  questions: number;
  askP50: number;
  askP95: number;
  /** Set by run.ts when askP50/askP95 are the medians of several fresh processes' figures: how many. */
  askRuns?: number;
  /** Set when the run stopped early: one query took longer than the limit. */
  stopped: string | null;
  /**
   * Known-answer questions: right article first (hit1) or in the top 3 (hit3); the answer string in the first
   * result's excerpt (answer1) or in a shown excerpt of a right article among the top 3 (answer3).
   */
  quality: { hit1: number; hit3: number; answer1: number; answer3: number; of: number } | null;
  quotes: QuoteFigures | null;
}

/** One query slower than this ends the run: the design is unusable at this size. */
const QUERY_LIMIT_MS = 10_000;

const { values } = parseArgs({
  options: {
    design: { type: 'string' },
    corpus: { type: 'string' },
    questions: { type: 'string' },
    quality: { type: 'boolean', default: false },
  },
});
const design = values.design as DesignName;
const corpus = values.corpus as CorpusName;

const articles = await corpusArticles(corpus);
const before = heapMb();
const started = performance.now();
// The search index alone is timed and weighed; the quote index the bot also asks with is built apart (see quotes).
let build = buildDesign(design, articles);
const buildMs = performance.now() - started;
const after = heapMb();
if (design === 'newsdesk') {
  const quotes = QuoteIndex.fromArticles(articles);
  // Prepared as the bot prepares it once ready: no timed question pays for the speaker directory.
  quotes.prepare();
  build = buildDesign(design, articles, quotes);
}
const built = build;

const questions = ASK_QUESTIONS.slice(0, values.questions ? Number(values.questions) : ASK_QUESTIONS.length);
const times: number[] = [];
const answers = new Map<string, DesignResult[]>();
let stopped: string | null = null;
for (const question of design === 'newsdesk' ? WARM_UP : WARM_UP.slice(0, 1)) built.ask(question);
for (const question of questions) {
  const t = performance.now();
  const results = built.ask(question);
  const ms = performance.now() - t;
  times.push(ms);
  answers.set(question, results);
  if (ms > QUERY_LIMIT_MS) {
    stopped = `"${question}" took ${(ms / 1000).toFixed(1)} s (over ${QUERY_LIMIT_MS / 1000} s)`;
    break;
  }
}

let quality: DesignFigures['quality'] = null;
if (values.quality && !stopped) {
  // Same-headline files are the same story (the BBC set has byte-identical duplicates); copies are the same story too.
  const byId = new Map(articles.map((article) => [article.id, article]));
  let hit1 = 0;
  let hit3 = 0;
  let answer1 = 0;
  let answer3 = 0;
  let of = 0;
  for (const known of KNOWN_ANSWERS) {
    const expected = byId.get(known.file);
    if (!expected) continue;
    of += 1;
    // The quality questions are among the timed ones: their answers are reused rather than asked again.
    const shown = (answers.get(known.question) ?? built.ask(known.question)).slice(0, 3);
    const right = shown.map((result) => byId.get(result.id)?.headline === expected.headline);
    const holds = shown.map((result, index) => right[index]! && foldAnswer(result.excerpt).includes(foldAnswer(known.answer)));
    if (right[0]) hit1 += 1;
    if (right.includes(true)) hit3 += 1;
    if (holds[0]) answer1 += 1;
    if (holds.includes(true)) answer3 += 1;
  }
  quality = { hit1, hit3, answer1, answer3, of };
}

const figures: DesignFigures = {
  design,
  corpus,
  articles: articles.length,
  buildMs,
  indexHeapMb: after.withBuffers - before.withBuffers,
  heapMb: after.withBuffers,
  questions: times.length,
  askP50: percentile(times, 50),
  askP95: percentile(times, 95),
  stopped,
  quality,
  quotes: design === 'newsdesk' ? await measureQuotes(articles) : null,
};
process.stdout.write(`${JSON.stringify(figures)}\n`);
