/**
 * The benchmark's corpora, built at bench time and never committed: the research corpora (BBC 2005 + Reuters-21578,
 * read from ../shared), copies of them (1x, 4x, 16x) and a generated corpus of articles whose paragraphs are drawn from
 * the real ones in new combinations. Without ../shared, a synthetic vocabulary stands in.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import type { Article } from '../src/corpus/types.js';

const here = fileURLToPath(import.meta.url);
/** The checkout: one folder up from bench/*.ts under tsx, two from dist/bench/*.js (run through scripts/launch.mjs). */
export const projectRoot = path.resolve(path.dirname(here), here.endsWith('.ts') ? '..' : '../..');
export const sharedCorpora = path.resolve(projectRoot, '../shared/corpora');
export const RESEARCH = ['bbc-news-2005', 'reuters-21578'] as const;
/** Scratch space of the benchmark: corpus snapshot, corpora written as files, index caches. */
export const workDir = path.join(os.tmpdir(), 'newsdesk-bench');
const snapshotFile = path.join(workDir, 'research.v8');

/** The corpora a run measures: research copies (`1x`, `4x`, `16x`) or the generated `100k`. */
export type CorpusName = '1x' | '4x' | '16x' | '100k';
export const GENERATED_SIZE = 100_000;

/** Whether ../shared/corpora holds the research corpora. */
export function haveResearch(): boolean {
  return RESEARCH.every((name) => existsSync(path.join(sharedCorpora, name)));
}

/** Loads the research corpora once (ids prefixed with the corpus name) and snapshots them for the child processes. */
export async function prepareResearch(): Promise<number> {
  if (!haveResearch()) return 0;
  const articles: Article[] = [];
  for (const name of RESEARCH) {
    const corpus = await loadCorpus(path.join(sharedCorpora, name));
    for (const article of corpus.articles) articles.push({ ...article, id: `${name}/${article.id}` });
  }
  await mkdir(workDir, { recursive: true });
  await writeFile(snapshotFile, serialize(articles));
  return articles.length;
}

async function research(): Promise<Article[]> {
  if (!existsSync(snapshotFile)) await prepareResearch();
  return existsSync(snapshotFile) ? (deserialize(await readFile(snapshotFile)) as Article[]) : [];
}

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Copies of the articles with new ids (`copy2/…`); copies keep the vocabulary fixed, only the postings grow. */
function scale(articles: readonly Article[], factor: number): Article[] {
  const out: Article[] = [...articles];
  for (let copy = 2; copy <= factor; copy += 1) {
    for (const article of articles) out.push({ ...article, id: `copy${copy}/${article.id}`, paragraphs: article.paragraphs.map((p) => ({ ...p })) });
  }
  return out;
}

/** Synthetic words when ../shared is absent: a Zipf-like draw over made-up terms. */
function syntheticPool(rand: () => number): { headlines: string[]; paragraphs: string[] } {
  const syllables = ['ba', 'ko', 'ri', 'tan', 'mel', 'os', 'var', 'di', 'nu', 'sel', 'pra', 'gon', 'le', 'thu', 'mi', 'zor'];
  const vocabulary = Array.from({ length: 40_000 }, () => {
    let word = '';
    for (let i = 0, n = 2 + Math.floor(rand() * 3); i < n; i += 1) word += syllables[Math.floor(rand() * syllables.length)];
    return word;
  });
  const word = () => vocabulary[Math.floor(vocabulary.length * rand() ** 3)]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  return {
    headlines: Array.from({ length: 5_000 }, () => sentence(6)),
    paragraphs: Array.from({ length: 60_000 }, () => `${sentence(12)}. ${sentence(14)}.`),
  };
}

/** `count` articles, each a real headline over 3-10 paragraphs drawn at random from the whole pool. */
function generate(pool: readonly Article[], count: number): Article[] {
  const rand = random(20050101);
  const source =
    pool.length > 0
      ? { headlines: pool.map((article) => article.headline), paragraphs: pool.flatMap((article) => article.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text)) }
      : syntheticPool(rand);
  const articles: Article[] = [];
  for (let i = 0; i < count; i += 1) {
    const paragraphs = Array.from({ length: 3 + Math.floor(rand() * 8) }, () => ({
      kind: 'body' as const,
      text: source.paragraphs[Math.floor(rand() * source.paragraphs.length)]!,
    }));
    articles.push({
      id: `gen/${String(Math.floor(i / 1000)).padStart(3, '0')}/${String(i).padStart(6, '0')}.txt`,
      headline: source.headlines[Math.floor(rand() * source.headlines.length)]!,
      standfirst: null, section: null, source: null, date: null, url: null, byline: null, credit: null, license: null, tags: [],
      format: 'plain',
      paragraphs,
    });
  }
  return articles;
}

/** The articles of corpus `name`, in memory. */
export async function corpusArticles(name: CorpusName): Promise<Article[]> {
  const base = await research();
  if (name === '100k') return generate(base, GENERATED_SIZE);
  if (base.length === 0) return generate(base, { '1x': 7_050, '4x': 28_200, '16x': 112_800 }[name]);
  return scale(base, { '1x': 1, '4x': 4, '16x': 16 }[name]);
}

/** Writes articles as plain-layout files (headline, blank line, paragraphs) under a fresh `dir`. */
export async function writeCorpus(articles: readonly Article[], dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const folders = new Set(articles.map((article) => path.dirname(path.join(dir, article.id))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < articles.length) {
      const article = articles[next++]!;
      const text = [article.headline, ...article.paragraphs.map((p) => p.text)].join('\n\n');
      await writeFile(path.join(dir, article.id), `${text}\n`);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
}
