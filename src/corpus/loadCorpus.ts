import fs, { type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Article, Corpus, SkippedFile } from './types.js';
import { ArticleParseError } from './ArticleParseError.js';
import { parseArticle } from './parseArticle.js';

/** How `loadCorpus` and `loadArticleFile` read a folder. */
export interface LoadOptions {
  /**
   * Files larger than this many bytes are skipped without being read (checked with stat first), so one stray dump
   * cannot exhaust memory.
   * @default 2_097_152 (2 MB)
   */
  maxFileBytes?: number;
  /**
   * How many files are read and parsed at once: enough to keep the disk busy on 100,000 files, few enough to stay
   * under the open-file limit.
   * @default 32
   */
  concurrency?: number;
}

const defaultLoadOptions: Required<LoadOptions> = {
  maxFileBytes: 2 * 1024 * 1024,
  concurrency: 32,
};

/** Extensions of files that can hold an article. */
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/** Files that document a folder rather than report news: ignored silently, like hidden files. */
const FOLDER_DOCS = /^(readme|licen[cs]e|copying|notice|changelog|authors)(\.[a-z0-9]+)?$/i;

// The callback API, promisified, reads small files about twice as fast as node:fs/promises (measured on 30,000
// files); the synchronous API would be faster still but would freeze the bot while a folder reloads.
const stat = promisify(fs.stat);
const readFile = promisify(fs.readFile);

/** fatal: a stray Latin-1 byte must reject the file, not turn into U+FFFD inside an article. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Ids sort by UTF-16 code unit, the same on every machine and locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function unreadable(file: string, error: unknown): SkippedFile {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
  const why: Record<string, string> = {
    ENOENT: 'file vanished or is a dangling link',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder',
    ELOOP: 'symbolic link loop',
  };
  return { file, reason: `unreadable (${code}: ${why[code] ?? 'cannot read'})` };
}

/**
 * Tells a skipped file from an article in the result of `loadArticleFile`.
 *
 * @example
 * isSkippedFile({ file: 'a.txt', reason: 'empty file' })
 * // => true
 */
export function isSkippedFile(result: Article | SkippedFile): result is SkippedFile {
  return 'reason' in result;
}

/**
 * Loads one file of a corpus folder: an Article, or a SkippedFile saying why it could not be used (too large,
 * empty, binary, not UTF-8, unreadable, not an article). Never throws for a bad file. Used by `loadCorpus` and
 * to reload a single file when it changes.
 *
 * @example
 * await loadArticleFile('seeds', '000_8ea7bffe1f96b296.txt')
 * // => { id: '000_8ea7bffe1f96b296.txt', headline: "Syrian army 'steps up Homs offensive'", format: 'wire', ... }
 * await loadArticleFile('seeds', 'empty.txt')
 * // => { file: 'empty.txt', reason: 'empty file' }
 */
export async function loadArticleFile(
  dir: string,
  relPath: string,
  options: LoadOptions = {},
): Promise<Article | SkippedFile> {
  const { maxFileBytes } = { ...defaultLoadOptions, ...options };
  const file = relPath.split(path.sep).join('/');
  const fullPath = path.join(dir, relPath);

  let bytes: Buffer;
  try {
    // stat first: an oversized file is never read, and a FIFO is never opened (opening one would block).
    const info = await stat(fullPath);
    if (info.isDirectory()) return { file, reason: 'not a file (a folder)' };
    if (!info.isFile()) return { file, reason: 'not a regular file' };
    if (info.size > maxFileBytes) {
      return { file, reason: `larger than ${formatBytes(maxFileBytes)} (${info.size} bytes)` };
    }
    bytes = await readFile(fullPath);
    // A file being written while we read it (copied in, or rewritten in place) would load cut off: read it again
    // once it holds still. The watcher's next reload picks up whatever it becomes after that.
    let before = info;
    for (let attempt = 1; ; attempt += 1) {
      const after = await stat(fullPath);
      if (after.size === bytes.length && after.mtimeMs === before.mtimeMs) break;
      if (attempt === 3) return { file, reason: 'changed while being read (it is read again at the next reload)' };
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Each attempt is its own stat-read-stat window: a change during the pause must not spoil the next read.
      before = await stat(fullPath);
      bytes = await readFile(fullPath);
    }
  } catch (error) {
    return unreadable(file, error);
  }
  return articleFromBytes(file, bytes, maxFileBytes);
}

/** What {@link loadArticleFile} makes of a file's bytes once read: the article, or why the file is skipped. */
function articleFromBytes(file: string, bytes: Buffer, maxFileBytes: number): Article | SkippedFile {
  // The file may have grown between stat and read.
  if (bytes.length > maxFileBytes) {
    return { file, reason: `larger than ${formatBytes(maxFileBytes)} (${bytes.length} bytes)` };
  }

  if (bytes.length === 0) return { file, reason: 'empty file' };
  if (bytes.includes(0)) return { file, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { file, reason: 'not UTF-8 text' };
  }

  try {
    return parseArticle(file, text);
  } catch (error) {
    if (error instanceof ArticleParseError) return { file, reason: error.reason };
    throw error;
  }
}

/**
 * {@link loadArticleFile} with synchronous reads, for a worker thread that loads its share of a folder: it blocks the
 * thread it runs on (never the bot's main thread), and costs half the CPU of the thread pool's round trips (three per
 * file, shared by every thread of the process). The same checks and results, file by file.
 * @example loadArticleFileSync('seeds', '000_8ea7bffe1f96b296.txt').headline // => "Syrian army 'steps up Homs offensive'"
 */
