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
  if (started && started.seedsDir === seedsDir && started.cacheDir === cacheDir) {
    const { key } = started;
    started = null;
    return key;
  }
  try {
    return (await runWorker<{ key: string }>('keyWorker', { seedsDir, cacheDir }, seedsDir)).key;
  } catch {
    return snapshotKey(seedsDir, cacheDir);
  }
}

/** The key {@link startSnapshotKey} started, until the next {@link snapshotKeyOffThread} of the same folders takes it. */
let started: { seedsDir: string; cacheDir: string; key: Promise<string> } | null = null;

/**
 * Starts {@link snapshotKeyOffThread} now, for the next one of the same folders (buildLibrary's) to take up: a start
 * calls it before it loads the library's code (src/main.ts imports library.js after), so that the worker thread
 * fingerprints the seeds meanwhile; at 7,050 files the key was the last thing a persisted start waited for. Taken
 * once: a later call (a reload) fingerprints the seeds as they are then. Returns the key too.
 * @example startSnapshotKey('seeds', '.newsdesk/cache'); const { buildLibrary } = await import('./library.js');
 */
export function startSnapshotKey(seedsDir: string, cacheDir: string | null): Promise<string> {
  if (!cacheDir) return Promise.resolve('');
  const key = snapshotKeyOffThread(seedsDir, cacheDir);
  // Handled where it is taken up: a key never taken (a failed start) is not an unhandled rejection.
  key.catch(() => undefined);
  started = { seedsDir, cacheDir, key };
  return key;
}
