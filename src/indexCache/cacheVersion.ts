/**
 * Bumped whenever the shape of what is persisted changes, so an old cache is rebuilt rather than misread. 4: the file
 * is the packed snapshot in sections (cacheSections.ts), no longer `v8.serialize`d; string chunks grouped. In a module
 * of its own: the key worker (keyWorker.ts) salts the key with it without loading the cache file's code.
 */
export const INDEX_CACHE_VERSION = 4;
