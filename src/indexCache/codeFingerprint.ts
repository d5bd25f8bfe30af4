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
    // Every file read at once (the thread pool's round trips one after the other were most of the time), hashed in order.
    const folders = await Promise.all(
      SNAPSHOT_CODE.map(async (folder) => {
        const names = (await readdir(path.join(src, folder))).filter((name) => /\.[cm]?[jt]s$/u.test(name)).sort();
        return Promise.all(names.map(async (name) => ({ name: `${folder}/${name}`, text: await readFile(path.join(src, folder, name)) })));
      }),
    );
    for (const { name, text } of folders.flat()) hash.update(`${name}\n`).update(text);
    return hash.digest('hex');
  })();
  return cached;
}
