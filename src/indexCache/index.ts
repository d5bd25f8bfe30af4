export { seedsFingerprint } from './seedsFingerprint.js';
export { cacheFile, INDEX_CACHE_VERSION, readIndexCache, writeIndexCache, type IndexSnapshot } from './indexCache.js';
export { EmptyCorpusError, loadSnapshot, type LoadedSnapshot } from './loadSnapshot.js';
export { loadSnapshotInWorker, WorkerBuildError } from './buildInWorker.js';
