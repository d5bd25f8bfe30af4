import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * A fingerprint of a seeds folder: every file's relative path, size and modification time, hashed. Any added,
 * removed, grown or touched file changes it; reading no file content keeps it cheap (one stat per file).
 * @example await seedsFingerprint('seeds') // => '3f1c…' (64 hex digits)
 */
export async function seedsFingerprint(dir: string, salt = ''): Promise<string> {
  const entries: string[] = [];
  await walk(dir, '', entries);
  entries.sort();
  const hash = createHash('sha256').update(salt);
  for (const entry of entries) hash.update(entry).update('\n');
  return hash.digest('hex');
}

/** How many stats run at once. */
const CONCURRENCY = 64;

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (error) {
    // An unreadable folder is part of the state too: it is fingerprinted by its error, not skipped silently.
    out.push(`${rel}\t!${error instanceof Error && 'code' in error ? String(error.code) : 'error'}`);
    return;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const id = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) await walk(root, id, out);
    else files.push(id);
  }
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const id = files[next++]!;
      try {
        const info = await stat(path.join(root, id));
        out.push(`${id}\t${info.size}\t${info.mtimeMs}`);
      } catch {
        out.push(`${id}\t!missing`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
}
