import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FEEDS_FOLDER, writeFileAtomically } from './writeArticleFile.js';

/** Where the ingester's article files are kept for every host (`PostgresFeedStore` with DATABASE_URL). */
export interface ArticleSource {
  /** Every stored file with the MD5 of its text. */
  articleDigests(): Promise<{ file: string; md5: string }[]>;
  /** The text of these files. */
  articleBodies(files: readonly string[]): Promise<{ file: string; body: string }[]>;
}

/** Bodies fetched per query when catching up. */
const BATCH = 200;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** Only files below the feeds folder, without `..` or absolute parts, are written: the database names them. */
function isFeedFile(file: string): boolean {
  const parts = file.split('/');
  return parts[0] === FEEDS_FOLDER && parts.length > 1 && parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\')) && !path.isAbsolute(file);
}

async function localText(seedsDir: string, file: string): Promise<string | null> {
  try {
    return await readFile(path.join(seedsDir, ...file.split('/')), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Brings this host's seeds folder up to the stored article files: writes (atomically) each one it lacks or holds
 * with other text, and returns the files written, for the library to index. `files` limits it to those just
 * announced; null compares everything (at start, and after the database was away). Files outside `feeds/` are
 * never written.
 * @example await syncArticles(postgres.feeds(), 'seeds', ['feeds/gazette/2026-11-30-ferry.md']) // => ['feeds/gazette/2026-11-30-ferry.md']
 */
export async function syncArticles(source: ArticleSource, seedsDir: string, files: readonly string[] | null): Promise<string[]> {
  let wanted: string[];
  if (files === null) {
    const differing: string[] = [];
    for (const { file, md5: stored } of await source.articleDigests()) {
      if (!isFeedFile(file)) continue;
      const text = await localText(seedsDir, file);
      if (text === null || md5(text) !== stored) differing.push(file);
    }
    wanted = differing;
  } else {
    wanted = files.filter(isFeedFile);
  }
  const written: string[] = [];
  for (let start = 0; start < wanted.length; start += BATCH) {
    for (const { file, body } of await source.articleBodies(wanted.slice(start, start + BATCH))) {
      if (!isFeedFile(file) || (await localText(seedsDir, file)) === body) continue;
      await writeFileAtomically(seedsDir, file, body);
      written.push(file);
    }
  }
  return written;
}
