import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildLibrary, LibraryStore, type Library, type ReloadResult } from '../../src/library.js';
import { parseStoryHeadline, storyParagraphs } from './seedStory.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const STORIES = 60;

/**
 * What a file caught mid-change may legitimately be skipped for: emptied (or truncated just before a rewrite),
 * vanished between listing and reading, a folder or a dangling link in its place. Anything else (a parse error, a
 * half-written article) would mean the loader read a torn write.
 */
const RACE_REASONS = /^(empty file|not a file \(a folder\)|changed while being read \(it is read again at the next reload\)|unreadable \((ENOENT|ENOTDIR|EISDIR): [^)]+\))$/u;

/** Every entry once, articles in id order, every skip with a reason. */
function expectListedOnce(corpus: Corpus): void {
  const ids = [...corpus.articles.map((article) => article.id), ...corpus.skipped.map((skip) => skip.file)];
  expect(new Set(ids).size).toBe(ids.length);
  expect(corpus.articles.map((article) => article.id)).toEqual(corpus.articles.map((article) => article.id).sort());
  for (const skip of corpus.skipped) expect(skip.reason.length, `${skip.file} skipped without a reason`).toBeGreaterThan(0);
}

/** {@link expectListedOnce}, and every article one whole version of a story, every skip a reason a race explains. */
function expectConsistent(corpus: Corpus): void {
  expectListedOnce(corpus);
  for (const article of corpus.articles) {
    const story = parseStoryHeadline(article.headline);
    expect(story, `article ${article.id} has a headline no version had: "${article.headline}"`).not.toBeNull();
    expect({ id: article.id, paragraphs: article.paragraphs.map((paragraph) => paragraph.text) }).toEqual({
      id: article.id,
      paragraphs: storyParagraphs(story!.story, story!.version),
    });
  }
  for (const skip of corpus.skipped) expect(skip.reason, `${skip.file} skipped`).toMatch(RACE_REASONS);
}

/** The library's parts agree: every article in the map and the search index, and nothing else; `settled`: each article whole. */
function expectWhole(library: Library, settled: boolean): void {
  if (settled) expectConsistent(library.corpus);
  else expectListedOnce(library.corpus);
  expect(library.articles.size).toBe(library.corpus.articles.length);
  expect(library.search.articleCount).toBe(library.corpus.articles.length);
  for (const hit of library.search.search('harbour master report tide', { limit: 1000 }).hits) {
    expect(library.articles.get(hit.article.id)).toBe(hit.article);
  }
}

/** The article files a settled folder holds (what the loader must list), as ids. */
async function filesOnDisk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    // A folder named like an article (story-3.md/) is a subfolder to the loader: walked, not listed.
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((id) => id.endsWith('.md') && !id.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** One race: a mutator child in `mode` churning a fresh folder while loads and reloads run. */
interface Race {
  dir: string;
  loads: Corpus[];
  reloads: ReloadResult[];
  store: LibraryStore;
  thrown: unknown[];
  /** The mutator's stdout ("stopped <operations>") and stderr (empty unless it crashed). */
  stdout: string;
  stderr: string;
}

const LOADS = 30;
const RELOADS = 12;

async function runRace(mode: 'atomic' | 'in-place'): Promise<Race> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `newsdesk-race-${mode}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'mutateSeeds.ts'), dir, String(STORIES), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output.stdout += chunk.toString();
      if (output.stdout.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`mutator exited early (${code}): ${output.stderr}`)));
  });
  const store = new LibraryStore(await buildLibrary(dir), dir);
  const loads: Corpus[] = [];
  const reloads: ReloadResult[] = [];
  const thrown: unknown[] = [];
  // Loads and reloads side by side, while the child rewrites, deletes and renames under them.
  const loading = async () => {
    for (let round = 0; round < LOADS; round += 1) {
      loads.push(await loadCorpus(dir).catch((error: unknown) => (thrown.push(error), { articles: [], skipped: [] })));
    }
  };
  const reloading = async () => {
    for (let round = 0; round < RELOADS; round += 1) {
      reloads.push(await store.reload().catch((error: unknown) => (thrown.push(error), { ok: false as const, error: 'threw', reason: 'threw' })));
    }
  };
  await Promise.all([loading(), reloading()]);
  // The child stops after its current batch, leaving no half-written file; if it died early, stderr says why.
  if (child.exitCode === null) {
    const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await stopped;
  }
  return { dir, loads, reloads, store, thrown, ...output };
}

const children: ChildProcess[] = [];
const races = new Map<string, Race>();

beforeAll(async () => {
  const [atomic, inPlace] = await Promise.all([runRace('atomic'), runRace('in-place')]);
  races.set('atomic', atomic);
  races.set('in-place', inPlace);
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const race of races.values()) await rm(race.dir, { recursive: true, force: true });
});

describe.each(['atomic', 'in-place'])('loadCorpus and LibraryStore.reload while another process churns the seeds folder (%s rewrites)', (mode) => {
  const race = () => races.get(mode)!;

  it('never throws, and the churn really ran during the loads', () => {
    expect(race().thrown).toEqual([]);
    expect(race().stderr).toBe('');
    expect(race().stdout).toMatch(/stopped \d+/u);
    // The loads saw the folder in different states: the race happened.
    expect(new Set(race().loads.map((corpus) => corpus.articles.map((article) => article.headline).join('|'))).size).toBeGreaterThan(1);
  });

  it('lists, on every load, each file once, articles or skipped with a reason; reloads always succeed', () => {
    expect(race().loads).toHaveLength(LOADS);
    expect(race().reloads).toHaveLength(RELOADS);
    for (const corpus of race().loads) expectListedOnce(corpus);
    for (const result of race().reloads) expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({ ok: true });
    expectWhole(race().store.current, false);
  });

  it('lists exactly the files on disk, each article whole, once the folder has settled', async () => {
    const { store, dir } = race();
    const result = await store.reload();
    expect(result.ok).toBe(true);
    expectWhole(store.current, true);
    const listed = [...store.current.corpus.articles.map((article) => article.id), ...store.current.corpus.skipped.map((skip) => skip.file)].sort();
    expect(listed).toEqual(await filesOnDisk(dir));
  });
});

describe('with atomic rewrites (temporary file, then rename)', () => {
  it('never loads a torn article: each is one whole version of one story, each skip a reason a race explains', () => {
    for (const corpus of races.get('atomic')!.loads) expectConsistent(corpus);
    for (const result of races.get('atomic')!.reloads) if (result.ok) expect(result.skipped.map((skip) => skip.reason).filter((reason) => !RACE_REASONS.test(reason))).toEqual([]);
  });
});
