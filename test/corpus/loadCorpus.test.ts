import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSkippedFile, listCorpusFiles, loadArticleFile, loadCorpus, loadCorpusFilesSync, mergeCorpora } from '../../src/corpus/index.js';
import type { Corpus } from '../../src/corpus/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = path.resolve(root, '../shared');

const GOOD = 'Harbour reopens\n\nThe harbour reopened on Friday.\n';

describe('loadCorpus', () => {
  let dir: string;
  let corpus: Corpus;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'newsdesk-corpus-'));
    const files: Record<string, string | Buffer> = {
      'good.txt': GOOD,
      'local/harbour.txt': GOOD,
      'markdown.md': '---\ntitle: Council meets\n---\n\nThe council met.\n',
      'long.markdown': '# Long form\n\nA long read.\n',
      'bom.txt': `\ufeff${GOOD}`,
      'empty.txt': '',
      'binary.txt': Buffer.from([0x48, 0x65, 0x00, 0x6c, 0x0a, 0x0a, 0x6f]),
      'latin1.txt': Buffer.from('Caf\xe9 opens\n\nThe caf\xe9 opened.\n', 'latin1'),
      'huge.txt': `Big\n\n${'x'.repeat(2048)}.\n`,
      'bad-date.md': '---\ntitle: Dated badly\ndate: the other day\n---\n\nText.\n',
      'no-body.txt': 'Only a headline\n',
      'notes.json': '{"not": "an article"}',
      'Makefile': 'all:\n',
      'README.md': '# About this folder\n\nNot an article.\n',
      'LICENSE': 'Some licence text',
      '.hidden.txt': GOOD,
      '.git/config.txt': GOOD,
      'sub/README.txt': 'About the sub folder\n\nNot an article.\n',
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
    // Tests run as root, so permissions cannot make a file unreadable: a dangling link can.
    await symlink(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    corpus = await loadCorpus(dir, { maxFileBytes: 1024 });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the good files, ids as posix paths relative to the folder, in id order', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual([
      'bad-date.md',
      'bom.txt',
      'good.txt',
      'local/harbour.txt',
      'long.markdown',
      'markdown.md',
    ]);
  });

  it('skips every bad file with its reason, in file order', () => {
    expect(corpus.skipped).toEqual([
      { file: 'Makefile', reason: 'not an article file (no extension)' },
      { file: 'binary.txt', reason: 'binary file (contains NUL bytes)' },
      { file: 'dangling.txt', reason: 'unreadable (ENOENT: file vanished or is a dangling link)' },
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'huge.txt', reason: 'larger than 1 KB (2055 bytes)' },
      { file: 'latin1.txt', reason: 'not UTF-8 text' },
      { file: 'no-body.txt', reason: 'no body' },
      { file: 'notes.json', reason: 'not an article file (.json)' },
    ]);
  });

  it('ignores hidden files and folders and README/LICENSE files silently', () => {
    const seen = [...corpus.articles.map((a) => a.id), ...corpus.skipped.map((s) => s.file)];
    for (const ignored of ['README.md', 'LICENSE', '.hidden.txt', '.git/config.txt', 'sub/README.txt']) {
      expect(seen).not.toContain(ignored);
    }
  });

  it('loads an article with an unreadable date, date null', () => {
    const article = corpus.articles.find((a) => a.id === 'bad-date.md');
    expect(article?.headline).toBe('Dated badly');
    expect(article?.date).toBeNull();
  });

  it('strips a UTF-8 byte order mark', () => {
    const bom = corpus.articles.find((a) => a.id === 'bom.txt');
    const good = corpus.articles.find((a) => a.id === 'good.txt');
    expect(bom?.headline).toBe('Harbour reopens');
    expect({ ...bom, id: 'good.txt' }).toEqual(good);
  });

  it('uses a 2 MB limit by default', async () => {
    const big = await mkdtemp(path.join(tmpdir(), 'newsdesk-big-'));
    try {
      await writeFile(path.join(big, 'just-under.txt'), `Big\n\n${'x'.repeat(2 * 1024 * 1024 - 10)}.`);
      await writeFile(path.join(big, 'over.txt'), `Big\n\n${'x'.repeat(2 * 1024 * 1024)}.`);
      const result = await loadCorpus(big);
      expect(result.articles.map((a) => a.id)).toEqual(['just-under.txt']);
      expect(result.skipped).toEqual([{ file: 'over.txt', reason: 'larger than 2 MB (2097158 bytes)' }]);
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  });

  it('returns the same result with concurrency 1', async () => {
    expect(await loadCorpus(dir, { maxFileBytes: 1024, concurrency: 1 })).toEqual(corpus);
  });

  it('gives the same corpus when the files are read synchronously (as a worker thread loading its share does)', async () => {
    const listed = await listCorpusFiles(dir);
    const sync = loadCorpusFilesSync(dir, listed.files, { maxFileBytes: 1024 });
    expect(mergeCorpora([{ articles: [], skipped: listed.skipped }, sync])).toEqual(corpus);
  });

  it('reports a folder that does not exist instead of throwing', async () => {
    const missing = path.join(dir, 'no-such-folder');
    expect(await loadCorpus(missing)).toEqual({
      articles: [],
      skipped: [{ file: '.', reason: 'unreadable (ENOENT: file vanished or is a dangling link)' }],
    });
  });

  it('loads the whole seeds folder: 365 articles (1 seed + 364 Wikinews), none skipped', async () => {
    const seeds = await loadCorpus(path.join(root, 'seeds'));
    expect(seeds.skipped).toEqual([]);
    expect(seeds.articles).toHaveLength(365);
    expect(seeds.articles.filter((a) => a.id.startsWith('wikinews/') && a.format === 'markdown')).toHaveLength(364);
    expect(seeds.articles[0]?.id).toBe('000_8ea7bffe1f96b296.txt');
    expect(seeds.articles[0]?.format).toBe('wire');
  });

  it.skipIf(!existsSync(path.join(shared, 'corpora')))(
    'loads bbc-news-2005 and reuters-21578 from ../shared fully (skips when ../shared is absent)',
    async () => {
      const bbc = await loadCorpus(path.join(shared, 'corpora/bbc-news-2005'));
      expect(bbc.skipped).toEqual([]);
      expect(bbc.articles).toHaveLength(2225);
      expect(new Set(bbc.articles.map((a) => a.section))).toEqual(
        new Set(['business', 'entertainment', 'politics', 'sport', 'tech']),
      );
      const reuters = await loadCorpus(path.join(shared, 'corpora/reuters-21578'));
      // The metadata table is the collection's index, not an article: reported, not loaded.
      expect(reuters.skipped).toEqual([{ file: 'metadata.tsv', reason: 'not an article file (.tsv)' }]);
      expect(reuters.articles).toHaveLength(4825);
      expect(reuters.articles.every((a) => a.format === 'plain' && a.headline !== '')).toBe(true);
    },
    60_000,
  );
});

