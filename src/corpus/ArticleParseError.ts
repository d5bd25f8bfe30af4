/**
 * Thrown by `parseArticle` when a file cannot be trusted as an article (no headline, no body, broken front matter).
 * `loadCorpus` turns it into a skipped file with `reason`, so one bad file never stops a load.
 */
export class ArticleParseError extends Error {
  override readonly name = 'ArticleParseError';
  /** Id of the file (path relative to the corpus folder). */
  readonly file: string;
  /** Why the file was rejected, e.g. "no headline". */
  readonly reason: string;

  constructor(file: string, reason: string) {
    super(`Cannot parse article ${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
  }
}
