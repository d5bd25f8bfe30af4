import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchSeeds, type SeedsWatcher } from '../../src/corpus/watchSeeds.js';
import { buildLibrary, LibraryStore, type ReloadResult } from '../../src/library.js';
import { storyText } from './seedStory.js';

let dir: string;
let watcher: SeedsWatcher | null = null;
let socketServer: Server | null = null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-folder-'));
});

afterEach(async () => {
  watcher?.close();
  watcher = null;
  await new Promise<void>((resolve) => (socketServer ? socketServer.close(() => resolve()) : resolve()));
  socketServer = null;
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.old`, { recursive: true, force: true });
  await rm(`${dir}.next`, { recursive: true, force: true });
});

/** Resolves when `check` holds, polling; rejects after `timeoutMs` (a wait bound, not a timing assertion). */
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A store over `dir` whose reloads the watcher triggers, counting them. */
async function watchedStore(debounceMs: number): Promise<{ store: LibraryStore; reloads: ReloadResult[]; errors: unknown[] }> {
  const store = new LibraryStore(await buildLibrary(dir), dir);
  const reloads: ReloadResult[] = [];
  const errors: unknown[] = [];
  watcher = watchSeeds(dir, { debounceMs, onChange: async () => void reloads.push(await store.reload()), onError: (error) => errors.push(error) });
  return { store, reloads, errors };
}

describe('watchSeeds with LibraryStore.reload', () => {
  it('indexes 3,000 files dropped in at once plus 500 written one by one, with a few debounced reloads, none lost', async () => {
    await writeFile(path.join(dir, 'story-0.md'), storyText(0, 0));
    const { store, reloads, errors } = await watchedStore(500);
    // A folder of 3,000 prepared elsewhere and moved in (one rename), then 500 more files written one by one into
    // another folder. (Not all of them written one by one into one folder: Node 20's recursive fs.watch on Linux re-scans
    // a folder on each event in it, so that takes tens of seconds of a mostly blocked event loop; see the report.)
    const staging = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-staging-'));
    const dropped = 3000;
    const written = 500;
    for (let start = 1; start <= dropped; start += 250) {
      await Promise.all(Array.from({ length: 250 }, (_, offset) => writeFile(path.join(staging, `story-${start + offset}.md`), storyText(start + offset, 0))));
    }
    await rename(staging, path.join(dir, 'batch'));
    await mkdir(path.join(dir, 'wire'));
    for (let story = dropped + 1; story <= dropped + written; story += 1) await writeFile(path.join(dir, 'wire', `story-${story}.md`), storyText(story, 0));
    const total = 1 + dropped + written;
    await until(() => store.current.corpus.articles.length === total, 30_000, `${total} articles indexed`);
    expect(store.current.corpus.skipped).toEqual([]);
    expect(store.current.search.articleCount).toBe(total);
    for (const id of ['story-0.md', 'batch/story-1.md', `batch/story-${dropped}.md`, `wire/story-${dropped + written}.md`]) expect(store.current.articles.has(id), id).toBe(true);
    expect(errors).toEqual([]);
    // Debounced: thousands of file events are a handful of reloads, not one per file.
    expect(reloads.length).toBeGreaterThan(0);
    expect(reloads.length).toBeLessThanOrEqual(10);
    expect(reloads.every((result) => result.ok)).toBe(true);
  }, 40_000);

  // Found by this suite (fixed in watchSeeds): fs.watch follows the folder's inode. Once the seeds folder is removed and
  // made again (rm -rf seeds && cp -r new seeds, or a deploy that swaps folders), the watcher stays on the dead
  // inode: no change is ever seen again, nothing is reported, and the bot serves the old coverage until /reload.
  it('keeps watching after the seeds folder is removed and made again', async () => {
    await writeFile(path.join(dir, 'story-0.md'), storyText(0, 0));
    const { store, reloads } = await watchedStore(100);
    await rm(dir, { recursive: true });
    // The removal is seen: its reload fails and keeps the coverage.
    await until(() => reloads.length >= 1, 5000, 'the reload after the removal');
    expect(reloads[0]).toMatchObject({ ok: false });
    expect(store.current.corpus.articles.map((article) => article.id)).toEqual(['story-0.md']);
    await mkdir(dir);
    await writeFile(path.join(dir, 'story-1.md'), storyText(1, 0));
    await until(() => store.current.articles.has('story-1.md'), 1500, 'story-1.md indexed after the folder came back');
  });

  // A deploy that renames a fresh folder into place is seen (Node's recursive watcher re-scans on the rename).
  it('watches the new folder after a deploy renames a fresh seeds folder into place', async () => {
    await writeFile(path.join(dir, 'story-0.md'), storyText(0, 0));
    const { store } = await watchedStore(100);
    const next = `${dir}.next`;
    await mkdir(next);
    await writeFile(path.join(next, 'story-1.md'), storyText(1, 0));
    await rename(dir, `${dir}.old`);
    await rename(next, dir);
    await until(() => store.current.articles.has('story-1.md'), 3000, 'the deployed folder indexed');
  });
});

describe('a seeds folder with files that cannot be read', () => {
  it('skips a FIFO, a socket, a dangling link, a link loop and a link to a folder with their reasons, and loads the rest', async () => {
    for (let story = 0; story < 3; story += 1) await writeFile(path.join(dir, `story-${story}.md`), storyText(story, 0));
    // Tests run as root, so chmod cannot make a file unreadable; these can, and a FIFO would block a naive read forever.
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer!.listen(path.join(dir, 'socket.txt'), resolve));
    await symlink(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
    await symlink(path.join(dir, 'loop-b.md'), path.join(dir, 'loop-a.md'));
    await symlink(path.join(dir, 'loop-a.md'), path.join(dir, 'loop-b.md'));
    await mkdir(path.join(dir, 'desk'));
    await symlink(path.join(dir, 'desk'), path.join(dir, 'folder-link.txt'));

    const store = new LibraryStore(await buildLibrary(dir), dir);
    await writeFile(path.join(dir, 'story-3.md'), storyText(3, 0));
    const result = await store.reload();
    expect(result).toMatchObject({ ok: true, articles: 4 });
    expect(result.ok && result.skipped).toEqual([
      { file: 'dangling.md', reason: 'unreadable (ENOENT: file vanished or is a dangling link)' },
      { file: 'folder-link.txt', reason: 'not a file (a folder)' },
      { file: 'loop-a.md', reason: 'unreadable (ELOOP: symbolic link loop)' },
      { file: 'loop-b.md', reason: 'unreadable (ELOOP: symbolic link loop)' },
      { file: 'pipe.md', reason: 'not a regular file' },
      { file: 'socket.txt', reason: 'not a regular file' },
    ]);
    expect(store.current.corpus.articles.map((article) => article.id)).toEqual(['story-0.md', 'story-1.md', 'story-2.md', 'story-3.md']);
  });
});

describe('LibraryStore.reload when the seeds folder is gone', () => {
  const cases: [string, () => Promise<void>, RegExp][] = [
    ['removed', () => rm(dir, { recursive: true }), /no article could be loaded/u],
    ['replaced by a file', async () => (await rm(dir, { recursive: true }), await writeFile(dir, 'not a folder')), /no article could be loaded/u],
    ['left with only unusable files', async () => (await rm(path.join(dir, 'story-0.md')), await writeFile(path.join(dir, 'story-1.md'), '')), /no article could be loaded/u],
  ];

  it.each(cases)('keeps the old library and says why when the folder is %s, then recovers', async (_case, breakIt, why) => {
    await writeFile(path.join(dir, 'story-0.md'), storyText(0, 0));
    await writeFile(path.join(dir, 'story-1.md'), storyText(1, 0));
    const store = new LibraryStore(await buildLibrary(dir), dir);
    const before = store.current;
    const swapped: unknown[] = [];
    store.onReload((next) => swapped.push(next));

    await breakIt();
    const failed = await store.reload();
    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(why) });
    expect(store.current).toBe(before);
    expect(swapped).toEqual([]);
    expect(store.current.search.search('harbour master tide').hits.length).toBe(2);

    // Once the folder is back, the next reload takes it.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    await writeFile(path.join(dir, 'story-7.md'), storyText(7, 0));
    expect(await store.reload()).toMatchObject({ ok: true, articles: 1 });
    expect(store.current.corpus.articles.map((article) => article.id)).toEqual(['story-7.md']);
    expect(swapped).toHaveLength(1);
  });
});
