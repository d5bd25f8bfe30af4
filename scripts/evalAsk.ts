/**
 * Scores `/ask` against the question sets of test/fixtures/ask (dev: tuned on; heldout: written with it, committed
 * before any tuning and never tuned on; validation: a third, blind set written later on other articles, committed
 * before anything was run on it, asked only with --validation to check that a change tuned on dev transfers) and
 * prints, per style and overall, for each set apart:
 *   first  — the right article comes first
 *   top3   — a right article is among the first three (one page of results)
 *   ans@1  — the first result is a right article and its excerpt holds the answer string
 *   ans@3  — some shown excerpt (first page) of a right article holds the answer string
 *   any@1  — the first result's excerpt holds the answer string, whatever the article (a near-duplicate story that
 *            states the same answer counts): information beside ans@1, not a replacement for it
 *   none   — off-topic questions answered "nothing matches"
 * A story filed twice (same headline and lede, as Reuters-21578 holds hundreds) is one story: the search shows one
 * copy, and either copy counts as the right article; the line under the table gives "first" counting only the
 * annotated copy.
 *
 *   npm run eval:ask                 # the table
 *   npm run eval:ask -- --verbose    # plus every miss: the question, what came first, its excerpt
 *   npm run eval:ask -- --json       # the figures as JSON
 *   npm run eval:ask -- --dev --minisearch  # also rank dev with plain MiniSearch (headline + text, its defaults,
 *                                        # prefix, fuzzy 0.2) and list the dev questions it puts right first and we do not
 *   npm run eval:ask -- --validation # the table with the validation set as a third column set, beside dev and
 *                                    # held-out (figures only: --verbose never lists its misses, so nobody tunes on it)
 *   npm run eval:ask -- --check      # only check that every answer string is in its article(s), all three sets
 *   npm run eval:ask -- --dev        # the dev half only (tuning), whole and as its two folds A and B
 *   npm run eval:ask -- --dev --fold A   # one fold of dev (A or B, by hash of the question): a change is kept only
 *                                        # if it helps or holds on both folds, so that it is not fitted to one half
 *   npm run eval:ask -- --dev --from 550 # only the dev questions from index 550 on (a round just appended), to score
 *                                        # new questions apart before and after tuning
 *
 * The questions are asked of one combined coverage: BBC 2005 + Reuters-21578 (read from ../shared/corpora, never
 * copied into the repository) and the shipped seeds. Without ../shared, only the seeds' questions are asked (on the
 * seeds alone), with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/index.js';
import type { Article } from '../src/corpus/types.js';
import { QuoteIndex } from '../src/quotes/index.js';
import { plainText, SearchIndex, storyOf } from '../src/search/index.js';
import { articleText } from '../src/text/index.js';

/** How users type: the style of a question, for per-style figures and the stratified split. */
export const ASK_STYLES = ['fact', 'howmany', 'when', 'who', 'why', 'said', 'keywords', 'typo', 'offtopic'] as const;
export type AskStyle = (typeof ASK_STYLES)[number];

/** One question of the set; `files` empty and `answer` null for an off-topic question. */
export interface AskQuestion {
  question: string;
  style: AskStyle;
  /** Expected articles: `seeds/<path in seeds>` or `<research corpus>/<path inside it>`. */
  files: string[];
  /** The exact answer string, as written in the article(s). */
  answer: string | null;
}

/** Figures of one group of questions. */
export interface AskFigures {
  questions: number;
  first: number;
  top3: number;
  answerFirst: number;
  answerShown: number;
  /** The first result's excerpt holds the answer, whatever the article. */
  answerFirstAny: number;
  /** Off-topic questions answered "nothing matches". */
  nothing: number;
}

/** The outcome of one question, for --verbose. */
export interface AskOutcome {
  entry: AskQuestion;
  first: boolean;
  top3: boolean;
  answerFirst: boolean;
  answerShown: boolean;
  answerFirstAny: boolean;
  nothing: boolean;
  firstId: string | null;
  firstExcerpt: string | null;
}

/** How a question is answered: the ids of the results in order and their shown (plain-text) excerpts. */
export type Asker = (question: string) => { id: string; excerpt: string }[];

/** The repository root: the first folder up from this file that holds package.json (scripts/ or dist/scripts/). */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const projectRootDefault = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
const RESEARCH = ['bbc-news-2005', 'reuters-21578'];
/** Results on one page of `/ask` (config `ask.pageSize` default). */
const SHOWN = 3;

/**
 * Folds text for comparing an answer string with an excerpt: accents removed, lower case, one kind of apostrophe,
 * spaces collapsed.
 * @example foldAnswer('Hashim  Thaçi’s') // => "hashim thaci's"
 */
