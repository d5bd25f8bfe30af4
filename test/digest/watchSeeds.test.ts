import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchSeeds, type SeedsWatcher } from '../../src/corpus/watchSeeds.js';

let dir: string;
let watcher: SeedsWatcher | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-seeds-'));
});

afterEach(() => {
  watcher?.close();
  watcher = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves at the next onChange call. */
function nextChange(): { promise: Promise<void>; onChange: () => void; count: () => number } {
  let calls = 0;
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return {
    promise,
    onChange: () => {
      calls += 1;
      resolve();
    },
    count: () => calls,
  };
}

describe('watchSeeds', () => {
  it('calls onChange once for a burst of new files, including in subfolders', async () => {
    const change = nextChange();
    watcher = watchSeeds(dir, { onChange: change.onChange, debounceMs: 200 });
    mkdirSync(path.join(dir, 'wikinews'));
    for (let i = 0; i < 5; i += 1) writeFileSync(path.join(dir, 'wikinews', `article-${i}.md`), `# Article ${i}\n`);
    await change.promise;
    expect(change.count()).toBe(1);
  });

  it('ignores editor scratch files', async () => {
    const change = nextChange();
    watcher = watchSeeds(dir, { onChange: change.onChange, debounceMs: 100 });
    writeFileSync(path.join(dir, '.article.md.swp'), 'scratch');
    writeFileSync(path.join(dir, 'article.md~'), 'backup');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(change.count()).toBe(0);
    writeFileSync(path.join(dir, 'article.md'), '# Real\n');
    await change.promise;
    expect(change.count()).toBe(1);
  });

  it('reports an onChange failure to onError and keeps watching', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    let second: () => void = () => {};
    const secondCall = new Promise<void>((resolve) => (second = resolve));
    watcher = watchSeeds(dir, {
      debounceMs: 100,
      onChange: () => {
        calls += 1;
        if (calls === 1) throw new Error('re-index failed: seeds/bad.md');
        second();
      },
      onError: (error) => errors.push(error),
    });
    writeFileSync(path.join(dir, 'bad.md'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 400));
    writeFileSync(path.join(dir, 'good.md'), 'y');
    await secondCall;
    expect(errors.map((error) => (error as Error).message)).toEqual(['re-index failed: seeds/bad.md']);
  });
});
