/** The state file cannot be used: unreadable, corrupted, or written by a newer newsdesk. */
export class StateFileError extends Error {
  override name = 'StateFileError';

  constructor(
    message: string,
    /** The state file's path. */
    readonly file: string,
    /** SQLite's error code when it gave one (e.g. `SQLITE_CORRUPT`, `SQLITE_NOTADB`). */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}