export function loadArticleFileSync(dir: string, relPath: string, options: LoadOptions = {}): Article | SkippedFile {
  const { maxFileBytes } = { ...defaultLoadOptions, ...options };
  const file = relPath.split(path.sep).join('/');
  const fullPath = path.join(dir, relPath);
  let bytes: Buffer;
  try {
    const info = fs.statSync(fullPath);
    if (info.isDirectory()) return { file, reason: 'not a file (a folder)' };
    if (!info.isFile()) return { file, reason: 'not a regular file' };
    if (info.size > maxFileBytes) {
      return { file, reason: `larger than ${formatBytes(maxFileBytes)} (${info.size} bytes)` };
    }
    bytes = fs.readFileSync(fullPath);
    let before = info;
    for (let attempt = 1; ; attempt += 1) {
      const after = fs.statSync(fullPath);
      if (after.size === bytes.length && after.mtimeMs === before.mtimeMs) break;
      if (attempt === 3) return { file, reason: 'changed while being read (it is read again at the next reload)' };
      // The same pause as loadArticleFile's, slept: this thread has nothing else to do meanwhile.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      before = fs.statSync(fullPath);
      bytes = fs.readFileSync(fullPath);
    }
  } catch (error) {
    return unreadable(file, error);
  }
  return articleFromBytes(file, bytes, maxFileBytes);
}

interface Candidates {
  files: string[];
  skipped: SkippedFile[];
}

/** Lists candidate article files under `dir` (relative posix paths), and the entries rejected on sight. */
async function walk(dir: string, rel: string, found: Candidates): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  } catch (error) {
    found.skipped.push(unreadable(rel === '' ? '.' : rel, error));
    return;
  }
  entries.sort((a, b) => compareIds(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || FOLDER_DOCS.test(entry.name)) continue;
    const id = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      await walk(dir, id, found);
      continue;
    }
    // Symbolic links are followed to files only (loadArticleFile stats through them); a linked folder could loop.
    const extension = path.extname(entry.name).toLowerCase();
    if (!ARTICLE_EXTENSIONS.has(extension)) {
      const kind = extension === '' ? 'no extension' : extension;
      found.skipped.push({ file: id, reason: `not an article file (${kind})` });
      continue;
    }
    found.files.push(id);
  }
}

/**
 * Loads every article under `dir` (recursively; `.txt`, `.md`, `.markdown`), ids being posix paths relative to
 * `dir`. Hidden files and README/LICENSE files are ignored; every other file that cannot be used is listed in
 * `skipped` with its reason, and never stops the load. Articles and skipped files come sorted by id.
 *
 * @example
 * const corpus = await loadCorpus('seeds');
 * corpus.articles.length
 * // => 365
 * corpus.skipped
 * // => []
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const found = await listCorpusFiles(dir);
  return mergeCorpora([{ articles: [], skipped: found.skipped }, await loadCorpusFiles(dir, found.files, options)]);
}

/**
 * The first half of {@link loadCorpus}: the candidate article files under `dir` (relative posix paths, sorted), and
 * the entries rejected on sight. With {@link loadCorpusFiles} and {@link mergeCorpora}, the files can be loaded in
 * parts (on several threads) and put together as `loadCorpus` would have returned them.
 * @example await listCorpusFiles('seeds') // => { files: ['000_8ea7bffe1f96b296.txt', …], skipped: [] }
 */
export async function listCorpusFiles(dir: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const found: Candidates = { files: [], skipped: [] };
  await walk(dir, '', found);
  return found;
}

/**
 * Loads the given files of `dir` (ids as {@link listCorpusFiles} lists them): the second half of {@link loadCorpus}.
 * @example (await loadCorpusFiles('seeds', ['000_8ea7bffe1f96b296.txt'])).articles.length // => 1
 */
export async function loadCorpusFiles(dir: string, files: readonly string[], options: LoadOptions = {}): Promise<Corpus> {
  const settings = { ...defaultLoadOptions, ...options };
  const results: (Article | SkippedFile)[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await loadArticleFile(dir, files[index] ?? '', settings);
    }
  };
  const workers = Math.max(1, Math.min(settings.concurrency, files.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const result of results) {
    if (isSkippedFile(result)) skipped.push(result);
    else articles.push(result);
  }
  return mergeCorpora([{ articles, skipped }]);
}

/**
 * {@link loadCorpusFiles} read synchronously ({@link loadArticleFileSync}): for a worker thread only, as it blocks the
 * thread until every file is loaded. The same corpus.
 * @example loadCorpusFilesSync('seeds', ['000_8ea7bffe1f96b296.txt']).articles.length // => 1
 */
export function loadCorpusFilesSync(dir: string, files: readonly string[], options: LoadOptions = {}): Corpus {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const relPath of files) {
    const result = loadArticleFileSync(dir, relPath, options);
    if (isSkippedFile(result)) skipped.push(result);
    else articles.push(result);
  }
  return mergeCorpora([{ articles, skipped }]);
}

/**
 * Parts of one folder's corpus put together, articles and skipped files sorted by id as {@link loadCorpus} returns them.
 * @example mergeCorpora([{ articles: [b], skipped: [] }, { articles: [a], skipped: [] }]).articles // => [a, b]
 */
export function mergeCorpora(parts: readonly Corpus[]): Corpus {
  const articles = parts.flatMap((part) => part.articles).sort((a, b) => compareIds(a.id, b.id));
  const skipped = parts.flatMap((part) => part.skipped).sort((a, b) => compareIds(a.file, b.file));
  return { articles, skipped };
}
