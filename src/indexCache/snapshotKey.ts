import { INDEX_CACHE_VERSION } from './cacheVersion.js';
import { runWorker } from './startWorker.js';

/**
 * The key a snapshot of `seedsDir` is persisted under: the seeds' fingerprint with the cache version and the code's
 * fingerprint ('' without a cache dir).
 * @example await snapshotKey('seeds', '.newsdesk/cache') // => '9f2c…'
 */
export async function snapshotKey(seedsDir: string, cacheDir: string | null): Promise<string> {
  if (!cacheDir) return '';
  // Loaded here, not at the top: a persisted start computes the key on another thread (snapshotKeyOffThread), and
  // hashing and walking code loaded on this one is only on its way to ready.
  const [{ codeFingerprint }, { seedsFingerprint }] = await Promise.all([import('./codeFingerprint.js'), import('./seedsFingerprint.js')]);
  // The code's files are read while the seeds are stat'ed.
  return seedsFingerprint(seedsDir, codeFingerprint().then((code) => `v${INDEX_CACHE_VERSION} ${code}`));
}

/**
 * {@link snapshotKey} on another thread (worker `keyWorker`): a persisted start stats every seed file (0.5 s at
 * 100,000 files) while this thread reads the cache file back, instead of before. Computed here when the worker fails.
 * @example await snapshotKeyOffThread('seeds', '.newsdesk/cache') === await snapshotKey('seeds', '.newsdesk/cache') // => true
 */
export async function snapshotKeyOffThread(seedsDir: string, cacheDir: string | null): Promise<string> {
  if (!cacheDir) return '';
  try {
    return (await runWorker<{ key: string }>('keyWorker', { seedsDir, cacheDir }, seedsDir)).key;
  } catch {
    return snapshotKey(seedsDir, cacheDir);
  }
}
