import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { watchSeeds, type SeedsWatcher } from '../../src/corpus/watchSeeds.js';
import { buildLibrary, LibraryStore, type ReloadResult } from '../../src/library.js';
import { Harness } from './serviceHarness.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = '000_8ea7bffe1f96b296.txt';

let seeds: string;
let watcher: SeedsWatcher | null = null;
let harness: Harness;

afterEach(() => {
  watcher?.close();
  harness.close();
  rmSync(seeds, { recursive: true, force: true });
  rmSync(harness.dir, { recursive: true, force: true });
});

function markdownArticle(title: string, date: string): string {
  return `---\ntitle: "${title}"\ndate: ${date}\nurl: https://example.org/${date}\nsource: Test Wire\n---\n\nThe council met on ${date} and voted on the budget for the coming year after a long debate.\n`;
}

/** Watches `seeds`, reloads the library on each change, and hands back each reload's result in order. */
function watchAndReload(library: LibraryStore) {
  const results: ReloadResult[] = [];
  const waiters: ((result: ReloadResult) => void)[] = [];
  watcher = watchSeeds(seeds, {
    debounceMs: 150,
    onChange: async () => {
      const result = await library.reload();
      results.push(result);
      waiters.shift()?.(result);
    },
  });
  return { next: () => new Promise<ReloadResult>((resolve) => waiters.push(resolve)), results };
}

describe('seeds folder → library → digest', () => {
  it('carries a file that appears in the seeds folder in the next digest, with its quotes', async () => {
    seeds = mkdtempSync(path.join(tmpdir(), 'newsdesk-seeds-'));
    writeFileSync(path.join(seeds, 'council.md'), markdownArticle('Council passes budget', '2025-05-30'));
    harness = new Harness('2025-06-01T07:00:00.000Z');
    const library = new LibraryStore(await buildLibrary(seeds), seeds);
    const service = harness.service({}, {
      library: () => ({
        articles: library.current.corpus.articles,
        quotesOf: (id) => library.current.quotes.quotesOfArticle(id),
      }),
    });
    library.onReload((next) => service.noteArticles(next.corpus.articles.map((article) => article.id)));
    await service.catchUp();
    const reloads = watchAndReload(library);

    // The Al Jazeera seed arrives (copied into the tmp folder at test time only).
    harness.at('2025-06-01T07:30:00.000Z');
    const reloaded = reloads.next();
    copyFileSync(path.join(projectRoot, 'seeds', SEED), path.join(seeds, SEED));
    expect(await reloaded).toMatchObject({ ok: true, articles: 2 });

    harness.at('2025-06-01T08:00:00.000Z');
    expect((await service.runDue())[0]).toMatchObject({ outcome: 'posted', articles: 1 });
    expect(harness.sentIds()).toEqual([SEED]);
    const quotes = (harness.sent[0]!.reply.data!.digest as { quotes: { articleId: string; speaker: string | null }[] }).quotes;
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.every((quote) => quote.articleId === SEED)).toBe(true);
  });

  it('keeps the old library when a re-index fails, and the digest keeps working from it', async () => {
    seeds = mkdtempSync(path.join(tmpdir(), 'newsdesk-seeds-'));
    writeFileSync(path.join(seeds, 'council.md'), markdownArticle('Council passes budget', '2025-05-30'));
    harness = new Harness('2025-06-01T07:00:00.000Z');
    const library = new LibraryStore(await buildLibrary(seeds), seeds);
    const service = harness.service({}, { library: () => ({ articles: library.current.corpus.articles }) });
    library.onReload((next) => service.noteArticles(next.corpus.articles.map((article) => article.id)));
    await service.catchUp();
    const reloads = watchAndReload(library);

    harness.at('2025-06-01T07:30:00.000Z');
    const added = reloads.next();
    writeFileSync(path.join(seeds, 'school.md'), markdownArticle('School reopens', '2025-05-31'));
    expect(await added).toMatchObject({ ok: true, articles: 2 });

    // Both files emptied: nothing can be loaded, so the re-index fails and the previous library stays.
    const failed = reloads.next();
    writeFileSync(path.join(seeds, 'council.md'), '');
    writeFileSync(path.join(seeds, 'school.md'), '');
    const result = await failed;
    expect(result.ok).toBe(false);
    expect(library.current.corpus.articles.map((article) => article.id)).toEqual(['council.md', 'school.md']);

    harness.at('2025-06-01T08:00:00.000Z');
    await service.runDue();
    expect(harness.sentIds()).toEqual(['school.md']);
  });
});
