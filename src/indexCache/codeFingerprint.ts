import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose code decides what a snapshot holds: how articles are parsed, indexed and quoted. */
const SNAPSHOT_CODE = ['text', 'corpus', 'search', 'quotes', 'indexCache'];

/**
 * The file the build writes beside the compiled form of this module (scripts/build.mjs): the fingerprint of the
 * sources it was compiled from, hashed once at build time rather than by every start (the key worker read and hashed
 * some 80 files on the way to a persisted start's ready).
 */
export const FINGERPRINT_FILE = 'codeFingerprint.txt';

let cached: Promise<string> | null = null;

/**
 * A hash of the source of the code that builds a snapshot, so a persisted index made by other code (an older parser,
 * a changed extractor) is never read back: without it, a forgotten version bump would serve stale answers. Compiled,
 * it is the one the build wrote ({@link FINGERPRINT_FILE}); run from the TypeScript sources (tests), or when that file
 * is missing, the sources beside this module are hashed now.
 * @example await codeFingerprint() // => 'a41f…' (64 hex digits), the same until a file of src/text|corpus|search|quotes|indexCache changes
 */
export function codeFingerprint(): Promise<string> {
  cached ??= (async () => {
    const here = fileURLToPath(import.meta.url);
    const src = path.dirname(path.dirname(here));
    if (here.endsWith('.ts')) return hashSnapshotCode(src);
    try {
      const built = (await readFile(path.join(path.dirname(here), FINGERPRINT_FILE), 'utf8')).trim();
      if (/^[0-9a-f]{64}$/u.test(built)) return built;
    } catch {
      // Not built by scripts/build.mjs (or the file was removed): hashed below, as from the sources.
    }
    return hashSnapshotCode(src);
  })();
  return cached;
}

/**
 * The hash of the snapshot code's files in `src` (the TypeScript sources, or their compiled form): what
 * {@link codeFingerprint} returns, and what the build writes to {@link FINGERPRINT_FILE}.
 * @example await hashSnapshotCode('src') // => 'a41f…'
 */
export async function hashSnapshotCode(src: string): Promise<string> {
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
}