describe('loadArticleFile', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'newsdesk-file-'));
    await mkdir(path.join(dir, 'folder.txt'));
    await writeFile(path.join(dir, 'one.txt'), GOOD);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the article for a good file', async () => {
    const result = await loadArticleFile(dir, 'one.txt');
    expect(isSkippedFile(result)).toBe(false);
    expect(result).toMatchObject({ id: 'one.txt', headline: 'Harbour reopens', format: 'plain' });
  });

  it('returns a skipped file for a path that has disappeared', async () => {
    expect(await loadArticleFile(dir, 'vanished.txt')).toEqual({
      file: 'vanished.txt',
      reason: 'unreadable (ENOENT: file vanished or is a dangling link)',
    });
  });

  it('returns a skipped file for a folder named like a file', async () => {
    expect(await loadArticleFile(dir, 'folder.txt')).toEqual({ file: 'folder.txt', reason: 'not a file (a folder)' });
  });

  const unix = process.platform !== 'win32';
  it.skipIf(!unix)('returns a skipped file for a named pipe instead of waiting on it', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    expect(await loadArticleFile(dir, 'pipe.txt')).toEqual({ file: 'pipe.txt', reason: 'not a regular file' });
  });

  it('loads the seed article by its id', async () => {
    const result = await loadArticleFile(path.join(root, 'seeds'), '000_8ea7bffe1f96b296.txt');
    expect(result).toMatchObject({ id: '000_8ea7bffe1f96b296.txt', section: 'Middle East', format: 'wire' });
  });
});
