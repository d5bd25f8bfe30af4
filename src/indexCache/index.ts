export { seedsFingerprint } from './seedsFingerprint.js';
export { cacheFile, INDEX_CACHE_VERSION, readCacheBytes, readIndexCache, writeIndexCache, type IndexSnapshot } from './indexCache.js';
export { EmptyCorpusError, loadSnapshot, snapshotKey, type LoadedSnapshot } from './loadSnapshot.js';
export { loadCorpusInParts, loadCorpusOnTwoThreads, type CorpusInParts, type TwoThreadOptions } from './loadCorpusPart.js';
export { loadSnapshotInWorker } from './buildInWorker.js';
export { WorkerBuildError } from './startWorker.js';
