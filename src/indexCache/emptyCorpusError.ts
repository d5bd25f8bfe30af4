import { plural } from '../text/plural.js';

/** Thrown when a seeds folder yields no article at all, while some files were there. */
export class EmptyCorpusError extends Error {
  override name = 'EmptyCorpusError';
  constructor(readonly seedsDir: string, readonly skipped: number) {
    super(`no article could be loaded from ${seedsDir} (${plural(skipped, 'file')} skipped)`);
  }
}
