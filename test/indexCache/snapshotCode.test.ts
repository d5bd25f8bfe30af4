import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = path.join(root, 'src');

/** The folders `codeFingerprint` hashes into the persisted index's key (src/indexCache/codeFingerprint.ts). */
const SNAPSHOT_FOLDERS = ['corpus', 'search', 'quotes', 'indexCache'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name));
}

/** Files of src named by a relative import of another file of src, or started as a worker (`new URL('./x…', import.meta.url)` or `startWorker('x', …)`). */
function importedFromSrc(): Set<string> {
  const imported = new Set<string>();
  for (const file of tsFiles(src)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const specifier = (match[1] ?? match[2])!;
      imported.add(path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
    }
    for (const match of text.matchAll(/new URL\(\s*[`'"](\.{1,2}\/[\w./-]+?)(?:\$\{[^}]*\})?[`'"]/g)) {
      imported.add(path.resolve(path.dirname(file), match[1]!).replace(/(\.[jt]s)?$/, '.ts'));
    }
    // `startWorker('name', …)` and `runWorker('name', …)` (src/indexCache/startWorker.ts) start the module `name` of the indexCache folder.
    for (const match of text.matchAll(/\b(?:startWorker|runWorker)(?:<[^>]*>)?\(\s*['"](\w+)['"]/g)) {
      imported.add(path.join(src, 'indexCache', `${match[1]!}.ts`));
    }
  }
  return imported;
}

describe('snapshot code', () => {
  it('hashes only modules the bot uses: evaluation-only code lives outside src, so editing it keeps every persisted index', () => {
    const imported = importedFromSrc();
    const unused = SNAPSHOT_FOLDERS.flatMap((folder) => tsFiles(path.join(src, folder)))
      .filter((file) => path.basename(file) !== 'index.ts' && !imported.has(file))
      .map((file) => path.relative(root, file));
    expect(unused).toEqual([]);
  });
});