export function foldAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’`]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A fold of the dev half: half of its questions, chosen by a hash of the question (not by style or corpus). */
export type AskFold = 'A' | 'B';

/**
 * The fold a question falls in: FNV-1a of the question (salted so that it is independent of the dev/held-out split,
 * which also ordered by FNV-1a), even → A, odd → B.
 * @example foldOf('what is the ECGD') // => 'A' or 'B', always the same for this question
 */
export function foldOf(question: string): AskFold {
  let hash = 0x811c9dc5;
  for (const char of `fold:${question}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 2 === 0 ? 'A' : 'B';
}

/** The question sets of test/fixtures/ask, one `<name>.json` each. */
export const ASK_SETS = ['dev', 'heldout', 'validation'] as const;
export type AskSetName = (typeof ASK_SETS)[number];

/** Reads one question set (`dev`, `heldout` or `validation`) of test/fixtures/ask. */
export function readAskSet(name: AskSetName, projectRoot: string = projectRootDefault): AskQuestion[] {
  const file = path.join(projectRoot, 'test/fixtures/ask', `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: AskQuestion[] }).questions;
}

/** Whether the research corpora are at ../shared/corpora. */
export function haveResearchCorpora(projectRoot: string = projectRootDefault): boolean {
  return RESEARCH.every((name) => existsSync(path.resolve(projectRoot, '../shared/corpora', name)));
}

/** The combined coverage: seeds (ids `seeds/…`) and, when present, the research corpora (ids `<corpus>/…`). */
export async function loadAskCoverage(projectRoot: string = projectRootDefault): Promise<Article[]> {
  const articles: Article[] = [];
  const seeds = await loadCorpus(path.join(projectRoot, 'seeds'));
  for (const article of seeds.articles) articles.push({ ...article, id: `seeds/${article.id}` });
  if (haveResearchCorpora(projectRoot)) {
    for (const name of RESEARCH) {
      const corpus = await loadCorpus(path.resolve(projectRoot, '../shared/corpora', name));
      for (const article of corpus.articles) articles.push({ ...article, id: `${name}/${article.id}` });
    }
  }
  return articles;
}

/** The questions that can be asked of this coverage (research questions need ../shared). */
export function askable(questions: readonly AskQuestion[], articles: ReadonlyMap<string, Article>): AskQuestion[] {
  return questions.filter((entry) => entry.files.every((file) => articles.has(file)));
}

/** Scores one question. */
export function scoreQuestion(entry: AskQuestion, ask: Asker): AskOutcome {
  const results = ask(entry.question);
  const first = results[0] ?? null;
  const expected = new Set(entry.files);
  const answer = entry.answer === null ? null : foldAnswer(entry.answer);
  const holds = (result: { id: string; excerpt: string }) => expected.has(result.id) && answer !== null && foldAnswer(result.excerpt).includes(answer);
  const shown = results.slice(0, SHOWN);
  return {
    entry,
    first: first !== null && expected.has(first.id),
    top3: shown.some((result) => expected.has(result.id)),
    answerFirst: first !== null && holds(first),
    answerShown: shown.some(holds),
    answerFirstAny: first !== null && answer !== null && foldAnswer(first.excerpt).includes(answer),
    nothing: results.length === 0,
    firstId: first?.id ?? null,
    firstExcerpt: first?.excerpt ?? null,
  };
}

/** Sums outcomes into figures. */
export function sumOutcomes(outcomes: readonly AskOutcome[]): AskFigures {
  const count = (key: 'first' | 'top3' | 'answerFirst' | 'answerShown' | 'answerFirstAny' | 'nothing') => outcomes.filter((outcome) => outcome[key]).length;
  return {
    questions: outcomes.length,
    first: count('first'),
    top3: count('top3'),
    answerFirst: count('answerFirst'),
    answerShown: count('answerShown'),
    answerFirstAny: count('answerFirstAny'),
    nothing: count('nothing'),
  };
}

/** The answer strings not found in their article(s): a broken annotation. */
export function checkAnswers(questions: readonly AskQuestion[], articles: ReadonlyMap<string, Article>): string[] {
  const problems: string[] = [];
  for (const entry of questions) {
    if (entry.answer === null) continue;
    const answer = foldAnswer(entry.answer);
    const found = entry.files.filter((file) => {
      const article = articles.get(file);
      return article !== undefined && foldAnswer(articleText(article)).includes(answer);
    });
    if (found.length === 0) problems.push(`"${entry.question}": answer "${entry.answer}" is in none of ${entry.files.join(', ')}`);
  }
  return problems;
}

/** The asker of the bot as it is: `/ask`'s search (with the quote index, as the bot asks), ids and plain-text excerpts. */
export function searchAsker(index: SearchIndex, quotes?: QuoteIndex): Asker {
  return (question) => index.search(question, quotes ? { quotes } : {}).hits.map((hit) => ({ id: hit.article.id, excerpt: plainText(hit.excerpt) }));
}

/**
 * A plain MiniSearch ranking of the same coverage (headline and text fields, its default options; prefix and fuzzy
 * 0.2, as bench/plainMiniSearch.mjs asks): the baseline the ranking is compared with. Excerpts are empty: it ranks only.
 */
export function miniSearchAsker(articles: readonly Article[]): Asker {
  const index = new MiniSearch<{ id: string; title: string; body: string }>({ fields: ['title', 'body'] });
  index.addAll(articles.map((article) => ({ id: article.id, title: article.headline, body: articleText(article) })));
  return (question) => index.search(question, { prefix: true, fuzzy: 0.2 }).slice(0, SHOWN).map((result) => ({ id: String(result.id), excerpt: '' }));
}

/**
 * Each article's id → the ids of every copy of its story (itself included, in the coverage's order).
 * @example storyCopies([a, copyOfA, b]).get('a') // => ['a', 'copyOfA']
 */
export function storyCopies(articles: readonly Article[]): Map<string, string[]> {
  const stories = storyOf(articles);
  const byStory = new Map<number, string[]>();
  articles.forEach((article, index) => {
    const story = stories[index]!;
    (byStory.get(story) ?? byStory.set(story, []).get(story)!).push(article.id);
  });
  return new Map(articles.map((article, index) => [article.id, byStory.get(stories[index]!)!]));
}

/**
 * The question with every copy of its expected stories among its files: an annotation names one copy of a story
 * filed twice, the search shows one copy (the first it ranks), and the reader sees the same headline and lede.
 * @example withCopies({ ...entry, files: ['copyOfA'] }, storyCopies([a, copyOfA])).files // => ['a', 'copyOfA']
 */
export function withCopies(entry: AskQuestion, copies: ReadonlyMap<string, readonly string[]>): AskQuestion {
  return { ...entry, files: [...new Set(entry.files.flatMap((file) => copies.get(file) ?? [file]))] };
}

const percent = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

/** The figures of both sets as a table, per style then overall, held-out beside dev. */
export function formatAskTable(sets: { name: string; outcomes: AskOutcome[] }[]): string {
  const lines: string[] = [];
  const header = `${'style'.padEnd(10)}${sets.map((set) => `| ${set.name.padEnd(7)} n  first   top3  ans@1  ans@3  any@1   none `).join('')}`;
  lines.push(header, '-'.repeat(header.length));
  const row = (label: string, pick: (outcome: AskOutcome) => boolean) => {
    const cells = sets.map((set) => {
      const picked = set.outcomes.filter(pick);
      const f = sumOutcomes(picked.filter((outcome) => outcome.entry.answer !== null));
      const offTopic = sumOutcomes(picked.filter((outcome) => outcome.entry.answer === null));
      return `| ${String(picked.length).padStart(9)} ${percent(f.first, f.questions)} ${percent(f.top3, f.questions)} ${percent(f.answerFirst, f.questions)} ${percent(f.answerShown, f.questions)} ${percent(f.answerFirstAny, f.questions)} ${percent(offTopic.nothing, offTopic.questions)} `;
    });
    lines.push(`${label.padEnd(10)}${cells.join('')}`);
  };
  for (const style of ASK_STYLES) row(style, (outcome) => outcome.entry.style === style);
  lines.push('-'.repeat(header.length));
  row('answerable', (outcome) => outcome.entry.answer !== null);
  row('all', () => true);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const foldAt = argv.indexOf('--fold');
  const foldArg = foldAt >= 0 ? argv[foldAt + 1] : undefined;
  const fold: AskFold | undefined = foldArg === 'A' || foldArg === 'B' ? foldArg : undefined;
  if (foldAt >= 0 && !fold) {
    console.error(`evalAsk: --fold takes A or B (got ${foldArg ?? 'nothing'}); e.g. npm run eval:ask -- --dev --fold A`);
    process.exitCode = 2;
    return;
  }
  const fromAt = argv.indexOf('--from');
  const from = fromAt >= 0 ? Number(argv[fromAt + 1]) : 0;
  if (!Number.isInteger(from) || from < 0) {
    console.error(`evalAsk: --from takes a question index (got ${argv[fromAt + 1] ?? 'nothing'}); e.g. npm run eval:ask -- --dev --from 550`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const articles = await loadAskCoverage();
  const byId = new Map(articles.map((article) => [article.id, article]));
  if (!haveResearchCorpora()) console.log('../shared/corpora is absent: only the questions on the seeds are asked, of the seeds alone.');
  // --dev: dev whole and its two folds side by side; --fold: one fold only. The held-out half is never split.
  const dev = readAskSet('dev').slice(from);
  const inFold = (name: AskFold) => ({ name: `dev/${name}`, questions: dev.filter((entry) => foldOf(entry.question) === name) });
  const validation = args.has('--validation');
  if (validation && (fold || args.has('--dev'))) {
    console.error('evalAsk: --validation goes beside dev and held-out, not with --dev or --fold; e.g. npm run eval:ask -- --validation');
    process.exitCode = 2;
    return;
  }
  const sets = fold
    ? [inFold(fold)]
    : args.has('--dev')
      ? [{ name: 'dev', questions: dev }, inFold('A'), inFold('B')]
      : [
          { name: 'dev', questions: dev },
          { name: 'heldout', questions: readAskSet('heldout') },
          ...(validation ? [{ name: 'valid', questions: readAskSet('validation') }] : []),
        ];
  if (args.has('--check')) {
    // Checking the annotations asks nothing of /ask: every set is checked, the blind one too.
    const checked = ASK_SETS.map((name) => ({ name, questions: readAskSet(name) }));
    const problems = checked.flatMap((set) => checkAnswers(askable(set.questions, byId), byId));
    for (const problem of problems) console.log(problem);
    console.log(problems.length === 0 ? 'every answer string is in its article(s)' : `${problems.length} answer strings not found`);
    process.exitCode = problems.length === 0 ? 0 : 1;
    return;
  }
  const index = SearchIndex.build(articles);
  const ask = searchAsker(index, QuoteIndex.fromArticles(articles));
  // A story filed twice (same headline and lede) is one story: the search shows one copy, and either is right.
  const copies = storyCopies(articles);
  const byQuestion = new Map(sets.flatMap((set) => set.questions.map((entry) => [entry.question, entry.files] as const)));
  const results = sets.map((set) => ({ name: set.name, outcomes: askable(set.questions, byId).map((entry) => scoreQuestion(withCopies(entry, copies), ask)) }));
  if (args.has('--json')) {
    console.log(JSON.stringify(Object.fromEntries(results.map((set) => [set.name, sumOutcomes(set.outcomes)])), null, 2));
    return;
  }
  console.log(`${articles.length} articles (seeds${haveResearchCorpora() ? ' + BBC 2005 + Reuters-21578' : ''}), ${Math.round(performance.now() - started)} ms to load and index`);
  console.log(formatAskTable(results));
  // Information beside "first": how many answerable questions expect a story the coverage holds twice, "first" if
  // only the annotated copy counted, and how many got "nothing matches".
  for (const set of results) {
    const answerable = set.outcomes.filter((outcome) => outcome.entry.answer !== null);
    const twice = answerable.filter((outcome) => outcome.entry.files.some((file) => (copies.get(file)?.length ?? 1) > 1)).length;
    const annotated = answerable.filter((outcome) => outcome.firstId !== null && (byQuestion.get(outcome.entry.question) ?? []).includes(outcome.firstId)).length;
    const silent = answerable.filter((outcome) => outcome.nothing).length;
    console.log(`${set.name}: ${twice} answerable questions expect a story the coverage holds twice (either copy is right); first, only the annotated copy counting: ${percent(annotated, answerable.length).trim()}; answered "nothing matches": ${silent}`);
  }
  if (args.has('--minisearch')) {
    const plain = miniSearchAsker(articles);
    const baseline = sets.map((set) => ({ name: `m:${set.name}`, outcomes: askable(set.questions, byId).map((entry) => scoreQuestion(withCopies(entry, copies), plain)) }));
    console.log('\nPlain MiniSearch, same questions (ranking only: its excerpts are not scored)');
    console.log(formatAskTable(baseline));
    const ours = new Map(results[0]!.outcomes.map((outcome) => [outcome.entry.question, outcome]));
    for (const outcome of baseline[0]!.outcomes) {
      const mine = ours.get(outcome.entry.question);
      if (outcome.entry.answer !== null && outcome.first && mine && !mine.first) console.log(`  MiniSearch right, we are not: ${outcome.entry.question}  (we: ${mine.firstId ?? 'nothing'})`);
    }
  }
  if (args.has('--verbose')) {
    // The validation set is blind: its figures are shown, its questions and misses never are.
    for (const set of results.filter((set) => (!set.name.startsWith('dev/') || fold) && set.name !== 'valid')) {
      for (const outcome of set.outcomes) {
        const ok = outcome.entry.answer === null ? outcome.nothing : outcome.answerFirst;
        if (ok) continue;
        console.log(`\n[${set.name}/${outcome.entry.style}] ${outcome.entry.question}  — want ${outcome.entry.answer ?? 'nothing'} in ${outcome.entry.files.join(', ') || '-'}`);
        console.log(`  first: ${outcome.firstId ?? '(nothing)'}${outcome.first ? ' (right)' : ''}`);
        if (outcome.firstExcerpt) console.log(`  ${outcome.firstExcerpt.slice(0, 300)}`);
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
