import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose code decides what a snapshot holds: how articles are parsed, indexed and quoted. */
const SNAPSHOT_CODE = ['text', 'corpus', 'search', 'quotes', 'indexCache'];

let cached: Promise<string> | null = null;

/**
 * A hash of the source of the code that builds a snapshot, so a persisted index made by other code (an older parser,
 * a changed extractor) is never read back: without it, a forgotten version bump would serve stale answers.
 * @example await codeFingerprint() // => 'a41f…' (64 hex digits), the same until a file of src/text|corpus|search|quotes|indexCache changes
 */
export function codeFingerprint(): Promise<string> {
  cached ??= (async () => {
    const src = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
    const hash = createHash('sha256');
    for (const folder of SNAPSHOT_CODE) {
      const names = (await readdir(path.join(src, folder))).filter((name) => /\.[cm]?[jt]s$/u.test(name)).sort();
      for (const name of names) hash.update(`${folder}/${name}\n`).update(await readFile(path.join(src, folder, name)));
    }
    return hash.digest('hex');
  })();
  return cached;
}
